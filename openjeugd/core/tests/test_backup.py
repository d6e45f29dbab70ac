"""`manage.py backup`: a backup taken, the data changed, the backup restored — every table is
back as it was, row for row (counts and a checksum over the ordered rows)."""

import hashlib
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Finding, Message
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import Municipality, Provider, Youth

# Restoring replaces the whole database, which cannot happen inside the test's transaction.
# serialized_rollback: the flush afterwards would otherwise drop what the migrations load.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def table_checksums() -> dict[str, tuple[int, str]]:
    """Per table: row count and a SHA-256 over its rows in a fixed order."""
    sums = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(tuple(_plain(v) for v in row)) for row in cursor.fetchall())
            sums[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return sums


def _plain(value):
    # PostgreSQL hands bytea out as memoryview, whose repr is an address, not the content.
    return bytes(value) if isinstance(value, memoryview) else value


@pytest.fixture
def data(db):
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
    provider.regions.add(Municipality.objects.get(code=samples.GEMEENTE).region)
    for message in (samples.sample_jw301(), samples.sample_jw323()):
        ingest(codec.serialize(message))
    assert Message.objects.count() >= 3 and Youth.objects.exists()


def test_round_trip_gives_back_every_row(data, tmp_path):
    before = table_checksums()
    path = tmp_path / "openjeugd.backup"
    call_command("backup", "create", str(path))
    assert path.stat().st_size > 0

    # Change, delete and add, in several tables.
    Youth.objects.update(surname="Overschreven", birth_date=date(2000, 1, 1))
    Finding.objects.all().delete()
    Provider.objects.create(name="Nieuw", agb_code="98000099")
    changed = table_checksums()
    assert changed != before

    call_command("backup", "restore", str(path), "--yes")
    assert table_checksums() == before
    assert Youth.objects.get().surname != "Overschreven"


def test_restore_needs_yes_and_a_backup_file(data, tmp_path):
    path = tmp_path / "openjeugd.backup"
    call_command("backup", "create", str(path))
    with pytest.raises(CommandError, match="--yes"):
        call_command("backup", "restore", str(path))
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="not a backup"):
        call_command("backup", "restore", str(junk), "--yes")
    assert Youth.objects.count() == 1  # nothing was touched


def test_a_backup_cut_short_is_refused_and_changes_nothing(data, tmp_path):
    # A copy that stopped half-way (full disk, broken transfer): the restore fails with a
    # message and the database stays as it was, row for row — on PostgreSQL pg_restore fails
    # before psql runs anything, on SQLite the copy never starts from a damaged file.
    path = tmp_path / "openjeugd.backup"
    call_command("backup", "create", str(path))
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    Youth.objects.update(surname="Na de backup")
    before = table_checksums()
    with pytest.raises(CommandError, match="damaged|cannot be restored|pg_restore failed"):
        call_command("backup", "restore", str(path), "--yes")
    assert table_checksums() == before
