"""P×Q: volume × tariff per eenheid, minutes at hourly tariffs, tariff changes, credits, etmalen."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openjeugd.contracts.funding.eenheid import Eenheid
from openjeugd.contracts.funding.errors import (
    InvalidPeriodError,
    NegativeAmountError,
    WrongUnitError,
)
from openjeugd.contracts.funding.periods import Period
from openjeugd.contracts.funding.pxq import (
    DebetCredit,
    PxQLine,
    Stay,
    etmalen,
    minute_tariff,
    price_line,
    price_stay,
)
from openjeugd.contracts.funding.tariffs import Tariff, TariffSchedule

FEB_2028 = Period(date(2028, 2, 1), date(2028, 2, 29))
MAR_2028 = Period(date(2028, 3, 1), date(2028, 3, 31))


def hourly(amount="85.50"):
    return TariffSchedule((Tariff(date(2028, 1, 1), None, Decimal(amount), Eenheid.UUR),))


def changing(first, second, change: date, eenheid=Eenheid.UUR):
    return TariffSchedule(
        (
            Tariff(date(2027, 1, 1), change - timedelta(days=1), Decimal(first), eenheid),
            Tariff(change, None, Decimal(second), eenheid),
        )
    )


def test_hours_times_the_hourly_tariff():
    # 16 hours × € 85,50 = € 1368,00
    line = PxQLine(FEB_2028, Decimal(16), Eenheid.UUR)
    assert price_line(line, hourly()).total == Decimal("1368.00")


def test_minutes_at_an_hourly_tariff_multiply_first_and_round_once():
    # IV081: (85.50 × 95) / 60 = 135.375 → 135.38; the per-minute tariff shown is
    # 85.50 / 60 = 1.425 → 1.43, and 95 × 1.43 = 135.85 would be wrong
    line = PxQLine(FEB_2028, Decimal(95), Eenheid.MINUUT)
    assert price_line(line, hourly()).total == Decimal("135.38")
    assert minute_tariff(Decimal("85.50")) == Decimal("1.43")


def test_a_tariff_change_mid_month_splits_the_volume_by_days_over_the_leap_day():
    # 1740 minutes = 29 hours over February 2028 (29 days): 1 hour a day.
    # 1–14 Feb at 85.50: 14 h → 1197.00; 15–29 Feb at 90.00: 15 h → 1350.00; total 2547.00
    line = PxQLine(FEB_2028, Decimal(1740), Eenheid.MINUUT)
    priced = price_line(line, changing("85.50", "90.00", date(2028, 2, 15)))
    assert [(part.period, part.amount) for part in priced.parts] == [
        (Period(date(2028, 2, 1), date(2028, 2, 14)), Decimal("1197.00")),
        (Period(date(2028, 2, 15), date(2028, 2, 29)), Decimal("1350.00")),
    ]
    assert priced.total == Decimal("2547.00")


def test_each_part_of_a_split_line_is_rounded_once():
    # 7 hours over 28 Feb – 1 Mar 2028 (3 days), tariff 85.55 then 90.10 from 1 March:
    # 28–29 Feb: 7 × 2/3 h × 85.55 = 399.2333 → 399.23; 1 Mar: 7/3 h × 90.10 = 210.2333 → 210.23
    line = PxQLine(Period(date(2028, 2, 28), date(2028, 3, 1)), Decimal(7), Eenheid.UUR)
    priced = price_line(line, changing("85.55", "90.10", date(2028, 3, 1)))
    assert [part.amount for part in priced.parts] == [Decimal("399.23"), Decimal("210.23")]
    assert priced.total == Decimal("609.46")


def test_a_credit_line_takes_back_the_debet_line():
    # COD043 C / IV091: the same line with DebetCredit C, volume positive, amount negative
    debet = PxQLine(FEB_2028, Decimal(16), Eenheid.UUR)
    credit = PxQLine(FEB_2028, Decimal(16), Eenheid.UUR, DebetCredit.CREDIT)
    assert price_line(credit, hourly()).total == Decimal("-1368.00")
    assert price_line(debet, hourly()).total + price_line(credit, hourly()).total == 0


def test_a_credit_split_by_a_tariff_change_mirrors_its_debet():
    schedule = changing("85.50", "90.00", date(2028, 2, 15))
    credit = PxQLine(FEB_2028, Decimal(1740), Eenheid.MINUUT, DebetCredit.CREDIT)
    assert [part.amount for part in price_line(credit, schedule).parts] == [
        Decimal("-1197.00"),
        Decimal("-1350.00"),
    ]


def test_a_negative_volume_is_refused_a_correction_is_a_credit_line():
    with pytest.raises(NegativeAmountError) as refused:
        PxQLine(FEB_2028, Decimal(-2), Eenheid.UUR)
    assert refused.value.field == "volume"
    assert "credit" in str(refused.value)


@pytest.mark.parametrize(
    ("volume_unit", "tariff_unit"),
    [
        (Eenheid.DAGDEEL, Eenheid.UUR),  # a dagdeel is 4 hours, yet IV081 allows no conversion
        (Eenheid.UUR, Eenheid.MINUUT),  # only minutes at an hourly tariff, not the reverse
        (Eenheid.ETMAAL, Eenheid.UUR),
        (Eenheid.STUKS_INSPANNING, Eenheid.STUKS_OUTPUT),
    ],
)
def test_a_volume_in_another_unit_than_the_tariff_is_refused(volume_unit, tariff_unit):
    schedule = TariffSchedule((Tariff(date(2028, 1, 1), None, Decimal("10.00"), tariff_unit),))
    with pytest.raises(WrongUnitError) as refused:
        price_line(PxQLine(FEB_2028, Decimal(3), volume_unit), schedule)
    assert refused.value.rule == "IV081/OP267"


def test_dagdelen_at_a_dagdeel_tariff():
    # 6 dagdelen × € 140,00 = € 840,00
    schedule = TariffSchedule((Tariff(date(2028, 1, 1), None, Decimal("140.00"), Eenheid.DAGDEEL),))
    line = PxQLine(FEB_2028, Decimal(6), Eenheid.DAGDEEL)
    assert price_line(line, schedule).total == Decimal("840.00")


# Etmalen: the admission day counts, the departure day does not; one-day stay is one etmaal.


def test_etmalen_of_a_stay_across_the_leap_day_split_by_month():
    stay = Stay(date(2028, 2, 27), date(2028, 3, 2))
    assert etmalen(stay, FEB_2028) == 3  # 27, 28 and 29 February
    assert etmalen(stay, MAR_2028) == 1  # 1 March; the departure day 2 March does not count
    # together (2 March − 27 February) = 4 nights in a leap year


def test_a_stay_of_one_day_is_one_etmaal():
    assert etmalen(Stay(date(2028, 2, 29), date(2028, 2, 29)), FEB_2028) == 1


def test_a_running_stay_counts_up_to_the_last_day_of_the_period():
    assert etmalen(Stay(date(2028, 2, 20)), FEB_2028) == 10  # 20 … 29 February


def test_a_stay_that_left_on_the_first_of_the_month_has_no_etmaal_in_it():
    assert etmalen(Stay(date(2028, 1, 20), date(2028, 2, 1)), FEB_2028) == 0


def test_a_stay_is_priced_at_the_etmaaltarief_of_each_night():
    # Driemilieus (seed 000): 450.00 in 2027, indexed to 468.00 from 1 January 2028.
    # Stay 30 Dec 2027 – departure 3 Jan 2028: 30, 31 Dec at 450 = 900.00; 1, 2 Jan at 468 = 936.00
    schedule = changing("450.00", "468.00", date(2028, 1, 1), Eenheid.ETMAAL)
    period = Period(date(2027, 12, 1), date(2028, 1, 31))
    priced = price_stay(Stay(date(2027, 12, 30), date(2028, 1, 3)), period, schedule)
    assert [part.amount for part in priced.parts] == [Decimal("900.00"), Decimal("936.00")]
    assert priced.total == Decimal("1836.00")


def test_a_credited_stay_is_negative():
    schedule = changing("450.00", "468.00", date(2028, 1, 1), Eenheid.ETMAAL)
    stay = Stay(date(2028, 2, 27), date(2028, 3, 2))
    # 3 February etmalen × 468.00 = 1404.00, taken back
    priced = price_stay(stay, FEB_2028, schedule, DebetCredit.CREDIT)
    assert priced.total == Decimal("-1404.00")


def test_a_stay_is_not_priced_at_an_hourly_tariff():
    with pytest.raises(WrongUnitError):
        price_stay(Stay(date(2028, 2, 1)), FEB_2028, hourly())


def test_a_departure_before_the_admission_is_refused():
    with pytest.raises(InvalidPeriodError) as refused:
        Stay(date(2028, 3, 2), date(2028, 3, 1))
    assert refused.value.field == "departure"


days = st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31))


@given(days, st.integers(0, 400), st.integers(0, 400))
def test_etmalen_of_consecutive_periods_add_up_to_the_whole(admission, length, cut):
    stay = Stay(admission, admission + timedelta(days=length))
    whole = Period(admission - timedelta(days=5), admission + timedelta(days=length + 5))
    split = whole.start + timedelta(days=cut % whole.days)
    before = Period(whole.start, split - timedelta(days=1)) if split > whole.start else None
    after = Period(split, whole.end)
    counted = (etmalen(stay, before) if before else 0) + etmalen(stay, after)
    assert counted == etmalen(stay, whole) == max(length, 1)
