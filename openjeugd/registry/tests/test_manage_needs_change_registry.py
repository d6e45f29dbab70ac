"""Only roles with CHANGE_REGISTRY reach the registry-of-your-region screens."""

import pytest

from openjeugd.registry.models import Municipality
from openjeugd.registry.tests.factories import FacilityFactory, TeamFactory, UserFactory

OTHER_ROLES = ["contract_manager", "policy_advisor", "access_worker", "ret_chair",
               "brigade_member", "provider_staff", "auditor"]


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_get_403(client, own_region, role):
    nijmegen = Municipality.objects.get(code="0268")
    facility = FacilityFactory(municipality=nijmegen)
    team = TeamFactory(region=own_region)
    client.force_login(UserFactory(role=role, region=own_region))
    for url in ["/registry/manage/", "/registry/manage/municipalities/0268/population/",
                "/registry/manage/providers/", "/registry/manage/providers/new/",
                "/registry/manage/facilities/new/", f"/registry/manage/facilities/{facility.pk}/",
                "/registry/manage/teams/new/", f"/registry/manage/teams/{team.pk}/"]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"population_total": "1", "population_source": "x",
                                 "name": "x"}).status_code == 403, url
    assert client.post(f"/registry/manage/providers/{facility.provider_id}/unregister/"
                       ).status_code == 403
    assert Municipality.objects.get(code="0268").population_total is None


def test_regional_admin_opens_every_page(admin_client, own_region):
    nijmegen = Municipality.objects.get(code="0268")
    facility = FacilityFactory(municipality=nijmegen)
    facility.provider.regions.add(own_region)
    team = TeamFactory(region=own_region, municipalities=[nijmegen])
    for url in ["/registry/manage/", "/registry/manage/municipalities/0268/population/",
                "/registry/manage/providers/", "/registry/manage/providers/new/",
                "/registry/manage/facilities/new/", f"/registry/manage/facilities/{facility.pk}/",
                "/registry/manage/teams/new/", f"/registry/manage/teams/{team.pk}/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert b"<h1" in response.content
