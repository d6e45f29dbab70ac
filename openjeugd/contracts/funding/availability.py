"""Availability funding: an FTE calculation, and places held available and paid jointly.

Seed 000 §14.1 "Er is gekozen voor een beschikbaarheidsbekostiging, opgebouwd uit een
fte-berekening. De drie in te richten mobiele brigades (drie clusters in de G7)"; §14.2 integrale
zorg "Beschikbaarheid op basis van 9 fte totaal"; JeugdzorgPlus "zoveel mogelijk gebaseerd op het
principe van 'de gebruiker betaalt' (etmaaltarief). De G7 dragen echter gezamenlijk de kosten voor
het beschikbaar houden van de benodigde JeugdzorgPlus plekken".

The seed gives no formula. An FTE calculation is FTE × normed annual cost per FTE per role, plus
overhead as a fraction of those staff costs, plus other annual costs. Held places: each region
pays its own etmalen at the etmaaltarief; the etmalen left empty are paid by all regions together
by the cost-sharing key (sharing.split_by_key).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from openjeugd.contracts.funding.buildup import BuildUp, Element
from openjeugd.contracts.funding.errors import FundingError, NegativeAmountError
from openjeugd.contracts.funding.periods import Period, exact, year_share
from openjeugd.contracts.funding.sharing import split_by_key
from openjeugd.lib.money import round_money


@dataclass(frozen=True)
class FteLine:
    role: str
    fte: Decimal
    cost_per_fte: Decimal  # normed annual cost of one FTE


@dataclass(frozen=True)
class FteCalculation:
    name: str  # e.g. a mobile brigade cluster
    lines: tuple[FteLine, ...]
    overhead_rate: Decimal = Decimal("0")  # a fraction of the staff costs
    other_costs: Decimal = Decimal("0")  # annual, e.g. travel and materials

    def __post_init__(self):
        for line in self.lines:
            _not_negative(f"lines[{line.role}].fte", line.fte)
            _not_negative(f"lines[{line.role}].cost_per_fte", line.cost_per_fte)
        _not_negative("overhead_rate", self.overhead_rate)
        _not_negative("other_costs", self.other_costs)

    @property
    def fte(self) -> Decimal:
        return sum((line.fte for line in self.lines), Decimal("0"))

    def annual(self) -> BuildUp:
        """The annual amount, role by role, then overhead and other costs."""
        staff = [
            Element(line.role, round_money(line.fte * line.cost_per_fte)) for line in self.lines
        ]
        staff_cost = sum((element.amount for element in staff), Decimal("0"))
        overhead = Element("overhead", round_money(staff_cost * self.overhead_rate))
        return BuildUp((*staff, overhead, Element("other costs", round_money(self.other_costs))))

    def for_period(self, period: Period) -> Decimal:
        """The part of the annual amount a period earns (periods.year_share)."""
        return round_money(exact(year_share(period) * Fraction(self.annual().total)))


@dataclass(frozen=True)
class PlacesBill:
    usage: Decimal  # own etmalen × etmaaltarief: "de gebruiker betaalt"
    vacancy_share: Decimal  # its part of the empty places held for all

    @property
    def total(self) -> Decimal:
        return self.usage + self.vacancy_share


@dataclass(frozen=True)
class HeldPlaces:
    places: int
    etmaaltarief: Decimal

    def __post_init__(self):
        _not_negative("places", self.places)
        _not_negative("etmaaltarief", self.etmaaltarief)

    def capacity(self, period: Period) -> int:
        """Etmalen held available: every place, every day of the period."""
        return self.places * period.days

    def bills(
        self, period: Period, used: Mapping[str, int], key: Mapping[str, Decimal | int]
    ) -> dict[str, PlacesBill]:
        """Each party's usage and share of the empty etmalen; together they pay the capacity."""
        for party, etmalen in used.items():
            _not_negative(f"used[{party}]", etmalen)
        empty = self.capacity(period) - sum(used.values())
        if empty < 0:
            raise FundingError(
                "used",
                "held places",
                f"{sum(used.values())} etmalen used exceed the {self.capacity(period)} held",
            )
        shares = split_by_key(self.etmaaltarief * empty, key)
        parties = list(dict.fromkeys([*key, *used]))
        return {
            party: PlacesBill(
                round_money(self.etmaaltarief * used.get(party, 0)),
                shares.get(party, Decimal("0.00")),
            )
            for party in parties
        }


def _not_negative(field: str, value) -> None:
    if isinstance(value, float) or value < 0:
        raise NegativeAmountError(field, "availability", f"{value!r} must be a Decimal ≥ 0")
