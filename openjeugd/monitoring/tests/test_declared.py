"""declared.day_range selects what a `__date__range` lookup selects (local days, Europe/
Amsterdam), on the database, around the midnights where UTC and local dates differ."""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from openjeugd.ijw.models import Message
from openjeugd.monitoring import declared

FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)
# In March 2026 Amsterdam is UTC+1 until Sunday 29 March 02:00, UTC+2 after.
MOMENTS = {
    "28 Feb 23:30 local, 22:30 UTC": datetime(2026, 2, 28, 22, 30, tzinfo=UTC),
    "1 Mar 00:30 local, 28 Feb 23:30 UTC": datetime(2026, 2, 28, 23, 30, tzinfo=UTC),
    "29 Mar 03:30 local (summer time), 01:30 UTC": datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    "31 Mar 23:30 local, 21:30 UTC": datetime(2026, 3, 31, 21, 30, tzinfo=UTC),
    "1 Apr 00:30 local, 31 Mar 22:30 UTC": datetime(2026, 3, 31, 22, 30, tzinfo=UTC),
}


@pytest.fixture
def received_at_the_midnights(db):
    """One message received at each of MOMENTS, in their order."""
    for label, moment in MOMENTS.items():
        Message.objects.create(direction="in", code="JW315", afzender="x", ontvanger="y",
                               identificatie=label[:20], raw=b"", sha256="0" * 64,
                               filename="", received_at=moment)


def test_day_range_selects_the_local_days(received_at_the_midnights):
    since, until = declared.day_range(FIRST, LAST)
    ranged = Message.objects.filter(received_at__gte=since, received_at__lt=until)
    by_date = Message.objects.filter(received_at__date__range=(FIRST, LAST))
    # 1 Mar 00:30, 29 Mar 03:30 and 31 Mar 23:30 local are in March; the two others are not.
    expected = {MOMENTS[k] for k in ("1 Mar 00:30 local, 28 Feb 23:30 UTC",
                                     "29 Mar 03:30 local (summer time), 01:30 UTC",
                                     "31 Mar 23:30 local, 21:30 UTC")}
    assert set(ranged.values_list("received_at", flat=True)) == expected
    assert set(by_date.values_list("received_at", flat=True)) == expected


def test_local_days_of_the_driver_rows_are_djangos_local_dates(received_at_the_midnights):
    # rows() hands the driver's value (SQLite: a naive UTC datetime; PostgreSQL: an aware
    # one); local_days() must give the date Django's own converter and localdate() give.
    local_day = declared.local_days()
    raw = declared.rows(Message.objects.order_by("pk").values_list("received_at"))
    expected = [timezone.localdate(at) for at in
                Message.objects.order_by("pk").values_list("received_at", flat=True)]
    assert [local_day(at) for (at,) in raw] == expected
    # By hand: 28 Feb, 1 Mar, 29 Mar, 31 Mar, 1 Apr (the labels' local days).
    assert expected == [date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 29),
                        date(2026, 3, 31), date(2026, 4, 1)]
    # SQLite gives a computed moment (an aggregate) as UTC text, a column as a naive datetime.
    assert local_day("2026-02-28 23:30:00") == date(2026, 3, 1)
    assert local_day(datetime(2026, 2, 28, 23, 30)) == date(2026, 3, 1)
