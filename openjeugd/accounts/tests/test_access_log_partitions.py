"""The access log at scale (issue 14): on PostgreSQL a partition per month, made ahead by the
maintenance command, rows in their month's partition, retention dropping whole months; on
SQLite one table and retention by rows. Run on both databases (DATABASE_URL for PostgreSQL);
every test states what each database must show."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from openjeugd.accounts import audit, chain, partitions, retention
from openjeugd.accounts.models import AccessLogEntry

POSTGRES = connection.vendor == "postgresql"


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def log(user, moment: datetime, n: int = 1) -> list[AccessLogEntry]:
    with time_machine.travel(moment, tick=False):
        return [audit.record(user, "read", "registry.Youth", i, purpose="youth_record",
                             owner_region_id=user.region_id) for i in range(n)]


def partition_of(entry) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT tableoid::regclass::text FROM {partitions.TABLE} "  # noqa: S608
                       "WHERE id = %s", [entry.pk])
        return cursor.fetchone()[0]


@pytest.fixture
def reader(regions):
    return regions["reader"]


def test_partitioned_by_month_on_postgresql_with_the_months_ahead(db):
    names = [month.name for month in partitions.months()]
    if POSTGRES:
        # Migration 0006 made this month and the three after it.
        now = datetime.now(UTC)
        assert partitions.is_partitioned()
        assert [partitions.month_of(now, shift).name for shift in range(4)] == names[-4:]
        assert names[-4].endswith(f"_p{now:%Y%m}")
    else:
        assert (partitions.is_partitioned(), names, partitions.ensure_ahead()) == (False, [], [])


def test_the_command_makes_the_months_ahead(db):
    out = StringIO()
    call_command("accesslog", "partitions", "--ahead", "5", stdout=out)
    if POSTGRES:
        # Migration 0006 made 0..3 months ahead; --ahead 5 adds months 4 and 5.
        now = datetime.now(UTC)
        expected = [partitions.month_of(now, 4).name, partitions.month_of(now, 5).name]
        assert out.getvalue().startswith(f"Made 2 monthly partitions ({', '.join(expected)});")
        assert [m.name for m in partitions.months()][-2:] == expected
        call_command("accesslog", "partitions", "--ahead", "5", stdout=(again := StringIO()))
        assert again.getvalue().startswith("Made 0 monthly partitions (none);")
    else:
        assert "not partitioned" in out.getvalue()


def _parent_statistics() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [partitions.TABLE])
        return cursor.fetchone()[0]


def test_the_daily_purge_gathers_the_parents_statistics(reader):
    log(reader, at(2025, 3, 1, 12), n=3)
    if POSTGRES:
        # Autovacuum never analyzes a partitioned parent: before the purge it has none.
        assert _parent_statistics() == 0
    out = StringIO()
    call_command("accesslog", "purge", stdout=out)
    if POSTGRES:
        assert _parent_statistics() > 0
        assert "ANALYZE" in out.getvalue()
    else:  # one plain table, analyzed as any other: nothing to do and nothing said
        assert "ANALYZE" not in out.getvalue()


def test_rows_land_in_their_months_partition_and_a_late_month_is_moved_in(reader):
    partitions.ensure_ahead(now=at(2025, 1, 1), ahead=1)  # January and February 2025
    january, = log(reader, at(2025, 1, 31, 23, 59))
    february, = log(reader, at(2025, 2, 1, 0, 0))
    june, = log(reader, at(2025, 6, 15))  # no partition for June: the default one
    if POSTGRES:
        table = partitions.TABLE
        assert [partition_of(e) for e in (january, february, june)] == [
            f"{table}_p202501", f"{table}_p202502", f"{table}_default"]
        assert partitions.ensure_ahead(now=at(2025, 6, 1), ahead=0) == [f"{table}_p202506"]
        assert partition_of(june) == f"{table}_p202506"  # moved out of the default
    else:
        assert partitions.ensure_ahead(now=at(2025, 6, 1), ahead=0) == []
    assert AccessLogEntry.objects.get(pk=june.pk).entry_hash == june.entry_hash
    assert chain.verify().intact


def test_retention_drops_whole_old_months_and_keeps_recent_ones(reader):
    partitions.ensure_ahead(now=at(2025, 1, 1), ahead=3)  # January .. April 2025
    log(reader, at(2025, 1, 15), 2)
    log(reader, at(2025, 2, 15), 2)
    log(reader, at(2025, 3, 3))  # older than the cutoff, in the month the cutoff falls in
    kept = log(reader, at(2025, 3, 10)) + log(reader, at(2025, 4, 19))
    with time_machine.travel(at(2025, 4, 20), tick=False):
        # Cutoff 2025-04-20 - 45 days = 2025-03-06: January and February lie wholly before it.
        removed = retention.purge(days=45)
    assert removed == 5  # 2 + 2 by dropped months (PostgreSQL) or rows (SQLite), + 1 row
    remaining = list(AccessLogEntry.objects.order_by("seq"))
    assert [e.pk for e in remaining[:2]] == [e.pk for e in kept]
    assert (remaining[2].action, remaining[2].hits) == ("purge", 5)
    if POSTGRES:
        names = {m.name.rsplit("_p", 1)[1] for m in partitions.months()}
        assert {"202503", "202504"} <= names and not {"202501", "202502"} & names
    verdict = chain.verify()
    assert (verdict.intact, verdict.checked) == (True, 3)


def test_retention_cuts_the_chain_at_the_highest_position_removed(reader):
    # `at` is taken before the chain lock: an entry of February can hold a later position
    # than one of March. Removing February's month must remove the March entry before it too,
    # or the chain would start with a gap.
    partitions.ensure_ahead(now=at(2025, 2, 1), ahead=2)
    march_first = log(reader, at(2025, 3, 10))
    february_later = log(reader, at(2025, 2, 27))
    april = log(reader, at(2025, 4, 1))
    assert march_first[0].seq < february_later[0].seq
    with time_machine.travel(at(2025, 4, 5), tick=False):
        removed = retention.purge(days=30)  # cutoff 2025-03-06: February is wholly before
    assert removed == 2
    assert list(AccessLogEntry.objects.order_by("seq").values_list("pk", flat=True))[:1] == [
        april[0].pk]
    assert chain.verify().intact


def test_the_auditors_page_reads_across_months(client, regions):
    reader, auditor = regions["reader"], regions["auditor_b"]
    partitions.ensure_ahead(now=at(2025, 1, 1), ahead=1)
    log(reader, at(2025, 1, 20))
    log(reader, at(2025, 2, 20))
    log(reader, datetime.now(UTC) - timedelta(minutes=1))
    client.force_login(auditor)
    response = client.get("/accounts/access-log/")
    assert response.status_code == 200
    html = response.content.decode()
    # Newest first over the partitions: this month, February, January.
    positions = [html.index(day) for day in (f"{datetime.now(UTC):%Y}", "2025-02-20",
                                              "2025-01-20")]
    assert positions == sorted(positions)
    api = client.get("/api/accounts/access-log/", {"side": "reader"}).json()["results"]
    assert len([e for e in api if e["username"] == "b-beheer"]) == 3
