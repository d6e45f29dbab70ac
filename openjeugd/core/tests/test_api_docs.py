"""Finding 9: the API documentation is served from this installation, and only after login."""

import re

import pytest

from openjeugd.accounts.roles import Role
from openjeugd.core.testing import english  # noqa: F401 - shared fixture
from openjeugd.registry.tests.factories import UserFactory

DOCS = ["/api/docs/", "/api/redoc/", "/api/schema/"]


@pytest.mark.parametrize("url", DOCS)
def test_anonymous_visitors_are_refused(client, db, url):
    response = client.get(url)
    assert response.status_code in (401, 403)
    assert b"openapi" not in response.content and b"swagger-ui" not in response.content


def external_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', html)


def same_origin_assets(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/[^"]+)"', html)


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_load_nothing_from_outside_and_nothing_inline(client, db, url):
    client.force_login(UserFactory(role=Role.POLICY_ADVISOR))
    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    assert external_urls(html) == []
    assert "<style" not in html and "style=" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []  # every script is a file
    assets = same_origin_assets(html)
    assert any("drf_spectacular_sidecar" in asset for asset in assets)
    for asset in assets:  # and every one of them is served by the installation itself
        asset_response = client.get(asset)
        assert asset_response.status_code == 200, asset
        # Read a static file through the test client's wrapper, which ends the request cleanly.
        body = (b"".join(asset_response.streaming_content) if asset_response.streaming
                else asset_response.content)
        assert body, asset


def test_swagger_start_script_is_a_separate_file_from_the_same_origin(client, db):
    client.force_login(UserFactory(role=Role.POLICY_ADVISOR))
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script.headers["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in script.content


def test_schema_for_a_logged_in_user(client, db):
    client.force_login(UserFactory(role=Role.POLICY_ADVISOR))
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"openapi" in response.content
