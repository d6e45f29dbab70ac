"""Finding 9: CSP, HSTS, Permissions-Policy and no-store on pages and API answers."""

import pytest

from openjeugd.accounts.roles import Role
from openjeugd.core.testing import english  # noqa: F401 - shared fixture
from openjeugd.registry.models import Municipality
from openjeugd.registry.tests.factories import RegionFactory, UserFactory, YouthFactory

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


@pytest.fixture
def worker(db):
    region = RegionFactory()
    municipality = Municipality.objects.create(code="9911", name="Westdorp",
                                               province="Gelderland", region=region)
    YouthFactory(municipality=municipality, surname="Sanne-Vos")
    return UserFactory(role=Role.ACCESS_WORKER, region=region, municipality=municipality)


def csp_directives(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def assert_hardened(response):
    assert csp_directives(response) == EXPECTED_CSP
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def assert_not_stored(response):
    directives = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert "no-store" in directives


def test_login_page_is_hardened(client, db):
    assert_hardened(client.get("/login/"))


def test_anonymous_public_pages_may_be_cached(client, db):
    # Nobody is logged in and no personal data is on it: the middleware leaves it alone.
    response = client.get("/health")
    assert "Permissions-Policy" in response.headers
    response = client.get("/i18n/setlang/")  # a redirect, no personal data
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_page_with_personal_data_is_never_stored(client, worker):
    client.force_login(worker)
    response = client.get("/registry/youths/")
    assert response.status_code == 200
    assert "Sanne-Vos" in response.content.decode()
    assert_hardened(response)
    assert_not_stored(response)


def test_every_page_of_a_logged_in_user_is_never_stored(client, worker):
    client.force_login(worker)
    response = client.get("/")
    assert_not_stored(response)


def test_api_answers_are_never_stored_even_refusals(client, worker):
    assert_not_stored(client.get("/api/registry/municipalities/"))  # anonymous: refused
    client.force_login(worker)
    response = client.get("/api/registry/youths/")
    assert response.status_code == 200
    assert_hardened(response)
    assert_not_stored(response)


def test_hsts_is_on_by_default_in_production(client, db, settings):
    from openjeugd import settings as production

    # The test run has DEBUG off, as production: the defaults apply.
    assert production.SECURE_HSTS_SECONDS == 31_536_000
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    response = client.get("/login/", secure=True)
    assert response.headers["Strict-Transport-Security"] \
        == "max-age=31536000; includeSubDomains"
