"""Output / trajectory: a fixed price per result (stuks output) or per trajectory.

Seed 001 "Resultaatgericht ... trajectfinanciering: P*Q (traject) ... voor een aantal
behandelingstrajecten"; Toewijzingsvarianten_inspanning-output.md "Outputgerichte
uitvoeringsvariant": Stuks (output) (82) or Euro's (83), "Specifiek voor een traject".
Seed 004 "Meerwerk - dat wil zeggen dat het traject langer duurt dan vooraf geschat - kan niet in
rekening worden gebracht": a trajectory never pays more than its price.

The seeds are silent on a trajectory that ends early without its result. Our rule, chosen per
contract (EarlyEnd): PRO_RATA (default) pays the planned days used, FULL pays the price, NONE pays
nothing. A trajectory is paid when it ends; a running one is owed nothing yet.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from openjeugd.contracts.funding.eenheid import OUTPUTGERICHT, Eenheid
from openjeugd.contracts.funding.errors import MeerwerkError, NegativeAmountError, WrongUnitError
from openjeugd.contracts.funding.periods import Period, exact
from openjeugd.contracts.funding.pxq import DebetCredit
from openjeugd.lib.money import round_money


class EarlyEnd(StrEnum):
    PRO_RATA = "pro_rata"
    FULL = "full"
    NONE = "none"


def price_results(
    count: int, price: Decimal, eenheid: Eenheid, debet_credit: DebetCredit = DebetCredit.DEBET
) -> Decimal:
    """Results delivered × the price per result."""
    if eenheid not in OUTPUTGERICHT:
        raise WrongUnitError(
            "eenheid",
            "outputgericht (82/83)",
            f"an output price is per stuk (output) or euro, not per {eenheid.name.lower()}",
        )
    _not_negative("count", count)
    _not_negative("price", price)
    return debet_credit.sign * round_money(price * count)


@dataclass(frozen=True)
class Trajectory:
    price: Decimal
    start: date
    planned_end: date
    actual_end: date | None = None
    result_reached: bool = False

    def __post_init__(self):
        _not_negative("price", self.price)
        Period(self.start, self.planned_end)
        if self.actual_end is not None:
            Period(self.start, self.actual_end)


def price_trajectory(
    trajectory: Trajectory,
    early_end: EarlyEnd = EarlyEnd.PRO_RATA,
    debet_credit: DebetCredit = DebetCredit.DEBET,
) -> Decimal:
    """What an ended trajectory earns: its price, or less when it ended early without result."""
    if trajectory.actual_end is None:
        return Decimal("0.00")
    return debet_credit.sign * round_money(
        exact(Fraction(trajectory.price) * _share(trajectory, early_end))
    )


def _share(trajectory: Trajectory, early_end: EarlyEnd) -> Fraction:
    if trajectory.result_reached or trajectory.actual_end >= trajectory.planned_end:
        return Fraction(1)  # longer than planned still pays the price once: no meerwerk
    if early_end == EarlyEnd.FULL:
        return Fraction(1)
    if early_end == EarlyEnd.NONE:
        return Fraction(0)
    used = Period(trajectory.start, trajectory.actual_end).days
    return Fraction(used, Period(trajectory.start, trajectory.planned_end).days)


def refuse_meerwerk(claimed: Decimal, agreed: Decimal, field: str = "claimed") -> None:
    """A claim above the agreed fixed price is refused (seed 004 "Meerwerk ... kan niet")."""
    if claimed > agreed:
        raise MeerwerkError(
            field,
            "no meerwerk (seed 004)",
            f"{claimed} exceeds the agreed {agreed}; a fixed price covers all work",
        )


def _not_negative(field: str, value) -> None:
    if isinstance(value, float) or value < 0:
        raise NegativeAmountError(field, "output", f"{value!r} must be ≥ 0; use a credit line")
