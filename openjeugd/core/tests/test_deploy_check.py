"""`manage.py check --deploy` is clean with production settings: the defaults are the safe ones.

Runs in a subprocess because the settings module reads the environment once, at import; the
environment holds only what an operator must always provide.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT = Path(__file__).resolve().parents[3]


def run_check(**extra_env) -> subprocess.CompletedProcess:
    return _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **extra_env)


def _run(args: list[str], **extra_env) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "DJANGO_SETTINGS_MODULE": "openjeugd.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "openjeugd.regio.example",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{PROJECT}/var/check.sqlite3"),
        "LOG_LEVEL": "WARNING",
        # Production needs the official iJw XSDs (system check ijw.E001).
        "IJW_XSD_DIR": settings.IJW_XSD_DIR,
        **extra_env,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_check_deploy_is_clean_with_production_defaults():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_check_deploy_catches_an_unsafe_setting():
    # The check is real: switching HSTS off on purpose is reported and fails the run.
    result = run_check(SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_check_deploy_refuses_production_without_the_xsds():
    result = run_check(IJW_XSD_DIR="")
    assert result.returncode != 0
    assert "ijw.E001" in result.stdout + result.stderr


def test_the_wsgi_application_refuses_to_start_without_the_xsds():
    # A WSGI server runs no system checks: openjeugd.wsgi runs the iJw check itself.
    load = ["-c", "import openjeugd.wsgi"]
    refused = _run(load, IJW_XSD_DIR="")
    assert refused.returncode != 0 and "ijw.E001" in refused.stderr
    assert _run(load).returncode == 0
