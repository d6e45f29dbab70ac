"""Settings for the test suite: the production settings with test-only secrets and speed-ups."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("ALLOWED_HOSTS", "*")
# The test client and the browser tests' live server speak plain HTTP.
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# One throttle cache serves the whole run and user ids repeat between tests: the API tests must
# not throttle each other. tests for throttling set their own rate.
os.environ.setdefault("API_THROTTLE_ANON", "100000/minute")
os.environ.setdefault("API_THROTTLE_USER", "100000/minute")
_shared_xsd = Path(__file__).resolve().parents[2] / "shared" / "ijw" / "xsd"
if _shared_xsd.is_dir():
    os.environ.setdefault("IJW_XSD_DIR", str(_shared_xsd))

from openjeugd.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - whitenoise warns when it is missing
# No collectstatic before the tests: the live server of the browser tests serves the sources.
WHITENOISE_USE_FINDERS = True

# A second alias for the read-replica router's tests (core/tests/test_db_router.py): the test
# database itself, reached over its own connection. Reporting reads use it only in tests that
# set REPORTING_DATABASE="replica"; everywhere else they stay on default.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file instead of shared-cache memory: in the race tests two threads then wait for each
    # other's lock (busy timeout) instead of failing at once with "database table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(PROJECT_DIR / "var" / "test.sqlite3")}  # noqa: F405

# Ids repeat between tests (rolled back), so a cached indicator set of one test could match the
# data version of the next: the monitoring cache is off except in the tests that switch it on.
MONITORING_CACHE_SECONDS = 0
