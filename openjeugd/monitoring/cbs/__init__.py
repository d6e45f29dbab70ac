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
            (start, hulpvorm, own, [stop.einddatum for stop in own], {}))
    unique_days = list(dict.fromkeys(days))  # each once (today = the last period's end)
    # Every distinct merge result with the days it holds for; sorted once, not once per day.
    shared: list[tuple[list[Trajectory], list[date]]] = []
    for prepared in per_youth.values():
        events = sorted([start.begindatum for start, *_ in prepared]
                        + [end for _, _, _, ends, _ in prepared for end in ends])
        merged: dict[int, list[date]] = {}
        for day in unique_days:
            known = bisect_right(events, day)
            if not known:
                continue
            on = merged.get(known)
            if on is None:
                on = merged[known] = []
                shared.append((merge(
                    [_delivered(item, bisect_right(item[3], day))
                     for item in prepared if item[0].begindatum <= day]), on))
            on.append(day)
    # One day holds one trajectory per key (start, BSN, provider, hulpvorm): the order of
    # the whole is the order of each day's part.
    every = [(trajectory, on) for found, on in shared for trajectory in found]
    every.sort(key=lambda pair: _order(pair[0]))
    by_day: dict[date, list[Trajectory]] = {day: [] for day in unique_days}
    for trajectory, on in every:
        for day in on:
            by_day[day].append(trajectory)
    return by_day


def _delivered(prepared: tuple, known_stops: int):
    """The start's delivery with its first `known_stops` stops known, made once: a youth's
    later states repeat most of its deliveries unchanged (Delivery is immutable)."""
    start, hulpvorm, own, _ends, made = prepared
    delivery = made.get(known_stops)
    if delivery is None:
        delivery = made[known_stops] = _delivery(start, hulpvorm, own[:known_stops])
    return delivery


def _order(trajectory: Trajectory) -> tuple:
    return (trajectory.start, trajectory.bsn, trajectory.provider, trajectory.hulpvorm)
