"""PostgreSQL only: the access log becomes a table partitioned by month of `at` (issue 14).

The log grows by millions of rows a working day; a partition per month lets retention drop a
whole month at once (accounts.retention) and keeps each month's indexes small. The model does
not change, so on SQLite this migration does nothing.

PostgreSQL asks every unique constraint of a partitioned table to contain the partition key:
the primary key becomes (id, at) and the chain position's uniqueness (seq, at). `seq` stays
unique in fact because accounts.chain hands out positions under the lock on the chain head,
and `accesslog verify` reports a repeated or missing position.

Rows are copied into the new table; partitions are made for every month that holds rows and
for the three months ahead (kept ahead later by `accesslog partitions` and `accesslog
purge`, accounts.partitions); a default partition catches a row whose month has none yet, so the log never
refuses a write.
"""

import re
from datetime import UTC, datetime

from django.db import migrations

TABLE = "accounts_accesslogentry"
OLD = f"{TABLE}_unpartitioned"
AHEAD = 3


def _month(day, shift=0):
    index = day.year * 12 + day.month - 1 + shift
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def _definitions(cursor, table):
    cursor.execute("SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
                   "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f')", [table])
    constraints = cursor.fetchall()
    names = {name for name, _kind, _definition in constraints}
    cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
    indexes = [(name, definition) for name, definition in cursor.fetchall()
               if name not in names]
    return constraints, indexes


def _rebuild(schema_editor, partitioned: bool):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        constraints, indexes = _definitions(cursor, TABLE)
        cursor.execute(f'ALTER TABLE "{TABLE}" RENAME TO "{OLD}"')
        clause = " PARTITION BY RANGE (at)" if partitioned else ""
        cursor.execute(f'CREATE TABLE "{TABLE}" (LIKE "{OLD}" INCLUDING DEFAULTS '
                       f"INCLUDING IDENTITY INCLUDING CONSTRAINTS){clause}")
        if partitioned:
            cursor.execute(f'CREATE TABLE "{TABLE}_default" PARTITION OF "{TABLE}" DEFAULT')
            cursor.execute(f'SELECT min(at) FROM "{OLD}"')
            now = datetime.now(UTC)
            first = cursor.fetchone()[0] or now
            month, last = _month(first), _month(now, AHEAD)
            while month <= last:
                upper = _month(month, 1)
                cursor.execute(f'CREATE TABLE "{TABLE}_p{month:%Y%m}" PARTITION OF "{TABLE}" '
                               "FOR VALUES FROM (%s) TO (%s)", [month, upper])
                month = upper
        cursor.execute(f'INSERT INTO "{TABLE}" OVERRIDING SYSTEM VALUE SELECT * FROM "{OLD}"')
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{TABLE}\"', 'id'), "
                       f'coalesce(max(id), 0) + 1, false) FROM "{TABLE}"')
        cursor.execute(f'DROP TABLE "{OLD}"')
        for name, kind, definition in constraints:
            if kind in "pu":
                columns = re.sub(r",\s*at\)$", ")", definition.rstrip())
                definition = columns[:-1] + ", at)" if partitioned else columns
            cursor.execute(f'ALTER TABLE "{TABLE}" ADD CONSTRAINT "{name}" {definition}')
        for _name, definition in indexes:
            cursor.execute(definition)


def partition(apps, schema_editor):
    _rebuild(schema_editor, partitioned=True)


def unpartition(apps, schema_editor):
    _rebuild(schema_editor, partitioned=False)


class Migration(migrations.Migration):

    # DDL and the copy in one transaction: a failure leaves the plain table as it was.
    atomic = True

    dependencies = [("accounts", "0005_access_log_time_indexes")]

    operations = [migrations.RunPython(partition, unpartition, elidable=False)]
