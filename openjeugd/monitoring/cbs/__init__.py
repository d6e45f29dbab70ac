"""CBS Beleidsinformatie Jeugd: trajectories and outcome indicators, pure (no Django)."""

from collections import defaultdict
from datetime import date

from .deliveries import HulpvormOf, Report, StartFact, StopFact, deliveries, deliveries_on
from .trajectories import Trajectory, merge


def trajectories(starts: list[StartFact], stops: list[StopFact], hulpvorm_of: HulpvormOf,
                 *, as_of: date | None = None) -> tuple[list[Trajectory], Report]:
    """Every trajectory the facts make, as known on `as_of` (None: everything)."""
    found, report = deliveries(starts, stops, hulpvorm_of, as_of=as_of)
    return merge(found), report


def trajectories_on(starts: list[StartFact], stops: list[StopFact], hulpvorm_of: HulpvormOf,
                    days: list[date]) -> dict[date, list[Trajectory]]:
    """trajectories(..., as_of=day)[0] for each day, sharing the work between days.

    A youth's trajectories (merged per provider and hulpvorm, herhaald beroep across them)
    depend on that youth's deliveries alone. deliveries_on gives the same Delivery object
    for a start whose known stops are the same on two days, so a youth whose deliveries are
    the same objects in the same order on two days has the same trajectories: merged once,
    shared (nothing downstream changes a Trajectory). The order of the result is merge()'s
    (start, BSN, provider, hulpvorm), a unique key, so it does not depend on the grouping."""
    merged: dict[tuple, list[Trajectory]] = {}
    by_day = {}
    for day, found in deliveries_on(starts, stops, hulpvorm_of, days).items():
        per_youth = defaultdict(list)
        for delivery in found:
            per_youth[delivery.bsn].append(delivery)
        result = []
        for bsn, own in per_youth.items():
            key = (bsn, *map(id, own))
            if key not in merged:
                merged[key] = merge(own)
            result.extend(merged[key])
        result.sort(key=lambda t: (t.start, t.bsn, t.provider, t.hulpvorm))
        by_day[day] = result
    return by_day
