"""A statement the database cancels, or a database out of reach, gives the 503 page."""

import psycopg
import pytest
from django.db import IntegrityError, OperationalError, connection, transaction
from django.test import Client

from openjeugd.core import views as core_views
from openjeugd.registry.tests.factories import UserFactory


def cancelled() -> OperationalError:
    """What Django raises when PostgreSQL cancels a statement at its statement_timeout."""
    cause = psycopg.errors.QueryCanceled("canceling statement due to statement timeout")
    try:
        raise OperationalError(*cause.args) from cause
    except OperationalError as error:
        return error


def unreachable() -> OperationalError:
    cause = psycopg.OperationalError("connection failed: connection refused")
    try:
        raise OperationalError(*cause.args) from cause
    except OperationalError as error:
        return error


def failing(error):
    def raise_it(*args, **kwargs):
        raise error
    return raise_it


@pytest.fixture
def worker_client(db):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(UserFactory(role="policy_advisor"))
    return client


@pytest.mark.parametrize("error", [cancelled, unreachable])
def test_a_page_whose_query_is_cancelled_or_unreachable_is_503(worker_client, monkeypatch,
                                                               error):
    monkeypatch.setattr(core_views, "scope_label", failing(error()))
    response = worker_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Open Jeugd is even niet beschikbaar" in page
    assert "Open Jeugd is temporarily unavailable" in page


def test_an_api_call_gets_a_503_in_json(worker_client, monkeypatch):
    # By name: core imports nothing of monitoring, where the overview lives (#11).
    monkeypatch.setattr("openjeugd.monitoring.api.region_overview", failing(cancelled()))
    response = worker_client.get("/api/ijw/overview/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "unavailable" in response.json()["detail"]


def test_a_failure_in_a_middleware_before_the_view_is_503_too(worker_client, monkeypatch):
    # The session is read by the authentication middleware, before any view runs: this goes
    # through handler500 (core.unavailable.server_error), not the middleware's process_exception.
    from django.contrib.sessions.backends.db import SessionStore

    monkeypatch.setattr(SessionStore, "load", failing(unreachable()))
    response = worker_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


@pytest.mark.parametrize("error", [
    IntegrityError("duplicate key value violates unique constraint"),
    OperationalError("no such column: registry_youth.bsn"),  # a bug, not an outage
])
def test_other_database_errors_stay_a_500(worker_client, monkeypatch, error):
    monkeypatch.setattr(core_views, "scope_label", failing(error))
    response = worker_client.get("/")
    assert response.status_code == 500


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the migrations' rows
def test_a_real_slow_statement_gives_the_503_page(monkeypatch):
    """PostgreSQL: a `pg_sleep` beyond the statement timeout. SQLite has no statement timeout;
    its equivalent is a write lock held elsewhere beyond the busy timeout."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "15s"  # DB_STATEMENT_TIMEOUT_MS reached the server
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(role="policy_advisor"))
    if connection.vendor == "postgresql":
        slow, blocker = _pg_sleep_beyond_the_timeout, None
    else:
        slow, blocker = _write_while_locked, _hold_sqlite_write_lock()
    monkeypatch.setattr(core_views, "scope_label", slow)
    try:
        response = client.get("/")
    finally:
        if blocker is not None:
            blocker.rollback()
            blocker.close()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert client.get("/healthz").status_code == 200  # the connection is usable again


def _pg_sleep_beyond_the_timeout(user):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 50")  # ms, for this transaction only
        cursor.execute("SELECT pg_sleep(2)")
    return "never"


def _hold_sqlite_write_lock():
    import sqlite3

    blocker = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    return blocker


def _write_while_locked(user):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout = 50")
    try:
        with transaction.atomic():  # BEGIN IMMEDIATE: waits for the lock, then gives up
            pass
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout = 20000")
    return "never"
