"""Typed helpers to read settings from the environment.

Every value can also come from a file: ``NAME_FILE=/run/secrets/name`` reads the
value from that path, as container secrets are usually mounted.
"""

import os
from pathlib import Path

_TRUE = {"1", "true", "yes", "on"}


def env(name: str, default: str = "") -> str:
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = env(name)
    return raw.strip().lower() in _TRUE if raw else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]
