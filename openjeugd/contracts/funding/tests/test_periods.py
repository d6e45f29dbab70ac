"""Periods: inclusive days, calendar-month parts, month weights (the partial-month rule)."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openjeugd.contracts.funding.errors import InvalidPeriodError
from openjeugd.contracts.funding.periods import Period, month_weight, year_share


def test_days_are_inclusive_and_february_2028_has_a_leap_day():
    assert Period(date(2028, 2, 1), date(2028, 2, 29)).days == 29
    assert Period(date(2027, 2, 1), date(2027, 2, 28)).days == 28
    assert Period(date(2028, 5, 7), date(2028, 5, 7)).days == 1  # one day: start == end


def test_months_cut_a_period_at_calendar_months():
    period = Period(date(2028, 1, 15), date(2028, 3, 10))
    assert period.months() == [
        Period(date(2028, 1, 15), date(2028, 1, 31)),
        Period(date(2028, 2, 1), date(2028, 2, 29)),
        Period(date(2028, 3, 1), date(2028, 3, 10)),
    ]


def test_quarters_cut_a_period_at_calendar_quarters():
    period = Period(date(2028, 2, 10), date(2028, 8, 5))
    assert period.quarters() == [
        Period(date(2028, 2, 10), date(2028, 3, 31)),
        Period(date(2028, 4, 1), date(2028, 6, 30)),
        Period(date(2028, 7, 1), date(2028, 8, 5)),
    ]


def test_a_part_of_a_month_weighs_its_days_over_that_months_days():
    # 15–29 February 2028 is 15 of February's 29 days
    assert month_weight(Period(date(2028, 2, 15), date(2028, 2, 29))) == Fraction(15, 29)
    # the same dates a year earlier: 15–28 February 2027 is 14 of 28 days, half a month
    assert month_weight(Period(date(2027, 2, 15), date(2027, 2, 28))) == Fraction(1, 2)
    # 15 Jan – 10 Mar 2028: 17/31 + 1 + 10/31 = 1 + 27/31 = 58/31
    assert month_weight(Period(date(2028, 1, 15), date(2028, 3, 10))) == Fraction(58, 31)


def test_a_whole_year_is_one_year_leap_or_not():
    assert year_share(Period(date(2028, 1, 1), date(2028, 12, 31))) == 1
    assert year_share(Period(date(2027, 1, 1), date(2027, 12, 31))) == 1
    # July–December is half a year however many days the months have
    assert year_share(Period(date(2028, 7, 1), date(2028, 12, 31))) == Fraction(1, 2)


def test_an_end_before_the_start_is_refused_naming_the_field():
    with pytest.raises(InvalidPeriodError) as refused:
        Period(date(2028, 3, 1), date(2028, 2, 29))
    assert refused.value.field == "end"


def test_overlap():
    a = Period(date(2028, 1, 1), date(2028, 1, 31))
    assert a.overlap(Period(date(2028, 1, 31), date(2028, 2, 5))) == Period(
        date(2028, 1, 31), date(2028, 1, 31)
    )
    assert a.overlap(Period(date(2028, 2, 1), date(2028, 2, 5))) is None


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(days, st.integers(min_value=0, max_value=1500))
def test_month_parts_cover_the_period_exactly(start, length):
    period = Period(start, start + timedelta(days=length))
    parts = period.months()
    assert sum(part.days for part in parts) == period.days
    assert parts[0].start == period.start and parts[-1].end == period.end
    assert all(part.start.month == part.end.month for part in parts)
