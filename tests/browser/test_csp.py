"""The Content-Security-Policy holds in a real browser: the main pages, in Dutch, report no
violation in the console (no inline script or style left anywhere), and the second-factor
set-up works with its inline-SVG QR code.
"""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp

from openjeugd.accounts.roles import Role
from openjeugd.registry.tests.factories import UserFactory, YouthFactory

from .helpers import region_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "csp-test-password-7"
WORKER_PAGES = ["/", "/registry/youths/", "/registry/municipalities/", "/registry/providers/",
                "/ijw/", "/ijw/upload/"]
ADMIN_PAGES = ["/", "/admin/", "/admin/accounts/user/"]


@pytest.fixture
def accounts(transactional_db):
    """Built before the browser starts: see the `chromium` fixture."""
    region, nijmegen = region_with()
    youth = YouthFactory(municipality=nijmegen)
    users = {
        "worker": UserFactory(username="toegang", role=Role.ACCESS_WORKER, region=region,
                              municipality=nijmegen),
        "admin": UserFactory(username="regiobeheer", role=Role.REGIONAL_ADMIN, region=region,
                             is_staff=True, is_superuser=True),
    }
    for user in users.values():
        user.set_password(PASSWORD)
        user.save()
    return {"youth_url": f"/registry/youths/{youth.pk}/", **users}


@pytest.fixture
def dutch_page(chromium):
    context = chromium.new_context(locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.csp_violations = []
    page.csp_headers = {}
    page.loaded = []  # what was fetched; a request the policy refuses never finishes
    page.on("requestfinished", lambda r: page.loaded.append(r.url))

    def on_console(message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            page.csp_violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("response", lambda r: page.csp_headers.__setitem__(
        r.url, r.headers.get("content-security-policy")))
    try:
        yield page
    finally:
        context.close()


def visit(page, base, path, lang="nl"):
    response = page.goto(f"{base}{path}")
    page.wait_for_load_state("networkidle")
    assert response.status == 200, f"{path}: {response.status}"
    # The policy is really sent, so "no violation" means something.
    assert "script-src 'self'" in page.csp_headers[f"{base}{path}"]
    assert page.locator("html").get_attribute("lang") == lang


def log_in(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")


def test_main_pages_in_dutch_break_no_csp_rule(accounts, live_server, dutch_page):
    page, base = dutch_page, live_server.url
    visit(page, base, "/login/")
    assert page.locator("h1").inner_text() == "Inloggen"
    log_in(page, base, "toegang")
    page.wait_for_url(f"{base}/")
    for path in [*WORKER_PAGES, accounts["youth_url"]]:
        visit(page, base, path)
    # The layout stylesheet applied, although no style is inline: the header is a flex row.
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.oj-header__inner')).display") == "flex"
    assert page.csp_violations == []
    assert [url for url in page.loaded if not url.startswith((base, f"blob:{base}"))] == []


def test_regional_admin_sets_up_two_factor_and_works_without_csp_violations(
    accounts, live_server, dutch_page
):
    page, base = dutch_page, live_server.url
    log_in(page, base, "regiobeheer")
    page.wait_for_url(re.compile(r".*/accounts/2fa/setup/.*"))
    assert page.locator("[data-testid=totp-qr] svg path").count() == 1

    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    page.fill("#id_token", f"{totp(key):06d}")
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{base}/")

    for path in ADMIN_PAGES:
        visit(page, base, path)
    visit(page, base, "/api/docs/", lang="en")  # the API documentation is in English
    assert page.locator("#swagger-ui .information-container").count() == 1  # docs rendered
    assert page.csp_violations == []

    visit(page, base, "/api/redoc/", lang="en")
    assert page.locator("redoc h1").count() >= 1
    # ReDoc hard-codes its vendor's logo from a CDN; the policy refuses it, as it should.
    assert [v for v in page.csp_violations if "cdn.redoc.ly/redoc/logo-mini.svg" not in v] == []
    assert [url for url in page.loaded if not url.startswith((base, f"blob:{base}"))] == []
