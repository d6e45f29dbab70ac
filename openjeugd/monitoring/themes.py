"""The G7 monitoring themes for a period, per municipality and for the region. Pure: plain
records of the casework (pathways, through MONITORING_CASEWORK_LOOKUP), the granted
declaration amounts and the iJw waiting times in, figures out.

Seed 000 (/work/shared/seeds/000_*), §13 "Monitoring en sturing": "drie hoofdthema's":
1. "Kind en gezin: we monitoren o.a. onvrijwillige doorplaatsingen, cliënt tevredenheid en de
   kosten en omvang van de jeugdhulp";
2. "Kind, gezin & samenwerking: hierbij gaat het o.a. over de verklarende analyse en het
   perspectiefplan";
3. "Samenwerking tussen regio's en zorgaanbieders: dit betreft met name procesevaluaties".
Where the seed is silent the choice is written down in the README ("G7 themes").

A case belongs to the municipality that owns it (pathways: the youth's municipality when the
case was opened). A youth who moves gets a case in the new municipality: each municipality
counts the youth once, the region counts the youth once (unique BSN), so the region's youth
count can be below the sum of its municipalities'.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from openjeugd.lib.money import round_money

from .cbs.outcome import Ratio

ZERO = Decimal("0.00")
# Seed 000 "Een kind wordt niet onvrijwillig doorgeplaatst" (grep "Geen onvrijwillige").
TARGET_INVOLUNTARY = "0"
# Seed 000 "vanaf 2026 toe naar 0 inzet 1-op-1 begeleiding" (grep "0 inzet 1-op-1").
TARGET_ONE_ON_ONE = "0"
# The pathway terms the casework records a due date and a done date for (pathways computes
# the due dates with the region's own terms: pathways/deadlines.py cites the seeds).
DEADLINE_KINDS = ("brigade", "crisis", "escalation", "follow_up")


@dataclass(frozen=True)
class Case:
    id: int
    bsn: str
    gemeente: str  # the owning municipality's CBS code
    opened_on: date
    closed_on: date | None = None

    def open_in(self, first: date, last: date) -> bool:
        return self.opened_on <= last and (self.closed_on is None or self.closed_on >= first)


@dataclass(frozen=True)
class Move:
    case: int
    moved_on: date
    voluntary: bool


@dataclass(frozen=True)
class Document:
    case: int
    kind: str  # "verklarende_analyse" | "perspectiefplan" | ...
    dated: date


@dataclass(frozen=True)
class Entry:
    """A way into the essential functions: a registration with the expert team or the start of
    a placement (seed 000 §7 "Als een verwijzer een kind aanmeldt" / "geen plaatsing")."""

    case: int
    on: date


@dataclass(frozen=True)
class Span:
    """A placement or a 1-op-1 episode: first and last day (None: running)."""

    case: int
    started_on: date
    ended_on: date | None = None

    def days_in(self, first: date, last: date, today: date) -> int:
        end = min(last, self.ended_on or today)
        begin = max(first, self.started_on)
        return max(0, (end - begin).days + 1)


@dataclass(frozen=True)
class Outflow:
    case: int
    outflowed_on: date | None
    planned_on: date | None
    follow_up_due: date | None  # pathways: planned outflow minus the region's minimum months
    follow_up_arranged_on: date | None


@dataclass(frozen=True)
class Deadline:
    case: int
    kind: str  # one of DEADLINE_KINDS
    due: date
    done_on: date | None


@dataclass(frozen=True)
class Mark:
    case: int
    measured_on: date
    tevredenheid: int  # CBS protocol §4.3 rapportcijfer 1-10


@dataclass(frozen=True)
class Decision:
    """An expert-team registration and the day it was decided (waiting time)."""

    case: int
    registered_on: date
    decided_on: date | None


@dataclass
class Casework:
    cases: list[Case] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    one_on_one: list[Span] = field(default_factory=list)
    outflows: list[Outflow] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


@dataclass(frozen=True)
class Cost:
    """Granted net amount of one youth in one municipality (declaration lines whose product
    period starts in the period; a credit line is negative)."""

    gemeente: str
    bsn: str
    granted: Decimal


@dataclass(frozen=True)
class Wait:
    """A toewijzing (iJw JW301) and the first start of care on it (JW305), if any."""

    gemeente: str
    bsn: str
    assigned_on: date
    started_on: date | None


def themes(work: Casework, costs: list[Cost], waits: list[Wait], first: date, last: date,
           *, today: date) -> dict:
    """{"regio": figures, "per_gemeente": {code: figures}} for [first, last]."""
    by_case = {case.id: case for case in work.cases}
    codes = sorted({c.gemeente for c in work.cases} | {c.gemeente for c in costs}
                   | {w.gemeente for w in waits})
    return {
        "van": first.isoformat(), "tot_en_met": last.isoformat(),
        "regio": _figures(work, costs, waits, first, last, today, by_case),
        "per_gemeente": {
            code: _figures(_of_municipality(work, by_case, code),
                           [c for c in costs if c.gemeente == code],
                           [w for w in waits if w.gemeente == code], first, last, today,
                           by_case)
            for code in codes},
    }


def _of_municipality(work: Casework, by_case: dict, code: str) -> Casework:
    mine = {case.id for case in work.cases if case.gemeente == code}
    keep = lambda rows: [row for row in rows if row.case in mine]  # noqa: E731
    return Casework([c for c in work.cases if c.id in mine], keep(work.moves),
                    keep(work.documents), keep(work.entries), keep(work.one_on_one),
                    keep(work.outflows), keep(work.deadlines), keep(work.marks),
                    keep(work.decisions))


def _figures(work, costs, waits, first, last, today, by_case) -> dict:
    bsn = lambda row: by_case[row.case].bsn  # noqa: E731
    return {
        "onvrijwillige_doorplaatsingen": involuntary_moves(work.moves, first, last, bsn),
        "tevredenheid": satisfaction(work.marks, first, last),
        "kosten_en_omvang": {
            "kosten": cost(costs),
            "omvang": volume(work.cases, first, last),
        },
        "verklarende_analyse_en_perspectiefplan": analysis_and_plan(
            work.entries, work.documents, first, last),
        "een_op_een_begeleiding": one_on_one(work.one_on_one, first, last, bsn, today=today),
        "uitstroom_op_tijd": outflow_on_time(work.outflows, first, last),
        "samenwerking": {
            "termijnen": deadlines_met(work.deadlines, first, last, today=today),
            "wachttijden": {
                "aanmelding_tot_besluit": waiting_days(
                    (d.registered_on, d.decided_on) for d in work.decisions
                    if d.decided_on is not None and first <= d.decided_on <= last),
                "toewijzing_tot_start": waiting_days(
                    (w.assigned_on, w.started_on) for w in waits
                    if w.started_on is not None and first <= w.started_on <= last),
            },
        },
    }


def involuntary_moves(moves: list[Move], first: date, last: date,
                      bsn: Callable[[Move], str]) -> dict:
    """Moves between placements in the period; "onvrijwillig" those recorded as not
    voluntary (pathways Move.voluntary), with the youths they concern."""
    moved = [m for m in moves if first <= m.moved_on <= last]
    involuntary = [m for m in moved if not m.voluntary]
    return {"doorplaatsingen": len(moved), "onvrijwillig": len(involuntary),
            "jeugdigen": len({bsn(m) for m in involuntary}), "doel": TARGET_INVOLUNTARY}


def satisfaction(marks: list[Mark], first: date, last: date) -> dict:
    """Mean rapportcijfer of the measurements taken in the period (CBS protocol §4.3, the
    same scale as the outcome indicator 2), one decimal, half up."""
    found = [m.tevredenheid for m in marks if first <= m.measured_on <= last]
    return {"n": len(found), "gemiddelde": _mean(found)}


def cost(costs: list[Cost]) -> dict:
    """Granted net, youths paid for (net not zero: a debit fully credited is no client) and
    the average per youth paid for."""
    per_youth: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in costs:
        per_youth[row.bsn] += row.granted
    total = sum(per_youth.values(), ZERO)
    paid = sum(1 for amount in per_youth.values() if amount != 0)
    return {"jeugdigen": paid, "toegekend": str(round_money(total)),
            "gemiddeld_per_jeugdige": str(round_money(total / paid)) if paid else None}


def volume(cases: list[Case], first: date, last: date) -> dict:
    """Cases open at some day of the period and the youths they are about."""
    open_cases = [c for c in cases if c.open_in(first, last)]
    return {"casussen": len(open_cases), "jeugdigen": len({c.bsn for c in open_cases})}


def analysis_and_plan(entries: list[Entry], documents: list[Document], first: date,
                      last: date) -> dict:
    """Seed 000 §7 "Als een verwijzer een kind aanmeldt, is er altijd een verklarende analyse,
    een perspectiefplan met een duidelijk doel" and "Er is geen plaatsing zonder verklarende
    analyse": of the cases registered or placed in the period (each case once, at its first
    such day in the period), the share that had each document dated on or before that day."""
    entered: dict[int, date] = {}
    for entry in entries:
        if first <= entry.on <= last:
            entered[entry.case] = min(entry.on, entered.get(entry.case, entry.on))
    dated: dict[tuple[int, str], date] = {}
    for doc in documents:
        key = (doc.case, doc.kind)
        dated[key] = min(doc.dated, dated.get(key, doc.dated))

    def had(case: int, kind: str, on: date) -> bool:
        return (case, kind) in dated and dated[(case, kind)] <= on

    va = sum(had(c, "verklarende_analyse", on) for c, on in entered.items())
    pp = sum(had(c, "perspectiefplan", on) for c, on in entered.items())
    both = sum(had(c, "verklarende_analyse", on) and had(c, "perspectiefplan", on)
               for c, on in entered.items())
    n = len(entered)
    return {"casussen": n, "verklarende_analyse": Ratio(va, n).as_dict(),
            "perspectiefplan": Ratio(pp, n).as_dict(), "beide": Ratio(both, n).as_dict()}


def one_on_one(spans: list[Span], first: date, last: date, bsn: Callable[[Span], str],
               *, today: date) -> dict:
    """1-op-1 begeleiding active on some day of the period: youths, episodes started in the
    period, and days of 1-op-1 within the period (a running episode counts up to today)."""
    active = [s for s in spans if s.days_in(first, last, today) > 0]
    return {"jeugdigen": len({bsn(s) for s in active}),
            "gestart": sum(first <= s.started_on <= last for s in active),
            "dagen": sum(s.days_in(first, last, today) for s in active),
            "doel": TARGET_ONE_ON_ONE}


def outflow_on_time(outflows: list[Outflow], first: date, last: date) -> dict:
    """Outflows in the period: on time when on or before the planned outflow (no stagnation,
    seed 000 §8 "Uitstroom is tijdig onderwerp van gesprek"); the follow-up place in time
    when arranged by its due day (seed 000 §8 "minimaal 3 tot 6 maanden van tevoren starten
    met het regelen van een vervolgplek"). Without a plan: counted apart, not judged."""
    done = [o for o in outflows if o.outflowed_on and first <= o.outflowed_on <= last]
    planned = [o for o in done if o.planned_on is not None]
    with_due = [o for o in done if o.follow_up_due is not None]
    return {
        "uitgestroomd": len(done), "zonder_planning": len(done) - len(planned),
        "op_tijd": Ratio(sum(o.outflowed_on <= o.planned_on for o in planned),
                         len(planned)).as_dict(),
        "vervolgplek_tijdig": Ratio(
            sum(o.follow_up_arranged_on is not None
                and o.follow_up_arranged_on <= o.follow_up_due for o in with_due),
            len(with_due)).as_dict(),
    }


def deadlines_met(deadlines: list[Deadline], first: date, last: date, *, today: date) -> dict:
    """Per pathway term, the due days that fall in the period: met (done on or before the due
    day: "due today is still on time", pathways/deadlines.is_overdue), late, open past due,
    open; the share met of those met, late or past due."""
    out = {}
    for kind in DEADLINE_KINDS:
        met = late = overdue = waiting = 0
        for d in (d for d in deadlines if d.kind == kind and first <= d.due <= last):
            if d.done_on is None:
                overdue += d.due < today
                waiting += d.due >= today
            elif d.done_on <= d.due:
                met += 1
            else:
                late += 1
        out[kind] = {"binnen_termijn": met, "te_laat": late, "open_verlopen": overdue,
                     "open": waiting, "op_tijd": Ratio(met, met + late + overdue).as_dict()}
    return out


def waiting_days(pairs: Iterable[tuple[date, date]]) -> dict:
    """Calendar days from the first to the second date: count, mean and median."""
    days = [(end - begin).days for begin, end in pairs]
    return {"n": len(days), "gemiddelde": _mean(days),
            "mediaan": None if not days else str(Decimal(str(median(days))).quantize(
                Decimal("0.1"), ROUND_HALF_UP))}


def _mean(values: list[int]) -> str | None:
    if not values:
        return None
    return str((Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP))
