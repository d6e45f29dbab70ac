"""The world the authorization matrix runs in: two regions, built through the real ingest.

Region A and region B each have two (real, CBS) municipalities and two providers registered for
the region. For every municipality and every provider of its region one youth is requested
(JW315), assigned (JW301) and started (JW305) through `ijw.services.ingest`, so provider access
exists the way it does in production: through a toewijzing. One user per role works in region A
(municipality roles in A's first municipality, provider roles at A's first provider).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.test import Client

from openjeugd.accounts.roles import SCOPE_OF_ROLE, Role, ScopeKind
from openjeugd.accounts.twofactor import requires_two_factor
from openjeugd.core.testing import mark_otp_verified
from openjeugd.ijw import clock, codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Start, Toewijzing, Verzoek
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import (
    CertifiedInstitution,
    Municipality,
    PartnershipMember,
    Provider,
    Region,
    Youth,
)
from openjeugd.registry.tests.factories import (
    FacilityFactory,
    PartnershipFactory,
    ProviderFactory,
    TeamFactory,
    UserFactory,
    valid_bsn,
)

TODAY = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
ANONYMOUS, SUPERUSER = "anonymous", "superuser"
# The rows of the matrix: every role of accounts.roles, a superuser (no role) and nobody.
ROLES = [ANONYMOUS, *Role.values, SUPERUSER]

# Where an object sits relative to the users of region A (all bound to A1 / provider A1).
OWN = "own"                                    # municipality A1, provider A1
FOREIGN_MUNICIPALITY = "foreign_municipality"  # municipality A2, provider A1
FOREIGN_PROVIDER = "foreign_provider"          # municipality A1, provider A2
FOREIGN_REGION = "foreign_region"              # municipality B1, provider B1
SLOTS = {OWN: (0, 0), FOREIGN_MUNICIPALITY: (1, 0), FOREIGN_PROVIDER: (0, 1),
         FOREIGN_REGION: (2, 2)}
# Probes where the URL has an id: one that does not exist, one that is not even a number.
MISSING, MALFORMED = "missing", "malformed"


@dataclass
class Case:
    """One youth's care between one municipality and one provider, as the messages made it."""

    municipality: Municipality
    provider: Provider
    youth: Youth
    verzoek: Verzoek
    toewijzing: Toewijzing
    start: Start
    message: Message  # the JW301 (municipality → provider), carries the client's data
    colleague: object = None  # a user at this municipality: the object of user management


@dataclass
class World:
    regions: list[Region]
    municipalities: list[Municipality]  # A1, A2, B1, B2
    providers: list[Provider]           # A1, A2, B1, B2
    cases: dict[tuple[int, int], Case]  # (municipality index, provider index) → care
    users: dict[str, object] = field(default_factory=dict)
    # Accounts of region A that no regional screen may manage: staff and a superuser.
    unmanaged: dict[str, object] = field(default_factory=dict)

    def case(self, slot: str) -> Case:
        return self.cases[SLOTS[slot]]


def _two_regions() -> tuple[Region, Region]:
    """Two seeded regions with at least two active municipalities each; A holds Nijmegen."""
    region_a = Municipality.objects.get(code=samples.GEMEENTE).region
    for region in Region.objects.exclude(pk=region_a.pk).order_by("name"):
        if region.municipalities.filter(active=True).count() >= 2:
            return region_a, region
    raise AssertionError("the CBS division has no second region with two municipalities")


def _deliver(message, *, dagtekening: date):
    """Through the real path, on the day after the message's dagtekening (as ijw tests do)."""
    moment = datetime.combine(dagtekening + timedelta(days=1), time(10),
                              tzinfo=ZoneInfo("Europe/Amsterdam"))
    with clock.at(moment):
        outcome = ingest(codec.serialize(message))
    refused = (Message.Status.RECEIVED, Message.Status.REJECTED, Message.Status.PARTLY_GRANTED)
    assert outcome.message.status not in refused, (
        f"world set-up: {outcome.message} was {outcome.message.status}: "
        f"{[f.text for f in outcome.message.findings.all()]}")
    return outcome.message


def _care(number: int, municipality: Municipality, provider: Provider) -> Case:
    gemeente, agb, bsn = municipality.code, provider.agb_code, valid_bsn(8000 + number)
    request = samples.sample_jw315(gemeente=gemeente, agb=agb, bsn=bsn,
                                   identificatie=f"VT{number:06d}",
                                   referentie_aanbieder=f"VOT-M{number:03d}")
    _deliver(request, dagtekening=request.header.dagtekening)
    # No referentie_aanbieder: the toewijzing does not answer the request, which stays open.
    assignment = samples.sample_jw301(gemeente=gemeente, agb=agb, bsn=bsn,
                                      identificatie=f"TW{number:06d}",
                                      toewijzing_nummer=str(7000 + number))
    jw301 = _deliver(assignment, dagtekening=assignment.header.dagtekening)
    start = samples.sample_jw305(gemeente=gemeente, agb=agb, bsn=bsn,
                                 identificatie=f"ST{number:06d}",
                                 toewijzing_nummer=str(7000 + number))
    _deliver(start, dagtekening=start.header.dagtekening)
    youth = Youth.objects.get(bsn=bsn)
    return Case(
        municipality=municipality, provider=provider, youth=youth,
        verzoek=Verzoek.objects.get(youth=youth, provider=provider),
        toewijzing=Toewijzing.objects.get(youth=youth, provider=provider),
        start=Start.objects.get(youth=youth, provider=provider), message=jw301)


def _registry_extras(region: Region, municipalities, providers) -> None:
    for provider, municipality in zip(providers, municipalities, strict=True):
        FacilityFactory(provider=provider, municipality=municipality)
    TeamFactory(region=region, municipalities=municipalities)
    partnership = PartnershipFactory(region=region)
    PartnershipMember.objects.create(partnership=partnership, provider=providers[0],
                                     role=PartnershipMember.Role.HOOFDAANNEMER)
    institution = CertifiedInstitution.objects.create(name=f"GI {region.name}")
    institution.regions.add(region)


def _users(world: World) -> dict[str, object]:
    region, municipality, provider = world.regions[0], world.municipalities[0], world.providers[0]
    users = {}
    for role in Role.values:
        scope = {ScopeKind.MUNICIPALITY: {"municipality": municipality},
                 ScopeKind.PROVIDER: {"provider": provider}}.get(SCOPE_OF_ROLE[role], {})
        users[role] = UserFactory(username=f"matrix-{role}", role=role, region=region, **scope)
    users[SUPERUSER] = get_user_model().objects.create_superuser(
        "matrix-superuser", "superuser@example.org", "x")
    return users


def build_world() -> World:
    region_a, region_b = _two_regions()
    municipalities, providers = [], []
    for index, region in enumerate((region_a, region_b)):
        own = list(region.municipalities.filter(active=True).order_by("code")[:2])
        if region == region_a and own[0].code != samples.GEMEENTE:
            own = [Municipality.objects.get(code=samples.GEMEENTE),
                   *[m for m in own if m.code != samples.GEMEENTE]][:2]
        contracted = [ProviderFactory(name=f"Matrix {'AB'[index]}{n + 1}",
                                      agb_code=f"{98770000 + 10 * index + n:08d}")
                      for n in range(2)]
        for provider in contracted:
            provider.regions.add(region)
        municipalities += own
        providers += contracted
        _registry_extras(region, own, contracted)
    world = World(regions=[region_a, region_b], municipalities=municipalities,
                  providers=providers, cases={})
    number = 0
    for m_index, municipality in enumerate(municipalities):
        for p_index, provider in enumerate(providers):
            if provider.regions.filter(pk=municipality.region_id).exists():
                world.cases[(m_index, p_index)] = _care(number, municipality, provider)
                number += 1
    world.users = _users(world)
    for case in world.cases.values():
        case.colleague = UserFactory(
            username=f"matrix-colleague-{case.municipality.code}", role=Role.ACCESS_WORKER,
            region=case.municipality.region, municipality=case.municipality)
    scope = {"role": Role.ACCESS_WORKER, "region": region_a, "municipality": municipalities[0]}
    world.unmanaged = {
        "staff_of_region": UserFactory(username="matrix-staff-a", is_staff=True, **scope),
        "superuser_of_region": UserFactory(username="matrix-superuser-a", is_staff=True,
                                           is_superuser=True, **scope)}
    _pathways(world)
    _pathways_care(world)  # steps 6–11 (branch pscreens)
    return world


# --- care pathways (#10) --------------------------------------------------------------------------

def _pathways(world: World) -> None:
    """A case per youth, opened by its municipality's colleague, with a request, a registration
    and a brigade deployment. Only the own case is registered with the RET and the brigade
    (their care relations): the RET chair and brigade member see that one and no other."""
    from openjeugd.pathways.models import BrigadeDeployment, ExpertTeamRegistration
    from openjeugd.pathways.services import cases, config, expert_team
    from openjeugd.registry import care_relations

    config.apply_preset(region=world.regions[0], preset="g7")
    own = world.case(OWN)
    for care in world.cases.values():
        case = cases.open_case(care.colleague, youth_id=care.youth.pk,
                               opened_on=TODAY.date() - timedelta(days=7))
        cases.record_request(care.colleague, case=case, channel="phone",
                             received_on=case.opened_on)
        registration = ExpertTeamRegistration.objects.create(case=case,
                                                             registered_on=case.opened_on)
        BrigadeDeployment.objects.create(case=case, registration=registration,
                                         deployed_on=case.opened_on,
                                         available_by=case.opened_on, question="Matrix")
        if care is own:
            for kind in ("expert_team", "brigade"):
                care_relations.keep(youth=case.youth, provider=None, kind=kind,
                                    source=expert_team.relation_source(case),
                                    valid_from=case.opened_on, valid_to=None)


# --- care pathways, steps 6–11 (branch pscreens) ----------------------------------------------

def _pathways_care(world: World) -> None:
    """For every case: a placement in a facility of its provider, a crisis episode, a support
    profile held by its provider as hoofdaannemer and a waiting switch request. Written
    directly: the matrix tests who may reach them, not the rules that made them."""
    from openjeugd.pathways.models import (
        Case as PathwayCase,
    )
    from openjeugd.pathways.models import (
        CrisisEpisode,
        Placement,
        ProfileSwitchRequest,
        SupportProfile,
    )

    start = TODAY.date() - timedelta(days=5)
    for care in world.cases.values():
        case = PathwayCase.objects.get(youth=care.youth)
        facility = FacilityFactory(provider=care.provider, municipality=care.municipality)
        Placement.objects.create(case=case, facility=facility, started_on=start)
        CrisisEpisode.objects.create(case=case, reported_at=TODAY - timedelta(days=2),
                                     acuut_from=start, acuut_to=start + timedelta(days=13))
        current = SupportProfile.objects.create(case=case, profile=4, intensity="intensief",
                                                hoofdaannemer=care.provider, valid_from=start)
        ProfileSwitchRequest.objects.create(current=current, requested_by=care.provider,
                                            requested_on=start, profile=5,
                                            intensity="intensief", evidence="Matrix")


def signed_in_client(user) -> Client:
    """A client that reports server errors as responses, signed in (and, where two-factor
    authentication is installed, verified) as the user; None: anonymous."""
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
        # The matrix is about the policy, not the second factor (accounts tests cover that):
        # users who need one have passed it.
        if requires_two_factor(user) or user.is_staff:
            mark_otp_verified(client, user)
    return client
