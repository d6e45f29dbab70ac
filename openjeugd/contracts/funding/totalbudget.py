"""Limburg annual total budget (seed 002): one ceiling for the contracted providers together.

Seed 002 "Jaarlijks totaalbudget ... bepalen we vooraf per kalenderjaar door een combinatie van:
het aantal te behandelen jeugdigen dat verwacht wordt; de capaciteit ... zoals het aantal bedden;
een gemiddelde prijs per jeugdige; tariefafspraken"; "Het totaalbudget kent een budgetplafond";
"Er is geen mogelijkheid om dit budget in het lopende budgetjaar te verhogen"; "werken met een
verdeling van het totaalbudget tussen aanbieders"; "het totaalbudget voor te financieren (in
termijnen). Per kalenderjaar vindt een afrekening plaats op basis van realisatie, de voorwaarden
hiervoor werken we eveneens nog verder uit".

Where the seed leaves it open: the budget is expected youths × average price plus any further
agreed lines (capacity, tariff agreements), each a signed amount; before the year starts it may be
changed freely, during the year only lowered; at year end each provider is owed its realisation up
to its ceiling (its share when divided; when undivided and the joint realisation exceeds the
ceiling, the ceiling is divided in proportion to realisation) and settles that against what it
was prefinanced.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openjeugd.contracts.funding.buildup import BuildUp, Element
from openjeugd.contracts.funding.errors import (
    BudgetRevisionError,
    FundingError,
    NegativeAmountError,
)
from openjeugd.contracts.funding.instalments import Frequency, Instalment, instalments
from openjeugd.contracts.funding.periods import Period
from openjeugd.contracts.funding.sharing import split_by_key
from openjeugd.lib.money import round_money


def build_budget(
    expected_youths: int, average_price: Decimal, agreements: Mapping[str, Decimal] | None = None
) -> BuildUp:
    """The year's budget: expected youths × average price, then agreed lines (may be negative)."""
    if expected_youths < 0 or average_price < 0:
        raise NegativeAmountError(
            "expected_youths" if expected_youths < 0 else "average_price",
            "total budget",
            "must be ≥ 0",
        )
    base = Element("expected youths × average price", round_money(average_price * expected_youths))
    extra = tuple(Element(name, round_money(amount)) for name, amount in (agreements or {}).items())
    return BuildUp((base, *extra))


@dataclass(frozen=True)
class TotalBudget:
    year: int
    ceiling: Decimal
    shares: Mapping[str, Decimal] | None = None  # a key over providers, when divided

    def __post_init__(self):
        if self.ceiling < 0:
            raise NegativeAmountError("ceiling", "budgetplafond", f"{self.ceiling} is negative")

    @property
    def period(self) -> Period:
        return Period(date(self.year, 1, 1), date(self.year, 12, 31))

    def per_provider(self) -> dict[str, Decimal] | None:
        return None if self.shares is None else split_by_key(self.ceiling, self.shares)

    def revised(self, ceiling: Decimal, on: date) -> "TotalBudget":
        """A new ceiling decided on `on`: no raise once the budget year has begun."""
        if on >= self.period.start and ceiling > self.ceiling:
            raise BudgetRevisionError(
                "ceiling",
                "geen verhoging in het lopende budgetjaar (seed 002)",
                f"cannot raise {self.ceiling} to {ceiling} on {on}, within {self.year}",
            )
        return TotalBudget(self.year, ceiling, self.shares)

    def prefinancing(
        self, frequency: Frequency = Frequency.MONTHLY
    ) -> dict[str, tuple[Instalment, ...]]:
        """Instalments per provider (one party "all" when the budget is not divided)."""
        amounts = self.per_provider() or {"all": self.ceiling}
        return {
            party: instalments(amount, self.period, frequency) for party, amount in amounts.items()
        }


@dataclass(frozen=True)
class Settlement:
    prefinanced: Decimal
    realised: Decimal
    accepted: Decimal  # realised, capped at the ceiling

    @property
    def balance(self) -> Decimal:
        """Positive: the provider pays back; negative: the region still pays the provider."""
        return self.prefinanced - self.accepted


def settle(
    budget: TotalBudget, prefinanced: Mapping[str, Decimal], realised: Mapping[str, Decimal]
) -> dict[str, Settlement]:
    """Year-end settlement per provider on realisation, never above the ceiling."""
    for party, amount in realised.items():
        if amount < 0:
            raise NegativeAmountError(f"realised[{party}]", "settlement", f"{amount} is negative")
    providers = list(dict.fromkeys([*prefinanced, *realised]))
    accepted = _accepted(budget, {party: realised.get(party, Decimal("0")) for party in providers})
    return {
        party: Settlement(
            round_money(prefinanced.get(party, Decimal("0"))),
            round_money(realised.get(party, Decimal("0"))),
            accepted[party],
        )
        for party in providers
    }


def _accepted(budget: TotalBudget, realised: dict[str, Decimal]) -> dict[str, Decimal]:
    ceilings = budget.per_provider()
    if ceilings is not None:
        unknown = set(realised) - set(ceilings)
        if unknown:
            raise FundingError("realised", "divided budget", f"no share for {sorted(unknown)}")
        return {
            party: min(round_money(amount), ceilings[party]) for party, amount in realised.items()
        }
    total = sum(realised.values(), Decimal("0"))
    if total <= budget.ceiling:
        return {party: round_money(amount) for party, amount in realised.items()}
    return split_by_key(budget.ceiling, realised)
