"""The OIDC backend matches a login to one existing, active account and never makes one."""

import pytest
from django.core.exceptions import SuspiciousOperation

from openjeugd.accounts.models import User
from openjeugd.accounts.oidc import MatchingOIDCBackend
from openjeugd.accounts.roles import Role
from openjeugd.conf import oidc_settings
from openjeugd.registry.tests.factories import UserFactory

ENV = {
    "OIDC_RP_CLIENT_ID": "openjeugd",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.gemeente.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.gemeente.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.gemeente.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.gemeente.example/jwks",
}


@pytest.fixture
def backend(settings, monkeypatch):
    def make(claims, **env):
        for name, value in oidc_settings({**ENV, **env}).items():
            setattr(settings, name, value)
        backend = MatchingOIDCBackend()
        monkeypatch.setattr(backend, "get_userinfo", lambda *args: claims)
        return backend.get_or_create_user("access", "id", {})
    return make


def test_matches_an_existing_account_by_email_and_keeps_its_role(backend, db):
    worker = UserFactory(email="tess@nijmegen.example", role=Role.ACCESS_WORKER)
    user = backend({"email": "TESS@nijmegen.example", "given_name": "Mallory",
                    "roles": ["regional_admin"]})
    assert user == worker
    worker.refresh_from_db()
    assert worker.role == Role.ACCESS_WORKER and worker.first_name != "Mallory"


def test_an_unknown_person_gets_no_account(backend, db):
    before = User.objects.count()
    assert backend({"email": "nobody@elders.example"}) is None
    assert User.objects.count() == before


def test_a_deactivated_account_cannot_come_back_through_sso(backend, db):
    UserFactory(email="oud@nijmegen.example", is_active=False)
    assert backend({"email": "oud@nijmegen.example"}) is None


def test_matching_by_username_claim(backend, db):
    worker = UserFactory(username="ttoegang", email="")
    assert backend({"preferred_username": "ttoegang"}, OIDC_MATCH_FIELD="username") == worker
    # The email claim is not used when matching by username: the login is refused outright
    # (authenticate() turns this into "no user").
    with pytest.raises(SuspiciousOperation):
        backend({"email": "ttoegang"}, OIDC_MATCH_FIELD="username")
