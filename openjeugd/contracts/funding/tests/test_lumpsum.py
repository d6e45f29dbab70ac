"""Task-based lump sum: a budget per task and population, parts of years, instalments."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.funding.errors import FundingError, InvalidPeriodError
from openjeugd.contracts.funding.instalments import Frequency
from openjeugd.contracts.funding.lumpsum import Task, budget_for, schedule
from openjeugd.contracts.funding.periods import Period


def amounts(paid):
    return [instalment.amount for instalment in paid]


def test_a_budget_per_inhabitant_plus_a_fixed_sum_less_the_efficiency_discount():
    # seed 003: one SLT for about 50,000 inhabitants; 150,000 + 50,000 × 61.20 = 3,210,000.00;
    # an efficiëntiekorting of 2 % leaves 3,210,000 × 0.98 = 3,145,800.00
    slt = Task(
        "SLT Breda-Noord",
        population=50_000,
        per_inhabitant=Decimal("61.20"),
        fixed=Decimal("150000"),
        efficiency_discount=Decimal("0.02"),
    )
    assert slt.annual_budget == Decimal("3145800.00")
    # a whole year in twelve equal months: 3,145,800 / 12 = 262,150.00
    year = Period(date(2028, 1, 1), date(2028, 12, 31))
    assert amounts(schedule(slt, year, Frequency.MONTHLY)) == [Decimal("262150.00")] * 12


def test_a_partial_year_starting_mid_march():
    # 6,000 inhabitants × 62.00 = 372,000.00 a year, 31,000.00 a month.
    # From 15 March 2028: March pays 17 of 31 days = 17,000.00, then 9 whole months:
    # 17,000 + 9 × 31,000 = 296,000.00
    task = Task("SLT Altena", population=6_000, per_inhabitant=Decimal("62.00"))
    rest_of_year = Period(date(2028, 3, 15), date(2028, 12, 31))
    assert budget_for(task, rest_of_year) == Decimal("296000.00")
    paid = amounts(schedule(task, rest_of_year, Frequency.MONTHLY))
    assert paid == [Decimal("17000.00")] + [Decimal("31000.00")] * 9


def test_a_part_of_february_weighs_its_days_leap_year_or_not():
    # 348,000 a year is 29,000 a month. 15–29 Feb 2028: 15 of 29 days → 15,000.00;
    # 15–28 Feb 2027: 14 of 28 days → 14,500.00
    task = Task("crisis service", fixed=Decimal("348000"))
    assert budget_for(task, Period(date(2028, 2, 15), date(2028, 2, 29))) == Decimal("15000.00")
    assert budget_for(task, Period(date(2027, 2, 15), date(2027, 2, 28))) == Decimal("14500.00")


def test_a_crisis_service_paid_quarterly_for_half_a_year():
    # seed 001: the crisis service is paid lump sum; 1,000,000 a year, July–December is half:
    # 500,000.00 in two quarters of 250,000.00
    task = Task("crisisdienst", fixed=Decimal("1000000"))
    half = Period(date(2028, 7, 1), date(2028, 12, 31))
    assert amounts(schedule(task, half, Frequency.QUARTERLY)) == [Decimal("250000.00")] * 2


def test_the_rounding_remainder_is_paid_with_the_last_instalment():
    # 100,000 / 12 = 8,333.333…: eleven times 8,333.33 and a last 8,333.37
    task = Task("SLT Oosterhout", fixed=Decimal("100000"))
    paid = amounts(schedule(task, Period(date(2027, 1, 1), date(2027, 12, 31)), Frequency.MONTHLY))
    assert paid[-1] == Decimal("8333.37") and sum(paid) == Decimal("100000.00")


def test_a_period_across_two_budget_years_is_refused():
    task = Task("SLT Drimmelen-Geertruidenberg", fixed=Decimal("100000"))
    with pytest.raises(InvalidPeriodError) as refused:
        budget_for(task, Period(date(2027, 12, 1), date(2028, 1, 31)))
    assert refused.value.rule == "one budget year"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"population": -1}, "population"),
        ({"per_inhabitant": Decimal("-0.01")}, "per_inhabitant"),
        ({"efficiency_discount": Decimal("1")}, "efficiency_discount"),
    ],
)
def test_bad_task_input_is_refused(kwargs, field):
    with pytest.raises(FundingError) as refused:
        Task("SLT", **kwargs)
    assert refused.value.field == field
