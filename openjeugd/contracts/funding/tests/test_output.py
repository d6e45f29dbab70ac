"""Output / trajectory: a fixed price per result or trajectory, never more (no meerwerk)."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.funding.eenheid import Eenheid
from openjeugd.contracts.funding.errors import MeerwerkError, NegativeAmountError, WrongUnitError
from openjeugd.contracts.funding.output import (
    EarlyEnd,
    Trajectory,
    price_results,
    price_trajectory,
    refuse_meerwerk,
)
from openjeugd.contracts.funding.pxq import DebetCredit

PRICE = Decimal("4800.00")
START, PLANNED_END = date(2028, 1, 1), date(2028, 6, 30)  # 31+29+31+30+31+30 = 182 days


def trajectory(actual_end=None, result_reached=False):
    return Trajectory(PRICE, START, PLANNED_END, actual_end, result_reached)


def test_results_times_the_price_per_result():
    # 3 results (stuks output, 82) × 1250.00 = 3750.00; the credit takes it back
    assert price_results(3, Decimal("1250.00"), Eenheid.STUKS_OUTPUT) == Decimal("3750.00")
    credit = price_results(3, Decimal("1250.00"), Eenheid.STUKS_OUTPUT, DebetCredit.CREDIT)
    assert credit == Decimal("-3750.00")


def test_an_output_price_per_hour_is_refused():
    with pytest.raises(WrongUnitError):
        price_results(3, Decimal("85.50"), Eenheid.UUR)


def test_a_negative_count_is_refused():
    with pytest.raises(NegativeAmountError) as refused:
        price_results(-1, Decimal("1250.00"), Eenheid.STUKS_OUTPUT)
    assert refused.value.field == "count"


def test_a_result_reached_early_earns_the_whole_price():
    assert price_trajectory(trajectory(date(2028, 3, 31), result_reached=True)) == PRICE


def test_a_trajectory_longer_than_planned_earns_the_price_once():
    # seed 004: meerwerk (longer than estimated) cannot be charged
    assert price_trajectory(trajectory(date(2028, 12, 31))) == PRICE


def test_an_early_end_without_result_earns_the_planned_days_used():
    # ended 29 Feb 2028: 31 + 29 = 60 of 182 planned days; 4800 × 60 / 182 = 1582.4176 → 1582.42
    ended = trajectory(date(2028, 2, 29))
    assert price_trajectory(ended) == Decimal("1582.42")
    assert price_trajectory(ended, EarlyEnd.FULL) == PRICE
    assert price_trajectory(ended, EarlyEnd.NONE) == Decimal("0.00")


def test_a_running_trajectory_has_earned_nothing_yet():
    assert price_trajectory(trajectory()) == Decimal("0.00")


def test_a_credited_trajectory_is_negative():
    ended = trajectory(date(2028, 6, 30), result_reached=True)
    assert price_trajectory(ended, debet_credit=DebetCredit.CREDIT) == -PRICE


def test_an_actual_end_before_the_start_is_refused():
    with pytest.raises(ValueError, match="before it starts"):
        trajectory(date(2027, 12, 31))


def test_a_claim_above_the_price_is_meerwerk():
    refuse_meerwerk(PRICE, PRICE)  # equal is fine
    with pytest.raises(MeerwerkError) as refused:
        refuse_meerwerk(PRICE + Decimal("0.01"), PRICE)
    assert refused.value.rule == "no meerwerk (seed 004)"
