"""Loaded for every test run (pyproject: `-p openjeugd.core.pytest_plugin`).

`client.force_login(user)` is the tests' shortcut for "this user is logged in"; for the users
two-factor authentication applies to (regional admins, superusers, staff in the admin) it now
also passes the second factor, so tests about other behaviour need not repeat it. The tests of
two-factor authentication log in with the password through the real login form instead, or use
`raw_force_login` to get a session that has not passed the second factor.

`client.login(username=…, password=…)` calls `authenticate()` without a request, which
django-axes refuses (it needs the client's address); the plugin hands it a request from
127.0.0.1, so such logins count towards a lockout like any other.
"""

import pytest


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(monkeypatch):
    from django.test import Client, RequestFactory

    from openjeugd.accounts.twofactor import requires_two_factor
    from openjeugd.core.testing import mark_otp_verified

    raw_force_login = Client.force_login

    def force_login(self, user, backend=None):
        raw_force_login(self, user, backend)
        if requires_two_factor(user) or user.is_staff:
            mark_otp_verified(self, user)

    raw_login = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/login/"))
        return raw_login(self, **credentials)

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "login", login)
    monkeypatch.setattr(Client, "raw_force_login", raw_force_login, raising=False)
