"""CBS Beleidsinformatie Jeugd: trajectories and outcome indicators, pure (no Django)."""

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
    """trajectories(..., as_of=day)[0] for each day, sharing the per-start work."""
    return {day: merge(found)
            for day, found in deliveries_on(starts, stops, hulpvorm_of, days).items()}
