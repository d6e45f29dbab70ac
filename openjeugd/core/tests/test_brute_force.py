"""Finding 7: 200 wrong passwords, then the right one, must not log anybody in.

Lockout is per username *and* IP address (django-axes), on the login page and the admin's.
"""

import pytest
from django.conf import settings
from django.contrib.auth.signals import user_login_failed

from openjeugd.accounts.roles import Role
from openjeugd.core.testing import english  # noqa: F401 - shared fixture
from openjeugd.registry.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _english_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

PASSWORD = "the-right-password-42"
LOGIN_PAGES = ["/login/", "/admin/login/"]


@pytest.fixture
def staff(db):
    # A staff superuser, so the admin login would accept the right password.
    user = UserFactory(username="beheer", role=Role.REGIONAL_ADMIN, is_staff=True,
                       is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def attempt(client, page, username, password, ip="198.51.100.7"):
    return client.post(page, {"username": username, "password": password},
                       REMOTE_ADDR=ip)


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("page", LOGIN_PAGES)
def test_two_hundred_wrong_passwords_then_the_right_one_stays_out(client, staff, page):
    statuses = {attempt(client, page, "beheer", f"guess-{n}").status_code for n in range(200)}
    response = attempt(client, page, "beheer", PASSWORD)

    assert not is_logged_in(client)
    assert response.status_code == 429
    # Before the limit the form answers 200 with an error, after it the lockout page.
    assert statuses == {200, 429}
    assert b"Too many attempts" in response.content
    assert "30 minutes" in response.content.decode()


def test_lockout_starts_exactly_at_the_configured_limit(client, staff):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5  # the default when AXES_FAILURE_LIMIT is not set
    for n in range(limit - 1):
        assert attempt(client, "/login/", "beheer", f"guess-{n}").status_code == 200
    # One attempt left: the right password still gets in (and resets the count).
    assert attempt(client, "/login/", "beheer", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_lockout_is_per_username_and_address(client, staff, db):
    colleague = UserFactory(username="collega", role=Role.POLICY_ADVISOR)
    colleague.set_password(PASSWORD)
    colleague.save()
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "/login/", "beheer", f"guess-{n}")

    # The attacker cannot lock out a colleague, nor the victim working from another address.
    assert attempt(client, "/login/", "collega", PASSWORD).status_code == 302
    client.logout()
    assert attempt(client, "/login/", "beheer", PASSWORD, ip="203.0.113.9").status_code == 302


def test_lockout_page_speaks_dutch(client, staff):
    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post("/login/", {"username": "beheer", "password": f"x{n}"},
                               HTTP_ACCEPT_LANGUAGE="nl", REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 429
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.content.decode()


def test_every_failed_attempt_still_fires_user_login_failed(client, staff):
    # The access log records failed logins through this signal, also once axes refuses.
    seen = []

    def receiver(sender, credentials, request=None, **kwargs):
        seen.append(credentials.get("username"))

    user_login_failed.connect(receiver)
    try:
        for n in range(settings.AXES_FAILURE_LIMIT + 3):
            attempt(client, "/login/", "beheer", f"guess-{n}")
        attempt(client, "/admin/login/", "beheer", PASSWORD)
    finally:
        user_login_failed.disconnect(receiver)
    assert seen == ["beheer"] * (settings.AXES_FAILURE_LIMIT + 4)
