"""Reporting reads on a read replica; every write and every other read on "default".

Which pages read from the replica is declared here, in REPORTING_VIEWS, by URL name: figures
without personal data where a few seconds of replication lag do not matter. Their views and
selectors stay as they are: `ReportingReadsMiddleware` marks the request (GET and HEAD only) and
the router sends that request's reads to `settings.REPORTING_DATABASE`. Code outside a request (a
report command, a future monitoring job) does the same with `with reporting_reads(): ...`, or
asks `reporting_db()` for the alias to pass to `.using()`.

Without a replica (REPORTING_DATABASE None) all of this is a no-op. Inside a transaction on
default the router also keeps reads on default, so code always sees its own writes.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

# URL names (view_name as resolved, with namespace) whose reads may come from the replica.
REPORTING_VIEWS = frozenset({
    "monitoring:overview",  # region figures: monitoring.overview.region_overview
    "monitoring-overview",  # the same figures through the API
    "api-ijw-overview",     # ... and at the API's address from before the move (#11)
})

_reporting: ContextVar[bool] = ContextVar("reporting_reads", default=False)


def reporting_db() -> str:
    """The alias reporting reads use: the replica when one is configured, else default."""
    return settings.REPORTING_DATABASE or DEFAULT_DB_ALIAS


@contextmanager
def reporting_reads() -> Iterator[None]:
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not _reporting.get() or not settings.REPORTING_DATABASE:
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None
        return settings.REPORTING_DATABASE

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as default: objects from either may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica follows default through PostgreSQL's replication, never through migrate.
        return db == DEFAULT_DB_ALIAS


class ReportingReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            token = getattr(request, "_reporting_token", None)
            if token is not None:
                _reporting.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method in ("GET", "HEAD") and match and match.view_name in REPORTING_VIEWS:
            request._reporting_token = _reporting.set(True)
