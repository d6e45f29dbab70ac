"""What other apps ask of the casework, named in their settings (pathways imports none of them).

MONITORING_MEASUREMENTS_LOOKUP: the outcome measurements of a region's cases in a period, as
plain records monitoring turns into its own Measurement (CBS protocol §4.3-4.5). A measurement
belongs to the trajectory of the provider the municipality decided on (the case's latest
beschikking on or before the measurement); a case without a beschikking has no trajectory to
measure, so its measurements are left out rather than attributed to a guessed provider.
"""

from datetime import date

from openjeugd.pathways.models import Beschikking, Measurement


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
