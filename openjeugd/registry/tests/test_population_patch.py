"""Population figures: PATCH through the API for CHANGE_REGISTRY only, validated and audited."""

import pytest

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import UserFactory

URL = "/api/registry/municipalities/0268/"
FIGURES = {"population_total": 180000, "population_0_17": 33000,
           "population_source": "demo estimate", "population_is_estimate": True}


@pytest.fixture
def region(db):
    return Region.objects.get(name="Rijk van Nijmegen")


def patch(client, data):
    return client.patch(URL, data, content_type="application/json")


def test_regional_admin_changes_population(client, region):
    admin = UserFactory(role="regional_admin", region=region)
    client.force_login(admin)
    response = patch(client, FIGURES)
    assert response.status_code == 200
    assert response.json()["population_is_estimate"] is True
    nijmegen = Municipality.objects.get(code="0268")
    assert (nijmegen.population_total, nijmegen.population_0_17) == (180000, 33000)
    entry = AccessLogEntry.objects.exclude(action="login").get()
    assert (entry.user, entry.action, entry.object_id) == (admin, "update", str(nijmegen.pk))


@pytest.mark.parametrize("role", ["policy_advisor", "contract_manager", "auditor", "ret_chair"])
def test_other_roles_may_not(client, region, role):
    client.force_login(UserFactory(role=role, region=region))
    assert patch(client, FIGURES).status_code == 403
    assert Municipality.objects.get(code="0268").population_total is None


def test_only_population_can_change(client, region):
    client.force_login(UserFactory(role="regional_admin", region=region))
    response = patch(client, {**FIGURES, "name": "Noviomagus", "code": "9999"})
    assert response.status_code == 200
    nijmegen = Municipality.objects.get(code="0268")
    assert nijmegen.name == "Nijmegen"  # read-only fields are ignored


def test_put_is_not_offered(client, region):
    client.force_login(UserFactory(role="regional_admin", region=region))
    assert client.put(URL, FIGURES, content_type="application/json").status_code == 405


def test_invalid_figures_name_the_field(client, region):
    client.force_login(UserFactory(role="regional_admin", region=region))
    response = patch(client, {**FIGURES, "population_0_17": 200000})
    assert response.status_code == 400
    assert "population_0_17" in response.json()
    assert Municipality.objects.get(code="0268").population_total is None
    assert not AccessLogEntry.objects.exclude(action="login").exists()


def test_negative_population_is_refused(client, region):
    client.force_login(UserFactory(role="regional_admin", region=region))
    response = patch(client, {"population_total": -5, "population_source": "x"})
    assert response.status_code == 400
    assert "population_total" in response.json()


def test_partial_patch_keeps_other_figures(client, region):
    Municipality.objects.filter(code="0268").update(
        population_total=180000, population_0_17=33000, population_source="CBS 2025")
    client.force_login(UserFactory(role="regional_admin", region=region))
    assert patch(client, {"population_0_17": 34000}).status_code == 200
    nijmegen = Municipality.objects.get(code="0268")
    assert (nijmegen.population_total, nijmegen.population_0_17,
            nijmegen.population_source) == (180000, 34000, "CBS 2025")


def test_everyone_with_a_role_reads_population_with_its_source(client, region):
    Municipality.objects.filter(code="0268").update(**FIGURES)
    client.force_login(UserFactory(role="auditor", region=region))
    body = client.get(URL).json()
    assert (body["population_total"], body["population_source"],
            body["population_is_estimate"]) == (180000, "demo estimate", True)
