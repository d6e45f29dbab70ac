"""The optional OIDC login: off unless configured, never half-on, never creating accounts."""

import pytest

from openjeugd.conf import OIDC_REQUIRED, OIDCConfigError, oidc_settings

FULL = {
    "OIDC_RP_CLIENT_ID": "openjeugd",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.gemeente.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.gemeente.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.gemeente.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.gemeente.example/jwks",
}


def test_off_without_a_client_id():
    assert oidc_settings({}) == {}
    # Other OIDC values alone do not switch it on.
    assert oidc_settings({k: v for k, v in FULL.items() if k != "OIDC_RP_CLIENT_ID"}) == {}


def test_on_with_a_full_configuration_and_never_creates_users():
    config = oidc_settings(FULL)
    assert {k: config[k] for k in OIDC_REQUIRED} == FULL
    assert config["OIDC_CREATE_USER"] is False
    assert (config["OIDC_MATCH_FIELD"], config["OIDC_MATCH_CLAIM"]) == ("email", "email")
    assert config["OIDC_RP_SIGN_ALGO"] == "RS256"


def test_matching_on_username_reads_preferred_username_unless_told_otherwise():
    assert oidc_settings({**FULL, "OIDC_MATCH_FIELD": "username"})["OIDC_MATCH_CLAIM"] \
        == "preferred_username"
    config = oidc_settings({**FULL, "OIDC_MATCH_FIELD": "username",
                            "OIDC_MATCH_CLAIM": "employee_id"})
    assert config["OIDC_MATCH_CLAIM"] == "employee_id"


@pytest.mark.parametrize("missing", OIDC_REQUIRED[1:])
def test_a_half_configuration_is_an_error(missing):
    with pytest.raises(OIDCConfigError, match=missing):
        oidc_settings({k: v for k, v in FULL.items() if k != missing})


def test_matching_on_another_field_is_refused():
    with pytest.raises(OIDCConfigError, match="OIDC_MATCH_FIELD"):
        oidc_settings({**FULL, "OIDC_MATCH_FIELD": "is_superuser"})


def test_the_running_site_has_no_oidc_login_when_unconfigured(client, db):
    from django.conf import settings

    assert settings.OIDC == {}
    assert "openjeugd.accounts.oidc.MatchingOIDCBackend" not in settings.AUTHENTICATION_BACKENDS
    assert client.get("/oidc/authenticate/").status_code == 404
    assert b"oidc" not in client.get("/login/").content
