"""Dutch working days and iJw deadlines; every expected date worked out by hand from a calendar."""

from datetime import date

import pytest

from openjeugd.lib.workdays import (
    add_working_days,
    deadline_for,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 4, 16), True),  # an ordinary Wednesday
        (date(2025, 4, 19), False),  # Saturday
        (date(2025, 4, 20), False),  # Sunday (and Eerste Paasdag)
        (date(2025, 4, 18), False),  # Goede Vrijdag, a holiday in the `holidays` calendar
        (date(2025, 4, 21), False),  # Tweede Paasdag (Monday)
        (date(2025, 4, 26), False),  # Koningsdag 2025: 27 April is a Sunday, so it moves to Sat 26
        (date(2025, 4, 28), True),  # the Monday after: 27/28 April are not holidays in 2025
        (date(2026, 4, 27), False),  # Koningsdag 2026 falls on a Monday
        (date(2025, 5, 5), False),  # Bevrijdingsdag, a day off in the lustrum year 2025
        (date(2026, 5, 5), True),  # ...but not in 2026 (a Tuesday)
        (date(2025, 5, 29), False),  # Hemelvaartsdag (Thursday)
        (date(2025, 5, 30), True),  # the Friday after Ascension is a normal working day
        (date(2025, 6, 9), False),  # Tweede Pinksterdag (Monday)
        (date(2025, 12, 25), False),  # Eerste Kerstdag
        (date(2025, 12, 26), False),  # Tweede Kerstdag
        (date(2025, 12, 24), True),  # Christmas Eve is a working day
        (date(2026, 1, 1), False),  # Nieuwjaarsdag
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


def test_add_working_days_across_easter():
    # Received Thu 17 April 2025. Fri 18 (Goede Vrijdag), Sat 19, Sun 20 (Pasen), Mon 21
    # (Tweede Paasdag) do not count: Tue 22 = 1, Wed 23 = 2, Thu 24 = 3.
    assert add_working_days(date(2025, 4, 17), 3) == date(2025, 4, 24)


def test_add_working_days_across_kings_day_on_monday():
    # Received Fri 24 April 2026. Sat 25, Sun 26, Mon 27 (Koningsdag) skipped: Tue 28 = 1,
    # Wed 29 = 2, Thu 30 = 3.
    assert add_working_days(date(2026, 4, 24), 3) == date(2026, 4, 30)


def test_kings_day_on_saturday_costs_no_working_day():
    # Received Fri 25 April 2025; Koningsdag is Sat 26 so only the weekend is skipped:
    # Mon 28 = 1, Tue 29 = 2, Wed 30 = 3.
    assert add_working_days(date(2025, 4, 25), 3) == date(2025, 4, 30)


def test_add_working_days_across_pentecost():
    # Received Fri 6 June 2025. Sat 7, Sun 8 (Pinksteren), Mon 9 (Tweede Pinksterdag) skipped:
    # Tue 10 = 1, Wed 11 = 2, Thu 12 = 3, Fri 13 = 4, Mon 16 = 5.
    assert add_working_days(date(2025, 6, 6), 5) == date(2025, 6, 16)


def test_add_working_days_across_christmas_and_new_year():
    # Received Tue 23 Dec 2025. Wed 24 = 1; Thu 25, Fri 26 (Kerst), Sat 27, Sun 28 skipped;
    # Mon 29 = 2, Tue 30 = 3, Wed 31 = 4; Thu 1 Jan (Nieuwjaar) skipped; Fri 2 Jan = 5,
    # Mon 5 = 6, Tue 6 = 7, Wed 7 = 8, Thu 8 = 9, Fri 9 Jan 2026 = 10.
    assert add_working_days(date(2025, 12, 23), 10) == date(2026, 1, 9)


def test_receipt_on_weekend_starts_counting_on_monday():
    # Received Sat 15 Nov 2025: Mon 17 = 1, Tue 18 = 2, Wed 19 = 3.
    assert add_working_days(date(2025, 11, 15), 3) == date(2025, 11, 19)


def test_zero_and_negative_working_days():
    assert add_working_days(date(2025, 4, 19), 0) == date(2025, 4, 19)
    # Back from Tue 22 April 2025: Mon 21 (Tweede Paasdag), Sun, Sat, Fri 18 (Goede Vrijdag)
    # skipped, Thu 17 = -1.
    assert add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 17)


def test_working_days_between():
    # After Thu 17 April 2025 up to and including Thu 24: Tue 22, Wed 23, Thu 24 = 3.
    assert working_days_between(date(2025, 4, 17), date(2025, 4, 24)) == 3
    assert working_days_between(date(2025, 4, 24), date(2025, 4, 17)) == -3
    assert working_days_between(date(2025, 4, 17), date(2025, 4, 17)) == 0
    # Sat 26 April 2025 to Sun 27: no working day in between.
    assert working_days_between(date(2025, 4, 26), date(2025, 4, 27)) == 0


def test_between_is_the_inverse_of_add():
    start = date(2025, 12, 20)
    for n in range(0, 25):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_deadline_retour_three_working_days_after_receipt():
    # OP090. Received Mon 5 May 2025. Bevrijdingsdag is that same day but the day of receipt never
    # counts anyway: Tue 6 = 1, Wed 7 = 2, Thu 8 = 3.
    assert deadline_for("retour", date(2025, 5, 5)) == date(2025, 5, 8)
    # Received Tue 27 May 2025: Wed 28 = 1, Thu 29 Hemelvaart skipped, Fri 30 = 2, Mon 2 June = 3.
    assert deadline_for("retour", date(2025, 5, 27)) == date(2025, 6, 2)


def test_deadline_answer_to_request_five_working_days():
    # OP274. Received Wed 16 April 2025: Thu 17 = 1; Fri 18 - Mon 21 (Easter) skipped; Tue 22 = 2,
    # Wed 23 = 3, Thu 24 = 4, Fri 25 = 5.
    assert deadline_for("antwoord_verzoek", date(2025, 4, 16)) == date(2025, 4, 25)


def test_deadline_declaration_answer_ten_working_days():
    # OP090x4. Received Mon 3 Nov 2025 (no holidays): two full weeks, Mon 17 Nov is day 10.
    assert deadline_for("declaratie_antwoord", date(2025, 11, 3)) == date(2025, 11, 17)


def test_deadline_woonplaatsbeginsel_two_calendar_weeks():
    # OP359: 2 weeks. Received Thu 17 April 2025; 14 calendar days later is Thu 1 May 2025,
    # holidays in between (Easter, Koningsdag) do not extend it.
    assert deadline_for("woonplaatsbeginsel", date(2025, 4, 17)) == date(2025, 5, 1)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown deadline kind"):
        deadline_for("whenever", date(2025, 1, 6))
