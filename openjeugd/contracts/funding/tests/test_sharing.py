"""Cost-sharing key: parts in proportion to the weights that add up to the cent."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openjeugd.contracts.funding.errors import SharingKeyError
from openjeugd.contracts.funding.sharing import split_by_key


def test_equal_shares_give_the_odd_cent_to_the_first_party():
    # 10000 cents / 3 = 3333.33 each: floors 3333 × 3 = 9999, one cent left, equal remainders,
    # so it goes to the first party of the key
    assert split_by_key(Decimal("100.00"), {"a": 1, "b": 1, "c": 1}) == {
        "a": Decimal("33.34"),
        "b": Decimal("33.33"),
        "c": Decimal("33.33"),
    }


def test_a_population_key_gives_left_cents_to_the_largest_remainders():
    # 100000 cents over 164 + 179 + 122 = 465 (thousand inhabitants):
    # Arnhem 35268.817, Nijmegen 38494.624, Ede 26236.559 → floors 99998, two cents left,
    # to Arnhem (.817) and Nijmegen (.624)
    parts = split_by_key(
        Decimal("1000.00"), {"Arnhem": 164_000, "Nijmegen": 179_000, "Ede": 122_000}
    )
    assert parts == {
        "Arnhem": Decimal("352.69"),
        "Nijmegen": Decimal("384.95"),
        "Ede": Decimal("262.36"),
    }


def test_a_negative_total_splits_the_same_way_with_its_sign():
    # -100.00 by 1:2 → 3333.33 and 6666.67 cents; the cent left goes to b (.67)
    parts = split_by_key(Decimal("-100.00"), {"a": 1, "b": 2})
    assert parts == {"a": Decimal("-33.33"), "b": Decimal("-66.67")}


def test_a_party_with_weight_zero_pays_nothing():
    parts = split_by_key(Decimal("10.00"), {"a": 1, "b": 0})
    assert parts == {"a": Decimal("10.00"), "b": Decimal("0.00")}


@pytest.mark.parametrize(
    ("key", "field"),
    [({}, "key"), ({"a": 0, "b": 0}, "key"), ({"a": -1, "b": 2}, "key[a]"), ({"a": 0.5}, "key[a]")],
)
def test_a_key_without_positive_weights_is_refused(key, field):
    with pytest.raises(SharingKeyError) as refused:
        split_by_key(Decimal("10.00"), key)
    assert refused.value.field == field


amounts = st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False)
keys = st.dictionaries(
    st.text(min_size=1, max_size=5), st.integers(min_value=0, max_value=10**6), min_size=1
).filter(lambda key: sum(key.values()) > 0)


@given(amounts, keys)
def test_parts_add_up_and_stay_within_a_cent_of_the_exact_share(total, key):
    parts = split_by_key(total, key)
    assert sum(parts.values()) == total
    whole = sum(key.values())
    for party, weight in key.items():
        assert abs(parts[party] - total * weight / whole) < Decimal("0.01")
