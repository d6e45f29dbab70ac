"""Every contract screen through the API: the same figures, the same refusals (field and
rule), 404 outside the region, counts only without youth access."""

from decimal import Decimal

from rest_framework.test import APIClient

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.purposes import Purpose
from openjeugd.accounts.roles import Role
from openjeugd.contracts.models import Ceiling, Tariff
from openjeugd.contracts.tests.screens.conftest import COMMITTED, FORECAST, OOST_AGB, SPENT
from openjeugd.ijw.codec import samples
from openjeugd.registry.models import Region
from openjeugd.registry.tests.factories import UserFactory


def api(user) -> APIClient:
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(user)
    return client


def test_overview_and_detail_give_the_screens_figures(manager, ceilings):
    body = api(manager).get("/api/contracts/ceilings/", {"year": 2026}).json()
    region_row = next(row for row in body["rows"] if row["level"] == "region")
    # Strings to the cent: the hand-computed figures.
    assert [region_row[k] for k in ("budget", "committed", "spent", "forecast")] == [
        "28000.00", str(COMMITTED), str(SPENT), str(FORECAST)]
    assert region_row["status"] == "warning"
    detail = api(manager).get(f"/api/contracts/ceilings/{ceilings['region'].pk}/").json()
    assert {s["key"]: s["committed"] for s in detail["per_provider"]} == {
        "Jeugdhulp De Linde": "9771.43", "Kinderpraktijk Oost": "4885.71"}


def test_drilldown_counts_only_for_a_contract_manager(manager, ceilings):
    body = api(manager).get(f"/api/contracts/ceilings/{ceilings['region'].pk}/drilldown/").json()
    assert (body["line_count"], body["toewijzing_count"], body["may_see_clients"]) == (
        1, 2, False)
    assert body["lines"] == [] and body["toewijzingen"] == []


def test_tariff_overlap_is_a_400_naming_the_field(manager, care, product):
    response = api(manager).post(f"/api/contracts/contracts/{care.pk}/tariffs/", {
        "product": product.pk, "amount": "88.00", "valid_from": "2026-07-01"}, format="json")
    assert response.status_code == 400
    assert "may not overlap" in response.json()["valid_from"][0]["message"]
    assert Tariff.objects.count() == 1


def test_create_a_tariff_and_a_ceiling(manager, care, product, oost):
    client = api(manager)
    created = client.post(f"/api/contracts/contracts/{care.pk}/tariffs/", {
        "product": product.pk, "provider": oost.pk, "amount": "90.00",
        "valid_from": "2026-01-01"}, format="json")
    assert created.status_code == 201 and created.json()["amount"] == "90.00"
    below = client.post("/api/contracts/ceilings/", {"year": 2026, "level": "region",
                                                    "amount": "100.00"}, format="json")
    assert below.status_code == 400 and "below what is already committed" in (
        below.json()["amount"][0]["message"])
    # Oost's own tariff now prices its 1002 at 90.00: committed 200 x 2/7 x 90 = 5,142.86
    # (was 4,885.71) -> committed 9,771.43 + 5,142.86 = 14,914.29.
    ok = client.post("/api/contracts/ceilings/", {"year": 2026, "level": "region",
                                                 "amount": "50000.00"}, format="json")
    assert ok.status_code == 201 and ok.json()["committed"] == "14914.29"


def test_contract_detail_and_outside_the_region(manager, care):
    client = api(manager)
    body = client.get(f"/api/contracts/contracts/{care.pk}/").json()
    assert body["current_end"] == "2030-12-31"
    assert [t["amount"] for t in body["tariffs"]] == ["85.50"]
    assert {p["provider"] for p in body["partners"]} == {samples.AGB, OOST_AGB}
    other = Region.objects.exclude(pk=care.region_id).first()
    foreign = Ceiling.objects.create(region=other, year=2026, level="region",
                                     amount=Decimal("1.00"))
    assert client.get(f"/api/contracts/ceilings/{foreign.pk}/").status_code == 404


def test_policy_advisor_may_not_write(care, region, product):
    advisor = UserFactory(role=Role.POLICY_ADVISOR, region=region)
    response = api(advisor).post(f"/api/contracts/contracts/{care.pk}/tariffs/", {
        "product": product.pk, "amount": "88.00", "valid_from": "2027-01-01"}, format="json")
    assert response.status_code == 403


def test_drilldown_lines_for_youth_access_logged_as_api_reads(ceilings, controller):
    body = api(controller).get(f"/api/contracts/ceilings/{ceilings['region'].pk}/drilldown/").json()
    assert [line["toegekend"] for line in body["lines"]] == ["1368.00"]
    assert sorted(t["toewijzing_nummer"] for t in body["toewijzingen"]) == ["1001", "1002"]
    assert AccessLogEntry.objects.filter(
        user=controller, purpose=Purpose.CEILING_DRILLDOWN_API).count() == 2
