"""allowed_volume: the TR321 ceiling for one prestatie, computed by hand below."""

from datetime import date

from openjeugd.ijw.volume import allowed_volume


def test_per_week_counts_started_weeks():
    # 3 hours a week over June 2026 (30 days): ceil(30 / 7) = 5 weeks → 15 hours.
    assert allowed_volume(3, "2", date(2026, 6, 1), date(2026, 6, 30)) == 15


def test_per_day_counts_every_day():
    # 1 etmaal a day over 1–10 March: 10 days → 10.
    assert allowed_volume(1, "1", date(2026, 3, 1), date(2026, 3, 10)) == 10


def test_per_month_counts_calendar_months_touched():
    # 8 hours a month from 15 January to 10 March touches Jan, Feb, Mar → 24.
    assert allowed_volume(8, "4", date(2026, 1, 15), date(2026, 3, 10)) == 24


def test_total_is_the_volume_itself():
    assert allowed_volume(40, "6", date(2026, 1, 1), date(2026, 12, 31)) == 40
