"""Half-year periods: protocol §7.3 "Periode JH/JB-1 met gegevens over januari t/m juni;
Periode JH/JB-2 met gegevens over juli t/m december"."""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, order=True)
class Period:
    first: date
    last: date

    @property
    def label(self) -> str:
        half = 1 if self.first.month <= 6 else 2
        return f"{self.first.year}-H{half}"


def half_year(day: date) -> Period:
    if day.month <= 6:
        return Period(date(day.year, 1, 1), date(day.year, 6, 30))
    return Period(date(day.year, 7, 1), date(day.year, 12, 31))


def half_years(first: date, last: date) -> list[Period]:
    """The half years that overlap [first, last], oldest first."""
    if last < first:
        raise ValueError("The period's end lies before its start.")
    periods, period = [], half_year(first)
    while period.first <= last:
        periods.append(period)
        period = half_year(period.last + timedelta(days=1))
    return periods


def years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
