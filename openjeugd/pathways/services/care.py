"""Steps 4–7: mobile brigade, decision with its JW301, placement, moves, 1-op-1 begeleiding,
hypermaatwerk and crisis episodes."""

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.accounts import policy
from openjeugd.accounts.policy import Perm
from openjeugd.ijw.services import actions
from openjeugd.pathways import deadlines
from openjeugd.pathways.models import (
    Beschikking,
    BrigadeDeployment,
    Case,
    CrisisEpisode,
    Hypermaatwerk,
    Move,
    OneOnOneSupport,
    Placement,
    RegistrationDocument,
)
from openjeugd.registry import care_relations
from openjeugd.registry.models import CareRelation, Facility

from .base import config_of, event, logged, not_before, refuse
from .cases import _advance
from .expert_team import relation_source

# seed 000 §5: "JeugdzorgPlus, een aantal driemilieus voorzieningen, Onvoorwaardelijk Wonen,
# een verblijfsvoorziening voor gezinsbehandeling en klinieken voor verslavingszorg".
ESSENTIAL_RESIDENCE = {
    Facility.Kind.JEUGDZORGPLUS, Facility.Kind.DRIEMILIEU, Facility.Kind.ONVOORWAARDELIJK_WONEN,
    Facility.Kind.GEZINSBEHANDELING, Facility.Kind.KLINIEK_VERSLAVING,
}


def current_placement(case: Case) -> Placement | None:
    return case.placements.select_related("facility").filter(ended_on=None).first()


def in_essential_residence(case: Case) -> bool:
    placement = current_placement(case)
    return placement is not None and placement.facility.kind in ESSENTIAL_RESIDENCE


# --- step 4: mobile brigade --------------------------------------------------------------------

@transaction.atomic
def deploy_brigade(user, *, case: Case, deployed_on: date, question: str) -> BrigadeDeployment:
    """seed 000 §6.1 "De mobiele brigade kan door de voorzitter van het Regionale Expert Team
    (RET) worden ingezet"; §7 "Toeleiding naar de mobiele brigade gaat altijd via het RET,
    behalve als een kind al in integraal hoog specialistisch verblijf zit"."""
    config = config_of(case)
    if not config.has_brigade:
        refuse("case", _("This region's pathway has no mobile brigade."))
    registration = case.registrations.order_by("-registered_on", "-pk").first()
    via_ret = policy.has_perm(user, Perm.DEPLOY_BRIGADE) and registration is not None
    if not via_ret and not in_essential_residence(case):
        refuse("case", _("The mobile brigade is deployed by the RET chair for a youth "
                         "registered with the RET; directly only for a youth already in "
                         "essential residence (seed 000)."))
    deployment = BrigadeDeployment.objects.create(
        case=case, registration=registration if via_ret else None, direct=not via_ret,
        deployed_on=deployed_on, deployed_by=user, question=question,
        # seed 000 §6.1 "planbare zorg die binnen 3 werkdagen beschikbaar is"
        available_by=deadlines.brigade_available_by(deployed_on, config.brigade_working_days))
    care_relations.keep(youth=case.youth, provider=None, kind=CareRelation.Kind.BRIGADE,
                        source=relation_source(case), valid_from=deployed_on, valid_to=None)
    event(case, user, "brigade", _("Mobile brigade deployed, available by %(date)s") % {
        "date": deployment.available_by})
    return logged(user, "create", deployment, case)


@transaction.atomic
def record_brigade_work(user, *, deployment: BrigadeDeployment, started_on: date | None,
                        advice: str = "", working_hypothesis: str = "",
                        ended_on: date | None = None) -> BrigadeDeployment:
    """The brigade's advice and the one shared working hypothesis (seed 000 "één
    werkhypothese"). Ending the deployment ends the brigade's sight of the youth (with the
    usual grace period)."""
    not_before("started_on", started_on, deployment.deployed_on,
               _("The brigade cannot start before it was deployed."))
    not_before("ended_on", ended_on, started_on or deployment.deployed_on,
               _("A stop cannot come before the start."))
    if ended_on and not working_hypothesis.strip():
        refuse("working_hypothesis", _("The brigade ends with one shared working hypothesis "
                                       "(seed 000)."))
    deployment.started_on, deployment.ended_on = started_on, ended_on
    deployment.advice, deployment.working_hypothesis = advice, working_hypothesis.strip()
    deployment.save(update_fields=["started_on", "ended_on", "advice", "working_hypothesis"])
    if ended_on:
        care_relations.end(kind=CareRelation.Kind.BRIGADE,
                           source=relation_source(deployment.case), on=ended_on)
    event(deployment.case, user, "brigade", _("Brigade advice recorded"))
    return logged(user, "update", deployment, deployment.case)


# --- step 5: decision and its toewijzing --------------------------------------------------------

@transaction.atomic
def decide_and_assign(user, *, case: Case, provider, categorie: str, ingangsdatum: date,
                      code: str = "", einddatum: date | None = None, volume: int | None = None,
                      eenheid: str = "", frequentie: str = "",
                      budget: Decimal | None = None) -> Beschikking:
    """The municipality's beschikking; its toewijzing leaves as a JW301 through the ijw action
    (who sends, numbering, the outgoing rule checks: the same as the message screens)."""
    not_before("einddatum", einddatum, ingangsdatum,
               _("The end date lies before the start date."))
    message = actions.assign(user, youth_id=case.youth_id, provider=provider,
                             categorie=categorie, code=code, ingangsdatum=ingangsdatum,
                             einddatum=einddatum, volume=volume, eenheid=eenheid,
                             frequentie=frequentie, budget=budget)
    if message.status != message.Status.SENT:
        # The outgoing rules refused it: no beschikking, and (atomic) no archived message.
        raise ValidationError({"__all__": [
            _("The toewijzing was refused by the iJw rules: %(findings)s") % {
                "findings": "; ".join(f"{f.rule} {f.text}" for f in message.findings.all())}]})
    beschikking = Beschikking.objects.create(
        case=case, decided_on=timezone.localdate(), provider=provider,
        product_categorie=categorie, product_code=code, ingangsdatum=ingangsdatum,
        einddatum=einddatum, message=message, decided_by=user)
    _advance(case, Case.Phase.CARE)
    event(case, user, "beschikking", _("Decision taken; toewijzing %(id)s sent to %(provider)s")
          % {"id": message.identificatie, "provider": provider})
    return logged(user, "create", beschikking, case)


# --- step 6: placement -------------------------------------------------------------------------

def _require_verklarende_analyse(case: Case, on: date) -> None:
    # seed 000 §7 "Er is geen plaatsing zonder verklarende analyse."
    if not case.documents.filter(kind=RegistrationDocument.Kind.VERKLARENDE_ANALYSE,
                                 dated__lte=on).exists():
        refuse("facility", _("No placement without a verklarende analyse (seed 000)."))


def _fits_age(case: Case, facility: Facility, on: date) -> None:
    born = case.youth.birth_date
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if not facility.age_min <= age <= facility.age_max:
        refuse("facility", _("%(facility)s takes youths of %(min)s to %(max)s; this youth is "
                             "%(age)s.") % {"facility": facility, "min": facility.age_min,
                                            "max": facility.age_max, "age": age})


@transaction.atomic
def place(user, *, case: Case, facility: Facility, started_on: date,
          planned_end_on: date | None = None) -> Placement:
    """seed 003 "in één keer bij de passende woonvoorziening geplaatst (matched care)"."""
    _require_verklarende_analyse(case, started_on)
    _fits_age(case, facility, started_on)
    not_before("planned_end_on", planned_end_on, started_on,
               _("The planned outflow cannot come before the start."))
    if current_placement(case) is not None:
        refuse("facility", _("This youth is already placed: record a move instead."))
    placement = Placement.objects.create(case=case, facility=facility, started_on=started_on,
                                         planned_end_on=planned_end_on)
    _advance(case, Case.Phase.CARE)
    event(case, user, "placement", _("Placed in %(facility)s") % {"facility": facility})
    return logged(user, "create", placement, case)


@transaction.atomic
def move(user, *, case: Case, facility: Facility, moved_on: date, voluntary: bool,
         reason: str) -> Move:
    """seed 000 "Een kind wordt niet onvrijwillig doorgeplaatst": every move is recorded as
    voluntary or not, so involuntary moves can be counted (target 0)."""
    current = current_placement(case)
    if current is None:
        refuse("facility", _("There is no current placement to move from."))
    not_before("moved_on", moved_on, current.started_on,
               _("A move cannot come before the current placement started."))
    if not reason.strip():
        refuse("reason", _("Record the reason of the move."))
    _fits_age(case, facility, moved_on)
    current.ended_on = moved_on
    current.save(update_fields=["ended_on"])
    new = Placement.objects.create(case=case, facility=facility, started_on=moved_on,
                                   planned_end_on=current.planned_end_on)
    moved = Move.objects.create(case=case, from_placement=current, to_placement=new,
                                moved_on=moved_on, voluntary=voluntary, reason=reason.strip())
    event(case, user, "move", (_("Voluntary move to %(facility)s") if voluntary else
                               _("INVOLUNTARY move to %(facility)s")) % {"facility": facility})
    return logged(user, "create", moved, case)


@transaction.atomic
def end_placement(user, *, placement: Placement, ended_on: date) -> Placement:
    not_before("ended_on", ended_on, placement.started_on,
               _("A stop cannot come before the start."))
    placement.ended_on = ended_on
    placement.save(update_fields=["ended_on"])
    event(placement.case, user, "placement", _("Placement ended"))
    return logged(user, "update", placement, placement.case)


@transaction.atomic
def add_one_on_one(user, *, placement: Placement, started_on: date, reason: str,
                   ended_on: date | None = None) -> OneOnOneSupport:
    """seed 000 "1-op-1 begeleiding ... vanaf 2026 toe naar 0 inzet" — recorded to count it."""
    not_before("started_on", started_on, placement.started_on,
               _("1-op-1 begeleiding cannot start before the placement."))
    not_before("ended_on", ended_on, started_on, _("A stop cannot come before the start."))
    if not reason.strip():
        refuse("reason", _("Record why 1-op-1 begeleiding is needed."))
    support = OneOnOneSupport.objects.create(placement=placement, started_on=started_on,
                                             ended_on=ended_on, reason=reason.strip())
    event(placement.case, user, "one_on_one", _("1-op-1 begeleiding recorded"))
    return logged(user, "create", support, placement.case)


@transaction.atomic
def record_hypermaatwerk(user, *, case: Case, decided_on: date, justification: str,
                         alternatives_tried: str) -> Hypermaatwerk:
    """The last resort, explicit: only after the expert team decided, with a justification and
    what was tried before."""
    if not case.registrations.filter(decided_on__isnull=False).exists():
        refuse("case", _("Hypermaatwerk is the last resort: the expert team decides first."))
    if not justification.strip() or not alternatives_tried.strip():
        refuse("justification", _("Hypermaatwerk needs its justification and the "
                                  "alternatives tried."))
    record = Hypermaatwerk.objects.create(case=case, decided_on=decided_on,
                                          justification=justification.strip(),
                                          alternatives_tried=alternatives_tried.strip(),
                                          decided_by=user)
    event(case, user, "hypermaatwerk", _("Hypermaatwerk recorded as last resort"))
    return logged(user, "create", record, case)


# --- step 7: crisis ----------------------------------------------------------------------------

@transaction.atomic
def record_crisis(user, *, case: Case, reported_at: datetime, acuut_from: date, acuut_to: date,
                  intervened_at: datetime | None = None, crisis_stay: bool = False,
                  spoedhulp: str = "", summary: str = "") -> CrisisEpisode:
    config = config_of(case)
    not_before("acuut_to", acuut_to, acuut_from, _("A stop cannot come before the start."))
    if deadlines.acuut_days(acuut_from, acuut_to) > config.acuut_max_days:
        # seed 004 "spoedeisende hulp ... maximaal 14 dagen"
        refuse("acuut_to", _("An Acuut episode lasts at most %(days)s days (seed 004); this "
                             "one lasts %(actual)s.") % {
            "days": config.acuut_max_days, "actual": deadlines.acuut_days(acuut_from, acuut_to)})
    not_before("intervened_at", intervened_at, reported_at,
               _("The intervention cannot come before the report."))
    if spoedhulp in (CrisisEpisode.Spoedhulp.DURING, CrisisEpisode.Spoedhulp.AFTER) and not (
            crisis_stay):
        refuse("spoedhulp", _("Spoedhulp during or after a crisis stay needs a crisis stay."))
    episode = CrisisEpisode.objects.create(
        case=case, reported_at=reported_at, intervened_at=intervened_at, acuut_from=acuut_from,
        acuut_to=acuut_to, crisis_stay=crisis_stay, spoedhulp=spoedhulp, summary=summary)
    event(case, user, "crisis", _("Crisis reported"))
    return logged(user, "create", episode, case)
