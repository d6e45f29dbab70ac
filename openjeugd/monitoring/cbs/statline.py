"""StatLine-style tables (CBS 85097NED as issue #11 describes it): per municipality and half
year, trajectories started (new vs herhaald beroep), ended (average duration, per reden
beëindiging §3.7) and running at the period's end. Pure (no Django).

Each cell counts trajectories; small-cell suppression goes by the youths behind a cell (issue
#11 "Small cells (< 5 youths)"), through figures.suppress_small_cells.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .figures import suppress_small_cells
from .periods import Period
from .trajectories import Trajectory

REDENEN = ("01", "02", "03", "04", "05")  # protocol §3.7
REGIO = "regio"  # the row with the region's (or the user's scope's) total

COUNT_KEYS = ("gestart", "gestart_nieuw", "gestart_herhaald_beroep", "beeindigd",
              *(f"beeindigd_reden_{code}" for code in REDENEN), "beeindigd_reden_onbekend",
              "lopend_einde_periode")
KEYS = ("periode", "gemeente", *COUNT_KEYS[:4], "gemiddelde_duur_dagen", *COUNT_KEYS[4:])


@dataclass
class _Row:
    trajectories: dict = field(default_factory=lambda: defaultdict(int))
    youths: dict = field(default_factory=lambda: defaultdict(set))
    days: int = 0

    def count(self, key: str, trajectory: Trajectory) -> None:
        self.trajectories[key] += 1
        self.youths[key].add(trajectory.bsn)

    def as_dict(self, period: Period, gemeente: str) -> dict:
        ended = self.trajectories["beeindigd"]
        return {"periode": period.label, "gemeente": gemeente,
                **{key: self.trajectories[key] for key in COUNT_KEYS},
                # The same rounding as the indicator set's gemiddelde_duur_dagen (figures.py).
                "gemiddelde_duur_dagen": round(self.days / ended) if ended else None,
                "jeugdigen": {key: len(self.youths[key]) for key in COUNT_KEYS}}


def tables(trajectories: list[Trajectory], periods: list[Period]) -> list[dict]:
    """Per period: one row per municipality (the one known at the period's end, §7.5 "De
    woonplaats kan tussentijds wijzigen ... niet tot een nieuwe vermelding"), then the total.

    started: first <= start <= last; herhaald beroep as the trajectory says (care in the five
    years before, a day in between). ended: first <= end <= last, duration end - start + 1
    days (both days are days of care: §3.5 "De dag waarop ... start", §3.6 "De laatste dag").
    running: started by the last day and not ended on it (§7.5 "op de laatste dag van de
    verslagperiode nog niet is beëindigd")."""
    out = []
    for period in periods:
        rows: dict[str, _Row] = defaultdict(_Row)
        for t in trajectories:
            if not t.overlaps(period.first, period.last):
                continue
            for row in (rows[t.gemeente_on(period.last)], rows[REGIO]):
                _add(row, t, period)
        municipalities = sorted(code for code in rows if code != REGIO)
        out += [rows[code].as_dict(period, code) for code in municipalities]
        out.append(rows[REGIO].as_dict(period, REGIO))
    return out


def _add(row: _Row, t: Trajectory, period: Period) -> None:
    if period.first <= t.start <= period.last:
        row.count("gestart", t)
        row.count("gestart_herhaald_beroep" if t.herhaald_beroep else "gestart_nieuw", t)
    if t.end is not None and period.first <= t.end <= period.last:
        row.count("beeindigd", t)
        row.days += (t.end - t.start).days + 1
        reden = t.reden_beeindiging if t.reden_beeindiging in REDENEN else "onbekend"
        row.count(f"beeindigd_reden_{reden}", t)
    if t.start <= period.last and (t.end is None or t.end > period.last):
        row.count("lopend_einde_periode", t)


def suppressed(rows: list[dict]) -> list[dict]:
    """For tables that leave the region: a count whose cell holds 1-4 youths becomes None (the
    decision is suppress_small_cells' on the youth counts: primary suppression), then as many
    more cells as keep it from being computed back from a total (secondary suppression), and
    the average duration wherever the ended count is hidden. The youth counts are dropped."""
    out = []
    for row in rows:
        youths = suppress_small_cells(row["jeugdigen"])
        kept = {key: (None if youths[key] is None else row[key]) for key in COUNT_KEYS}
        out.append({"periode": row["periode"], "gemeente": row["gemeente"], **kept})
    _secondary(rows, out)
    for original, row in zip(rows, out, strict=True):
        row["gemiddelde_duur_dagen"] = (original["gemiddelde_duur_dagen"]
                                        if row["beeindigd"] is not None else None)
    return out


# Totals and their parts within a row: gestart = nieuw + herhaald beroep, beeindigd = the
# reasons; across rows each municipality's count adds up to the region's (REGIO) row.
_ROW_SUMS = (("gestart", ("gestart_nieuw", "gestart_herhaald_beroep")),
             ("beeindigd", tuple(f"beeindigd_reden_{code}" for code in (*REDENEN, "onbekend"))))


def _secondary(original: list[dict], out: list[dict]) -> None:
    """A sum with exactly one hidden term gives that term away (total minus the rest): hide
    the smallest other non-zero term too, or the total when there is none, until no sum has a
    single hidden term. Hiding only ever grows, so this ends."""
    groups = []  # (cells as (row index, key)); the first is the total
    for index in range(len(out)):
        groups += [[(index, total), *((index, part) for part in parts)]
                   for total, parts in _ROW_SUMS]
    periods: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(out):
        periods[row["periode"]].append(index)
    for indexes in periods.values():
        total = [i for i in indexes if out[i]["gemeente"] == REGIO]
        parts = [i for i in indexes if out[i]["gemeente"] != REGIO]
        groups += [[(total[0], key), *((i, key) for i in parts)]
                   for key in COUNT_KEYS if total]
    changed = True
    while changed:
        changed = False
        for cells in groups:
            hidden = [cell for cell in cells if out[cell[0]][cell[1]] is None]
            if len(hidden) != 1:
                continue
            shown = [cell for cell in cells[1:]
                     if out[cell[0]][cell[1]] is not None and original[cell[0]][cell[1]]]
            if shown:
                row, key = min(shown, key=lambda cell: original[cell[0]][cell[1]])
            else:
                row, key = cells[0]
            out[row][key] = None
            changed = True
