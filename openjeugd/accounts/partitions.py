"""Monthly partitions of the access log on PostgreSQL (migration 0006); nothing on SQLite.

A month's partition is `accounts_accesslogentry_pYYYYMM` and holds the rows whose `at` lies in
that calendar month in UTC. `ensure_ahead` makes the partitions of this month and the months
ahead (a row of a month without one lands in the default partition and is moved into the
month's partition when it is made); `drop_before` removes whole months past retention, which
costs no row-by-row delete and leaves no dead rows behind.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction
from django.utils import timezone

from openjeugd.accounts.models import AccessLogEntry

TABLE = AccessLogEntry._meta.db_table
DEFAULT = f"{TABLE}_default"
MONTHS_AHEAD = 3
_NAME = re.compile(rf"^{TABLE}_p(\d{{4}})(\d{{2}})$")


@dataclass(frozen=True)
class Month:
    name: str
    start: datetime
    end: datetime  # exclusive


def month_of(moment: datetime, shift: int = 0) -> Month:
    moment = moment.astimezone(UTC)
    index = moment.year * 12 + moment.month - 1 + shift
    start = datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)
    following = index + 1
    end = datetime(following // 12, following % 12 + 1, 1, tzinfo=UTC)
    return Month(f"{TABLE}_p{start:%Y%m}", start, end)


def is_partitioned() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", [TABLE])
        row = cursor.fetchone()
    return row is not None and row[0] == "p"


def analyze() -> bool:
    """Gather the planner's statistics of the partitioned table as a whole. Autovacuum
    analyzes each partition but never the parent ("Partitioned tables are not processed by
    autovacuum", PostgreSQL's routine-vacuuming chapter), and the plans of the auditor's page
    and of retention use the parent's statistics. The daily purge calls this."""
    if not is_partitioned():
        return False
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{TABLE}"')
    return True


def months() -> list[Month]:
    """The monthly partitions that exist, oldest first."""
    if not is_partitioned():
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                       "WHERE i.inhparent = %s::regclass", [TABLE])
        names = [name for (name,) in cursor.fetchall()]
    found = [_NAME.match(name) for name in names]
    return sorted((month_of(datetime(int(m[1]), int(m[2]), 1, tzinfo=UTC))
                   for m in found if m), key=lambda month: month.start)


def ensure_ahead(*, ahead: int = MONTHS_AHEAD, now=None) -> list[str]:
    """Make the partitions of this month and `ahead` months after it; returns the new ones."""
    if not is_partitioned():
        return []
    now = now or timezone.now()
    existing = {month.name for month in months()}
    made = []
    with transaction.atomic():
        for shift in range(ahead + 1):
            month = month_of(now, shift)
            if month.name not in existing:
                _create(month)
                made.append(month.name)
    return made


# Table names in the SQL below are this module's own (TABLE and month_of), never input.

def _create(month: Month) -> None:
    # PostgreSQL refuses a new partition while the default one holds rows of its range: those
    # rows move over in the same transaction.
    bounds = [month.start, month.end]
    statements = [
        (f'CREATE TEMPORARY TABLE "moving" AS SELECT * FROM "{DEFAULT}" '  # noqa: S608
         "WHERE at >= %s AND at < %s", bounds),
        (f'DELETE FROM "{DEFAULT}" WHERE at >= %s AND at < %s', bounds),  # noqa: S608
        (f'CREATE TABLE "{month.name}" PARTITION OF "{TABLE}" FOR VALUES FROM (%s) TO (%s)',
         bounds),
        (f'INSERT INTO "{TABLE}" OVERRIDING SYSTEM VALUE SELECT * FROM "moving"', []),  # noqa: S608
        ('DROP TABLE "moving"', []),
    ]
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)


def wholly_before(cutoff: datetime) -> list[Month]:
    """The monthly partitions whose every possible row is older than the cutoff."""
    return [month for month in months() if month.end <= cutoff]


def last_entry(month: Month) -> tuple[int, str, int] | None:
    """(highest chain position, its hash, number of rows) of a partition; None when empty."""
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT seq, entry_hash, (SELECT count(*) FROM "{month.name}") '  # noqa: S608
                       f'FROM "{month.name}" ORDER BY seq DESC LIMIT 1')
        return cursor.fetchone()


def drop(month: Month) -> None:
    # PostgreSQL will not drop a table with foreign-key checks still deferred to the commit
    # (rows written earlier in the same transaction): run them now, then defer again as
    # Django's constraints are.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f'DROP TABLE "{month.name}"')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
