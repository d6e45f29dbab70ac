"""Writes of the demo set-up: the master data a region administrator would enter.

Care facts are NOT written here: they reach Open Jeugd only as iJw messages through
openjeugd.demo.ijw_bridge, the same import path as real traffic.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.accounts.models import User
from openjeugd.accounts.roles import SCOPE_OF_ROLE, Role, ScopeKind
from openjeugd.demo.models import DemoAccount, DemoRun
from openjeugd.demo.organisations import OrganisationPlan, ProviderSpec
from openjeugd.demo.profiles import RegionProfile
from openjeugd.registry import services as registry
from openjeugd.registry.models import CertifiedInstitution, Facility, Municipality, Provider, Region

PURPOSE = "demo region set-up"
# One shared password for every demo account; printed by `demo_logins`. Never use the demo
# accounts on a server that holds real data.
DEMO_PASSWORD = "demo-openjeugd"  # noqa: S105
# username, role, first name, last name
DEMO_USERS = (
    ("beheer", Role.REGIONAL_ADMIN, "Bram", "Beheerder"),
    ("contractmanager", Role.CONTRACT_MANAGER, "Carla", "Contractmanager"),
    ("beleid", Role.POLICY_ADVISOR, "Bas", "Beleidsadviseur"),
    ("toegang", Role.ACCESS_WORKER, "Tess", "Toegang"),
    ("ret", Role.RET_CHAIR, "Rik", "Expertteam"),
    ("brigade", Role.BRIGADE_MEMBER, "Bo", "Brigade"),
    ("aanbieder", Role.PROVIDER_STAFF, "Anouk", "Aanbieder"),
    ("auditor", Role.AUDITOR, "Ahmed", "Auditor"),
    ("berichtenkanaal", Role.MESSAGE_CHANNEL, "Berichten", "Kanaal"),
)


@transaction.atomic
def set_up_region(*, region: Region, profile: RegionProfile, plan: OrganisationPlan, seed: int,
                  youths: int, years: int, end: datetime.date, user=None) -> DemoRun:
    """Population estimates, organisations, teams and demo users for `region`."""
    if DemoRun.objects.filter(region=region).exists():
        raise ValidationError({"region": _(
            "%(region)s already has demo data; reset it first.") % {"region": region}})
    municipalities = {m.code: m for m in region.municipalities.filter(active=True)}
    _set_population(user, profile, municipalities)
    run = DemoRun.objects.create(region=region, seed=seed, youths=youths, years=years, end=end)
    providers = {spec.agb_code: _create_provider(user, run, region, spec, municipalities)
                 for spec in plan.providers}
    partnership = registry.create_partnership(
        user=user, name=plan.partnership_name, region=region,
        hoofdaannemer=providers[plan.hoofdaannemer_agb],
        onderaannemers=[providers[agb] for agb in plan.onderaannemer_agbs])
    run.partnerships.add(partnership)
    for spec in plan.teams:
        run.teams.add(registry.create_team(
            user=user, name=spec.name, kind=spec.kind, region=region,
            municipalities=[municipalities[code] for code in spec.municipality_codes]))
    largest_municipality = max(municipalities.values(), key=lambda m: (m.population_total, m.code))
    _set_up_users(user, region, largest_municipality, providers[plan.largest_provider.agb_code])
    audit.record_object(user, "create", run, purpose=PURPOSE)
    return run


def _set_population(user, profile: RegionProfile, municipalities: dict[str, Municipality]):
    for figures in profile.municipalities:
        registry.update_population(
            user=user, municipality=municipalities[figures.code],
            population_total=figures.population_total,
            population_0_17=figures.population_0_17,
            population_source="demo estimate", population_is_estimate=True)


def _create_provider(user, run: DemoRun, region: Region, spec: ProviderSpec,
                     municipalities: dict[str, Municipality]) -> Provider:
    provider = registry.create_provider(user=user, name=spec.name, agb_code=spec.agb_code,
                                        kvk_number=spec.kvk_number, regions=[region])
    run.providers.add(provider)
    for facility in spec.facilities:
        registry.create_facility(
            user=user, provider=provider, name=facility.name, kind=facility.kind,
            municipality=municipalities[facility.municipality_code], places=facility.places,
            group_size=facility.group_size, age_min=facility.age_min, age_max=facility.age_max)
    if spec.certified:
        # A GI is registered as such and, to receive toewijzingen for the measures, also as
        # a provider with the same AGB code.
        institution = CertifiedInstitution(name=spec.name, agb_code=spec.agb_code)
        institution.full_clean()
        institution.save()
        institution.regions.add(region)
        audit.record_object(user, "create", institution, purpose=PURPOSE)
        run.certified_institutions.add(institution)
    return provider


def _set_up_users(user, region: Region, municipality: Municipality, provider: Provider) -> None:
    # Hash once: eight hashes of the same password would only slow `make demo` down.
    password = make_password(DEMO_PASSWORD)
    scopes = {ScopeKind.REGION: {}, ScopeKind.MUNICIPALITY: {"municipality": municipality},
              ScopeKind.PROVIDER: {"provider": provider}}
    for username, role, first_name, last_name in DEMO_USERS:
        account = _demo_account(username)
        action = "update" if account.pk else "create"
        account.role, account.region = role, region
        account.municipality, account.provider = None, None
        for field, value in scopes[SCOPE_OF_ROLE[role]].items():
            setattr(account, field, value)
        account.first_name, account.last_name = first_name, f"{last_name} (demo)"
        account.is_active, account.password = True, password
        account.full_clean()
        account.save()
        audit.record_object(user, action, account, purpose=PURPOSE)
        DemoAccount.objects.get_or_create(user=account)


def _demo_account(username: str) -> User:
    """The existing demo account of that name, or a new one; never a real person's account.

    Demo accounts are global: setting up another region moves them there.
    """
    account = User.objects.filter(username=username).first()
    if account is None:
        return User(username=username)
    if not DemoAccount.objects.filter(user=account).exists():
        raise ValidationError({"username": _(
            "User %(username)s exists and is not a demo account; it is left alone.")
            % {"username": username}})
    return account


@transaction.atomic
def reset_region(*, region: Region, user=None) -> bool:
    """Remove what the demo set-up made for `region`; False if there was nothing.

    Demo accounts are kept (their access log refers to them) but lose their scope; they
    are bound again by the next set-up.
    """
    run = DemoRun.objects.filter(region=region).first()
    if run is None:
        return False
    User.objects.filter(demo_account__isnull=False, region=region).update(
        municipality=None, provider=None)
    providers = list(run.providers.all())
    doomed = [*run.partnerships.all(), *run.teams.all(),
              *Facility.objects.filter(provider__in=providers), *providers,
              *run.certified_institutions.all()]
    try:
        for obj in doomed:
            audit.record_object(user, "delete", obj, purpose=PURPOSE)
            obj.delete()
    except ProtectedError as error:
        blockers = sorted({str(o._meta.verbose_name) for o in error.protected_objects})
        raise ValidationError(_(
            "Demo data of %(region)s is still referred to by %(blockers)s; remove the demo "
            "care history first.") % {"region": region, "blockers": ", ".join(blockers)}
        ) from error
    audit.record_object(user, "delete", run, purpose=PURPOSE)
    run.delete()
    return True
