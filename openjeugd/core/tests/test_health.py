import pytest
from django.db import OperationalError

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.core import health


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/health"])
def test_health_reports_database_ok(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_needs_no_host_no_session_and_writes_no_access_log(client, django_user_model,
                                                                  settings):
    settings.ALLOWED_HOSTS = ["jeugd.example.nl"]
    user = django_user_model.objects.create_user("probe-owner", password="x")
    client.force_login(user)  # even a browser with a session cookie: the session is not read
    before = AccessLogEntry.objects.count()
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # a probe by address
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers and "Cookie" not in response.get("Vary", "")
    assert AccessLogEntry.objects.count() == before


class _Unreachable:
    def cursor(self):
        raise OperationalError("connection failed: could not connect to server")


def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    monkeypatch.setattr(health, "connection", _Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_start_page_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_healthz_answers_plain_http_probes_while_pages_redirect_to_https(settings, db):
    from django.test import Client

    settings.SECURE_SSL_REDIRECT = True
    client = Client()  # its middleware is loaded with the setting above
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301
