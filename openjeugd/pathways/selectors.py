"""Reads of the care pathway: the cases a user may see, a case's timeline, the work list with
due and overdue items, and the overdue counts monitoring may read (no personal data)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts import policy
from openjeugd.ijw import selectors as ijw_selectors
from openjeugd.pathways import deadlines
from openjeugd.pathways.models import (
    BrigadeDeployment,
    Case,
    CrisisEpisode,
    Escalation,
    Measurement,
    OutflowPlan,
    Placement,
    RegistrationDocument,
)
from openjeugd.pathways.services.base import cases_visible_to, config_of

__all__ = ["cases_visible_to", "case_list", "work_list", "overdue_counts", "case_facts"]


def case_list(user, *, search: str = "", open_only: bool = True) -> QuerySet[Case]:
    cases = cases_visible_to(user).select_related("youth__municipality", "municipality",
                                                  "responsible")
    if open_only:
        cases = cases.filter(closed_on__isnull=True)
    if search:
        cases = cases.filter(Q(youth__bsn=search) | Q(youth__surname__icontains=search))
    return cases.order_by("-opened_on", "-pk")


@dataclass
class CaseFacts:
    timeline: list
    ijw: object


def case_facts(user, case: Case) -> CaseFacts:
    """The case's own history and what the iJw messages say about the youth (limited to the
    user's traffic by ijw.selectors). The caller opened the case through services.base."""
    return CaseFacts(timeline=list(case.events.select_related("actor")),
                     ijw=ijw_selectors.youth_timeline(user, case.youth))


# --- work list ---------------------------------------------------------------------------------

KINDS = {
    "brigade": _("Mobile brigade available (3 working days)"),
    "crisis": _("Crisis intervention (24 hours)"),
    "acuut": _("Acuut ends: perspectiefplan needed (14 days)"),
    "escalation": _("Escalation step to decide"),
    "follow_up": _("Follow-up place (3–6 months before outflow)"),
    "before_18": _("Follow-up clear (3 months before the 18th birthday)"),
    "toekomstplan": _("Toekomstplan (16th birthday)"),
    "measurement": _("Measurement due"),
}


@dataclass(frozen=True)
class Item:
    case: Case
    kind: str
    due: date
    overdue: bool
    detail: str = ""

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


def _with_facts(cases: QuerySet) -> QuerySet:
    return cases.filter(closed_on__isnull=True).select_related(
        "youth__municipality", "municipality", "outflow").prefetch_related(
        Prefetch("brigade_deployments",
                 queryset=BrigadeDeployment.objects.filter(started_on__isnull=True)),
        Prefetch("crises", queryset=CrisisEpisode.objects.all()),
        Prefetch("placements", queryset=Placement.objects.order_by("started_on")),
        Prefetch("registrations__escalations",
                 queryset=Escalation.objects.filter(decided_on__isnull=True)),
        "measurements", "documents")


def work_list(user, today: date | None = None) -> list[Item]:
    """Due and overdue items of the cases this user is responsible for; the RET and brigade
    (who see only cases registered with them) get all their cases' items."""
    today = today or timezone.localdate()
    cases = cases_visible_to(user)
    if policy.CARE_RELATION_OF_ROLE.get(user.role) is None:
        cases = cases.filter(responsible=user)
    items = [item for case in _with_facts(cases) for item in items_of(case, today)]
    return sorted(items, key=lambda item: (item.due, item.case.pk, item.kind))


def overdue_counts(region, today: date | None = None) -> dict[str, int]:
    """Overdue items per kind in a region's open cases: counts only, for monitoring."""
    today = today or timezone.localdate()
    counts = dict.fromkeys(KINDS, 0)
    for case in _with_facts(Case.objects.filter(municipality__region=region)):
        for item in items_of(case, today):
            counts[item.kind] += item.overdue
    return counts


def items_of(case: Case, today: date) -> list[Item]:
    config = config_of(case)
    found = []

    def add(kind, due, detail="", show_from=None):
        if show_from is None or today >= show_from:
            found.append(Item(case, kind, due, deadlines.is_overdue(due, today), detail))

    for deployment in case.brigade_deployments.all():
        add("brigade", deployment.available_by)
    for crisis in case.crises.all():
        _crisis_items(case, crisis, config, add)
    for registration in case.registrations.all():
        for escalation in registration.escalations.all():
            add("escalation", escalation.due_on, str(escalation.step))
    _outflow_items(case, config, today, add)
    _measurement_items(case, config, add)
    return found


def _crisis_items(case, crisis, config, add) -> None:
    if crisis.intervened_at is None:
        due = deadlines.crisis_intervention_due(crisis.reported_at, config.crisis_hours)
        add("crisis", timezone.localtime(due).date())
    plans = [d for d in case.documents.all()
             if d.kind == RegistrationDocument.Kind.PERSPECTIEFPLAN
             and d.dated >= crisis.acuut_from]
    if not plans:
        # seed 004: during Acuut "wordt zo spoedig mogelijk contact opgenomen met de regisseur
        # ... voor het opstellen van een perspectiefplan"
        add("acuut", crisis.acuut_to)


def _outflow_items(case, config, today, add) -> None:
    plan = _outflow_of(case)
    arranged = plan is not None and plan.follow_up_arranged_on is not None
    placements = list(case.placements.all())
    current = next((p for p in placements if p.ended_on is None), None)
    planned = (plan.planned_outflow_on if plan and plan.planned_outflow_on
               else current.planned_end_on if current else None)
    if current and planned and not arranged:
        start, due = deadlines.follow_up_window(planned, config.outflow_months_min,
                                                config.outflow_months_max)
        add("follow_up", due, show_from=start)
    born = case.youth.birth_date
    if current and not arranged:
        due = deadlines.follow_up_due_before_18(born, config.months_before_18)
        add("before_18", due, show_from=deadlines.add_months(due, -12))
    if (plan is None or plan.toekomstplan_on is None) and today < deadlines.birthday(born, 18):
        due = deadlines.toekomstplan_due(born, config.toekomstplan_age)
        add("toekomstplan", due, show_from=deadlines.add_months(due, -6))


def _outflow_of(case) -> OutflowPlan | None:
    try:
        return case.outflow
    except OutflowPlan.DoesNotExist:
        return None


def _measurement_items(case, config, add) -> None:
    placements = list(case.placements.all())
    if not placements:
        return
    ended = placements[-1].ended_on
    moments = deadlines.measurement_moments(placements[0].started_on, ended,
                                            after_two_years=config.measure_after_two_years)
    done = {m.moment for m in case.measurements.all()}
    for moment, due in ((Measurement.Moment.START, moments.start),
                        (Measurement.Moment.END, moments.end),
                        (Measurement.Moment.PLUS_6M, moments.plus_6m),
                        (Measurement.Moment.PLUS_2Y, moments.plus_2y)):
        if due is not None and moment not in done:
            add("measurement", due, str(Measurement.Moment(moment).label))
