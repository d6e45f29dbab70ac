"""What a toewijzing is worth over a stretch of days (pure: no Django, no database).

Used for "committed" (the remaining period of an open toewijzing) and for the forecast's
"delivered but not yet declared" part. One rule per frequentie (WMO757, ../shared/ijw/
codelijsten/WMO757_Frequentie.md), spread over days so a window can start or end anywhere:

- 1 per dag: ``volume`` every day.
- 2 per week: ``volume / 7`` a day (a partial week counts pro rata).
- 4 per maand: ``volume / days in that month`` a day, so a partial month counts its share of
  the month it lies in (a day of February 2028 is 1/29 of the month: leap days count).
- 6 totaal binnen geldigheidsduur: ``volume / days of the toewijzing`` a day; it needs an
  einddatum (without one the total cannot be spread and the toewijzing is valued at nothing
  beyond its window: ``ValueError``).
A budget toewijzing (eenheid 83, euros) is spread the same way as frequentie 6.

Each day is priced at the tariff valid that day (a tariff change mid-period splits the period).
Volume in minutes, hours or dagdelen (WJ756: a dagdeel is 4 hours) is converted to the
tariff's unit; other units must match. Arithmetic is exact (fractions); the value is rounded
once, to the cent, with lib.money.round_money, per toewijzing and window.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction

from openjeugd.lib.money import round_money

PER_DAG, PER_WEEK, PER_MAAND, TOTAAL = "1", "2", "4", "6"
EURO = "83"
MINUTES = {"01": 1, "04": 60, "16": 240}  # WJ756 minuut, uur, dagdeel (4 uur)


@dataclass(frozen=True)
class Assignment:
    ingangsdatum: date
    einddatum: date | None
    volume: int | None
    eenheid: str
    frequentie: str
    budget: Decimal | None = None


@dataclass(frozen=True)
class Price:
    valid_from: date
    valid_until: date | None
    amount: Decimal
    eenheid: str

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


def value(assignment: Assignment, prices: list[Price], first: date, last: date) -> Decimal:
    """The toewijzing's value over the days [first, last] it covers, rounded to the cent."""
    return round_money(_exact(exact_value(assignment, prices, first, last)))


def exact_value(assignment: Assignment, prices: list[Price], first: date,
                last: date) -> Fraction:
    start = max(first, assignment.ingangsdatum)
    end = last if assignment.einddatum is None else min(last, assignment.einddatum)
    total = Fraction(0)
    for day_first, day_last in _stretches(start, end, prices):
        days = (day_last - day_first).days + 1
        total += _daily(assignment, day_first) * days * _unit_price(assignment, prices,
                                                                    day_first)
    return total


def _stretches(start: date, end: date, prices: list[Price]):
    """[start, end] cut where a month or a tariff changes: within a stretch the daily volume
    and the price are constant."""
    cuts = {p.valid_from for p in prices} | {p.valid_until + timedelta(days=1)
                                            for p in prices if p.valid_until}
    day = start
    while day <= end:
        month_end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        stop = min([end, month_end] + [c - timedelta(days=1) for c in cuts if c > day])
        yield day, stop
        day = stop + timedelta(days=1)


def _daily(assignment: Assignment, day: date) -> Fraction:
    """Units (of the toewijzing's eenheid) per day; for a budget toewijzing, euros per day."""
    if assignment.budget is not None:
        return Fraction(assignment.budget) / _total_days(assignment)
    volume = Fraction(assignment.volume or 0)
    frequentie = assignment.frequentie
    if frequentie == PER_DAG:
        return volume
    if frequentie == PER_WEEK:
        return volume / 7
    if frequentie == PER_MAAND:
        return volume / calendar.monthrange(day.year, day.month)[1]
    if frequentie == TOTAAL:
        return volume / _total_days(assignment)
    raise ValueError(f"unknown frequentie {frequentie!r}")


def _total_days(assignment: Assignment) -> int:
    if assignment.einddatum is None:
        raise ValueError("a total volume or budget needs an einddatum to be spread")
    return (assignment.einddatum - assignment.ingangsdatum).days + 1


def _unit_price(assignment: Assignment, prices: list[Price], day: date) -> Fraction:
    if assignment.budget is not None or assignment.eenheid == EURO:
        return Fraction(1)
    price = next((p for p in prices if p.covers(day)), None)
    if price is None:
        raise ValueError(f"no tariff on {day}")
    return Fraction(price.amount) * conversion(assignment.eenheid, price.eenheid)


def conversion(eenheid: str, tariff_eenheid: str) -> Fraction:
    """How many tariff units one unit of ``eenheid`` is (an hour is 1/4 dagdeel)."""
    if eenheid == tariff_eenheid:
        return Fraction(1)
    if eenheid in MINUTES and tariff_eenheid in MINUTES:
        return Fraction(MINUTES[eenheid], MINUTES[tariff_eenheid])
    raise ValueError(f"volume in {eenheid} cannot be priced per {tariff_eenheid}")


def _exact(fraction: Fraction) -> Decimal:
    # 60 significant digits: far more than any half-cent boundary needs, so round_money
    # decides the rounding, not this division.
    with localcontext(prec=60):
        return Decimal(fraction.numerator) / Decimal(fraction.denominator)
