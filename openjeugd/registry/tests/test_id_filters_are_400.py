"""A non-numeric id filter answers 400 naming the field, not a server error."""

import pytest

from openjeugd.registry.models import Region
from openjeugd.registry.tests.factories import FacilityFactory, UserFactory


@pytest.fixture
def api(client, db):
    client.force_login(UserFactory(role="contract_manager",
                                   region=Region.objects.get(name="Zuid-Limburg")))
    return client


@pytest.mark.parametrize("value", ["abc", "1.5", "-3", "١", "1 OR 1=1", "9" * 40])
def test_bad_provider_filter_is_400(api, value):
    response = api.get("/api/registry/facilities/", {"provider": value})
    assert response.status_code == 400
    assert list(response.json()) == ["provider"]


def test_numeric_provider_filter_still_works(api):
    facility = FacilityFactory()
    FacilityFactory()
    body = api.get("/api/registry/facilities/", {"provider": str(facility.provider_id)}).json()
    assert [f["id"] for f in body["results"]] == [facility.pk]


def test_empty_filter_means_no_filter(api):
    FacilityFactory()
    assert api.get("/api/registry/facilities/", {"provider": ""}).json()["count"] == 1


@pytest.mark.parametrize("url", ["/api/registry/providers/abc/", "/api/registry/teams/abc/",
                                 "/api/registry/facilities/abc/"])
def test_non_numeric_detail_is_404(api, url):
    assert api.get(url).status_code == 404
