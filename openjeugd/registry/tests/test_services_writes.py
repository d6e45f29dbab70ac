"""Successful writes return the object and leave an audit record naming the writer."""

import pytest

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry import services
from openjeugd.registry.models import Facility, Municipality, Team
from openjeugd.registry.tests.factories import (
    MunicipalityFactory,
    ProviderFactory,
    RegionFactory,
    UserFactory,
    valid_bsn,
)


@pytest.fixture
def admin(db):
    return UserFactory(role="regional_admin", username="beheerder")


def test_create_provider_with_regions(admin):
    region = RegionFactory()
    provider = services.create_provider(user=admin, name="Pluryn", agb_code="98765432",
                                        kvk_number="12345678", regions=[region])
    assert list(provider.regions.all()) == [region]
    entry = AccessLogEntry.objects.get()
    assert (entry.username, entry.action, entry.object_type, entry.object_id) == (
        "beheerder", "create", "registry.Provider", str(provider.pk))


def test_update_facility(admin):
    facility = services.create_facility(
        user=admin, provider=ProviderFactory(), name="De Horst", kind=Facility.Kind.HIC,
        municipality=MunicipalityFactory(), places=4, group_size=4, age_min=12, age_max=18)
    services.update_facility(user=admin, facility=facility, places=6)
    facility.refresh_from_db()
    assert facility.places == 6
    assert [e.action for e in AccessLogEntry.objects.order_by("id")] == ["create", "update"]


def test_create_team_serving_municipalities(admin):
    nijmegen = Municipality.objects.get(code="0268")
    wijchen = Municipality.objects.get(code="0296")
    team = services.create_team(user=admin, name="SLT Nijmegen-Wijchen", kind=Team.Kind.SLT,
                                region=nijmegen.region, municipalities=[nijmegen, wijchen])
    assert set(team.municipalities.values_list("code", flat=True)) == {"0268", "0296"}


def test_moving_a_team_to_another_region_checks_its_municipalities(admin):
    nijmegen = Municipality.objects.get(code="0268")
    team = services.create_team(user=admin, name="RET", kind=Team.Kind.RET,
                                region=nijmegen.region, municipalities=[nijmegen])
    with pytest.raises(services.ValidationError):
        services.update_team(user=admin, team=team, region=RegionFactory())
    assert Team.objects.get(pk=team.pk).region == nijmegen.region


def test_create_youth_parses_the_birth_date_and_audits_without_bsn_or_name(admin):
    bsn = valid_bsn(8998)
    youth = services.create_youth(user=admin, bsn=bsn, birth_date="2012-02-29",
                                  municipality=MunicipalityFactory(), initials="A.",
                                  surname="de Vries")
    assert youth.birth_date.isoformat() == "2012-02-29"  # 2012 is a leap year
    entry = AccessLogEntry.objects.get()
    # Auditors read the log without youth access: the id identifies the youth, not the name.
    assert (entry.object_type, entry.object_id) == ("registry.Youth", str(youth.pk))
    assert entry.owner_region_id == youth.municipality.region_id
    assert "Vries" not in entry.object_repr and bsn not in entry.object_repr


def test_update_population(admin):
    municipality = Municipality.objects.get(code="0268")
    services.update_population(user=admin, municipality=municipality, population_total=180000,
                               population_0_17=34000, population_source="demo estimate",
                               population_is_estimate=True)
    municipality.refresh_from_db()
    assert (municipality.population_total, municipality.population_is_estimate) == (180000, True)
    assert AccessLogEntry.objects.get().object_type == "registry.Municipality"
