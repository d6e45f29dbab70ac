"""Due dates computed by hand (no database)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from openjeugd.pathways import deadlines


def test_brigade_skips_weekend_and_christmas():
    # Thursday 24 Dec 2026: Fri 25 (Eerste Kerstdag) and the weekend do not count;
    # Mon 28 = 1, Tue 29 = 2, Wed 30 = 3.
    assert deadlines.brigade_available_by(date(2026, 12, 24)) == date(2026, 12, 30)


def test_brigade_skips_koningsdag():
    # Friday 24 Apr 2026; Mon 27 Apr is Koningsdag: Tue 28 = 1, Wed 29 = 2, Thu 30 = 3.
    assert deadlines.brigade_available_by(date(2026, 4, 24)) == date(2026, 4, 30)


def test_brigade_plain_week():
    # Monday 9 Mar 2026: Tue, Wed, Thu.
    assert deadlines.brigade_available_by(date(2026, 3, 9)) == date(2026, 3, 12)


def test_crisis_24_hours_crosses_midnight():
    at = datetime(2026, 3, 9, 22, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert deadlines.crisis_intervention_due(at) == datetime(
        2026, 3, 10, 22, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_acuut_fourteen_days_inclusive():
    # 1 to 14 March is 14 days; 15 March would be the 15th.
    assert deadlines.acuut_last_day(date(2026, 3, 1)) == date(2026, 3, 14)
    assert deadlines.acuut_days(date(2026, 3, 1), date(2026, 3, 14)) == 14
    assert deadlines.acuut_days(date(2026, 3, 1), date(2026, 3, 15)) == 15


def test_follow_up_window_before_outflow():
    # Outflow 31 Aug 2026: from 28 Feb (31 Feb does not exist) to 31 May.
    assert deadlines.follow_up_window(date(2026, 8, 31)) == (date(2026, 2, 28),
                                                             date(2026, 5, 31))


def test_follow_up_before_18th_birthday():
    # Born 15 Jan 2009: 18 on 15 Jan 2027, follow-up clear by 15 Oct 2026.
    assert deadlines.follow_up_due_before_18(date(2009, 1, 15)) == date(2026, 10, 15)


def test_leap_day_child():
    # Born 29 Feb 2012: 16 on 29 Feb 2028 (a leap year); 18 on 28 Feb 2030 (clamped),
    # so the follow-up is due 28 Nov 2029.
    assert deadlines.toekomstplan_due(date(2012, 2, 29)) == date(2028, 2, 29)
    assert deadlines.follow_up_due_before_18(date(2012, 2, 29)) == date(2029, 11, 28)


def test_measurement_moments():
    moments = deadlines.measurement_moments(date(2026, 1, 10), date(2026, 7, 31),
                                            after_two_years=True)
    # +6 months of 31 July is 31 January; +2 years 31 July 2028.
    assert (moments.plus_6m, moments.plus_2y) == (date(2027, 1, 31), date(2028, 7, 31))
    open_care = deadlines.measurement_moments(date(2026, 1, 10), None)
    assert open_care.end is None and open_care.plus_6m is None


def test_overdue_only_after_the_due_day():
    assert not deadlines.is_overdue(date(2026, 3, 12), date(2026, 3, 12))
    assert deadlines.is_overdue(date(2026, 3, 12), date(2026, 3, 13))
