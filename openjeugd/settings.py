"""Open Jeugd settings: one module, every value from the environment (see openjeugd.conf).

Defaults are safe for production (DEBUG off, secure cookies when not debugging); `make demo`
sets DEBUG and a local SECRET_KEY explicitly.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from openjeugd.conf import env, env_bool, env_int, env_list, oidc_settings

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "openjeugd.core.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "openjeugd.core.apps.StaticFilesConfig",  # django.contrib.staticfiles, fewer files
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "openjeugd.core",
    "openjeugd.accounts",
    "openjeugd.registry",
    "openjeugd.ijw",
    "openjeugd.pathways",
    "openjeugd.contracts",
    "openjeugd.monitoring",
    "openjeugd.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Load-balancer probes answered before static files, sessions and users (core.health).
    "openjeugd.core.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "openjeugd.accounts.twofactor.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "openjeugd.core.middleware.RequestIdMiddleware",
    "openjeugd.core.middleware.PrivateResponseMiddleware",
    # The reads of the pages core.db_router names go to the read replica, when there is one.
    "openjeugd.core.db_router.ReportingReadsMiddleware",
    # A cancelled (too slow) statement or an unreachable database: a 503 page, not a 500.
    "openjeugd.core.unavailable.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout raised in any view into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "openjeugd.urls"
WSGI_APPLICATION = "openjeugd.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openjeugd.core.context_processors.navigation",
            ],
            # Django's `date` filter with a fast path for the tables' ISO formats.
            "builtins": ["openjeugd.core.templatetags.fast_dates"],
        },
    }
]

# SQLite is the embedded default so that `make demo` needs no server; production and CI
# point DATABASE_URL at PostgreSQL.
_SQLITE_DEFAULT = PROJECT_DIR / "var" / "openjeugd.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{_SQLITE_DEFAULT}"),
        conn_max_age=60,
    )
}
# Reports and monitoring may read from a PostgreSQL streaming replica (core.db_router says which
# pages); every write and every other read stays on "default".
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(env("DATABASE_REPLICA_URL"), conn_max_age=60)
DATABASE_ROUTERS = ["openjeugd.core.db_router.ReplicaRouter"]
# The alias the router sends reporting reads to, or None: then everything reads from default.
REPORTING_DATABASE = "replica" if "replica" in DATABASES else None
# How long one SQL statement may run before PostgreSQL cancels it (0: no limit). Shorter than
# the gunicorn worker timeout, so a slow page ends as a 503 page, not as a killed worker.
DB_STATEMENT_TIMEOUT_MS = env_int("DB_STATEMENT_TIMEOUT_MS", 15_000)
DB_CONNECT_TIMEOUT_S = env_int("DB_CONNECT_TIMEOUT_S", 5)
# The 503 page's Retry-After (core.unavailable).
UNAVAILABLE_RETRY_AFTER_S = env_int("UNAVAILABLE_RETRY_AFTER_S", 30)
for _database in DATABASES.values():
    if _database["ENGINE"].endswith("postgresql"):
        _database.setdefault("OPTIONS", {}).update(
            options=f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}",
            connect_timeout=DB_CONNECT_TIMEOUT_S,
        )
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a lock instead of failing at once: the import CLI and the web server may write
    # at the same time in the demo.
    # WAL lets the web server read while an import writes; IMMEDIATE avoids lock upgrades
    # failing mid-transaction; synchronous=NORMAL is safe with WAL and much faster.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    _SQLITE_DEFAULT.parent.mkdir(exist_ok=True)
# Local-memory caches, one per process: each gunicorn worker holds its own copy
# (docs/operations.md). "default" serves the API's throttles; "monitoring" the computed
# monitoring figures and the dashboard drawn from them (monitoring.cache), ~170 KB an entry.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "openjeugd",
    },
    "monitoring": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "openjeugd-monitoring",
        "OPTIONS": {"MAX_ENTRIES": env_int("MONITORING_CACHE_ENTRIES", 100)},
    },
}
MONITORING_CACHE = "monitoring"
# How long a computed monitoring figure set is kept (seconds; 0: never cached). Its key
# changes with the data it was computed from, so this only bounds memory, not staleness.
MONITORING_CACHE_SECONDS = env_int("MONITORING_CACHE_SECONDS", 900)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# django-axes first: it refuses a locked-out username+IP before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection: lock a username from one IP address after AXES_FAILURE_LIMIT wrong
# passwords, for AXES_COOLOFF_MINUTES. Per username *and* IP, so an attacker cannot lock a
# colleague out from elsewhere. Failed logins themselves go to the access log via Django's
# user_login_failed signal (accounts), so axes keeps no access log of its own.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "openjeugd.core.views.locked_out"
AXES_VERBOSE = False  # its start-up banner would land in every command's output
# The IP address is REMOTE_ADDR: behind a reverse proxy that is the proxy's, and the lockout
# then works per username alone (still safe, a little broader).

# Two-factor authentication (django-otp, TOTP): see openjeugd.accounts.twofactor for who.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Open Jeugd")
# The admin never shows another user's TOTP secret or QR code: whoever sees it can make codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Optional OIDC login for municipalities (docs/oidc.md): on only when OIDC_RP_CLIENT_ID is set.
OIDC = oidc_settings()
if OIDC:
    globals().update(OIDC)
    AUTHENTICATION_BACKENDS.append("openjeugd.accounts.oidc.MatchingOIDCBackend")
    LOGIN_REDIRECT_URL_FAILURE = "/login/"

# Argon2 (Django's recommendation) for every new or changed password; a PBKDF2 hash from before
# still verifies and is rehashed with Argon2 at that user's next login. Its cost: OWASP's argon2id
# configuration by default (openjeugd.accounts.hashers says why not Django's).
PASSWORD_HASHERS = [
    "openjeugd.accounts.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

ARGON2_MEMORY_COST_KIB = env_int("ARGON2_MEMORY_COST_KIB", 19_456)
ARGON2_TIME_COST = env_int("ARGON2_TIME_COST", 2)
ARGON2_PARALLELISM = env_int("ARGON2_PARALLELISM", 1)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(PROJECT_DIR / "var" / "static")))
# The NL Design System stylesheet (Utrecht component library) is installed from the npm
# registry by `make`; whitenoise serves it.
_NPM = PROJECT_DIR / "node_modules" / "@utrecht"
STATICFILES_DIRS = [
    (prefix, path)
    for prefix, path in [
        ("utrecht/components", _NPM / "component-library-css" / "dist"),
        ("utrecht/tokens", _NPM / "design-tokens" / "dist"),
    ]
    if path.exists()
]
# `collectstatic` writes each file under a content-hashed name with gzip and brotli copies;
# whitenoise serves those copies to browsers that accept them and lets browsers keep hashed
# files for ten years, immutable (their name changes when their content does).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "openjeugd.core.storage.StaticFilesStorage"},
}
# Serving straight from the source folders (no collectstatic) is for development only.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Files without a hash in their name (favicon, files linked by a fixed path): one hour.
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 0 if DEBUG else 3600)
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(PROJECT_DIR / "var" / "media")))

# --- web hardening (docs/security-headers.md) -------------------------------------------------
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_AGE = 8 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe /healthz (and the older /health) over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz?$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading commits the whole domain (often the municipality's) to HTTPS in every browser for
# good: the operator's decision, off by default, so its deploy-check reminder is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script or style anywhere: every template loads its code from /static/.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Sent by openjeugd.core.middleware: no page of Open Jeugd needs any of these.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", "30/minute"),
        "user": env("API_THROTTLE_USER", "600/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Bounded page sizes, and a page beyond the end is the last page (never an error).
    "DEFAULT_PAGINATION_CLASS": "openjeugd.core.pagination.PageNumber",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Jeugd API",
    "DESCRIPTION": "Everything a user can see in Open Jeugd, also through the API.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI and ReDoc from this installation (drf-spectacular-sidecar), not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # `check --deploy` is about running safely; gaps in the API documentation are not, and
    # generating the whole schema at every deploy check is slow.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# Official iJw 3.2 schemas; when set, every message in and out is also XSD-validated.
IJW_XSD_DIR = env("IJW_XSD_DIR")

# What ijw asks of the contracts app, named so ijw never imports it (docs: contracts/README):
# which provider may exchange a message with a municipality on a day, and the contract tariff
# of a declared product (TR418, retourcode 0611).
IJW_PROVIDER_ADMISSION = "openjeugd.contracts.lookups.admitted_provider"
IJW_CONTRACT_TARIFF = "openjeugd.contracts.lookups.contract_tariffs"
# A ceiling warns once this share (%) of it is used (a ceiling may set its own).
CONTRACTS_CEILING_WARNING_PERCENT = env_int("CONTRACTS_CEILING_WARNING_PERCENT", 90)

# How long after the end of care a provider may still read a youth's record (declarations and
# corrections come after the last day of care). A withdrawal "sent by mistake" ends it at once.
CARE_RELATION_GRACE_DAYS = int(env("CARE_RELATION_GRACE_DAYS", "90"))

LOG_LEVEL = env("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "openjeugd.core.logging.JsonFormatter"}},
    "filters": {"request_id": {"()": "openjeugd.core.logging.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# NEN 7513: how long access-log entries are kept before `manage.py accesslog purge` removes
# them (default five years).
ACCESS_LOG_RETENTION_DAYS = int(env("ACCESS_LOG_RETENTION_DAYS", "1826"))

# Monitoring (#11): seams to the apps that know more. The product catalogue (contracts) gives
# the CBS hulpvorm of a product: f(region, productcategorie, productcode) -> code or None.
# The default knows only JZ020 31-38 (one to one with CBS §3.3) and reports everything else.
MONITORING_HULPVORM_LOOKUP = env(
    "MONITORING_HULPVORM_LOOKUP", "openjeugd.contracts.lookups.hulpvorm_of_product")
# Outcome measurements (pathways): f(region, first, last) -> iterable of
# monitoring.cbs.outcome.Measurement (or dicts of its fields): the casework's measurements.
MONITORING_MEASUREMENTS_LOOKUP = env(
    "MONITORING_MEASUREMENTS_LOOKUP", "openjeugd.pathways.lookups.measurements_for")
# The G7 themes (pathways): f(region, first, last, scope) -> dict of plain casework records
# (monitoring.themes). The segment budgets (contracts): f(region, years) -> list of dicts
# (monitoring.segments.Segment's fields). The planned number of beds per year (seed 002
# "afbouw van het aantal bedden"): f(region, year) -> int or None, by default the planned beds
# of contracts' region or segment ceilings; set empty: no plan at all.
MONITORING_CASEWORK_LOOKUP = env(
    "MONITORING_CASEWORK_LOOKUP", "openjeugd.pathways.lookups.casework_for")
MONITORING_BUDGET_LOOKUP = env(
    "MONITORING_BUDGET_LOOKUP", "openjeugd.contracts.lookups.segment_budgets")
MONITORING_BED_PLAN_LOOKUP = env(
    "MONITORING_BED_PLAN_LOOKUP", "openjeugd.contracts.lookups.planned_beds")
