"""Intensity model: an etmaaltarief built from normed cost elements, with its build-up.

Seed 000 §14.2 "het 'intensiteitenmodel' ... ruimte ontstaat om voor voorzieningen met een
verschillende begeleidingsintensiteit een ander tarief te hanteren. Het intensiteitenmodel werkt
met genormeerde kostprijselementen" and "ten aanzien van de huisvestingscomponent (norm)".

The seed names the elements but not the formula. Ours: a group has a number of places filled at a
normed occupancy (bezettingsnorm) over a normed year of 365 days, which gives the etmalen that
carry the group's annual costs. Staff is the intensity's FTE per group × the normed cost per FTE;
overhead a fraction of staff; housing and other costs per place. Each element is an amount per
etmaal to the cent and the tariff is their sum (buildup.BuildUp), so the screen adds up.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from openjeugd.contracts.funding.buildup import BuildUp, Element
from openjeugd.contracts.funding.errors import FundingError
from openjeugd.contracts.funding.periods import exact
from openjeugd.lib.money import round_money

NORM_YEAR_DAYS = 365  # a normed year: a tariff does not change in a leap year


@dataclass(frozen=True)
class GroupNorms:
    places: int
    occupancy: Decimal  # bezettingsnorm, a fraction: 0.90 is 90 %
    cost_per_fte: Decimal  # normed annual cost of one FTE of group staff
    overhead_rate: Decimal  # a fraction of the staff costs
    housing_per_place: Decimal  # annual housing norm per place
    other_per_place: Decimal = Decimal("0")  # annual: food, activities, materials

    def __post_init__(self):
        if self.places <= 0:
            raise FundingError("places", "intensity model", "a group has at least one place")
        if not 0 < self.occupancy <= 1:
            raise FundingError(
                "occupancy", "intensity model", f"{self.occupancy} must be in (0, 1]"
            )
        for field in ("cost_per_fte", "overhead_rate", "housing_per_place", "other_per_place"):
            if getattr(self, field) < 0:
                raise FundingError(field, "intensity model", "must be ≥ 0")

    @property
    def etmalen(self) -> Fraction:
        """The etmalen a group bills in a normed year."""
        return self.places * Fraction(self.occupancy) * NORM_YEAR_DAYS


def intensity_tariff(norms: GroupNorms, staff_fte: Decimal) -> BuildUp:
    """The etmaaltarief for a group with `staff_fte` FTE, element by element."""
    if staff_fte < 0:
        raise FundingError("staff_fte", "intensity model", f"{staff_fte} must be ≥ 0")
    staff = Fraction(staff_fte) * Fraction(norms.cost_per_fte) / norms.etmalen
    per_place = norms.places / norms.etmalen
    return BuildUp(
        (
            _element("staff", staff),
            _element("overhead", staff * Fraction(norms.overhead_rate)),
            _element("housing", Fraction(norms.housing_per_place) * per_place),
            _element("other", Fraction(norms.other_per_place) * per_place),
        )
    )


def intensity_tariffs(
    norms: GroupNorms, staff_by_level: Mapping[str, Decimal]
) -> dict[str, BuildUp]:
    """One tariff per intensity level, from the same norms."""
    return {level: intensity_tariff(norms, fte) for level, fte in staff_by_level.items()}


def _element(name: str, amount: Fraction) -> Element:
    return Element(name, round_money(exact(amount)))
