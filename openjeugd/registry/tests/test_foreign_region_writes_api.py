"""Finding 8: a regional admin cannot write another region's registry through the API.

The write endpoints are taken from the router, so a write added later is covered too:
an endpoint that writes answers 404 for another region's object; a read-only endpoint
refuses every write the same way for own and foreign objects (revealing nothing).
"""

import pytest
from django.core import serializers

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry import api
from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import (
    FacilityFactory,
    PartnershipFactory,
    ProviderFactory,
    TeamFactory,
    UserFactory,
)

FIGURES = {"population_total": 1, "population_0_17": 1, "population_source": "gekaapt"}
WRITE_ACTIONS = {"update": "put", "partial_update": "patch", "destroy": "delete"}


@pytest.fixture
def regions(db):
    return Region.objects.get(name="Rijk van Nijmegen"), Region.objects.get(name="Zuid-Limburg")


@pytest.fixture
def admin_client(client, regions):
    client.force_login(UserFactory(role="regional_admin", region=regions[0]))
    return client


def registry_state() -> list[str]:
    from django.apps import apps
    models = apps.get_app_config("registry").get_models()
    return [serializers.serialize("json", model.objects.order_by("pk")) for model in models]


def test_patch_of_another_regions_municipality_is_404(admin_client):
    response = admin_client.patch("/api/registry/municipalities/0935/", FIGURES,
                                  content_type="application/json")
    assert response.status_code == 404
    maastricht = Municipality.objects.get(code="0935")
    assert (maastricht.population_total, maastricht.population_source) == (None, "")
    assert not AccessLogEntry.objects.exclude(action="login").exists()


def test_own_municipality_still_changes(admin_client):
    response = admin_client.patch("/api/registry/municipalities/0268/", FIGURES,
                                  content_type="application/json")
    assert response.status_code == 200
    assert Municipality.objects.get(code="0268").population_source == "gekaapt"


def foreign_objects(region) -> dict[str, str]:
    """A detail URL key (pk, slug or code) of an object of `region` per endpoint."""
    maastricht = Municipality.objects.get(code="0935")
    provider = ProviderFactory()
    provider.regions.add(region)
    return {
        "api-region": region.slug,
        "api-municipality": maastricht.code,
        "api-provider": provider.pk,
        "api-partnership": PartnershipFactory(region=region).pk,
        "api-facility": FacilityFactory(provider=provider, municipality=maastricht).pk,
        "api-certified-institution": "1",
        "api-team": TeamFactory(region=region).pk,
        "api-youth": "1",
    }


def test_every_write_endpoint_refuses_another_region(admin_client, regions):
    keys = foreign_objects(regions[1])
    before = registry_state()
    for prefix, viewset, basename in api.router.registry:
        assert basename in keys, f"new endpoint {basename}: add an object of another region"
        url = f"/api/registry/{prefix}/{keys[basename]}/"
        for action, method in WRITE_ACTIONS.items():
            response = getattr(admin_client, method)(url, FIGURES,
                                                     content_type="application/json")
            offered = hasattr(viewset, action) and method in getattr(
                viewset, "http_method_names", [method])
            expected = {404} if offered else {403, 405}
            assert response.status_code in expected, (method, url, response.status_code)
        response = admin_client.post(f"/api/registry/{prefix}/", FIGURES,
                                     content_type="application/json")
        assert response.status_code in ({400, 404} if hasattr(viewset, "create")
                                        else {403, 405}), (prefix, response.status_code)
    assert registry_state() == before
    assert not AccessLogEntry.objects.exclude(action="login").exists()
