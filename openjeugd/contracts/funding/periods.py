"""Periods of calendar days and the one rule for parts of months and years.

A period is inclusive at both ends, as iJw dates are (a toewijzing's Einddatum is its last day).
Annual and monthly amounts accrue per calendar month: a whole month is 1/12 of a year, a part of a
month counts its calendar days over the days of that month (February 2028 has 29). The seeds name
no rule for parts of months; calendar months follow iJw OP367 "Een productperiode valt altijd
binnen een kalendermaand" (/work/shared/ijw/regels/bedrijfsregels/OP367.md).
"""

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from openjeugd.contracts.funding.errors import InvalidPeriodError


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise InvalidPeriodError(
                "end", "period", f"ends {self.end} before it starts {self.start}"
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlap(self, other: "Period") -> "Period | None":
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Period(start, end) if start <= end else None

    def months(self) -> list["Period"]:
        """The parts of this period in each calendar month it touches."""
        return list(_split(self, month_of))

    def quarters(self) -> list["Period"]:
        return list(_split(self, quarter_of))


def month_of(day: date) -> Period:
    last = calendar.monthrange(day.year, day.month)[1]
    return Period(day.replace(day=1), day.replace(day=last))


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    return Period(start, month_of(date(day.year, first_month + 2, 1)).end)


def year_of(day: date) -> Period:
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


def _split(period: Period, container) -> Iterator[Period]:
    day = period.start
    while day <= period.end:
        whole = container(day)
        yield Period(day, min(whole.end, period.end))
        day = whole.end + timedelta(days=1)


def month_weight(period: Period) -> Fraction:
    """How many months `period` is worth: whole months count 1, parts their share of days."""
    return sum(
        (Fraction(part.days, month_of(part.start).days) for part in period.months()),
        Fraction(0),
    )


def year_share(period: Period) -> Fraction:
    """The share of a year `period` is worth: its month weight over twelve."""
    return month_weight(period) / 12


def exact(value: Fraction) -> Decimal:
    """A fraction as a Decimal for round_money.

    A half cent has a terminating decimal expansion, so ties reach round_money exactly; other
    fractions are held to 28 digits, far below a cent.
    """
    return Decimal(value.numerator) / Decimal(value.denominator)
