"""Instalments: months weigh the same, parts of months by their days, the last takes the rest."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from openjeugd.contracts.funding.instalments import Frequency, instalments
from openjeugd.contracts.funding.periods import Period

YEAR_2028 = Period(date(2028, 1, 1), date(2028, 12, 31))
YEAR_2027 = Period(date(2027, 1, 1), date(2027, 12, 31))


def amounts(paid):
    return [instalment.amount for instalment in paid]


def test_a_whole_year_pays_twelve_equal_months_even_in_a_leap_year():
    # 120000 / 12 = 10000 a month; February's 29 days do not make it larger
    paid = instalments(Decimal("120000.00"), YEAR_2028, Frequency.MONTHLY)
    assert amounts(paid) == [Decimal("10000.00")] * 12
    assert paid[1].period == Period(date(2028, 2, 1), date(2028, 2, 29))


def test_the_rounding_remainder_goes_to_the_last_instalment():
    # 100000 / 12 = 8333.333…: eleven months of 8333.33 = 91666.63, the last pays 8333.37
    paid = instalments(Decimal("100000.00"), YEAR_2027, Frequency.MONTHLY)
    assert amounts(paid) == [Decimal("8333.33")] * 11 + [Decimal("8333.37")]


def test_a_partial_first_month_pays_its_days_of_that_month():
    # 15 Feb – 30 Apr 2028: weights 15/29, 1, 1 = 73/29.
    # Feb 1000 × 15/73 = 205.479 → 205.48; Mar 1000 × 29/73 = 397.260 → 397.26;
    # Apr takes the rest: 1000 − 205.48 − 397.26 = 397.26
    paid = instalments(
        Decimal("1000.00"), Period(date(2028, 2, 15), date(2028, 4, 30)), Frequency.MONTHLY
    )
    assert amounts(paid) == [Decimal("205.48"), Decimal("397.26"), Decimal("397.26")]


def test_quarterly():
    # 100000.01 / 4 = 25000.0025: three quarters of 25000.00, the last 25000.01
    paid = instalments(Decimal("100000.01"), YEAR_2027, Frequency.QUARTERLY)
    assert amounts(paid) == [Decimal("25000.00")] * 3 + [Decimal("25000.01")]
    assert paid[0].period == Period(date(2027, 1, 1), date(2027, 3, 31))


@given(
    st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=800),
    st.sampled_from(Frequency),
)
def test_instalments_always_add_up_to_the_amount(amount, start, length, frequency):
    period = Period(start, start + timedelta(days=length))
    paid = instalments(amount, period, frequency)
    assert sum(amounts(paid)) == amount
    assert paid[0].period.start == period.start and paid[-1].period.end == period.end
