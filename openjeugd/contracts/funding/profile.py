"""Amsterdam profile × intensity (seed 004): one tariff per family, stacking refused.

Seed 004 §3: "een maximum van bijvoorbeeld 10 profielen en de hierboven genoemde 4 intensiteiten"
(Perspectief, Intensief, Acuut, Duurzaam); "Stapeling ... één perspectiefplan, één
ondersteuningsprofiel, één ondersteuningsbehoefte en dus één tarief per gezin in hulp" with two
exceptions: "Intensiteit Acut: Spoedprocedure ... maximaal 14 dagen" and "Intensiteit Duurzaam ...
stapeling mogelijk, mits afgestemd met de regisseur ... en vastgelegd in het perspectiefplan";
"De overstap maken naar een andere profiel ... na toestemming van de regisseur"; "Meerwerk ... kan
niet in rekening worden gebracht".

Call this with the assignments of one family's perspectiefplan. The seed calls the tariff a
"totaal som" per family and is silent on how it is paid over time; a table says which: TRAJECTORY
(the sum, once, in the period where the assignment starts) or MONTH (a monthly amount; a part of a
month pays its calendar days over the days of that month, periods.py, rounded per month).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import combinations

from openjeugd.contracts.funding.errors import FundingError, StackingError
from openjeugd.contracts.funding.output import refuse_meerwerk
from openjeugd.contracts.funding.periods import Period, exact, month_of
from openjeugd.lib.money import round_money

PROFILES = range(1, 11)
ACUUT_MAX_DAYS = 14


class Intensiteit(StrEnum):
    PERSPECTIEF = "perspectief"
    INTENSIEF = "intensief"
    ACUUT = "acuut"
    DUURZAAM = "duurzaam"


class TariffBasis(StrEnum):
    TRAJECTORY = "trajectory"
    MONTH = "month"


@dataclass(frozen=True)
class ProfileTariffs:
    amounts: Mapping[tuple[int, Intensiteit], Decimal]
    basis: TariffBasis = TariffBasis.TRAJECTORY

    def __post_init__(self):
        for (profile, _intensiteit), amount in self.amounts.items():
            if profile not in PROFILES:
                raise FundingError("profile", "10 profielen (seed 004)", f"{profile} is not 1–10")
            if amount < 0:
                raise FundingError("amount", "profile tariff", f"{amount} is negative")

    def amount(self, profile: int, intensiteit: Intensiteit) -> Decimal:
        try:
            return self.amounts[(profile, intensiteit)]
        except KeyError:
            raise FundingError(
                "profile", "profile tariff", f"no tariff for profile {profile} {intensiteit}"
            ) from None


@dataclass(frozen=True)
class Consent:
    """The regisseur's consent, recorded in the perspectiefplan."""

    regisseur: str
    recorded_on: date


@dataclass(frozen=True)
class Assignment:
    profile: int
    intensiteit: Intensiteit
    period: Period
    consent: Consent | None = None


def assignment_errors(assignments: Sequence[Assignment]) -> list[FundingError]:
    """Every rule of seed 004 the assignments of one perspectiefplan break; empty when valid."""
    errors = [error for index, one in enumerate(assignments) for error in _own_errors(index, one)]
    ordered = sorted(enumerate(assignments), key=lambda pair: pair[1].period.start)
    for (_, earlier), (index, later) in combinations(ordered, 2):
        error = _stacking_error(index, earlier, later)
        if error is not None:
            errors.append(error)
    return errors


def check_assignments(assignments: Sequence[Assignment]) -> None:
    errors = assignment_errors(assignments)
    if errors:
        raise errors[0]


def _own_errors(index: int, one: Assignment) -> list[FundingError]:
    errors = []
    if one.profile not in PROFILES:
        errors.append(
            FundingError(
                f"assignments[{index}].profile",
                "10 profielen (seed 004)",
                f"{one.profile} is not 1–10",
            )
        )
    if one.intensiteit == Intensiteit.ACUUT and one.period.days > ACUUT_MAX_DAYS:
        errors.append(
            FundingError(
                f"assignments[{index}].period",
                "Acuut maximaal 14 dagen (seed 004)",
                f"Acuut runs {one.period.days} days",
            )
        )
    if one.consent is not None and one.consent.recorded_on > one.period.start:
        errors.append(
            StackingError(
                f"assignments[{index}].consent",
                "consent recorded in the perspectiefplan (seed 004)",
                f"recorded {one.consent.recorded_on}, after the start {one.period.start}",
            )
        )
    return errors


def _stacking_error(index: int, earlier: Assignment, later: Assignment) -> StackingError | None:
    name = f"assignments[{index}]"
    acuut = Intensiteit.ACUUT
    at_once = earlier.period.overlap(later.period) is not None
    if acuut in (earlier.intensiteit, later.intensiteit):
        if earlier.intensiteit == later.intensiteit == acuut and at_once:
            return StackingError(name, "one tariff per family (seed 004)", "two Acuut at once")
        return None  # the spoedprocedure may come on top of any tariff
    if later.consent is None:
        return StackingError(
            name,
            "one tariff per family (seed 004)",
            f"{_label(later)} {'overlaps' if at_once else 'follows'} {_label(earlier)} "
            "without the regisseur's recorded consent",
        )
    # seed 004 allows both orders: Duurzaam after Intensief, and a treatment on top of Duurzaam
    if at_once and Intensiteit.DUURZAAM not in (earlier.intensiteit, later.intensiteit):
        return StackingError(
            name,
            "stacking only with Duurzaam (seed 004)",
            f"{_label(later)} overlaps {_label(earlier)}; only Duurzaam may run alongside another",
        )
    return None


def _label(one: Assignment) -> str:
    return f"profile {one.profile} {one.intensiteit.value} from {one.period.start}"


@dataclass(frozen=True)
class FamilyLine:
    assignment: Assignment
    period: Period
    amount: Decimal


def family_lines(
    assignments: Sequence[Assignment], tariffs: ProfileTariffs, period: Period
) -> tuple[FamilyLine, ...]:
    """What a family's assignments earn in `period`, per assignment (and month)."""
    check_assignments(assignments)
    lines = []
    for one in assignments:
        amount = tariffs.amount(one.profile, one.intensiteit)
        if tariffs.basis == TariffBasis.TRAJECTORY:
            if one.period.start in period:
                lines.append(FamilyLine(one, Period(one.period.start, one.period.start), amount))
            continue
        part = one.period.overlap(period)
        for month in part.months() if part else ():
            share = Fraction(month.days, month_of(month.start).days)
            lines.append(FamilyLine(one, month, round_money(exact(Fraction(amount) * share))))
    return tuple(lines)


def amount_for_family(
    assignments: Sequence[Assignment], tariffs: ProfileTariffs, period: Period
) -> Decimal:
    return sum(
        (line.amount for line in family_lines(assignments, tariffs, period)), Decimal("0.00")
    )


def check_claim(
    claimed: Decimal, assignments: Sequence[Assignment], tariffs: ProfileTariffs, period: Period
) -> None:
    """A provider's claim for the family and period may not exceed the tariff: no meerwerk."""
    refuse_meerwerk(claimed, amount_for_family(assignments, tariffs, period))
