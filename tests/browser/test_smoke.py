"""Smoke test through a real browser: log in per role, see that role's start page, log out.

Runs against pytest-django's live server (a real HTTP server in a thread), which serves the
static files, so the NL Design System stylesheets must load too.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from openjeugd.accounts.roles import Role
from openjeugd.core.navigation import menu_for
from openjeugd.registry.tests.factories import UserFactory

from .helpers import region_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "smoke-test-password"
STYLESHEETS = [
    "/static/utrecht/tokens/index.css",
    "/static/utrecht/components/html.css",
    "/static/utrecht/components/index.css",
    "/static/openjeugd/layout.css",
]


@dataclass(frozen=True)
class Account:
    username: str
    role_label: str
    start_hrefs: frozenset[str]  # what the central policy says this role's start page links to


def make_account(**fields) -> Account:
    user = UserFactory(**fields)
    user.set_password(PASSWORD)
    user.save()
    return Account(
        username=user.username,
        role_label=str(Role(user.role).label),
        start_hrefs=frozenset(item.url for item in menu_for(user)),
    )


@pytest.fixture
def accounts(transactional_db) -> dict[str, Account]:
    """An access worker for Nijmegen and a policy advisor, both in the same region.

    Built before the browser starts: see the `chromium` fixture.
    """
    region, nijmegen = region_with()
    return {
        "worker": make_account(username="toegang", first_name="Tess", last_name="Toegang",
                               role=Role.ACCESS_WORKER, region=region, municipality=nijmegen),
        "advisor": make_account(username="beleid", first_name="Bram", last_name="Beleid",
                                role=Role.POLICY_ADVISOR, region=region),
    }


def card_hrefs(page) -> set[str]:
    return set(page.locator("[data-testid=start-cards] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"))


def header_text(page) -> str:
    return page.get_by_test_id("current-user").inner_text()


def log_in_with_mouse(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_access_worker_logs_in_by_keyboard_and_works_on_youths(
    accounts, live_server, page, tmp_path
):
    worker = accounts["worker"]
    youths = reverse("registry:youth-list")
    css_status = {}
    page.on("response", lambda r: css_status.__setitem__(r.url.removeprefix(live_server.url),
                                                          r.status))

    page.goto(f"{live_server.url}/")
    # Not logged in: the start page sends us to the login form, keeping where we wanted to go.
    assert page.url == f"{live_server.url}/login/?next=/"

    # Keyboard only: the username field has focus, Tab moves to the password, Enter submits.
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type(worker.username)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert "municipal access worker" in header_text(page)
    assert "Nijmegen (0268)" in page.get_by_test_id("role-scope").inner_text()
    hrefs = card_hrefs(page)
    assert hrefs == worker.start_hrefs
    assert youths in hrefs
    assert reverse("accounts:access-log") not in hrefs

    for sheet in STYLESHEETS:
        assert css_status.get(sheet) == 200, f"{sheet}: {css_status.get(sheet)}"
    # The Utrecht stylesheet is applied, not only fetched: it styles the primary button class.
    assert page.evaluate("[...document.styleSheets].some(s => [...s.cssRules].some("
                         "r => (r.selectorText || '').includes('utrecht-button')))")

    shot = tmp_path / "start-page-access-worker.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The youths card leads to a page this role may open.
    page.click(f"[data-testid=start-cards] a[href='{youths}']")
    page.wait_for_url(f"{live_server.url}{youths}")
    assert page.locator("h1").count() == 1

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/login/")
    assert page.get_by_test_id("current-user").count() == 0
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/login/?next=/"


def test_policy_advisor_sees_figures_not_youths(accounts, live_server, page):
    advisor, worker = accounts["advisor"], accounts["worker"]
    log_in_with_mouse(page, live_server, advisor.username)

    assert "policy advisor" in header_text(page)
    hrefs = card_hrefs(page)
    assert hrefs == advisor.start_hrefs
    assert reverse("registry:youth-list") not in hrefs
    # Both roles share the registry cards; the role decides the rest.
    assert hrefs != worker.start_hrefs

    # Typing the youths address directly does not get around the missing card.
    response = page.goto(f"{live_server.url}{reverse('registry:youth-list')}")
    assert response.status == 403

    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/login/")


def test_wrong_password_shows_an_error_and_keeps_you_out(accounts, live_server, page):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", accounts["worker"].username)
    page.fill("#id_password", "not-the-password")
    page.click("form.utrecht-form button[type=submit]")
    assert page.get_by_role("alert").count() == 1
    assert page.url.startswith(f"{live_server.url}/login/")
    assert page.get_by_test_id("current-user").count() == 0
