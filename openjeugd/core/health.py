"""`/healthz` (and the older `/health`): is this process up and does the database answer?

Answered by a middleware near the top of the chain, so a load balancer's probe every few seconds
costs one `SELECT 1`: no static-file lookup, no session, no user, no access-log entry, no host
check (probes often use the machine's address as Host). gunicorn leaves it out of its access log
too (openjeugd.gunicorn_conf).
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

HEALTH_PATHS = frozenset({"/healthz", "/health"})


def health_response() -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        ok = True
    except DatabaseError:
        ok = False
    response = JsonResponse({"status": "ok" if ok else "error",
                             "database": "ok" if ok else "unavailable"},
                            status=200 if ok else 503)
    add_never_cache_headers(response)
    response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in HEALTH_PATHS and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
