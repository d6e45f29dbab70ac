"""Tariff schedules: no overlapping periods, one eenheid, no day without a tariff."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.funding.eenheid import Eenheid
from openjeugd.contracts.funding.errors import NegativeAmountError, TariffError
from openjeugd.contracts.funding.periods import Period
from openjeugd.contracts.funding.tariffs import Tariff, TariffSchedule

UUR = Eenheid.UUR


def test_segments_cut_a_period_where_the_tariff_changes():
    schedule = TariffSchedule(
        (
            Tariff(date(2028, 7, 1), None, Decimal("88.00"), UUR),  # given out of order on purpose
            Tariff(date(2028, 1, 1), date(2028, 6, 30), Decimal("85.50"), UUR),
        )
    )
    cuts = schedule.segments(Period(date(2028, 6, 20), date(2028, 7, 10)))
    assert [(part, tariff.amount) for part, tariff in cuts] == [
        (Period(date(2028, 6, 20), date(2028, 6, 30)), Decimal("85.50")),
        (Period(date(2028, 7, 1), date(2028, 7, 10)), Decimal("88.00")),
    ]


def test_overlapping_tariff_periods_are_refused():
    with pytest.raises(TariffError) as refused:
        TariffSchedule(
            (
                Tariff(date(2028, 1, 1), date(2028, 6, 30), Decimal("85.50"), UUR),
                Tariff(date(2028, 6, 30), None, Decimal("88.00"), UUR),  # 30 June twice
            )
        )
    assert refused.value.rule == "no overlapping tariff periods"


def test_a_tariff_without_end_before_another_overlaps_it():
    with pytest.raises(TariffError):
        TariffSchedule(
            (
                Tariff(date(2028, 1, 1), None, Decimal("85.50"), UUR),
                Tariff(date(2029, 1, 1), None, Decimal("88.00"), UUR),
            )
        )


def test_one_schedule_has_one_eenheid():
    with pytest.raises(TariffError) as refused:
        TariffSchedule(
            (
                Tariff(date(2028, 1, 1), date(2028, 6, 30), Decimal("85.50"), UUR),
                Tariff(date(2028, 7, 1), None, Decimal("1.45"), Eenheid.MINUUT),
            )
        )
    assert refused.value.field == "eenheid"


def test_a_day_without_a_tariff_is_refused():
    schedule = TariffSchedule((Tariff(date(2028, 1, 1), date(2028, 6, 30), Decimal("85.50"), UUR),))
    with pytest.raises(TariffError) as refused:
        schedule.segments(Period(date(2028, 6, 30), date(2028, 7, 1)))
    assert "2028-07-01" in str(refused.value)


def test_a_negative_tariff_is_refused():
    with pytest.raises(NegativeAmountError):
        Tariff(date(2028, 1, 1), None, Decimal("-1.00"), UUR)
