"""The OpenAPI schema and its browsable docs are for signed-in users only (issue #7)."""

import pytest

from openjeugd.registry.tests.factories import UserFactory


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/"])
def test_api_docs_need_login(client, db, url):
    assert client.get(url).status_code in (401, 403)
    client.force_login(UserFactory(role="policy_advisor"))
    assert client.get(url).status_code == 200
