"""Logins and failed logins land in the access log with the name tried and the address."""

import pytest

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.tests.factories import UserFactory


@pytest.fixture
def user(db):
    return UserFactory(username="medewerker", password="juist-wachtwoord")


def test_failed_login_is_logged_without_user(client, user):
    response = client.post("/login/", {"username": "medewerker", "password": "fout"},
                           REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200  # the form again
    entry = AccessLogEntry.objects.get(action="login_failed")
    assert (entry.user, entry.username, entry.ip_address) == (None, "medewerker", "203.0.113.9")
    assert "fout" not in str(entry.__dict__)


def test_failed_login_for_an_unknown_name_and_on_the_admin(client, db):
    client.post("/admin/login/", {"username": "=cmd|calc", "password": "x"})
    entry = AccessLogEntry.objects.get(action="login_failed")
    assert entry.username == "=cmd|calc" and entry.user is None


def test_successful_login_is_logged(client, user):
    client.post("/login/", {"username": "medewerker", "password": "juist-wachtwoord"},
                REMOTE_ADDR="2001:0db8::0001")
    entry = AccessLogEntry.objects.get(action="login")
    assert (entry.user, entry.owner_region_id) == (user, user.region_id)
    assert entry.ip_address == "2001:db8::1"  # stored as the database gives it back


def test_attempts_on_an_account_are_seen_by_its_regions_auditor_only(client, user):
    client.post("/login/", {"username": "medewerker", "password": "fout"})
    own, other = UserFactory(role="auditor", region=user.region), UserFactory(role="auditor")
    for auditor, expected in [(own, ["medewerker"]), (other, [])]:
        client.force_login(auditor)
        results = client.get("/api/accounts/access-log/", {"action": "login_failed"}).json()
        assert [e["username"] for e in results["results"]] == expected
