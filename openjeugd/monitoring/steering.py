"""Sturingsinformatie (seed 001, /work/shared/seeds/001_*: "de actuele prognose van unieke
cliënten per product, de verwijzers, de uitgaven en prognoses, de top tien aanbieders en
vergelijkingen tussen meerdere jaren", "op gemeente- en regioniveau"), pure: grouped
declaration amounts in, figures out. Referrers come from the trajectories (figures.py:
jeugdigen_per_verwijzer); everything here from the granted declaration lines (JW323/JW325),
credits netted as in spending.py."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openjeugd.lib.money import round_money

ZERO = Decimal("0.00")
TOP = 10  # "de top tien aanbieders"


@dataclass(frozen=True)
class Amount:
    """Granted net amount of one youth, for one product of one provider in one municipality
    and calendar year (one grouped database row)."""

    gemeente: str
    provider: str  # AGB
    product: str  # "categorie/code"
    bsn: str
    year: int
    granted: Decimal


def steering(amounts: list[Amount], months: list[tuple[str, int, int, Decimal]],
             names: dict[str, str], *, year: int, today: date) -> dict:
    """Region and per municipality. `months`: (gemeente, year, month, granted) for the
    forecast; `names`: AGB -> provider name."""
    by_gemeente = defaultdict(list)
    for amount in amounts:
        by_gemeente[amount.gemeente].append(amount)
    months_by_gemeente = defaultdict(list)
    for row in months:
        months_by_gemeente[row[0]].append(row)
    return {
        "regio": _figures(amounts, months, names, year=year, today=today),
        "per_gemeente": {code: _figures(by_gemeente[code], months_by_gemeente[code], names,
                                        year=year, today=today)
                         for code in sorted(set(by_gemeente) | set(months_by_gemeente))},
    }


def _figures(amounts, months, names, *, year, today) -> dict:
    # One pass adds each amount to its youth overall and within its product, provider and
    # year (the groupings below), instead of one pass and one list per grouping.
    everyone: dict[str, Decimal] = {}
    groups: tuple[dict, dict, dict] = ({}, {}, {})
    for amount in amounts:
        bsn, granted = amount.bsn, amount.granted
        everyone[bsn] = everyone.get(bsn, ZERO) + granted
        for grouping, key in zip(groups, (amount.product, amount.provider, str(amount.year)),
                                 strict=True):
            youths = grouping.get(key)
            if youths is None:
                youths = grouping[key] = {}
            youths[bsn] = youths.get(bsn, ZERO) + granted
    per_product, per_provider, per_year = (
        {key: _paid(youths) for key, youths in sorted(grouping.items())} for grouping in groups)
    return {
        **_paid(everyone),
        "per_product": per_product,
        "top_aanbieders": top_providers(per_provider, names),
        "per_jaar": per_year,
        "prognose": forecast(months, year=year, today=today),
    }


def _paid(per_youth: dict[str, Decimal]) -> dict:
    """Unique youths paid for (net granted not zero: a debit fully credited is no client)."""
    total = sum(per_youth.values(), ZERO)
    return {"jeugdigen": sum(1 for v in per_youth.values() if v != 0),
            "toegekend": str(round_money(total))}


def top_providers(per_provider: dict[str, dict], names: dict[str, str],
                  top: int = TOP) -> list[dict]:
    """The ten providers with the highest granted amount (per_provider: AGB -> _paid()); ties
    by AGB code so the list is stable."""
    rows = [{"aanbieder": agb, "naam": names.get(agb, agb), **figures}
            for agb, figures in per_provider.items()]
    rows.sort(key=lambda row: (-Decimal(row["toegekend"]), row["aanbieder"]))
    return rows[:top]


def forecast(months, *, year: int, today: date) -> dict:
    """The year's spending extrapolated from its complete months: granted in months 1..m
    (m = the months of `year` that ended before today) divided by m, times 12. A year that
    has ended gets its actual total; one with no complete month gets none."""
    granted = defaultdict(lambda: ZERO)
    for _gemeente, row_year, month, amount in months:
        if row_year == year:
            granted[month] += amount or ZERO
    if today.year > year:
        complete = 12
    elif today.year < year:
        complete = 0
    else:
        complete = today.month - 1
    so_far = sum((granted[m] for m in range(1, complete + 1)), ZERO)
    expected = round_money(so_far / complete * 12) if complete else None
    return {"jaar": year, "maanden": complete, "toegekend_tot_nu": str(round_money(so_far)),
            "prognose": None if expected is None else str(expected)}
