"""Services refuse bad input with a ValidationError naming the field, and save nothing."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry import services
from openjeugd.registry.models import Facility, Municipality, Provider, Team, Youth
from openjeugd.registry.tests.factories import (
    MunicipalityFactory,
    ProviderFactory,
    RegionFactory,
    UserFactory,
    YouthFactory,
    valid_bsn,
)


@pytest.fixture
def admin(db):
    return UserFactory(role="regional_admin")


def refused_field(call, **kwargs) -> set[str]:
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    return set(error.value.message_dict)


@pytest.mark.parametrize(("agb_code", "kvk_number", "field"), [
    ("1234567", "", "agb_code"),
    ("ABCDEFGH", "", "agb_code"),
    ("12345678", "123", "kvk_number"),
])
def test_provider_with_bad_identifier(admin, agb_code, kvk_number, field):
    assert refused_field(services.create_provider, user=admin, name="Aanbieder",
                         agb_code=agb_code, kvk_number=kvk_number) == {field}
    assert not Provider.objects.filter(name="Aanbieder").exists()


def test_provider_agb_code_must_be_unique(admin):
    existing = ProviderFactory()
    assert refused_field(services.create_provider, user=admin, name="Dubbel",
                         agb_code=existing.agb_code) == {"agb_code"}


def test_update_provider_with_bad_agb_keeps_the_old_one(admin):
    provider = ProviderFactory(agb_code="12345678")
    assert refused_field(services.update_provider, user=admin, provider=provider,
                         agb_code="1234") == {"agb_code"}
    assert Provider.objects.get(pk=provider.pk).agb_code == "12345678"


def test_update_refuses_unknown_fields(admin):
    with pytest.raises(TypeError, match="bsn"):
        services.update_provider(user=admin, provider=ProviderFactory(), bsn="111222333")


@pytest.fixture
def facility_args(admin):
    return {"user": admin, "provider": ProviderFactory(), "name": "De Horst",
            "kind": Facility.Kind.BEHANDELGROEP, "municipality": MunicipalityFactory()}


@pytest.mark.parametrize(("changes", "field"), [
    ({"age_min": 16, "age_max": 12}, "age_max"),
    ({"age_min": 12, "age_max": 24}, "age_max"),  # verlengde jeugdhulp ends at 23
    ({"places": 4, "group_size": 6}, "group_size"),
    ({"kind": "zwembad"}, "kind"),
    ({"name": ""}, "name"),
])
def test_facility_with_bad_values(facility_args, changes, field):
    assert field in refused_field(services.create_facility, **{**facility_args, **changes})
    assert not Facility.objects.exists()


def test_facility_in_a_former_municipality_is_refused(facility_args):
    facility_args["municipality"] = MunicipalityFactory(active=False)
    assert refused_field(services.create_facility, **facility_args) == {"municipality"}


@pytest.fixture
def youth_args(admin):
    return {"user": admin, "bsn": valid_bsn(8999), "birth_date": "2012-03-04",
            "municipality": MunicipalityFactory()}


@pytest.mark.parametrize(("changes", "field"), [
    ({"bsn": "111222334"}, "bsn"),       # fails the 11-proef
    ({"bsn": "12345"}, "bsn"),
    ({"birth_date": "2027-06-31"}, "birth_date"),  # June has 30 days
    ({"birth_date": "04-03-2012"}, "birth_date"),  # not ISO
    ({"geslacht": "3"}, "geslacht"),     # COD046 knows 0, 1, 2
])
def test_youth_with_bad_values(youth_args, changes, field):
    assert refused_field(services.create_youth, **{**youth_args, **changes}) == {field}
    assert not Youth.objects.exists()
    assert not AccessLogEntry.objects.exists()


@time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC))
def test_youth_born_in_the_future_is_refused(youth_args):
    assert refused_field(services.create_youth,
                         **{**youth_args, "birth_date": "2026-06-02"}) == {"birth_date"}
    # Born today is fine.
    youth = services.create_youth(**{**youth_args, "birth_date": datetime.date(2026, 6, 1)})
    assert youth.birth_date == datetime.date(2026, 6, 1)


def test_youth_bsn_is_unique_within_a_municipality(youth_args):
    existing = YouthFactory(municipality=youth_args["municipality"])
    assert refused_field(services.create_youth,
                         **{**youth_args, "bsn": existing.bsn}) == {"bsn"}


def test_same_bsn_is_a_separate_record_in_another_municipality(youth_args):
    # Each municipality keeps its own record of a client (woonplaatsbeginsel, moves).
    elsewhere = YouthFactory(municipality=MunicipalityFactory(), surname="Elders")
    ours = services.create_youth(**{**youth_args, "bsn": elsewhere.bsn})
    assert ours.pk != elsewhere.pk
    assert Youth.objects.get(pk=elsewhere.pk).surname == "Elders"


def test_youth_moving_to_a_former_municipality_is_refused(admin):
    youth = YouthFactory()
    former = MunicipalityFactory(active=False)
    assert refused_field(services.update_youth, user=admin, youth=youth,
                         municipality=former) == {"municipality"}
    assert Youth.objects.get(pk=youth.pk).municipality_id != former.pk


def test_team_serving_a_municipality_outside_its_region(admin):
    region, elsewhere = RegionFactory(), MunicipalityFactory()
    assert refused_field(services.create_team, user=admin, name="SLT Oost", kind=Team.Kind.SLT,
                         region=region, municipalities=[elsewhere]) == {"municipalities"}
    assert not Team.objects.exists()


def test_team_with_unknown_kind(admin):
    assert refused_field(services.create_team, user=admin, name="X", kind="brandweer",
                         region=RegionFactory()) == {"kind"}


@pytest.mark.parametrize(("figures", "field"), [
    ({"population_total": 1000, "population_0_17": 1001, "population_source": "CBS"},
     "population_0_17"),
    ({"population_total": 1000, "population_0_17": 200, "population_source": " "},
     "population_source"),
])
def test_population_with_bad_figures(admin, figures, field):
    municipality = Municipality.objects.get(code="0268")
    assert refused_field(services.update_population, user=admin, municipality=municipality,
                         population_is_estimate=False, **figures) == {field}
    assert Municipality.objects.get(code="0268").population_total is None
