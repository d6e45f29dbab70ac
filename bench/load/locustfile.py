"""A normal working day in one region: the eight roles of the demo log in and click around.

Run through `bench/load/run` (which prepares the accounts); by hand:

    BENCH_ACCOUNTS=accounts.json locust -f bench/load/locustfile.py --host http://127.0.0.1:8000

Each simulated user takes the next role in turn (so 8, 16, ... users cover the roles evenly),
logs in through the real login form (CSRF token from the form, the second factor for the
regional administrator, the TOTP code computed here from the account's secret), opens the start
page and then, 1–3 s apart, what that role's menu offers: a list, a detail page reached from a
list, the next page of a list, a youth search by surname, the access log filtered by user.
Requests are named by page (ids replaced by {id}) so the figures are per page.
"""

import hashlib
import hmac
import html
import itertools
import json
import os
import random
import re
import struct
import threading
import time

from locust import HttpUser, between, task

HREF = re.compile(r'href="(/[^"#]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NUMBER = re.compile(r"/\d+(?=/|$|\.)")
# Links a person does not click in a working day, or that leave the pages measured here.
SKIP = re.compile(r"^/(static|admin|api|i18n|logout|login|accounts/2fa)|/raw/|export|/new/|"
                  r"/deactivate/|/reactivate/|/reset-password/|/unregister/|/edit/|/manage/")
SURNAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "Vos", "Peters", "Hendriks", "Dekker"]

_lock = threading.Lock()
_turn = itertools.count()
_accounts = None


def accounts() -> dict:
    global _accounts
    with _lock:
        if _accounts is None:
            with open(os.environ["BENCH_ACCOUNTS"], encoding="utf-8") as handle:
                _accounts = json.load(handle)
        return _accounts


def next_account() -> dict:
    """Roles in turn; an account with a second factor is used by one simulated user only (a
    TOTP code is accepted once per 30-second step per device)."""
    data = accounts()
    with _lock:
        turn = next(_turn)
        role = data["roles"][turn % len(data["roles"])]
        if role["totp_pool"]:
            pool = data["totp_accounts"][role["totp_pool"]]
            return pool[(turn // len(data["roles"])) % len(pool)]
        return role


def totp(key_hex: str, step: int = 30, digits: int = 6) -> str:
    """RFC 6238, as django-otp's TOTPDevice checks it (t0 0, SHA-1)."""
    counter = struct.pack(">Q", int(time.time()) // step)
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def page_name(path: str) -> str:
    path, _sep, query = path.partition("?")
    name = NUMBER.sub("/{id}", path)
    keys = sorted({part.split("=")[0] for part in query.split("&") if part})
    return f"{name}?{'&'.join(keys)}" if keys else name


def links(body: str) -> list[str]:
    found = {html.unescape(href) for href in HREF.findall(body)}
    return sorted(href for href in found if not SKIP.search(href))


class RegionUser(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.account = next_account()
        self.menu, self.seen = [], {}
        self.log_in()

    def open(self, path: str, **kwargs):
        with self.client.get(path, name=page_name(path), catch_response=True, **kwargs) as resp:
            if resp.status_code != 200:
                resp.failure(f"{resp.status_code} on {page_name(path)}")
            return resp

    def log_in(self):
        form = self.client.get("/login/", name="login form")
        token = CSRF.search(form.text).group(1)
        response = self.client.post("/login/", name="login: password", data={
            "csrfmiddlewaretoken": token, "username": self.account["username"],
            "password": self.account["password"]})
        if "/accounts/2fa/" in response.url:
            token = CSRF.search(response.text).group(1)
            response = self.client.post(response.url, name="login: TOTP code", data={
                "csrfmiddlewaretoken": token, "token": totp(self.account["totp_key"]),
                "next": "/"})
        home = self.open("/")
        self.menu = [href for href in links(home.text) if href != "/"]
        if not self.menu:
            raise RuntimeError(f"{self.account['username']}: no menu after login "
                               f"(ended on {response.url})")

    @task(5)
    def open_a_menu_page(self):
        path = random.choice(self.menu)
        response = self.open(path)
        self.seen[path] = links(response.text)

    @task(4)
    def open_something_from_a_list(self):
        candidates = [href for hrefs in self.seen.values() for href in hrefs
                      if NUMBER.search(href.partition("?")[0]) and href not in self.menu]
        if candidates:
            self.open(random.choice(candidates))
        else:
            self.open_a_menu_page()

    @task(1)
    def next_page_of_a_list(self):
        pages = [href for hrefs in self.seen.values() for href in hrefs
                 if re.search(r"[?&](page|after|before|cursor)=", href)]
        if pages:
            self.open(random.choice(pages))

    @task(1)
    def search(self):
        if "/registry/youths/" in self.menu:
            form = self.client.get("/registry/youths/", name="/registry/youths/")
            token = CSRF.search(form.text).group(1)
            self.client.post("/registry/youths/", name="youth search (POST)", data={
                "csrfmiddlewaretoken": token, "q": random.choice(SURNAMES)})
        elif "/accounts/access-log/" in self.menu:
            self.open(f"/accounts/access-log/?username={random.choice(['toegang', 'ret'])}")
