"""What other apps ask of the casework, named in their settings (pathways imports none of them).

MONITORING_CASEWORK_LOOKUP: casework_for, below (the G7 themes).

MONITORING_MEASUREMENTS_LOOKUP: the outcome measurements of a region's cases in a period, as
plain records monitoring turns into its own Measurement (CBS protocol §4.3-4.5). A measurement
belongs to the trajectory of the provider the municipality decided on (the case's latest
beschikking on or before the measurement); a case without a beschikking has no trajectory to
measure, so its measurements are left out rather than attributed to a guessed provider.
"""

from datetime import date, timedelta

from django.utils.timezone import localtime

from openjeugd.pathways import deadlines
from openjeugd.pathways.models import (
    Beschikking,
    BrigadeDeployment,
    Case,
    CrisisEpisode,
    Escalation,
    ExpertTeamRegistration,
    Measurement,
    Move,
    OneOnOneSupport,
    OutflowPlan,
    PathwayConfig,
    Placement,
    RegistrationDocument,
)


def measurements_for(region, first: date, last: date) -> list[dict]:
    rows = list(Measurement.objects.filter(
        case__municipality__region=region, measured_on__range=(first, last),
    ).values("case_id", "case__youth__bsn", "measured_on", "informant", "tevredenheid",
             "doelrealisatie"))
    decided: dict[int, list[tuple[date, str]]] = {}
    for case_id, on, agb in (Beschikking.objects
                             .filter(case_id__in={row["case_id"] for row in rows})
                             .order_by("decided_on", "id")
                             .values_list("case_id", "decided_on", "provider__agb_code")):
        decided.setdefault(case_id, []).append((on, agb))
    found = []
    for row in rows:
        providers = [agb for on, agb in decided.get(row["case_id"], []) if on <= row["measured_on"]]
        if not providers:
            continue
        found.append({
            "bsn": row["case__youth__bsn"], "provider": providers[-1],
            "measured_on": row["measured_on"], "informant": row["informant"],
            "tevredenheid": row["tevredenheid"], "zonder_hulp": row["doelrealisatie"] or None,
        })
    return found


# --- MONITORING_CASEWORK_LOOKUP ---------------------------------------------------------------

def casework_for(region, first: date, last: date, scope=None) -> dict[str, list[dict]]:
    """monitoring's G7 themes (seed 000 §13): the casework facts of the region's cases open at
    some day of [first, last], as plain records keyed by case id (no names, no texts).

    `scope`, when given, is f(municipality=path, provider=path) -> Q: the viewer's scope; a
    case is in a provider's scope when a beschikking names that provider.
    Due dates are computed here, with the region's own terms (deadlines.py cites the seeds)."""
    cases = Case.objects.filter(municipality__region=region, opened_on__lte=last).exclude(
        closed_on__lt=first)
    if scope is not None:
        cases = cases.filter(scope(municipality="municipality",
                                   provider="beschikkingen__provider")).distinct()
    rows = list(cases.values("id", "youth__bsn", "municipality__code", "opened_on",
                             "closed_on", "youth__birth_date"))
    ids = [row["id"] for row in rows]
    config = (PathwayConfig.objects.filter(region=region).first()
              or PathwayConfig(region=region))
    of = {"case_id__in": ids}
    outflows = _outflows(ids, config)
    return {
        "cases": [{"id": r["id"], "bsn": r["youth__bsn"], "gemeente": r["municipality__code"],
                   "opened_on": r["opened_on"], "closed_on": r["closed_on"]} for r in rows],
        "moves": [{"case": c, "moved_on": on, "voluntary": voluntary} for c, on, voluntary
                  in Move.objects.filter(**of).values_list("case_id", "moved_on",
                                                           "voluntary")],
        "documents": [{"case": c, "kind": kind, "dated": dated} for c, kind, dated
                      in RegistrationDocument.objects.filter(**of).values_list(
                          "case_id", "kind", "dated")],
        "entries": [{"case": c, "on": on} for c, on in [
            *ExpertTeamRegistration.objects.filter(**of).values_list("case_id",
                                                                     "registered_on"),
            *Placement.objects.filter(**of).values_list("case_id", "started_on")]],
        "one_on_one": [{"case": c, "started_on": start, "ended_on": end} for c, start, end
                       in OneOnOneSupport.objects.filter(placement__case_id__in=ids)
                       .values_list("placement__case_id", "started_on", "ended_on")],
        "outflows": outflows,
        "deadlines": _deadlines(ids, config, outflows),
        "marks": [{"case": c, "measured_on": on, "tevredenheid": mark} for c, on, mark
                  in Measurement.objects.filter(**of, tevredenheid__isnull=False)
                  .values_list("case_id", "measured_on", "tevredenheid")],
        "decisions": [{"case": c, "registered_on": on, "decided_on": decided}
                      for c, on, decided in ExpertTeamRegistration.objects.filter(**of)
                      .exclude(status=ExpertTeamRegistration.Status.WITHDRAWN)
                      .values_list("case_id", "registered_on", "decided_on")],
    }


def _outflows(ids, config) -> list[dict]:
    found = []
    for case, planned, outflowed, arranged in OutflowPlan.objects.filter(
            case_id__in=ids).values_list("case_id", "planned_outflow_on", "outflowed_on",
                                         "follow_up_arranged_on"):
        due = (deadlines.follow_up_window(planned, config.outflow_months_min,
                                          config.outflow_months_max)[1] if planned else None)
        found.append({"case": case, "outflowed_on": outflowed, "planned_on": planned,
                      "follow_up_due": due, "follow_up_arranged_on": arranged})
    return found


def _deadlines(ids, config, outflows: list[dict]) -> list[dict]:
    of = {"case_id__in": ids}
    found = [{"case": c, "kind": "brigade", "due": due, "done_on": started}
             for c, due, started in BrigadeDeployment.objects.filter(**of).values_list(
                 "case_id", "available_by", "started_on")]
    for c, reported, intervened in CrisisEpisode.objects.filter(**of).values_list(
            "case_id", "reported_at", "intervened_at"):
        due = deadlines.crisis_intervention_due(reported, config.crisis_hours)
        done = None if intervened is None else localtime(intervened).date()
        if intervened is not None and intervened > due and done <= localtime(due).date():
            # Late by hours on the due day itself: a day-grained figure must still say late.
            done = localtime(due).date() + timedelta(days=1)
        found.append({"case": c, "kind": "crisis", "due": localtime(due).date(),
                      "done_on": done})
    found += [{"case": c, "kind": "escalation", "due": due, "done_on": decided}
              for c, due, decided in Escalation.objects.filter(
                  registration__case_id__in=ids).values_list(
                  "registration__case_id", "due_on", "decided_on")]
    found += [{"case": o["case"], "kind": "follow_up", "due": o["follow_up_due"],
               "done_on": o["follow_up_arranged_on"]}
              for o in outflows if o["follow_up_due"] is not None]
    return found
