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
    first, last = period.first, period.last
    in_period, ended, running = _classify(known, first, last)
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
        "lopend_einde_periode": len(running),
        "per_hulpvorm": _count(t.hulpvorm for t in started),
        "per_verwijzer": _count(t.verwijzer or "onbekend" for t in started),
        # Seed 001 "unieke cliënten per product en per verwijzer": youths in care in the period.
        **_youths_and_providers(in_period, first),
        "uitval": outcome.uitval(ended),
        "geen_nieuwe_start": outcome.geen_nieuwe_start(everything, first, last, today=today,
                                                        starts=follow_up),
        "tevredenheid": outcome.tevredenheid(measured),
        "zonder_hulp_verder": outcome.zonder_hulp_verder(measured),
    }


def _classify(known: list[Trajectory], first: date, last: date) -> tuple[list, list, list]:
    """In one pass, each in `known`'s order: overlapping the period (Trajectory.overlaps),
    ended in it (outcome.ended_in) and running at its end (started by then, no end)."""
    in_period, ended, running = [], [], []
    for t in known:
        start, end = t.start, t.end
        if end is None:
            if start <= last:
                in_period.append(t)
                running.append(t)
            continue
        if first <= end <= last:
            ended.append(t)
        if start <= last and end >= first:
            in_period.append(t)
    return in_period, ended, running


def per_municipality(known: list[Trajectory], period: Period) -> dict[str, dict]:
    """Started and ended per municipality (the one known at the period's end, §7.5)."""
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
    return {code: {"gestart": row[0], "beeindigd": row[1], "trajecten": row[2]}
            for code, row in sorted(rows.items())}


def _youths_and_providers(trajectories: list[Trajectory], first: date) -> dict:
    """Youths per hulpvorm and per verwijzer, and per provider its trajectories, those
    started in the period and its youths: one pass over the period's trajectories."""
    per_hulpvorm: dict[str, set] = {}
    per_verwijzer: dict[str, set] = {}
    providers: dict[str, list] = {}
    for t in trajectories:
        bsn = t.bsn
        bsns = per_hulpvorm.get(t.hulpvorm)
        if bsns is None:
            bsns = per_hulpvorm[t.hulpvorm] = set()
        bsns.add(bsn)
        verwijzer = t.verwijzer or "onbekend"
        bsns = per_verwijzer.get(verwijzer)
        if bsns is None:
            bsns = per_verwijzer[verwijzer] = set()
        bsns.add(bsn)
        row = providers.get(t.provider)
        if row is None:
            row = providers[t.provider] = [0, 0, set()]
        row[0] += 1
        row[1] += t.start >= first
        row[2].add(bsn)
    return {
        "jeugdigen_per_hulpvorm": _sizes(per_hulpvorm),
        "jeugdigen_per_verwijzer": _sizes(per_verwijzer),
        "per_aanbieder": {agb: {"trajecten": n, "gestart": started, "jeugdigen": len(bsns)}
                          for agb, (n, started, bsns) in sorted(providers.items())},
    }


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
