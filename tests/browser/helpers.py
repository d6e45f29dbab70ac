"""What the Dutch browser tests share: a user with a known password, a Dutch page, the login."""

from openjeugd.registry.tests.factories import UserFactory

PASSWORD = "browser-tests-password-1"


def user(username, **fields):
    found = UserFactory(username=username, **fields)
    found.set_password(PASSWORD)
    found.save()
    return found


def dutch_page(chromium):
    context = chromium.new_context(locale="nl-NL")
    context.set_default_timeout(15_000)
    return context.new_page()


def log_in(page, live_server, username):
    """Through the real login form; the start page answers in Dutch."""
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "nl"
