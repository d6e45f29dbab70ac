"""Planned beds through the ceiling screens and the API: set with the ceiling, shown in the
overview and on the ceiling's page, refused on the field for a provider ceiling."""

from django.urls import reverse

from openjeugd.contracts.models import Ceiling, TaskArea
from openjeugd.contracts.tests.screens.test_api import api
from openjeugd.contracts.tests.screens.test_forms import errors_of


def test_a_provider_ceiling_with_beds_is_refused_on_the_field(manager_client, care, oost):
    response = manager_client.post(reverse("contracts:ceiling-set"), {
        "year": 2026, "level": "provider", "provider": oost.pk, "amount": "50000.00",
        "planned_beds": "8"})
    assert response.status_code == 400
    assert "region or segment ceiling, not to a provider ceiling" in errors_of(
        response, "planned_beds")
    assert not Ceiling.objects.exists()


def test_region_and_segment_beds_set_on_screen_and_shown(manager_client, care, region):
    area = TaskArea.objects.create(region=region, name="Behandeling met verblijf")
    url = reverse("contracts:ceiling-set")
    # The region's budget is above what is committed and spent (16,025.14, test_forms).
    assert manager_client.post(url, {"year": 2026, "level": "region", "amount": "50000.00",
                                     "planned_beds": "36"}).status_code == 302
    assert manager_client.post(url, {"year": 2026, "level": "segment", "task_area": area.pk,
                                     "amount": "20000.00", "planned_beds": "0"}).status_code \
        == 302
    region_ceiling = Ceiling.objects.get(level="region")
    assert region_ceiling.planned_beds == 36
    assert Ceiling.objects.get(level="segment").planned_beds == 0  # afbouw to none: a plan
    html = manager_client.get(reverse("contracts:ceiling-overview"), {"year": 2026}) \
        .content.decode()
    region_table = html.split('data-testid="ceilings-region"', 1)[1].split("</table>", 1)[0]
    assert "Planned beds" in region_table and '"planned_beds">36</td>' in region_table
    other = html.split('data-testid="ceilings-other"', 1)[1].split("</table>", 1)[0]
    assert '"planned_beds">0</td>' in other
    detail = manager_client.get(reverse("contracts:ceiling-detail", args=[region_ceiling.pk]))
    assert '<dd data-column="planned_beds">36</dd>' in detail.content.decode()


def test_changing_a_ceiling_without_beds_clears_them(manager_client, care):
    url = reverse("contracts:ceiling-set")
    manager_client.post(url, {"year": 2026, "level": "region", "amount": "50000.00",
                              "planned_beds": "36"})
    # The form sets the whole ceiling: an empty field is no plan.
    manager_client.post(url, {"year": 2026, "level": "region", "amount": "50000.00"})
    assert Ceiling.objects.get().planned_beds is None


def test_api_round_trip(manager, care, oost):
    client = api(manager)
    created = client.post("/api/contracts/ceilings/", {
        "year": 2026, "level": "region", "amount": "50000.00", "planned_beds": 36},
        format="json")
    assert created.status_code == 201 and created.json()["planned_beds"] == 36
    pk = created.json()["ceiling"]
    assert client.get(f"/api/contracts/ceilings/{pk}/").json()["figures"]["planned_beds"] == 36
    rows = client.get("/api/contracts/ceilings/", {"year": 2026}).json()["rows"]
    assert [(row["level"], row["planned_beds"]) for row in rows] == [("region", 36)]
    refused = client.post("/api/contracts/ceilings/", {
        "year": 2026, "level": "provider", "provider": oost.pk, "amount": "50000.00",
        "planned_beds": 8}, format="json")
    assert refused.status_code == 400
    assert "not to a provider ceiling" in refused.json()["planned_beds"][0]["message"]
    assert Ceiling.objects.count() == 1
