"""The Limburg segment KPIs (seed 002, /work/shared/seeds/002_*) for a period. Pure: budgets
(contracts, through MONITORING_BUDGET_LOOKUP), granted declaration amounts, stays and
toewijzingen (iJw) in, figures out.

Seed 002 "We richten een goede monitoring in waarbij we aandacht hebben voor onder andere:
de besteding van het totaalbudget; de ontwikkeling van de gemiddelde kosten per jeugdige;
de afbouw van het aantal bedden in verblijf; de ontwikkeling van de kosten van individuele
aanbieders ten opzicht van het beschikbare totaalbudget", and "De inhoudelijke ambities zijn
onder andere om de looptijd in verblijf te beperken, een afbouw te realiseren van verblijf
naar ambulant en wachtlijsten te beperken" (and the koepelcontract's "beoogde afname van de
gemiddelde verblijfsduur"). Where the seed is silent: README, "Limburg segment KPIs".
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from openjeugd.lib.money import round_money

ZERO = Decimal("0.00")
Product = tuple[str, str]  # (productcategorie, productcode)


@dataclass(frozen=True)
class Segment:
    """A segment (contracts: a task area with a segment ceiling) or the whole region
    (products None). `budgets`: calendar year -> the ceiling's budget (after discount, with
    the ventiel; contracts.budget.effective_budget); `providers`: year -> AGB -> the
    provider's own ceiling, where the region divided the total budget."""

    name: str
    products: frozenset[Product] | None
    budgets: dict[int, Decimal]
    providers: dict[int, dict[str, Decimal]]
    # year -> the beds this segment plans (seed 002 "afbouw van het aantal bedden"); a year
    # without a plan is absent. The region-wide segment has the region's plan.
    planned_beds: dict[int, int] = field(default_factory=dict)

    def covers(self, product: Product) -> bool:
        # A catalogue product without a code stands for its whole category.
        return self.products is None or product in self.products \
            or (product[0], "") in self.products


@dataclass(frozen=True)
class Line:
    """Granted net amount of one youth for one product of one provider, for care whose
    product period starts in `year` and in the period."""

    year: int
    provider: str  # AGB
    bsn: str
    product: Product
    granted: Decimal


@dataclass(frozen=True)
class Stay:
    """Care with a CBS hulpvorm "Met verblijf" (§3.3 11-14): from its iJw start to its
    definitive stop (None: running)."""

    bsn: str
    product: Product
    start: date
    end: date | None

    def on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Assignment:
    """A toewijzing: assigned on, first start of care (None: not started) and its end."""

    bsn: str
    product: Product
    assigned_on: date
    started_on: date | None
    ends_on: date | None

    def waiting_on(self, day: date) -> bool:
        return (self.assigned_on <= day and (self.started_on is None or self.started_on > day)
                and (self.ends_on is None or self.ends_on >= day))


def segment_kpis(segment: Segment, lines: list[Line], stays: list[Stay],
                 assignments: list[Assignment], first: date, last: date, *,
                 names: dict[str, str]) -> dict:
    lines = [line for line in lines if segment.covers(line.product)]
    stays = [stay for stay in stays if segment.covers(stay.product)]
    assignments = [a for a in assignments if segment.covers(a.product)]
    return {
        "naam": segment.name,
        "producten": None if segment.products is None else sorted(
            f"{c}/{p}" if p else c for c, p in segment.products),
        "besteding": spending_vs_budget(segment, lines, first, last),
        "kosten_per_jeugdige": cost_per_youth(lines),
        "verblijfsduur": length_of_stay(stays, first, last),
        "bedden": beds(stays, first, last, segment.planned_beds.get(last.year)),
        "wachtlijst": waiting_list(assignments, last),
        "aanbieders": providers_vs_budget(segment, lines, names, last.year),
    }


def spending_vs_budget(segment: Segment, lines: list[Line], first: date, last: date) -> dict:
    """Per calendar year of the period: the total budget, what was granted for care in the
    part of the year inside the period, and the share of the budget that is."""
    spent_in: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:  # one pass for all years, not one per year
        spent_in[line.year] += line.granted
    years = {}
    for year in range(first.year, last.year + 1):
        spent = spent_in[year]
        budget = segment.budgets.get(year)
        years[str(year)] = {"budget": None if budget is None else str(budget),
                            "toegekend_bedrag": str(round_money(spent)),
                            "percentage_budget": _percent(spent, budget)}
    return years


def cost_per_youth(lines: list[Line]) -> dict:
    """Granted net over the youths paid for (net not zero), as seed 002's "gemiddelde kosten
    per jeugdige"; the same rule as spending.py."""
    per_youth: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        per_youth[line.bsn] += line.granted
    total = sum(per_youth.values(), ZERO)
    paid = sum(1 for amount in per_youth.values() if amount != 0)
    return {"jeugdigen": paid, "toegekend": str(round_money(total)),
            "gemiddeld_per_jeugdige": str(round_money(total / paid)) if paid else None}


def length_of_stay(stays: list[Stay], first: date, last: date) -> dict:
    """Stays that ended in the period, their whole length (first to last day, both counted,
    also the part before the period: the length is the stay's, not the period's); and the
    stays running on the period's last day with their length so far."""
    ended = [(s.end - s.start).days + 1 for s in stays
             if s.end is not None and first <= s.end <= last]
    running = [(last - s.start).days + 1 for s in stays if s.on(last)]
    return {"n": len(ended), "gemiddelde": _mean(ended),
            "lopend": len(running), "lopend_gemiddelde_tot_nu": _mean(running)}


def beds(stays: list[Stay], first: date, last: date, planned: int | None) -> dict:
    """Beds in use = youths in a stay on the day (one bed each), on the period's first and
    last day; against the planned number for the end of the year of `last`, when the region
    recorded one (never guessed)."""
    at_start = len({s.bsn for s in stays if s.on(first)})
    at_end = len({s.bsn for s in stays if s.on(last)})
    return {"in_gebruik_begin": at_start, "in_gebruik_eind": at_end,
            "afname": at_start - at_end, "bedden_gepland": planned,
            "boven_plan": None if planned is None else at_end - planned}


def waiting_list(assignments: list[Assignment], day: date) -> dict:
    """Youths assigned care that has not started on `day`, and how long they have waited
    (calendar days since the toewijzing), mean and longest."""
    waiting: dict[str, int] = {}
    for a in assignments:
        if a.waiting_on(day):
            waiting[a.bsn] = max(waiting.get(a.bsn, 0), (day - a.assigned_on).days)
    days = list(waiting.values())
    return {"peildatum": day.isoformat(), "jeugdigen": len(days), "n": len(days),
            "gemiddelde": _mean(days), "langste_dagen": max(days) if days else None}


def providers_vs_budget(segment: Segment, lines: list[Line], names: dict[str, str],
                        year: int) -> list[dict]:
    """Each provider's granted amount in the period against the total budget of the year of
    the period's end and, where the region divided it, against the provider's own share."""
    budget = segment.budgets.get(year)
    shares = segment.providers.get(year, {})
    per_provider: dict[str, list[Line]] = defaultdict(list)
    for line in lines:
        per_provider[line.provider].append(line)
    rows = []
    for agb, rows_of in sorted(per_provider.items()):
        paid = cost_per_youth(rows_of)
        spent = Decimal(paid["toegekend"])
        own = shares.get(agb)
        rows.append({"aanbieder": agb, "naam": names.get(agb, agb),
                     "jeugdigen": paid["jeugdigen"], "toegekend": paid["toegekend"],
                     "percentage_totaalbudget": _percent(spent, budget),
                     "plafond": None if own is None else str(own),
                     "percentage_plafond": _percent(spent, own)})
    rows.sort(key=lambda row: (-Decimal(row["toegekend"]), row["aanbieder"]))
    return rows


def _percent(part: Decimal, whole: Decimal | None) -> str | None:
    if not whole:
        return None
    return str((100 * part / whole).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _mean(values: list[int]) -> str | None:
    if not values:
        return None
    return str((Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP))
