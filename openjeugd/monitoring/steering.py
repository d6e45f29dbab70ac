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
    per_gemeente: dict[str, tuple] = {}
    for amount in amounts:
        sums = per_gemeente.get(amount.gemeente)
        if sums is None:
            sums = per_gemeente[amount.gemeente] = _no_sums()
        _add(sums, amount)
    months_by_gemeente = defaultdict(list)
    for row in months:
        months_by_gemeente[row[0]].append(row)
    return {
        "regio": _figures(_merged(per_gemeente.values()), months, names, year=year,
                          today=today),
        "per_gemeente": {code: _figures(per_gemeente.get(code) or _no_sums(),
                                        months_by_gemeente[code], names, year=year,
                                        today=today)
                         for code in sorted(set(per_gemeente) | set(months_by_gemeente))},
    }


# Per youth, the net granted overall and within each product, provider and year:
# (everyone: {bsn: amount}, ({product: {bsn: amount}}, {agb: ...}, {"year": ...})).
def _no_sums() -> tuple:
    return {}, ({}, {}, {})


def _add(sums: tuple, amount: Amount) -> None:
    everyone, (per_product, per_provider, per_year) = sums
    bsn, granted = amount.bsn, amount.granted
    everyone[bsn] = everyone.get(bsn, ZERO) + granted
    # Written out for the three groupings: a loop over them cost more than the additions.
    youths = per_product.get(amount.product)
    if youths is None:
        youths = per_product[amount.product] = {}
    youths[bsn] = youths.get(bsn, ZERO) + granted
    youths = per_provider.get(amount.provider)
    if youths is None:
        youths = per_provider[amount.provider] = {}
    youths[bsn] = youths.get(bsn, ZERO) + granted
    year = str(amount.year)
    youths = per_year.get(year)
    if youths is None:
        youths = per_year[year] = {}
    youths[bsn] = youths.get(bsn, ZERO) + granted


def _merged(parts) -> tuple:
    """The region's sums from the municipalities' (a youth's net in the region is the sum of
    its nets per municipality): each municipality's per-youth sums are added, not its
    amounts again."""
    everyone, groups = _no_sums()
    for part_everyone, part_groups in parts:
        _add_youths(everyone, part_everyone)
        for grouping, part in zip(groups, part_groups, strict=True):
            for key, youths in part.items():
                into = grouping.get(key)
                if into is None:
                    into = grouping[key] = {}
                _add_youths(into, youths)
    return everyone, groups


def _add_youths(into: dict, youths: dict) -> None:
    for bsn, granted in youths.items():
        into[bsn] = into.get(bsn, ZERO) + granted


def _figures(sums: tuple, months, names, *, year, today) -> dict:
    everyone, groups = sums
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
