"""commitment.value without a database: each amount computed by hand in the comment."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.commitment import Assignment, Price, value

HOUR, MINUTE, ETMAAL, EURO = "04", "01", "14", "83"


def price(amount, eenheid=HOUR, valid_from=date(2020, 1, 1), valid_until=None):
    return Price(valid_from, valid_until, Decimal(amount), eenheid)


def assignment(volume, frequentie, eenheid=HOUR, start=date(2026, 1, 1),
               end=date(2026, 12, 31), budget=None):
    return Assignment(start, end, volume, eenheid, frequentie, budget)


def test_per_week_over_a_whole_february():
    # 4 h a week = 4/7 h a day; February 2026 has 28 days: 16 h x EUR 85.50 = EUR 1,368.00.
    four_a_week = assignment(4, "2")
    assert value(four_a_week, [price("85.50")], date(2026, 2, 1), date(2026, 2, 28)) \
        == Decimal("1368.00")


def test_per_month_partial_month_counts_its_share_of_the_days():
    # 10 h a month; 15-31 January is 17 of 31 days: 170/31 h x EUR 60 = EUR 329.0322... ->
    # EUR 329.03.
    monthly = assignment(10, "4")
    assert value(monthly, [price("60.00")], date(2026, 1, 15), date(2026, 1, 31)) \
        == Decimal("329.03")


def test_leap_day_makes_a_february_day_a_smaller_share():
    # 10 etmalen a month at EUR 100. 1-14 February 2028 (leap year, 29 days): 140/29 etmaal
    # = EUR 482.7586... -> EUR 482.76. The same days of February 2027 (28 days): 5 etmalen
    # = EUR 500.00.
    leap = assignment(10, "4", ETMAAL, date(2028, 1, 1), date(2028, 12, 31))
    plain = assignment(10, "4", ETMAAL, date(2027, 1, 1), date(2027, 12, 31))
    tariff = [price("100.00", ETMAAL)]
    assert value(leap, tariff, date(2028, 2, 1), date(2028, 2, 14)) == Decimal("482.76")
    assert value(plain, tariff, date(2027, 2, 1), date(2027, 2, 14)) == Decimal("500.00")


def test_per_day_over_the_leap_day():
    # 1 etmaal a day, 28 February - 1 March 2028 is 3 days (29 February counts): 3 x EUR 150.
    daily = assignment(1, "1", ETMAAL, date(2028, 1, 1), date(2028, 12, 31))
    assert value(daily, [price("150.00", ETMAAL)], date(2028, 2, 28), date(2028, 3, 1)) \
        == Decimal("450.00")


def test_tariff_change_mid_period_prices_each_day_at_its_tariff():
    # 1 etmaal a day from 20 December 2026 to 10 January 2027; EUR 200 in 2026, indexed 3 %
    # to EUR 206 in 2027: 12 days x 200 + 10 days x 206 = 2,400 + 2,060 = EUR 4,460.00.
    stay = assignment(1, "1", ETMAAL, date(2026, 12, 20), date(2027, 1, 10))
    tariffs = [price("200.00", ETMAAL, date(2026, 1, 1), date(2026, 12, 31)),
               price("206.00", ETMAAL, date(2027, 1, 1))]
    assert value(stay, tariffs, date(2026, 1, 1), date(2027, 12, 31)) == Decimal("4460.00")


def test_minutes_on_an_hour_tariff():
    # 90 minutes a week, one week: 1.5 h x EUR 80 = EUR 120.00.
    minutes = assignment(90, "2", MINUTE)
    assert value(minutes, [price("80.00")], date(2026, 3, 2), date(2026, 3, 8)) \
        == Decimal("120.00")


def test_total_volume_spread_over_the_toewijzing():
    # 100 h in total, 1 January - 10 April 2026 = 31 + 28 + 31 + 10 = 100 days: 1 h a day.
    # March: 31 h x EUR 50 = EUR 1,550.00.
    total = assignment(100, "6", start=date(2026, 1, 1), end=date(2026, 4, 10))
    assert value(total, [price("50.00")], date(2026, 3, 1), date(2026, 3, 31)) \
        == Decimal("1550.00")


def test_budget_toewijzing_spread_over_its_days():
    # EUR 3,650 over 2026 (365 days) = EUR 10 a day; January: 31 x 10 = EUR 310.00. No
    # tariff needed: the budget is in euros.
    budget = assignment(None, "", EURO, budget=Decimal("3650.00"))
    assert value(budget, [], date(2026, 1, 1), date(2026, 1, 31)) == Decimal("310.00")


def test_half_a_cent_rounds_up():
    # 1 unit in total over 2 days at EUR 0.01: one day is EUR 0.005 -> EUR 0.01
    # (ROUND_HALF_UP; banker's rounding would give 0.00).
    tiny = assignment(1, "6", start=date(2026, 1, 1), end=date(2026, 1, 2))
    assert value(tiny, [price("0.01")], date(2026, 1, 1), date(2026, 1, 1)) == Decimal("0.01")


def test_window_outside_the_toewijzing_is_worth_nothing():
    ended = assignment(4, "2", end=date(2026, 1, 31))
    assert value(ended, [price("85.50")], date(2026, 2, 1), date(2026, 12, 31)) \
        == Decimal("0.00")


def test_open_ended_toewijzing_runs_to_the_window_end():
    # No einddatum: 1 etmaal a day at EUR 100 until the window's end, 1-10 June: EUR 1,000.
    open_ended = Assignment(date(2026, 1, 1), None, 1, ETMAAL, "1")
    assert value(open_ended, [price("100.00", ETMAAL)], date(2026, 6, 1), date(2026, 6, 10)) \
        == Decimal("1000.00")


def test_refuses_what_it_cannot_value():
    with pytest.raises(ValueError, match="einddatum"):
        value(Assignment(date(2026, 1, 1), None, 10, HOUR, "6"), [price("1.00")],
              date(2026, 1, 1), date(2026, 1, 31))
    with pytest.raises(ValueError, match="no tariff"):
        value(assignment(1, "1"), [price("1.00", valid_until=date(2025, 12, 31))],
              date(2026, 1, 1), date(2026, 1, 31))
    with pytest.raises(ValueError, match="cannot be priced"):
        value(assignment(1, "1", ETMAAL), [price("1.00")], date(2026, 1, 1), date(2026, 1, 1))
