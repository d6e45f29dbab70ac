"""The read-only registry API: what the pages show, for every role with VIEW_REGISTRY."""

import pytest

from openjeugd.registry.models import Facility, Region, Team
from openjeugd.registry.tests.factories import (
    FacilityFactory,
    PartnershipMemberFactory,
    ProviderFactory,
    TeamFactory,
    UserFactory,
)


@pytest.fixture
def api(client, db):
    client.force_login(UserFactory(role="contract_manager",
                                   region=Region.objects.get(name="Zuid-Limburg")))
    return client


def test_anonymous_is_refused(client, db):
    assert client.get("/api/registry/providers/").status_code == 403


def test_regions_with_counts(api):
    body = api.get("/api/registry/regions/zuid-limburg/").json()
    assert (body["name"], body["municipality_count"]) == ("Zuid-Limburg", 16)


def test_municipalities_by_region(api):
    body = api.get("/api/registry/municipalities/", {"region": "rijk-van-nijmegen"}).json()
    assert body["count"] == 7
    assert {m["region"] for m in body["results"]} == {"rijk-van-nijmegen"}


def test_provider_with_facilities_and_partnerships(api):
    provider = ProviderFactory(agb_code="98123456")
    FacilityFactory(provider=provider, kind=Facility.Kind.GEZINSHUIS, places=3, group_size=3)
    membership = PartnershipMemberFactory(provider=provider, role="hoofdaannemer")
    body = api.get(f"/api/registry/providers/{provider.pk}/").json()
    assert body["agb_code"] == "98123456"
    assert [(f["kind"], f["places"]) for f in body["facilities"]] == [("gezinshuis", 3)]
    assert body["partnerships"] == [{"id": membership.partnership_id,
                                     "name": membership.partnership.name,
                                     "role": "hoofdaannemer"}]


def test_partnership_members(api):
    membership = PartnershipMemberFactory(role="hoofdaannemer")
    body = api.get(f"/api/registry/partnerships/{membership.partnership_id}/").json()
    assert body["members"] == [{"provider": membership.provider.agb_code,
                                "provider_name": membership.provider.name,
                                "role": "hoofdaannemer"}]


def test_facilities_by_kind(api):
    FacilityFactory(kind=Facility.Kind.HIC)
    FacilityFactory(kind=Facility.Kind.PLEEGZORG, group_size=None)
    body = api.get("/api/registry/facilities/", {"kind": "hic"}).json()
    assert [f["kind"] for f in body["results"]] == ["hic"]


def test_teams_by_kind_with_municipality_codes(api):
    zuid_limburg = Region.objects.get(name="Zuid-Limburg")
    maastricht = zuid_limburg.municipalities.get(code="0935")
    TeamFactory(kind=Team.Kind.MOBILE_BRIGADE, region=zuid_limburg, municipalities=[maastricht])
    TeamFactory(kind=Team.Kind.SLT, region=zuid_limburg)
    body = api.get("/api/registry/teams/", {"kind": "mobile_brigade"}).json()
    assert [(t["region"], t["municipalities"]) for t in body["results"]] == [
        ("zuid-limburg", ["0935"])]


def test_read_only(api):
    assert api.post("/api/registry/providers/", {}).status_code == 403
    provider = ProviderFactory()
    assert api.delete(f"/api/registry/providers/{provider.pk}/").status_code == 403
