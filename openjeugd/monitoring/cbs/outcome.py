"""Outcome indicators, protocol §4.2 "Landelijke set outcomecriteria": 1 uitval, 2
tevredenheid, 3.1 zonder hulp verder, 3.2 geen nieuwe start jeugdhulp na beëindiging."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from . import codes
from .periods import half_year
from .trajectories import Trajectory

INFORMANTS = ("jeugdige", "ouder")  # §4.5 "De jeugdige; De ouder/opvoeder van de jeugdige"
ZONDER_HULP = ("01", "02", "03", "04")  # §4.4


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percentage(self) -> Decimal | None:
        if not self.denominator:
            return None
        share = Decimal(100 * self.numerator) / Decimal(self.denominator)
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def as_dict(self) -> dict:
        percentage = self.percentage
        return {"numerator": self.numerator, "denominator": self.denominator,
                "percentage": None if percentage is None else str(percentage)}


@dataclass(frozen=True)
class Measurement:
    """One outcome measurement of a trajectory; pathways records them (seam:
    MONITORING_MEASUREMENTS_LOOKUP). At most one per informant per record (§4.5)."""

    bsn: str
    provider: str
    measured_on: date
    informant: str
    tevredenheid: int | None = None  # §4.3 "rapportcijfer van 1 tot 10"
    zonder_hulp: str | None = None  # §4.4 codes 01-04

    def __post_init__(self):
        if self.informant not in INFORMANTS:
            raise ValueError(f"informant: must be one of {', '.join(INFORMANTS)} (§4.5).")
        if self.tevredenheid is not None and not 1 <= self.tevredenheid <= 10:
            raise ValueError("tevredenheid: a rapportcijfer from 1 to 10 (§4.3).")
        if self.zonder_hulp is not None and self.zonder_hulp not in ZONDER_HULP:
            raise ValueError("zonder_hulp: one of the codes 01-04 (§4.4).")


def ended_in(trajectories: list[Trajectory], first: date, last: date) -> list[Trajectory]:
    return [t for t in trajectories if t.end is not None and first <= t.end <= last]


def uitval(ended: list[Trajectory]) -> dict:
    """§4.2: uitval "op basis van reden beëindiging jeugdhulp, zie paragraaf 3.7": the share
    of ended trajectories closed "Voortijdig afgesloten" (§3.7 codes 02-05), with the count per
    reason so the narrower reading (eenzijdig, 03+04) can be read off too."""
    reasons = Counter(t.reden_beeindiging for t in ended if t.reden_beeindiging)
    voortijdig = sum(n for reason, n in reasons.items() if reason in codes.VOORTIJDIG)
    return {**Ratio(voortijdig, sum(reasons.values())).as_dict(),
            "per_reden": dict(sorted(reasons.items()))}


@cache  # a region's ends fall on a few thousand days, asked once per period and trajectory
def follow_up_until(end: date) -> date:
    """CBS maatwerk "Geen nieuwe start jeugdhulp, 2e halfjaar 2019" (cbs.nl/nl-nl/maatwerk/
    2020/44): trajectories ended in a half year, followed "in de periode tot en met 30 juni
    2020" - to the end of the next half year."""
    return half_year(half_year(end).last + timedelta(days=1)).last


def starts_by_bsn(trajectories: list[Trajectory]) -> dict[str, list[date]]:
    """Each youth's trajectory starts: geen_nieuwe_start's follow-up index, built once for
    all periods asked of the same trajectories."""
    starts: dict[str, list[date]] = {}
    for trajectory in trajectories:
        starts.setdefault(trajectory.bsn, []).append(trajectory.start)
    return starts


def geen_nieuwe_start(trajectories: list[Trajectory], first: date, last: date,
                      *, today: date, starts: dict[str, list[date]] | None = None) -> dict:
    """§4.2 nr 3.2 "De mate waarin er na beëindiging geen nieuwe start jeugdhulp plaatsvindt":
    of the trajectories ended in [first, last] whose follow-up window has passed by `today`,
    the share after which the youth started no trajectory (any provider, any hulpvorm) in
    the window. Those still in their window are counted apart, not guessed. `starts`:
    starts_by_bsn(trajectories), when the caller has it already."""
    starts_of = starts_by_bsn(trajectories) if starts is None else starts
    measured = without_new_start = pending = 0
    for trajectory in ended_in(trajectories, first, last):
        until = follow_up_until(trajectory.end)
        if until > today:
            pending += 1
            continue
        measured += 1
        end = trajectory.end
        restarted = any(end < start <= until for start in starts_of[trajectory.bsn])
        without_new_start += not restarted
    return {**Ratio(without_new_start, measured).as_dict(), "window_not_passed": pending}


def tevredenheid(measurements: list[Measurement]) -> dict:
    """§4.3 "Geef met een rapportcijfer van 1 tot 10 aan hoe nuttig deze hulp ... was"."""
    marks = [m.tevredenheid for m in measurements if m.tevredenheid is not None]
    mean = None
    if marks:
        mean = str((Decimal(sum(marks)) / len(marks)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    return {"n": len(marks), "gemiddelde": mean,
            "verdeling": {str(mark): marks.count(mark) for mark in range(1, 11)}}


def zonder_hulp_verder(measurements: list[Measurement]) -> dict:
    """§4.4 nr 3.1: the share answering 03 "Voor nu heb ik geen verdere hulp nodig" or 04 "Ik
    heb geen verdere hulp meer nodig" - both go on without help now - with all four counts."""
    answers = Counter(m.zonder_hulp for m in measurements if m.zonder_hulp)
    ratio = Ratio(answers["03"] + answers["04"], sum(answers.values()))
    return {**ratio.as_dict(), "verdeling": {code: answers[code] for code in ZONDER_HULP}}
