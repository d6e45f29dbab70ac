"""CBS Beleidsinformatie Jeugd: trajectories and outcome indicators, pure (no Django)."""

from bisect import bisect_right
from datetime import date

from .deliveries import (
    HulpvormOf,
    Report,
    StartFact,
    StopFact,
    _delivery,
    _stops_by_start,
    deliveries,
)
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
    depend on that youth's deliveries alone, and those as known on a day depend only on
    which of the youth's dated facts (a start's begindatum, a stop's einddatum) lie on or
    before it. So each youth is merged once per distinct number of its facts known on the
    days asked, from the deliveries deliveries(..., as_of=day) would give (same starts, same
    order, the stops known then), and the result is shared between those days (nothing
    downstream changes a Trajectory). The order of the result is merge()'s (start, BSN,
    provider, hulpvorm), a unique key, so it does not depend on the grouping."""
    stops_of = _stops_by_start(stops, None)
    per_youth: dict[str, list] = {}
    for start in starts:
        hulpvorm = hulpvorm_of(start.product_categorie, start.product_code)
        if hulpvorm is None:
            continue
        own = sorted(stops_of.get((start.link, start.begindatum), ()),
                     key=lambda stop: stop.einddatum)
        per_youth.setdefault(start.bsn, []).append(
            (start, hulpvorm, own, [stop.einddatum for stop in own]))
    by_day: dict[date, list[Trajectory]] = {day: [] for day in days}
    for prepared in per_youth.values():
        events = sorted([start.begindatum for start, *_ in prepared]
                        + [end for *_, ends in prepared for end in ends])
        merged: dict[int, list[Trajectory]] = {}
        for day in by_day:  # each day once, though asked twice (today = the last period's end)
            known = bisect_right(events, day)
            if not known:
                continue
            found = merged.get(known)
            if found is None:
                found = merged[known] = merge(
                    [_delivery(start, hulpvorm, own[:bisect_right(ends, day)])
                     for start, hulpvorm, own, ends in prepared if start.begindatum <= day])
            by_day[day].extend(found)
    for found in by_day.values():
        found.sort(key=_order)
    return by_day


def _order(trajectory: Trajectory) -> tuple:
    return (trajectory.start, trajectory.bsn, trajectory.provider, trajectory.hulpvorm)
