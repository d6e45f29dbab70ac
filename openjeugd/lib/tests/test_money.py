"""round_money: to the cent, halves away from zero (IV081: 1,455 → 1,46; 1,454 → 1,45).

Pure: no Django, no database.
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openjeugd.lib.money import round_money


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1.455"), Decimal("1.46")),  # the example of IV081
        (Decimal("1.454"), Decimal("1.45")),  # idem
        (Decimal("1.445"), Decimal("1.45")),  # half-even (Python's default) would give 1.44
        (Decimal("-1.455"), Decimal("-1.46")),  # a credit rounds the same way, away from zero
        (Decimal("85.50") * 16, Decimal("1368.00")),  # 16 hours at € 85,50
        # 95 minutes at € 85,50 an hour: 85.50 × 95 / 60 = 135.375 → 135.38 (IV081 / TR346)
        (Decimal("85.50") * 95 / 60, Decimal("135.38")),
        (7, Decimal("7.00")),
    ],
)
def test_rounds_to_the_cent_halves_away_from_zero(value, expected):
    rounded = round_money(value)
    assert rounded == expected
    assert rounded.as_tuple().exponent == -2  # always two decimals, as the messages carry


@pytest.mark.parametrize("value", [1.455, "1.455", None])
def test_refuses_what_is_not_an_exact_amount(value):
    with pytest.raises(TypeError):
        round_money(value)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=6, allow_nan=False))
def test_never_moves_more_than_half_a_cent_and_is_idempotent(value):
    rounded = round_money(value)
    assert abs(rounded - value) <= Decimal("0.005")
    assert round_money(rounded) == rounded


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_halves_go_away_from_zero(cents_times_ten):
    # A value with a third decimal of exactly 5 (x.xx5) always moves away from zero.
    value = Decimal(cents_times_ten * 10 + 5).scaleb(-3)
    rounded = round_money(value)
    assert abs(rounded) > abs(value)
    assert rounded == value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
