"""Profile figures: seed-based rates, stated costs that match the products, estimates."""

from decimal import Decimal

import pytest

from openjeugd.demo.profiles import BLOCKS, estimate_population, profile_for


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.cost_per_trajectory],
                         ids=lambda b: b.key)
def test_stated_cost_per_trajectory_matches_the_products(block):
    # The mix is derived from the stated cost; the products are what is really declared.
    total_weight = sum(p.weight for p in block.products)
    mean = sum(p.expected_cost() * p.weight for p in block.products) / total_weight
    assert abs(mean - block.cost_per_trajectory) / block.cost_per_trajectory < Decimal("0.1")


def test_begeleiding_costs_what_the_comment_says():
    # 45A11: 3 hours a week (2-4) x 180 days / 7 = 25.71 weeks x EUR 68 = EUR 5,245.71
    product = next(p for p in BLOCKS[0].products if p.code == "45A11")
    assert product.expected_cost().quantize(Decimal("0.01")) == Decimal("5245.71")


def test_region_in_care_uses_the_seed_rate_of_nine_percent(nijmegen_profile):
    youths = nijmegen_profile.population_0_17
    assert nijmegen_profile.youths_in_care == round(Decimal("0.09") * youths)
    # Nijmegen is by far the largest municipality of the region, as in reality.
    largest = max(nijmegen_profile.municipalities, key=lambda m: m.population_total)
    assert largest.name == "Nijmegen"


@pytest.mark.parametrize("code", ["0268", "0944", "0123", "1999"])
def test_population_estimates_have_a_plausible_share_of_youths(code):
    total, young = estimate_population(code)
    assert 0.19 <= young / total <= 0.21
    assert estimate_population(code) == (total, young)  # the same every time


def test_a_region_without_municipalities_is_refused():
    with pytest.raises(ValueError, match="no municipalities"):
        profile_for("Leeg", [])
