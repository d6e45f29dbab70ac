"""Facilities and teams of the own region on screen; another region's are 404 and can not
be chosen."""

import pytest

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Facility, Municipality, Team
from openjeugd.registry.tests.factories import FacilityFactory, ProviderFactory, TeamFactory


@pytest.fixture
def own_provider(own_region):
    provider = ProviderFactory()
    provider.regions.add(own_region)
    return provider


def facility_data(provider, municipality, **changes):
    return {"provider": provider.pk, "name": "De Horst", "kind": "hic",
            "municipality": municipality.pk, "places": "4", "group_size": "4",
            "age_min": "12", "age_max": "18", **changes}


def test_create_and_edit_a_facility(admin_client, own_provider):
    nijmegen = Municipality.objects.get(code="0268")
    response = admin_client.post("/registry/manage/facilities/new/",
                                 facility_data(own_provider, nijmegen))
    assert response.status_code == 302
    facility = Facility.objects.get(name="De Horst")
    admin_client.post(f"/registry/manage/facilities/{facility.pk}/",
                      facility_data(own_provider, nijmegen, places="6", group_size="6"))
    facility.refresh_from_db()
    assert (facility.places, facility.municipality) == (6, nijmegen)
    entries = AccessLogEntry.objects.exclude(action="login").order_by("id")
    assert [e.action for e in entries] == ["create", "update"]


def test_facility_in_another_regions_municipality_is_refused(admin_client, own_provider):
    maastricht = Municipality.objects.get(code="0935")
    response = admin_client.post("/registry/manage/facilities/new/",
                                 facility_data(own_provider, maastricht))
    assert list(response.context["form"].errors) == ["municipality"]
    assert not Facility.objects.exists()


def test_provider_not_registered_for_the_region_is_refused(admin_client):
    response = admin_client.post("/registry/manage/facilities/new/", facility_data(
        ProviderFactory(), Municipality.objects.get(code="0268")))
    assert list(response.context["form"].errors) == ["provider"]
    assert not Facility.objects.exists()


def test_model_rules_name_the_field(admin_client, own_provider):
    response = admin_client.post("/registry/manage/facilities/new/", facility_data(
        own_provider, Municipality.objects.get(code="0268"), age_max="30"))
    assert list(response.context["form"].errors) == ["age_max"]
    assert not Facility.objects.exists()


def test_another_regions_facility_is_404(admin_client, own_provider):
    foreign = FacilityFactory(municipality=Municipality.objects.get(code="0935"), places=8)
    url = f"/registry/manage/facilities/{foreign.pk}/"
    assert admin_client.get(url).status_code == 404
    data = facility_data(own_provider, Municipality.objects.get(code="0268"), places="1")
    assert admin_client.post(url, data).status_code == 404
    foreign.refresh_from_db()
    assert foreign.places == 8


def test_create_and_edit_a_team(admin_client, own_region):
    nijmegen, wijchen = (Municipality.objects.get(code=code) for code in ("0268", "0296"))
    admin_client.post("/registry/manage/teams/new/", {
        "name": "SLT Nijmegen", "kind": "slt", "municipalities": [nijmegen.pk]})
    team = Team.objects.get(name="SLT Nijmegen")
    assert (team.region, list(team.municipalities.all())) == (own_region, [nijmegen])
    admin_client.post(f"/registry/manage/teams/{team.pk}/", {
        "name": "SLT Nijmegen-Wijchen", "kind": "slt",
        "municipalities": [nijmegen.pk, wijchen.pk]})
    team.refresh_from_db()
    assert (team.name, set(team.municipalities.all())) == ("SLT Nijmegen-Wijchen",
                                                           {nijmegen, wijchen})


def test_team_cannot_serve_another_regions_municipality(admin_client):
    response = admin_client.post("/registry/manage/teams/new/", {
        "name": "Sluip", "kind": "slt",
        "municipalities": [Municipality.objects.get(code="0935").pk]})
    assert list(response.context["form"].errors) == ["municipalities"]
    assert not Team.objects.filter(name="Sluip").exists()


def test_another_regions_team_is_404(admin_client, other_region):
    team = TeamFactory(region=other_region, name="RET Zuid")
    url = f"/registry/manage/teams/{team.pk}/"
    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, {"name": "Gekaapt", "kind": "ret"}).status_code == 404
    team.refresh_from_db()
    assert team.name == "RET Zuid"


def test_overview_lists_only_the_own_region(admin_client, own_provider, other_region):
    FacilityFactory(municipality=Municipality.objects.get(code="0935"), name="Elders")
    FacilityFactory(provider=own_provider, municipality=Municipality.objects.get(code="0268"),
                    name="Hier")
    TeamFactory(region=other_region, name="RET Zuid")
    context = admin_client.get("/registry/manage/").context
    assert [f.name for f in context["facilities"]] == ["Hier"]
    assert list(context["teams"]) == []
    assert {m.region_id for m in context["municipalities"]} == {context["region"].pk}
