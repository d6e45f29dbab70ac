"""Registry set-up of a demo region: the master data a region administrator would enter."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from openjeugd.accounts.models import User
from openjeugd.accounts.roles import Role
from openjeugd.demo import services
from openjeugd.demo.models import DemoAccount, DemoRun
from openjeugd.demo.organisations import plan_organisations
from openjeugd.demo.profiles import profile_for
from openjeugd.registry.models import (
    CertifiedInstitution,
    Facility,
    Municipality,
    PartnershipMember,
    Provider,
    Region,
    Team,
)

pytestmark = pytest.mark.django_db


def _set_up(seed=7):
    region = Region.objects.get(name="Rijk van Nijmegen")  # loaded by the registry migration
    rows = region.municipalities.values_list("code", "name")
    profile = profile_for(region.name, rows)
    plan = plan_organisations(profile, seed)
    run = services.set_up_region(region=region, profile=profile, plan=plan, seed=seed,
                                 youths=200, years=1, end=date(2026, 6, 30))
    return region, plan, run


def test_one_team_per_municipality_one_ret_and_three_brigade_clusters():
    region, _plan, _run = _set_up()
    teams = Team.objects.filter(region=region)
    local = teams.filter(kind__in=[Team.Kind.LOKAAL_TEAM, Team.Kind.SLT])
    assert local.count() == 7  # Rijk van Nijmegen has 7 municipalities
    assert sorted(m.code for t in local for m in t.municipalities.all()) == sorted(
        region.municipalities.values_list("code", flat=True))
    assert teams.filter(kind=Team.Kind.RET).count() == 1
    brigades = teams.filter(kind=Team.Kind.MOBILE_BRIGADE)
    assert brigades.count() == 3
    # Together the clusters cover every municipality exactly once.
    covered = [m.code for t in brigades for m in t.municipalities.all()]
    assert sorted(covered) == sorted(region.municipalities.values_list("code", flat=True))


def test_one_demo_user_per_role_with_a_valid_scope():
    region, plan, _run = _set_up()
    users = User.objects.filter(demo_account__isnull=False)
    assert sorted(u.role for u in users) == sorted(Role.values)
    for user in users:
        user.full_clean()  # the role's scope (region / municipality / provider) is complete
        assert user.region == region
        assert user.check_password(services.DEMO_PASSWORD)
    assert users.get(role=Role.ACCESS_WORKER).municipality.name == "Nijmegen"
    assert users.get(role=Role.PROVIDER_STAFF).provider.agb_code == plan.largest_provider.agb_code


def test_providers_gi_partnership_and_facilities():
    region, plan, run = _set_up()
    providers = Provider.objects.filter(regions=region)
    assert 10 <= providers.count() <= 25
    assert set(run.providers.all()) == set(providers)
    assert all(len(p.agb_code) == 8 and p.agb_code.isdigit() for p in providers)
    gis = CertifiedInstitution.objects.filter(regions=region)
    assert 1 <= gis.count() <= 2
    # A GI is also a provider with the same AGB code, so it can receive toewijzingen.
    assert set(gis.values_list("agb_code", flat=True)) <= set(
        providers.values_list("agb_code", flat=True))
    members = PartnershipMember.objects.filter(partnership__region=region)
    roles = sorted(members.values_list("role", flat=True))
    assert roles == ["hoofdaannemer", "onderaannemer", "onderaannemer"]
    facilities = Facility.objects.filter(provider__in=providers)
    assert {f.kind for f in facilities} >= {"jeugdzorgplus", "gezinshuis", "pleegzorg",
                                            "behandelgroep", "ambulant"}
    for facility in facilities:
        facility.full_clean()


def test_population_is_marked_as_a_demo_estimate():
    region, _plan, _run = _set_up()
    for municipality in Municipality.objects.filter(region=region):
        assert municipality.population_is_estimate
        assert municipality.population_source == "demo estimate"
        assert 0.19 <= municipality.population_0_17 / municipality.population_total <= 0.21


def test_reset_removes_the_organisations_and_keeps_the_accounts():
    region, _plan, _run = _set_up(seed=7)
    assert services.reset_region(region=region) is True
    assert not Provider.objects.filter(regions=region).exists()
    assert not Team.objects.filter(region=region).exists()
    assert not DemoRun.objects.exists()
    accounts = User.objects.filter(demo_account__isnull=False)
    assert accounts.count() == len(Role.values)
    assert not accounts.filter(provider__isnull=False).exists()
    _set_up(seed=8)  # and a new set-up binds them again
    assert User.objects.get(username="aanbieder").provider is not None
    assert services.reset_region(region=region) is True
    assert services.reset_region(region=region) is False  # nothing left to remove


def test_a_second_set_up_without_reset_is_refused():
    _set_up()
    with pytest.raises(ValidationError, match="already has demo data"):
        _set_up()


def test_a_real_account_with_a_demo_username_is_left_alone():
    User.objects.create_user(username="beheer", password="x-real-password-x")
    with pytest.raises(ValidationError, match="not a demo account"):
        _set_up()
    # Nothing half-written: the set-up ran in one transaction.
    assert not DemoRun.objects.exists()
    assert not DemoAccount.objects.exists()
    assert not Provider.objects.filter(regions__name="Rijk van Nijmegen").exists()
