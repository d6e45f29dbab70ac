"""Paying an amount for a period in monthly or quarterly instalments.

Seed 002 "het totaalbudget voor te financieren (in termijnen)"; seed 003 lumpsum budgets. The seeds
name neither the frequency nor the split: each instalment weighs the months it covers (periods.
month_weight, a part of a month by its calendar days), so a whole year pays twelve equal months;
every instalment but the last is rounded to the cent and the last takes what is left, so the
instalments add up to the amount exactly.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from openjeugd.contracts.funding.periods import Period, exact, month_weight
from openjeugd.lib.money import round_money


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


@dataclass(frozen=True)
class Instalment:
    period: Period
    amount: Decimal


def instalments(amount: Decimal, period: Period, frequency: Frequency) -> tuple[Instalment, ...]:
    """`amount` for `period` spread over its months or quarters, the rounding left on the last."""
    amount = round_money(amount)
    parts = period.months() if frequency == Frequency.MONTHLY else period.quarters()
    weights = [month_weight(part) for part in parts]
    whole = sum(weights, Fraction(0))
    paid = [round_money(exact(Fraction(amount) * weight / whole)) for weight in weights[:-1]]
    paid.append(amount - sum(paid, Decimal("0.00")))
    return tuple(Instalment(part, value) for part, value in zip(parts, paid, strict=True))
