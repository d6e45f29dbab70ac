"""Pagination that neither counts nor skips: keyset pages over the access log (one index per
side, merged), and the API's bounded page sizes."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from openjeugd.accounts import audit, selectors
from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.accounts.roles import Role
from openjeugd.core import keyset
from openjeugd.core.pagination import MAX_PAGE_SIZE, Newest, PageNumber
from openjeugd.registry.models import Region

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def log(db):
    """37 entries about region A's data (read by A's and B's users) and by A's users about
    B's data, at 20 distinct moments: equal times make the id the tie-breaker."""
    a = Region.objects.create(name="A", slug="a")
    b = Region.objects.create(name="B", slug="b")
    reader_a = User.objects.create_user(username="a", password="x", role=Role.RET_CHAIR,
                                        region=a)
    reader_b = User.objects.create_user(username="b", password="x", role=Role.RET_CHAIR,
                                        region=b)
    for n in range(37):
        with time_machine.travel(START + timedelta(minutes=n // 2), tick=False):
            reader = reader_b if n % 3 == 0 else reader_a
            owner = b if n % 5 == 0 else a
            audit.record(reader, "read", "registry.Youth", n, purpose="test",
                         owner_region_id=owner.pk)
    # Someone else's traffic the auditor of A must never page through.
    audit.record(reader_b, "read", "registry.Youth", 99, purpose="test", owner_region_id=b.pk)
    return User.objects.create_user(username="auditor", password="x", role=Role.AUDITOR,
                                    region=a)


def walk(parts, direction: str, start: dict, size: int) -> list[int]:
    seen, params = [], dict(start)
    for _ in range(100):
        page = keyset.page(parts, params, size=size, time_field="at")
        seen.append([entry.pk for entry in page])
        token = page.older if direction == keyset.OLDER else page.newer
        if not token:
            return seen
        params = {direction: token}
    raise AssertionError("no end")


@pytest.mark.parametrize("size", [1, 4, 7, 50])
def test_keyset_pages_cover_the_log_once_newest_first_both_ways(log, size):
    expected = list(selectors.search_access_log(log).order_by("-at", "-id")
                    .values_list("pk", flat=True))
    # The visible entries: A owns it or A's user read it. 37 minus those by B's users about
    # B's data: n divisible by 15 (0, 15, 30) and the extra one.
    assert len(expected) == 34
    parts = selectors.access_log_parts(log)
    pages = walk(parts, keyset.OLDER, {}, size)
    assert [pk for page in pages for pk in page] == expected
    assert all(len(page) == size for page in pages[:-1])
    # And back from the last page towards the newest, page by page: from the position of the
    # last page's first row, each "newer" page holds the rows just above it.
    top_of_last = AccessLogEntry.objects.get(pk=pages[-1][0])
    back = walk(parts, keyset.NEWER, {keyset.NEWER: keyset.position(top_of_last, "at")}, size)
    assert [pk for page in reversed(back) for pk in page] == expected[:-len(pages[-1])]


def test_a_forged_or_impossible_position_is_the_first_or_an_empty_page(log):
    parts = selectors.access_log_parts(log)
    first = [e.pk for e in keyset.page(parts, {}, size=5, time_field="at")]
    for token in ("abc", "1.2.3", f"{10**30}.1", "5.-1", f"1.{2**70}", ""):
        assert [e.pk for e in keyset.page(parts, {keyset.OLDER: token}, size=5,
                                          time_field="at")] == first
    before_everything = keyset.page(parts, {keyset.OLDER: "1.1"}, size=5, time_field="at")
    assert (list(before_everything), before_everything.older) == ([], "")


def _request(query: str) -> Request:
    return Request(APIRequestFactory().get(f"/?{query}"))


@pytest.mark.parametrize(("query", "first", "count"), [
    ("", 0, 50),
    (f"page_size={10**9}", 0, MAX_PAGE_SIZE),   # the maximum, not a billion
    ("page_size=abc", 0, 50),                   # not a size: the default
    (f"page={10**9}", 400, 50),                 # beyond the end: the last page (400..449)
    ("page=abc", 0, 50),                        # not a number: the first page
    ("page=-3", 400, 50),                       # below the first: out of range, the last
    ("page=3&page_size=200", 400, 50),
])
def test_page_numbers_answer_with_the_maximum_or_the_last_page(query, first, count):
    rows = PageNumber().paginate_queryset(list(range(450)), _request(query))
    assert (rows[0], len(rows)) == (first, count)


@pytest.mark.parametrize("cursor", ["abc", "%C3%A9", "cD1ub3QtYS10aW1lJnI9MA=="])
def test_a_cursor_that_cannot_be_read_is_the_first_page(cursor):
    assert Newest().decode_cursor(_request(f"cursor={cursor}")) is None
