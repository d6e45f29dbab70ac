"""Typed helpers to read settings from the environment.

Every value can also come from a file: ``NAME_FILE=/run/secrets/name`` reads the
value from that path, as container secrets are usually mounted.
"""

import os
from collections.abc import Mapping
from pathlib import Path

_TRUE = {"1", "true", "yes", "on"}


def env(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    path = environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = env(name)
    return raw.strip().lower() in _TRUE if raw else default


def env_int(name: str, default: int) -> int:
    raw = env(name).strip()
    return int(raw) if raw else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# --- optional OIDC login (mozilla-django-oidc) ------------------------------------------------

OIDC_REQUIRED = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)
# Which user field a login is matched on, and the claim that carries its value by default.
OIDC_MATCH_FIELDS = {"username": "preferred_username", "email": "email"}


class OIDCConfigError(ValueError):
    pass


def oidc_settings(environ: Mapping[str, str] | None = None) -> dict:
    """The mozilla-django-oidc settings, or {} when OIDC is off (no OIDC_RP_CLIENT_ID).

    A half-filled configuration is an error rather than a silently disabled login.
    """
    def get(name, default=""):
        return env(name, default, environ).strip()

    if not get("OIDC_RP_CLIENT_ID"):
        return {}
    missing = [name for name in OIDC_REQUIRED if not get(name)]
    if missing:
        raise OIDCConfigError(f"OIDC_RP_CLIENT_ID is set but {', '.join(missing)} is not.")
    match_field = get("OIDC_MATCH_FIELD", "email")
    if match_field not in OIDC_MATCH_FIELDS:
        raise OIDCConfigError(f"OIDC_MATCH_FIELD must be one of {sorted(OIDC_MATCH_FIELDS)}.")
    config = {name: get(name) for name in OIDC_REQUIRED}
    config.update(
        OIDC_RP_SIGN_ALGO=get("OIDC_RP_SIGN_ALGO", "RS256"),
        OIDC_RP_SCOPES=get("OIDC_RP_SCOPES", "openid email profile"),
        OIDC_MATCH_FIELD=match_field,
        OIDC_MATCH_CLAIM=get("OIDC_MATCH_CLAIM", OIDC_MATCH_FIELDS[match_field]),
        # Accounts, their role and their scope are made by a regional admin, never by a login.
        OIDC_CREATE_USER=False,
        OIDC_LOGIN_LABEL=get("OIDC_LOGIN_LABEL"),
    )
    return config
