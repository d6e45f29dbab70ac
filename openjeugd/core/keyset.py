"""Keyset pagination for lists that grow without end (messages, the access log).

A page is the next `size` rows after a position (time, id), newest first, read through an
index on (time, id) — no OFFSET and no COUNT(*), so page 1 and page 1,000 cost the same and
neither grows with the history. Links go to older or newer rows (`?older=` / `?newer=`); a
position is the row's time in microseconds since the epoch and its id, so it holds no personal
data. A position that cannot be read is the first page; one beyond the end an empty page.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from heapq import merge
from urllib.parse import urlencode

from django.db.models import Q, QuerySet

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
OLDER, NEWER = "older", "newer"


@dataclass
class KeysetPage:
    object_list: list
    older: str = ""  # the position to continue from towards older rows; "" at the end
    newer: str = ""
    params: dict = field(default_factory=dict)  # the other query parameters, kept in links

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_other_pages(self) -> bool:
        return bool(self.older or self.newer)

    @property
    def older_query(self) -> str:
        return urlencode({**self.params, OLDER: self.older})

    @property
    def newer_query(self) -> str:
        return urlencode({**self.params, NEWER: self.newer})


def position(row, time_field: str) -> str:
    return f"{(getattr(row, time_field) - EPOCH) // timedelta(microseconds=1)}.{row.pk}"


def parse(token) -> tuple[datetime, int] | None:
    try:
        micros, pk = (int(part) for part in str(token).split("."))
        if not 0 < pk < 2**63:  # a database integer
            return None
        return EPOCH + timedelta(microseconds=micros), pk
    except (ValueError, OverflowError):
        return None


def page(querysets: QuerySet | list[QuerySet], params, *, size: int,
         time_field: str) -> KeysetPage:
    """One page of the union of `querysets` (one is the common case; several when an OR would
    keep the database from walking one index: each part walks its own, and the pages merge).
    `params` is request.GET or a dict; its other keys are kept in the links."""
    parts = querysets if isinstance(querysets, list) else [querysets]
    kept = {k: v for k, v in params.items() if k not in (OLDER, NEWER, "page")}
    newer_than = parse(params.get(NEWER)) if params.get(NEWER) else None
    older_than = parse(params.get(OLDER)) if params.get(OLDER) and not newer_than else None
    if newer_than:
        rows = _take(parts, time_field, newer_than, size, newest_first=False)
        more = len(rows) > size
        rows = rows[:size][::-1]
        return KeysetPage(rows, older=position(rows[-1], time_field) if rows else "",
                          newer=position(rows[0], time_field) if more else "", params=kept)
    rows = _take(parts, time_field, older_than, size, newest_first=True)
    more = len(rows) > size
    rows = rows[:size]
    return KeysetPage(rows, older=position(rows[-1], time_field) if more else "",
                      newer=position(rows[0], time_field) if older_than and rows else "",
                      params=kept)


def _take(parts, time_field: str, after, size: int, *, newest_first: bool) -> list:
    sign = "-" if newest_first else ""
    step = "lt" if newest_first else "gt"

    def sort_key(row):
        return getattr(row, time_field), row.pk

    pages = []
    for queryset in parts:
        if after is not None:
            at, pk = after
            # `time <= at AND (time < at OR id < pk)`: the first half is an index range.
            queryset = queryset.filter(
                Q(**{f"{time_field}__{step}e": at})
                & (Q(**{f"{time_field}__{step}": at}) | Q(**{f"pk__{step}": pk})))
        pages.append(list(queryset.order_by(f"{sign}{time_field}", f"{sign}pk")[:size + 1]))
    if len(pages) == 1:
        return pages[0]
    seen, rows = set(), []
    for row in merge(*pages, key=sort_key, reverse=newest_first):
        if row.pk not in seen:
            seen.add(row.pk)
            rows.append(row)
    return rows[:size + 1]
