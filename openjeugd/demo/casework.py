"""The demo region's casework: cases in every state of the care pathway, written through the
pathways services by the demo accounts (the access worker, the RET chair, provider staff), so
every rule of the region's pathway applies as it would on screen.

Dates count back from `today` (the history's last day). Some deadlines lie in the past on
purpose — a brigade that has not started, a crisis without intervention, an escalation, a
follow-up place not arranged, a measurement not taken — so the work lists show overdue items.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from openjeugd.accounts.models import User
from openjeugd.demo import identities
from openjeugd.ijw import clock
from openjeugd.pathways.models import (
    Case,
    CrisisEpisode,
    ExpertTeamRegistration,
    Intensity,
    Measurement,
    OutflowPlan,
    PathwayConfig,
    Referral,
    RegieRole,
    RegistrationDocument,
)
from openjeugd.pathways.services import care, cases, config, expert_team, outflow, profile
from openjeugd.registry.models import Facility, Provider, Youth

_TZ = ZoneInfo("Europe/Amsterdam")
Kind = RegistrationDocument.Kind
FRAMEWORK = {"understood": "yes", "safety": "partly", "at_home": "no", "network": "yes",
             "one_placement": "yes", "perspective": "yes"}


class _Work:
    def __init__(self, region, today: date, assignment: dict, seed_key: str):
        self.region, self.today = region, today
        self.worker = User.objects.get(username="toegang")
        self.chair = User.objects.get(username="ret")
        self.staff = User.objects.get(username="aanbieder")
        self.municipality = self.worker.municipality
        self.config = PathwayConfig.objects.get(region=region)
        self.assignment = assignment
        self.rng = random.Random(f"casework-{seed_key}")
        taken = set(Youth.objects.values_list("bsn", flat=True))
        self.bsns = iter(b for b in identities.draw_test_bsns(self.rng, 400) if b not in taken)

    def day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def at(self, days_ago: int, hour: int = 10) -> datetime:
        return datetime.combine(self.day(days_ago), time(hour), tzinfo=_TZ)

    def case(self, *, age: int, opened: int, question: str) -> Case:
        """A new youth of the access worker's municipality, `age` years old today."""
        born = date(self.today.year - age, self.today.month, min(self.today.day, 28)) \
            - timedelta(days=self.rng.randint(20, 300))
        new = {"bsn": next(self.bsns), "birth_date": born,
               "initials": identities.initials(self.rng), "surname": identities.surname(self.rng)}
        case = cases.open_case(self.worker, opened_on=self.day(opened), new_youth=new)
        request = cases.record_request(
            self.worker, case=case, channel="phone", received_on=self.day(opened),
            question=question, domains={"support": True, "school_work": True, "safety": True})
        case.request_item = request
        return case

    def triage(self, case: Case, days_ago: int, outcomes: list[str], urgency="normal"):
        item = case.request_item
        return cases.triage(self.worker, item=item, version=item.version, urgency=urgency,
                            speed="within_week", assigned_to=self.worker,
                            triaged_on=self.day(days_ago), outcomes=outcomes)

    def documents(self, case: Case, days_ago: int, kinds=tuple(Kind.values)) -> None:
        for kind in kinds:
            expert_team.add_document(self.worker, case=case, kind=kind, dated=self.day(days_ago),
                                     author="Lokaal team (demo)",
                                     goal="Thuis kunnen blijven wonen en naar school gaan")

    def facility(self, case: Case, kinds=None) -> Facility:
        born = case.youth.birth_date
        age = self.today.year - born.year - ((self.today.month, self.today.day)
                                             < (born.month, born.day))
        found = Facility.objects.filter(provider__regions=self.region, age_min__lte=age,
                                        age_max__gte=age).exclude(kind="ambulant")
        if kinds:
            found = found.filter(kind__in=kinds) or found
        return found.order_by("pk").first()


@transaction.atomic
def populate(*, region, seed, today: date, assignment: dict) -> dict[str, int]:
    """Cases in every state for the region's pathway; returns how many of each were made.

    `assignment`: what the decision step assigns (categorie, code, eenheid, frequentie,
    volume, provider agb) — a product the region contracts."""
    config.apply_preset(region=region, preset=seed.preset)
    work = _Work(region, today, assignment, seed.key)
    made = {}
    for name, step in _STEPS:
        made[name] = step(work) or 0
    return made


def _request_only(work: _Work) -> int:
    work.case(age=9, opened=2, question="Ouders vragen hulp bij de opvoeding")
    return 1


def _triaged(work: _Work) -> int:
    case = work.case(age=12, opened=12, question="Zorgen van school over gedrag")
    work.triage(case, 10, ["slt_help", "network"])
    cases.assign_regie(work.worker, case=case, kind=RegieRole.Kind.CASUSREGISSEUR,
                       phase=Case.Phase.REQUEST, holder_name="Tess Toegang",
                       valid_from=work.day(10), holder=work.worker)
    return 1


def _referred(work: _Work) -> int:
    case = work.case(age=7, opened=25, question="Lees- en spellingsproblemen")
    work.triage(case, 22, ["referral_care"])
    cases.refer(work.worker, case=case, referrer_code="02", referrer_name="Huisarts (demo)",
                referred_on=work.day(20), target=Referral.Target.PRODUCT,
                product_categorie=work.assignment["categorie"])
    return 1


def _registration(work: _Work, *, age: int, opened: int, all_documents: bool = True):
    case = work.case(age=age, opened=opened, question="Uithuisplaatsing dreigt")
    work.triage(case, opened - 2, ["referral_care"], urgency="high")
    referral = cases.refer(work.worker, case=case, referrer_code="01",
                           referrer_name="Lokaal team (demo)", referred_on=work.day(opened - 3),
                           target=Referral.Target.EXPERT_TEAM, reason="Complexe casus")
    kinds = tuple(Kind.values) if all_documents else (Kind.VERKLARENDE_ANALYSE,)
    work.documents(case, opened - 4, kinds)
    if not all_documents:
        return case, None  # waiting for the perspectiefplan and the signaleringsplan
    registration = expert_team.register(work.worker, case=case, registered_on=work.day(opened - 5),
                                        referral=referral)
    expert_team.add_participant(work.worker, registration=registration, task_area="jo",
                                name="Gedragswetenschapper (demo)")
    expert_team.add_participant(work.worker, registration=registration, task_area="local_team",
                                name="Tess Toegang")
    return case, registration


def _decide(work: _Work, registration, days_ago: int) -> None:
    if work.config.has_consensus_meeting:
        expert_team.hold_consensus_meeting(
            work.worker, registration=registration, held_on=work.day(days_ago),
            chair_name="Onafhankelijk voorzitter (demo)", chair_independent=True,
            consensus=False, outcome="Geen consensus over de plek",
            referrer_decision="De verwijzer kiest behandeling met verblijf dichtbij huis")
    registration.refresh_from_db()
    expert_team.decide(work.worker, registration=registration,
                       version=registration.version, decided_on=work.day(days_ago),
                       framework=FRAMEWORK, task_areas=["residential", "jo"],
                       decision="Behandeling met verblijf, in één keer passend")


def _expert_team(work: _Work) -> int:
    if not work.config.has_expert_team:
        return 0
    _registration(work, age=13, opened=8, all_documents=False)
    _registration(work, age=14, opened=20)
    case, registration = _registration(work, age=15, opened=45)
    _decide(work, registration, 30)
    # The last resort, recorded as such (seed 000: hypermaatwerk only when nothing else fits).
    care.record_hypermaatwerk(
        work.worker, case=case, decided_on=work.day(28),
        justification="Geen passende plek in het regionale aanbod (demo)",
        alternatives_tried="Gezinshuis en behandelgroep aangevraagd; beide niet passend")
    made = 3
    if work.config.has_escalation_ladder:
        _case, registration = _registration(work, age=11, opened=40)
        expert_team.escalate(work.chair, registration=registration, started_on=work.day(25))
        made += 1
    return made


def _brigade(work: _Work) -> int:
    if not work.config.has_brigade:
        return 0
    waiting, registration = _registration(work, age=14, opened=30)
    care.deploy_brigade(work.chair, case=waiting, deployed_on=work.day(20),
                        question="Meedenken over gedrag op de groep")  # not started: overdue
    busy, registration = _registration(work, age=16, opened=60)
    deployment = care.deploy_brigade(work.chair, case=busy, deployed_on=work.day(50),
                                     question="Vastgelopen behandeling")
    care.record_brigade_work(work.chair, deployment=deployment, started_on=work.day(48),
                             advice="Eén werkhypothese met het team, dagprogramma op school",
                             working_hypothesis="Hechtingsproblematiek na overplaatsingen",
                             ended_on=work.day(20))
    return 2


def _decision(work: _Work) -> int:
    case = work.case(age=10, opened=15, question="Gezin vraagt ambulante hulp")
    work.triage(case, 14, ["referral_care"])
    cases.refer(work.worker, case=case, referrer_code="01", referrer_name="Lokaal team (demo)",
                referred_on=work.day(13), target=Referral.Target.PRODUCT,
                product_categorie=work.assignment["categorie"])
    provider = Provider.objects.get(agb_code=work.assignment["provider"])
    a = work.assignment
    with clock.at(work.at(5)):
        care.decide_and_assign(work.worker, case=case, provider=provider,
                               categorie=a["categorie"], code=a["code"],
                               ingangsdatum=work.day(3), einddatum=work.day(3) + timedelta(180),
                               volume=a["volume"], eenheid=a["eenheid"],
                               frequentie=a["frequentie"])
    return 1


def _placed(work: _Work, *, age: int, opened: int, planned_end: date | None = None) -> Case:
    case = work.case(age=age, opened=opened, question="Thuis wonen lukt niet meer")
    work.triage(case, opened - 1, ["referral_care"], urgency="high")
    work.documents(case, opened - 2)
    facility = work.facility(case)
    care.place(work.worker, case=case, facility=facility, started_on=work.day(opened - 5),
               planned_end_on=planned_end)
    return case


def _placements(work: _Work) -> int:
    case = _placed(work, age=13, opened=120, planned_end=work.day(-300))
    other = work.facility(case, ["gezinshuis", "pleegzorg"])
    care.move(work.worker, case=case, facility=other, moved_on=work.day(40), voluntary=True,
              reason="Op eigen verzoek dichter bij school en familie")
    placement = care.current_placement(case)
    care.add_one_on_one(work.worker, placement=placement, started_on=work.day(30),
                        ended_on=work.day(23), reason="Veiligheid op de groep (tijdelijk)")
    outflow.record_measurement(work.worker, case=case, moment=Measurement.Moment.START,
                               informant=Measurement.Informant.JEUGDIGE,
                               measured_on=work.day(110), tevredenheid=6)
    return 1


def _crisis(work: _Work) -> int:
    case = work.case(age=15, opened=3, question="Crisis thuis: politie betrokken")
    work.triage(case, 3, ["referral_care"], urgency="crisis")
    # reported two days ago, no intervention recorded: the 24-hour deadline is overdue
    care.record_crisis(work.worker, case=case, reported_at=work.at(2, 22),
                       acuut_from=work.day(2), acuut_to=work.day(-10),
                       spoedhulp=CrisisEpisode.Spoedhulp.BEFORE, summary="Ambulante spoedhulp")
    handled = work.case(age=11, opened=30, question="Crisis na incident op school")
    care.record_crisis(work.worker, case=handled, reported_at=work.at(29, 8),
                       intervened_at=work.at(29, 15), acuut_from=work.day(29),
                       acuut_to=work.day(17), crisis_stay=True,
                       spoedhulp=CrisisEpisode.Spoedhulp.AFTER,
                       summary="Crisisopvang, daarna thuis")
    return 2


def _outflow(work: _Work) -> int:
    # Planned outflow in two months; the follow-up place was due 3 months before: overdue.
    case = _placed(work, age=17, opened=240, planned_end=work.day(-60))
    plan = outflow.outflow_plan(case)
    outflow.plan_outflow(work.worker, case=case, version=plan.version,
                         planned_outflow_on=work.day(-60), toekomstplan_on=work.day(200),
                         mdo_informed_on=work.day(30))
    # Outflow arranged and done, then measured at the end: the case is closed.
    done = _placed(work, age=16, opened=300, planned_end=work.day(60))
    plan = outflow.outflow_plan(done)
    outflow.plan_outflow(work.worker, case=done, version=plan.version,
                         planned_outflow_on=work.day(60),
                         follow_up_place="Kamertraining (demo)",
                         follow_up_arranged_on=work.day(150), mdo_informed_on=work.day(150),
                         toekomstplan_on=work.day(250), outflowed_on=work.day(60))
    care.end_placement(work.worker, placement=care.current_placement(done),
                       ended_on=work.day(60))
    for informant, mark in ((Measurement.Informant.JEUGDIGE, 8),
                            (Measurement.Informant.OUDER, 7)):
        outflow.record_measurement(work.worker, case=done, moment=Measurement.Moment.START,
                                   informant=informant, measured_on=work.day(290),
                                   tevredenheid=mark - 2)
        outflow.record_measurement(work.worker, case=done, moment=Measurement.Moment.END,
                                   informant=informant, measured_on=work.day(58),
                                   tevredenheid=mark, doelrealisatie="02")
    done.refresh_from_db()
    cases.update_case(work.worker, case=done, version=done.version, closed_on=work.day(55))
    return 2


def _profiles(work: _Work) -> int:
    if not work.config.profile_model:
        return 0
    main = Provider.objects.get(pk=work.staff.provider_id)
    switched = work.case(age=9, opened=90, question="Gezin met meerdere zorgen")
    current = profile.assign_profile(work.worker, case=switched, profile=2,
                                     intensity=Intensity.PERSPECTIEF, hoofdaannemer=main,
                                     valid_from=work.day(80))
    switch = profile.request_switch(work.staff, current=current, requested_on=work.day(20),
                                    profile=4, intensity=Intensity.INTENSIEF,
                                    evidence="Multiprobleemgezin: schulden en huiselijk geweld")
    profile.decide_switch(work.worker, switch=switch, approve=True, decided_on=work.day(15))
    waiting = work.case(age=6, opened=60, question="Ontwikkelingsachterstand jong kind")
    current = profile.assign_profile(work.worker, case=waiting, profile=10,
                                     intensity=Intensity.PERSPECTIEF, hoofdaannemer=main,
                                     valid_from=work.day(50))
    profile.request_switch(work.staff, current=current, requested_on=work.day(4), profile=10,
                           intensity=Intensity.INTENSIEF, evidence="Procesdiagnostiek nodig")
    stacked = work.case(age=14, opened=200, question="Langdurige ondersteuning LVB")
    profile.assign_profile(work.worker, case=stacked, profile=8,
                           intensity=Intensity.DUURZAAM, hoofdaannemer=main,
                           valid_from=work.day(190))
    profile.assign_profile(work.worker, case=stacked, profile=6,
                           intensity=Intensity.INTENSIEF, hoofdaannemer=main,
                           valid_from=work.day(40), stacking_consent_by="Regisseur lokaal team")
    acute = work.case(age=15, opened=6, question="Acute crisis in het gezin")
    profile.assign_profile(work.worker, case=acute, profile=4, intensity=Intensity.ACUUT,
                           hoofdaannemer=main, valid_from=work.day(5), valid_to=work.day(-7))
    return 4


_STEPS = (
    ("request", _request_only), ("triage", _triaged), ("referral", _referred),
    ("expert_team", _expert_team), ("brigade", _brigade), ("decision", _decision),
    ("placement", _placements), ("crisis", _crisis), ("outflow", _outflow),
    ("profiles", _profiles),
)


@transaction.atomic
def reset(*, region) -> None:
    """Remove the region's casework (demo reset only), children first."""
    from openjeugd.pathways import models as pm

    found = Case.objects.filter(municipality__region=region)
    pm.ProfileSwitchRequest.objects.filter(current__case__in=found).delete()
    pm.SupportProfile.objects.filter(case__in=found).delete()
    pm.Move.objects.filter(case__in=found).delete()
    pm.Escalation.objects.filter(registration__case__in=found).delete()
    pm.BrigadeDeployment.objects.filter(case__in=found).delete()
    OutflowPlan.objects.filter(case__in=found).update(new_registration=None)
    ExpertTeamRegistration.objects.filter(case__in=found).delete()
    for model in (pm.Beschikking, pm.Placement, pm.Hypermaatwerk, pm.CrisisEpisode,
                  pm.Measurement, OutflowPlan, pm.RegistrationDocument, pm.Referral,
                  pm.RegieRole):
        model.objects.filter(case__in=found).delete()
    found.delete()
    PathwayConfig.objects.filter(region=region).delete()
