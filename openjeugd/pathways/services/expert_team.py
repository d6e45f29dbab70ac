"""Step 3: registration with the expert team, its documents and participants, the decision,
the consensus meeting (seed 002) and the escalation ladder (seed 003)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.lib.workdays import add_working_days
from openjeugd.pathways import framework as assessment
from openjeugd.pathways.models import (
    Case,
    ConsensusMeeting,
    Escalation,
    ExpertTeamRegistration,
    Participant,
    RegistrationDocument,
)
from openjeugd.registry import care_relations
from openjeugd.registry.models import CareRelation

from .base import bump_version, config_of, event, logged, not_before, refuse
from .cases import _advance

Kind = RegistrationDocument.Kind
REQUIRED_DOCUMENTS = (Kind.VERKLARENDE_ANALYSE, Kind.PERSPECTIEFPLAN, Kind.SIGNALERINGSPLAN)


def relation_source(case: Case) -> str:
    return f"pathways.Case:{case.pk}"


@transaction.atomic
def add_document(user, *, case: Case, kind: str, dated: date, author: str, goal: str = "",
                 made_with_family: bool = True) -> RegistrationDocument:
    if kind == Kind.PERSPECTIEFPLAN and not goal.strip():
        # seed 000 §7 "een perspectiefplan met een duidelijk doel"
        refuse("goal", _("A perspectiefplan needs a clear goal (seed 000)."))
    document = RegistrationDocument(case=case, kind=kind, dated=dated, author=author,
                                    goal=goal.strip(), made_with_family=made_with_family)
    document.full_clean()
    document.save()
    event(case, user, "document", _("%(document)s recorded") % {
        "document": document.get_kind_display()})
    return logged(user, "create", document, case)


def missing_documents(case: Case, on: date) -> list[str]:
    present = set(RegistrationDocument.objects.filter(case=case, dated__lte=on)
                  .values_list("kind", flat=True))
    return [str(kind.label) for kind in REQUIRED_DOCUMENTS if kind not in present]


@transaction.atomic
def register(user, *, case: Case, registered_on: date, referral=None, team=None,
             for_outflow: bool = False) -> ExpertTeamRegistration:
    """seed 000 §7 "Als een verwijzer een kind aanmeldt, is er altijd een verklarende
    analyse, een perspectiefplan met een duidelijk doel en een aanzet tot een
    signaleringsplan" — refused without them. Gives the expert team sight of the youth."""
    if not config_of(case).has_expert_team:
        refuse("case", _("This region's pathway has no expert team."))
    missing = missing_documents(case, registered_on)
    if missing:
        refuse("documents", _("A registration needs a verklarende analyse, a perspectiefplan "
                              "with a goal and a first signaleringsplan (seed 000). Missing: "
                              "%(missing)s.") % {"missing": ", ".join(missing)})
    not_before("registered_on", registered_on, case.opened_on,
               _("A registration cannot come before the case was opened."))
    registration = ExpertTeamRegistration.objects.create(
        case=case, referral=referral, team=team, registered_on=registered_on,
        for_outflow=for_outflow)
    RegistrationDocument.objects.filter(case=case, registration=None).update(
        registration=registration)
    care_relations.keep(youth=case.youth, provider=None, kind=CareRelation.Kind.EXPERT_TEAM,
                        source=relation_source(case), valid_from=registered_on, valid_to=None)
    _advance(case, Case.Phase.EXPERT_TEAM)
    event(case, user, "registration", _("Registered with the %(team)s") % {
        "team": config_of(case).expert_team_label or _("expert team")})
    return logged(user, "create", registration, case)


@transaction.atomic
def add_participant(user, *, registration: ExpertTeamRegistration, task_area: str, name: str,
                    organisation: str = "") -> Participant:
    participant = Participant(registration=registration, task_area=task_area, name=name,
                              organisation=organisation)
    participant.full_clean()
    participant.save()
    return logged(user, "create", participant, registration.case)


@transaction.atomic
def hold_consensus_meeting(user, *, registration: ExpertTeamRegistration, held_on: date,
                           chair_name: str, chair_independent: bool, consensus: bool,
                           outcome: str, referrer_decision: str = "") -> ConsensusMeeting:
    """seed 002 "op consensus gericht overleg", "een onafhankelijke voorzitter"; "De verwijzer
    ... neemt ... een besluit wanneer consensus niet kan worden bereikt"."""
    case = registration.case
    if not config_of(case).has_consensus_meeting:
        refuse("registration", _("This region's pathway has no consensus meeting."))
    if not chair_independent:
        refuse("chair_independent", _("The consensus meeting needs an independent chair "
                                       "(seed 002)."))
    if not consensus and not referrer_decision.strip():
        refuse("referrer_decision", _("Without consensus the referrer decides (seed 002): "
                                      "record the referrer's decision."))
    not_before("held_on", held_on, registration.registered_on,
               _("The meeting cannot come before the registration."))
    meeting = ConsensusMeeting.objects.create(
        registration=registration, held_on=held_on, chair_name=chair_name,
        chair_independent=True, consensus=consensus, outcome=outcome,
        referrer_decision="" if consensus else referrer_decision.strip())
    ExpertTeamRegistration.objects.filter(pk=registration.pk).update(
        status=ExpertTeamRegistration.Status.CONSENSUS)
    event(case, user, "consensus", _("Consensus meeting: consensus reached") if consensus
          else _("Consensus meeting: no consensus, the referrer decided"))
    return logged(user, "create", meeting, case)


@transaction.atomic
def decide(user, *, registration: ExpertTeamRegistration, version: int, decided_on: date,
           framework: dict, task_areas: list[str], decision: str) -> ExpertTeamRegistration:
    """seed 003 "Met een uniform afwegingskader besluit het MDO welke taakgebieden er worden
    ingezet"; in a consensus region (seed 002) only after the meeting, and without consensus
    the decision is the referrer's."""
    case = registration.case
    not_before("decided_on", decided_on, registration.registered_on,
               _("A decision cannot come before the registration."))
    missing = assessment.missing_answers(framework)
    if missing:
        refuse("framework", _("Answer every question of the assessment framework (missing: "
                              "%(keys)s).") % {"keys": ", ".join(missing)})
    if not task_areas or set(task_areas) - set(Participant.TaskArea.values):
        refuse("task_areas", _("Choose the task areas that will be deployed."))
    if not decision.strip():
        refuse("decision", _("Write down the decision."))
    meeting = registration.meetings.order_by("-held_on", "-pk").first()
    if config_of(case).has_consensus_meeting and meeting is None:
        refuse("decision", _("In this region the decision follows a consensus meeting "
                             "(seed 002)."))
    bump_version(registration, version)
    registration.decided_on, registration.framework = decided_on, framework
    registration.task_areas, registration.decision = sorted(set(task_areas)), decision.strip()
    registration.decided_by_referrer = bool(meeting and not meeting.consensus)
    registration.status = ExpertTeamRegistration.Status.DECIDED
    registration.save(update_fields=["decided_on", "framework", "task_areas", "decision",
                                     "decided_by_referrer", "status"])
    _advance(case, Case.Phase.DECISION)
    event(case, user, "decision", _("Expert team decided"))
    return logged(user, "update", registration, case)


@transaction.atomic
def escalate(user, *, registration: ExpertTeamRegistration, started_on: date) -> Escalation:
    """The next rung of the region's escalation ladder (seed 003 "Leidt het MDO niet tot
    overeenstemming, dan hebben we een escalatieladder om een besluit te nemen")."""
    config = config_of(registration.case)
    if not config.has_escalation_ladder or config.pk is None:
        refuse("registration", _("This region's pathway has no escalation ladder."))
    if registration.status == ExpertTeamRegistration.Status.DECIDED:
        refuse("registration", _("This registration has been decided: nothing to escalate."))
    taken = registration.escalations.values_list("step_id", flat=True)
    step = config.escalation_steps.exclude(pk__in=list(taken)).order_by("order").first()
    if step is None:
        refuse("registration", _("The last step of the escalation ladder has been taken."))
    not_before("started_on", started_on, registration.registered_on,
               _("An escalation cannot come before the registration."))
    escalation = Escalation.objects.create(
        registration=registration, step=step, started_on=started_on,
        due_on=add_working_days(started_on, step.working_days), started_by=user)
    ExpertTeamRegistration.objects.filter(pk=registration.pk).update(
        status=ExpertTeamRegistration.Status.ESCALATED)
    event(registration.case, user, "escalation", _("Escalated to %(step)s") % {"step": step})
    return logged(user, "create", escalation, registration.case)
