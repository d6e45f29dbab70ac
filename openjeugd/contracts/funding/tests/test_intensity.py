"""Intensity model: an etmaaltarief from normed cost elements, shown with its build-up."""

from decimal import Decimal

import pytest

from openjeugd.contracts.funding.errors import FundingError
from openjeugd.contracts.funding.intensity import GroupNorms, intensity_tariff, intensity_tariffs

NORMS = GroupNorms(
    places=8,
    occupancy=Decimal("0.90"),
    cost_per_fte=Decimal("70000"),
    overhead_rate=Decimal("0.20"),
    housing_per_place=Decimal("12000"),
    other_per_place=Decimal("3000"),
)
# billable etmalen a year: 8 places × 0.90 × 365 = 2628


def test_the_tariff_is_the_sum_of_its_elements():
    # 10 FTE: staff 700,000 / 2628 = 266.362 → 266.36; overhead 20 % of 266.362 = 53.272 → 53.27;
    # housing 8 × 12,000 / 2628 = 36.530 → 36.53; other 8 × 3,000 / 2628 = 9.132 → 9.13
    build_up = intensity_tariff(NORMS, Decimal("10"))
    assert [(element.name, element.amount) for element in build_up.elements] == [
        ("staff", Decimal("266.36")),
        ("overhead", Decimal("53.27")),
        ("housing", Decimal("36.53")),
        ("other", Decimal("9.13")),
    ]
    assert build_up.total == Decimal("365.29")


def test_more_supervision_gives_a_higher_tariff_from_the_same_norms():
    # 14 FTE: staff 980,000 / 2628 = 372.907 → 372.91; overhead 74.581 → 74.58; housing and
    # other as before: 372.91 + 74.58 + 36.53 + 9.13 = 493.15
    tariffs = intensity_tariffs(NORMS, {"midden": Decimal("10"), "hoog": Decimal("14")})
    assert tariffs["midden"].total == Decimal("365.29")
    assert tariffs["hoog"].total == Decimal("493.15")
    assert tariffs["hoog"].amount_of("housing") == tariffs["midden"].amount_of("housing")


@pytest.mark.parametrize(
    ("change", "field"),
    [({"places": 0}, "places"), ({"occupancy": Decimal("0")}, "occupancy")],
)
def test_impossible_norms_are_refused(change, field):
    values = {**NORMS.__dict__, **change}
    with pytest.raises(FundingError) as refused:
        GroupNorms(**values)
    assert refused.value.field == field


def test_negative_staff_is_refused():
    with pytest.raises(FundingError) as refused:
        intensity_tariff(NORMS, Decimal("-1"))
    assert refused.value.field == "staff_fte"
