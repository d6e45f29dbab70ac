"""Task-based lump sum (taakgericht): a budget for a task and its population, paid in instalments.

Seed 001 "Taakgericht: Bekostiging voor een taak voor een (deel)populatie ... geen verantwoording
op individueel niveau ... lump-sum benoemd, bijvoorbeeld voor de crisisdienst". Seed 003 (OCR,
shifted tokens decode with chr(ord(c)+29)): "Bekostiging vindt plaats op basis van lumpsum-
financiering", "een SLT voor elke circa 50.000 inwoners", "een vast bedrag ontvangt voor het
leveren van zorg aan een bepaalde groep mensen", and "Het is mogelijk dat hier een
efficiëntiekorting van toepassing is" (grep "ezgciJntiekorting").

A budget is set per calendar year; a part of a year earns its months (periods.year_share) and is
paid in instalments whose last one takes the rounding (instalments.instalments).
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from openjeugd.contracts.funding.errors import FundingError, InvalidPeriodError, NegativeAmountError
from openjeugd.contracts.funding.instalments import Frequency, Instalment, instalments
from openjeugd.contracts.funding.periods import Period, exact, year_of, year_share
from openjeugd.lib.money import round_money


@dataclass(frozen=True)
class Task:
    """A task for a population: a fixed sum, an amount per inhabitant, or both."""

    name: str
    population: int = 0
    per_inhabitant: Decimal = Decimal("0")
    fixed: Decimal = Decimal("0")
    efficiency_discount: Decimal = Decimal("0")  # a fraction: 0.05 is 5 %

    def __post_init__(self):
        for field in ("population", "per_inhabitant", "fixed"):
            value = getattr(self, field)
            if isinstance(value, float) or value < 0:
                raise NegativeAmountError(field, "lumpsum", f"{value!r} must be ≥ 0")
        if not 0 <= self.efficiency_discount < 1:
            raise FundingError(
                "efficiency_discount",
                "efficiëntiekorting (seed 003)",
                f"{self.efficiency_discount} must be a fraction from 0 up to (not including) 1",
            )

    @property
    def annual_budget(self) -> Decimal:
        gross = self.fixed + self.per_inhabitant * self.population
        return round_money(gross * (1 - self.efficiency_discount))


def budget_for(task: Task, period: Period) -> Decimal:
    """The task's budget for a period within one calendar year."""
    if period.end > year_of(period.start).end:
        raise InvalidPeriodError(
            "period", "one budget year", f"{period.start}–{period.end} spans more than one year"
        )
    return round_money(exact(year_share(period) * Fraction(task.annual_budget)))


def schedule(task: Task, period: Period, frequency: Frequency) -> tuple[Instalment, ...]:
    """The task's budget for `period` in instalments that add up to it exactly."""
    return instalments(budget_for(task, period), period, frequency)
