"""Reads for the screens of steps 6–11: what a case holds from placement to measurements, and
its due dates. The caller opened the case through services.base (scope and access log)."""

from dataclasses import dataclass
from datetime import date

from openjeugd.pathways import deadlines
from openjeugd.pathways.models import Case, OutflowPlan, ProfileSwitchRequest
from openjeugd.pathways.selectors import _with_facts, items_of
from openjeugd.pathways.services.base import config_of


@dataclass
class Terms:
    """The youth's age-bound due dates (seed 000 §8, seed 003)."""

    toekomstplan_due: date
    follow_up_before_18: date
    eighteenth_birthday: date
    follow_up_window: tuple[date, date] | None


def outflow_of(case: Case) -> OutflowPlan | None:
    return OutflowPlan.objects.filter(case=case).first()


def terms_of(case: Case, plan: OutflowPlan | None) -> Terms:
    config, born = config_of(case), case.youth.birth_date
    current = case.placements.filter(ended_on=None).first()
    planned = (plan.planned_outflow_on if plan and plan.planned_outflow_on
               else current.planned_end_on if current else None)
    return Terms(
        toekomstplan_due=deadlines.toekomstplan_due(born, config.toekomstplan_age),
        follow_up_before_18=deadlines.follow_up_due_before_18(born, config.months_before_18),
        eighteenth_birthday=deadlines.birthday(born, 18),
        follow_up_window=deadlines.follow_up_window(planned, config.outflow_months_min,
                                                    config.outflow_months_max)
        if planned else None)


def care_overview(case: Case, today: date) -> dict:
    plan = outflow_of(case)
    return {
        "config": config_of(case),
        # Loaded as the work list loads it, so both show the same items.
        "items": items_of(_with_facts(Case.objects.filter(pk=case.pk)).get(), today)
        if case.closed_on is None else [],
        "placements": case.placements.select_related("facility").prefetch_related(
            "one_on_one").order_by("started_on", "pk"),
        "moves": case.moves.select_related("to_placement__facility").order_by("moved_on"),
        "hypermaatwerk": case.hypermaatwerk.order_by("decided_on"),
        "crises": case.crises.order_by("reported_at"),
        "profiles": case.profiles.select_related("hoofdaannemer").order_by("valid_from", "pk"),
        "switches": ProfileSwitchRequest.objects.filter(current__case=case).select_related(
            "requested_by", "current").order_by("requested_on", "pk"),
        "regie": case.regie_roles.select_related("handed_over_from").order_by(
            "kind", "valid_from", "pk"),
        "outflow": plan,
        "terms": terms_of(case, plan),
        "measurements": case.measurements.order_by("measured_on", "moment", "informant"),
    }

