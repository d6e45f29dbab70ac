"""A database that cannot answer now gives a 503 page with Retry-After, not a 500 or a hang.

Three causes count as "unavailable": PostgreSQL cancelled a statement (statement_timeout, an
operator's cancel), the server is unreachable, shutting down or out of resources (SQLSTATE
classes 08, 53, 57, or no SQLSTATE at all: the connection failed), and SQLite's lock still held
after the busy timeout. Every other database error is a bug and stays a 500.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger("openjeugd.unavailable")

_UNAVAILABLE_SQLSTATE_CLASSES = {"08", "53", "57"}


def is_database_unavailable(exc: BaseException | None) -> bool:
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if cause is not None and type(cause).__module__.startswith("psycopg"):
        sqlstate = getattr(cause, "sqlstate", None)
        return sqlstate is None or sqlstate[:2] in _UNAVAILABLE_SQLSTATE_CLASSES
    message = str(exc).lower()
    return "database is locked" in message or "unable to open database" in message


def unavailable_response(request, exc: BaseException) -> HttpResponse:
    cause = exc.__cause__
    logger.warning("database unavailable: %s (sqlstate %s) on %s %s", type(cause or exc).__name__,
                   getattr(cause, "sqlstate", None), request.method, request.path)
    retry_after = str(settings.UNAVAILABLE_RETRY_AFTER_S)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": "Service temporarily unavailable; retry later."},
                                status=503)
    else:
        # No request context: the context processors would ask the database for the user.
        response = HttpResponse(render_to_string("503.html", {"retry_after": retry_after}),
                                status=503)
    response["Retry-After"] = retry_after
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Catches what a view raises; `server_error` catches what a middleware raises."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            return unavailable_response(request, exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: Django calls it inside its `except`, so sys.exc_info() is the error."""
    exc = sys.exc_info()[1]
    if is_database_unavailable(exc):
        return unavailable_response(request, exc)
    return defaults.server_error(request, template_name)
