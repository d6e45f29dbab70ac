"""gunicorn's configuration for Open Jeugd: `gunicorn -c python:openjeugd.gunicorn_conf`.

`openjeugd serve` (and `make serve`) start gunicorn with it. Every value can be changed through
the environment (below) or, as with any gunicorn setting, on the command line after it.

Timeouts, from the inside out: PostgreSQL cancels a statement after DB_STATEMENT_TIMEOUT_MS
(15 s; the user gets the 503 page), gunicorn kills a worker stuck for GUNICORN_TIMEOUT (30 s),
the proxy in front gives up after its own read timeout (60 s in docs/operations.md).
"""

import os
import re

from gunicorn.glogging import Logger


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def worker_count(cores: int | None = None) -> int:
    """2 × cores + 1 (gunicorn's advice for sync workers), at most GUNICORN_MAX_WORKERS."""
    if os.environ.get("GUNICORN_WORKERS", "").strip():
        return max(1, _int("GUNICORN_WORKERS", 1))
    if cores is None:
        # The cores this process may use (a container's CPU set), not the host's.
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    return max(1, min(2 * cores + 1, _int("GUNICORN_MAX_WORKERS", 9)))


wsgi_app = "openjeugd.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}")
workers = worker_count()
worker_class = "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)
# On SIGTERM/SIGHUP a worker finishes the request in hand for up to this long.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle each worker after about this many requests (jitter: not all at once), so slow memory
# growth never adds up.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# gunicorn ≥ 25 opens a control socket at one fixed path per user ($HOME/.gunicorn/): two
# instances would share it, and a hardened unit (ProtectHome) cannot create it. Off unless a
# path is given.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
# Only the proxy on this machine may say the request came in over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Path only, never the query string (searches carry BSNs and names), no referrer (it has the
# previous page's query string), no user agent. The request id joins it to the app's JSON logs.
access_log_format = ('%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms '
                     'rid=%({x-request-id}o)s')

# Eight or more digits in a row: a BSN (nine, or eight without its leading zero) or something
# as sensitive; object ids in our URLs are far shorter.
_LONG_NUMBER = re.compile(r"\d{8,}")
HEALTH_PATHS = frozenset({"/healthz", "/health"})


def redact(text: str) -> str:
    return _LONG_NUMBER.sub("[redacted]", text)


class RedactingLogger(Logger):
    """gunicorn's logger, with every access-log field that could hold personal data cleaned."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = redact(atoms.get("U", ""))
        atoms.update(U=path, q="", f="-", a="-",
                     r=f"{atoms.get('m', '-')} {path} {atoms.get('H', '-')}")
        return atoms

    def access(self, resp, req, environ, request_time):
        if environ.get("PATH_INFO") in HEALTH_PATHS:
            return  # a probe every few seconds would drown the log
        super().access(resp, req, environ, request_time)


logger_class = RedactingLogger
