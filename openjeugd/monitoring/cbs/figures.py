"""The indicator set per half year, as StatLine 85097NED shows it (started trajectories new
vs herhaald beroep, ended ones with average duration and reason), plus the outcome
indicators; and small-cell suppression for figures that leave the region."""

from collections import Counter
from datetime import date

from . import outcome
from .periods import Period
from .trajectories import Trajectory

SMALL_CELL = 5  # fewer than 5 youths: suppressed outside the region (issue #11)


def period_figures(known: list[Trajectory], everything: list[Trajectory], period: Period,
                   measurements: list[outcome.Measurement], *, today: date,
                   follow_up: dict[str, list[date]] | None = None) -> dict:
    """`known`: trajectories as known at the period's end (started, ended, running there);
    `everything`: as known today, for the follow-up after the period (3.2); `follow_up`:
    outcome.starts_by_bsn(everything), when the caller asks several periods of it."""
    return period_and_municipalities(known, everything, period, measurements, today=today,
                                     follow_up=follow_up)[0]


def period_and_municipalities(known: list[Trajectory], everything: list[Trajectory],
                              period: Period, measurements: list[outcome.Measurement], *,
                              today: date, follow_up: dict[str, list[date]] | None = None,
                              ) -> tuple[dict, dict[str, dict]]:
    """period_figures and per_municipality together, from one pass over `known` (at
    regional scale each pass over the known trajectories costs about as much as what it
    counts)."""
    first, last = period.first, period.last
    tally = _Tally(known, first, last)
    in_period, ended = tally.in_period, tally.ended
    started = [t for t in in_period if t.start >= first]
    durations = [(t.end - t.start).days + 1 for t in ended]
    measured = [m for m in measurements if first <= m.measured_on <= last]
    return {
        "periode": period.label, "van": first.isoformat(), "tot_en_met": last.isoformat(),
        "jeugdigen": len({t.bsn for t in in_period}),
        "trajecten": len(in_period),
        "gestart": len(started),
        "gestart_herhaald_beroep": sum(t.herhaald_beroep for t in started),
        "beeindigd": len(ended),
        "gemiddelde_duur_dagen": round(sum(durations) / len(durations)) if durations else None,
        "lopend_einde_periode": tally.running,
        "per_hulpvorm": _count(t.hulpvorm for t in started),
        "per_verwijzer": _count(t.verwijzer or "onbekend" for t in started),
        # Seed 001 "unieke cliënten per product en per verwijzer": youths in care in the period.
        "jeugdigen_per_hulpvorm": _sizes(tally.per_hulpvorm),
        "jeugdigen_per_verwijzer": _sizes(tally.per_verwijzer),
        "per_aanbieder": {agb: {"trajecten": n, "gestart": new, "jeugdigen": len(bsns)}
                          for agb, (n, new, bsns) in sorted(tally.providers.items())},
        "uitval": outcome.uitval(ended),
        "geen_nieuwe_start": outcome.geen_nieuwe_start(everything, first, last, today=today,
                                                        starts=follow_up),
        "tevredenheid": outcome.tevredenheid(measured),
        "zonder_hulp_verder": outcome.zonder_hulp_verder(measured),
    }, _municipality_rows(tally.municipalities)


class _Tally:
    """One pass over the known trajectories, each in `known`'s order: overlapping the period
    (Trajectory.overlaps), ended in it (outcome.ended_in), the number running at its end
    (started by then, no end); of those overlapping, the youths per hulpvorm and per
    verwijzer, per provider its trajectories, those started in the period and its youths,
    and per municipality what per_municipality counts. Written out as one loop: a loop per
    figure cost more than the counting."""

    def __init__(self, known: list[Trajectory], first: date, last: date):
        self.in_period, self.ended, self.running = [], [], 0
        self.per_hulpvorm: dict[str, set] = {}
        self.per_verwijzer: dict[str, set] = {}
        self.providers: dict[str, list] = {}
        self.municipalities: dict[str, list[int]] = {}
        for t in known:
            start, end = t.start, t.end
            if end is None:
                if start > last:
                    continue
                self.running += 1
            else:
                if first <= end <= last:
                    self.ended.append(t)
                if not (start <= last and end >= first):
                    continue
            self.in_period.append(t)
            self._count(t, start >= first, end is not None and end <= last, last)

    def _count(self, t: Trajectory, started: bool, ended: bool, last: date) -> None:
        bsn = t.bsn
        bsns = self.per_hulpvorm.get(t.hulpvorm)
        if bsns is None:
            bsns = self.per_hulpvorm[t.hulpvorm] = set()
        bsns.add(bsn)
        verwijzer = t.verwijzer or "onbekend"
        bsns = self.per_verwijzer.get(verwijzer)
        if bsns is None:
            bsns = self.per_verwijzer[verwijzer] = set()
        bsns.add(bsn)
        row = self.providers.get(t.provider)
        if row is None:
            row = self.providers[t.provider] = [0, 0, set()]
        row[0] += 1
        row[1] += started
        row[2].add(bsn)
        members = t.members
        gemeente = members[0].gemeente if len(members) == 1 else t.gemeente_on(last)
        row = self.municipalities.get(gemeente)
        if row is None:
            row = self.municipalities[gemeente] = [0, 0, 0]
        row[0] += started
        row[1] += ended
        row[2] += 1


def per_municipality(known: list[Trajectory], period: Period) -> dict[str, dict]:
    """Started and ended per municipality (the one known at the period's end, §7.5). The
    definition period_and_municipalities' pass is tested against."""
    first, last = period.first, period.last
    rows: dict[str, list[int]] = {}
    for t in known:
        start, end = t.start, t.end
        if not (start <= last and (end is None or end >= first)):  # Trajectory.overlaps
            continue
        members = t.members
        gemeente = members[0].gemeente if len(members) == 1 else t.gemeente_on(last)
        row = rows.get(gemeente)
        if row is None:
            row = rows[gemeente] = [0, 0, 0]
        row[0] += first <= start <= last
        row[1] += end is not None and end <= last
        row[2] += 1
    return _municipality_rows(rows)


def _municipality_rows(rows: dict[str, list[int]]) -> dict[str, dict]:
    return {code: {"gestart": row[0], "beeindigd": row[1], "trajecten": row[2]}
            for code, row in sorted(rows.items())}


def _sizes(groups: dict[str, set]) -> dict[str, int]:
    return {group: len(members) for group, members in sorted(groups.items())}


def _count(values) -> dict:
    return dict(sorted(Counter(values).items()))


# Keys whose value is not a count of youths or trajectories.
_NOT_COUNTS = {"periode", "van", "tot_en_met", "percentage", "gemiddelde",
               "gemiddelde_duur_dagen", "jaar", "maanden", "termijn_werkdagen",
               # themes.py / segments.py: measures resting on a count, cleared with it below
               "dagen", "langste_dagen", "bedden_gepland", "afname", "boven_plan"}


def suppress_small_cells(figures):
    """A copy with every count of 1-4 replaced by None, and any percentage, mean or average
    resting on such a count too, for figures that leave the regional scope. Zero stays: it
    reveals nobody."""
    if isinstance(figures, list):
        return [suppress_small_cells(item) for item in figures]
    if not isinstance(figures, dict):
        return figures
    out = {}
    for key, value in figures.items():
        if isinstance(value, (dict, list)):
            out[key] = suppress_small_cells(value)
        elif isinstance(value, int) and not isinstance(value, bool) and key not in _NOT_COUNTS:
            out[key] = None if 0 < value < SMALL_CELL else value
        else:
            out[key] = value
    _suppress_derived(figures, out)
    return out


def _suppress_derived(original: dict, out: dict) -> None:
    if "percentage" in out and (out.get("numerator") is None or out.get("denominator") is None):
        out["percentage"] = None
    if "gemiddelde" in out and out.get("n") is None:
        out["gemiddelde"] = None
    if out.get("n", 0) is None:
        # Waiting times and lengths of stay (themes.py, segments.py).
        out.update({key: None for key in ("mediaan", "langste_dagen") if key in out})
    if "lopend_gemiddelde_tot_nu" in out and out.get("lopend") is None:
        out["lopend_gemiddelde_tot_nu"] = None
    if "dagen" in out and out.get("jeugdigen") is None:
        out["dagen"] = None  # days of 1-op-1 of 1-4 youths
    if "bedden_gepland" in out:
        # Beds in use are youths: the differences would give a suppressed count back.
        if out.get("in_gebruik_begin") is None or out.get("in_gebruik_eind") is None:
            out["afname"] = None
        if out.get("in_gebruik_eind") is None:
            out["boven_plan"] = None
    if "gemiddeld_per_jeugdige" in out and out.get("jeugdigen") is None:
        # Amounts over 1-4 youths are as telling as their count.
        out.update(dict.fromkeys(("toegekend", "ingediend", "gecrediteerd",
                                  "gemiddeld_per_jeugdige")))
    elif "toegekend" in out and "jeugdigen" in out and out["jeugdigen"] is None:
        # A provider's or product's amount over 1-4 youths (sturingsinformatie), and its
        # share of a budget (segments.py), which gives the amount back.
        out.update({key: None for key in ("toegekend", "percentage_totaalbudget",
                                          "percentage_plafond") if key in out})
    if "gemiddelde_duur_dagen" in out:
        out["gemiddelde_duur_dagen"] = (original["gemiddelde_duur_dagen"]
                                        if out.get("beeindigd") is not None else None)
