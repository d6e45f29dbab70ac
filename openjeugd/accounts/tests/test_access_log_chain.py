"""The hash chain catches a tampering administrator: a changed field, a removed entry, a cut
tail; a retention purge leaves the chain verifiable and is itself logged."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from openjeugd.accounts import audit
from openjeugd.accounts.models import AccessLogEntry, User


@pytest.fixture
def entries(db):
    user = User.objects.create_user("lezer", password="x")
    return [audit.record(user, "read", "registry.Youth", n, purpose="youth_record")
            for n in range(1, 6)]


def verify() -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("accesslog", "verify", stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, err.getvalue()
    return 0, out.getvalue()


def test_intact_chain_verifies_with_a_count(entries):
    assert verify() == (0, "Access log intact: 5 entries verified.\n")


@pytest.mark.parametrize("change", [
    {"object_id": "999"}, {"purpose": "curiosity"}, {"username": "someone else"},
    {"at": timezone.now() - timedelta(days=3)}, {"owner_region": None, "hits": 1},
])
def test_a_field_changed_by_a_queryset_update_names_that_entry(entries, change):
    target = entries[2]
    AccessLogEntry.objects.filter(pk=target.pk).update(**change)
    code, message = verify()
    assert code == 1
    assert f"entry {target.pk}:" in message and "changed" in message


def test_rewriting_an_entrys_hash_too_breaks_the_next_link(entries):
    from openjeugd.accounts.chain import entry_hash

    target = entries[2]
    target.purpose = "curiosity"
    target.entry_hash = entry_hash(target.prev_hash, target)
    target.save()
    code, message = verify()
    assert code == 1 and f"entry {entries[3].pk}:" in message


def test_a_deleted_middle_entry_is_found(entries):
    AccessLogEntry.objects.filter(pk=entries[2].pk).delete()
    code, message = verify()
    assert code == 1
    assert f"entry {entries[3].pk}:" in message and "missing" in message


def test_a_deleted_first_entry_is_found(entries):
    AccessLogEntry.objects.filter(pk=entries[0].pk).delete()
    assert verify()[0] == 1


def test_a_cut_off_tail_is_found(entries):
    AccessLogEntry.objects.filter(pk=entries[-1].pk).delete()
    code, message = verify()
    assert code == 1 and "end" in message


def test_purge_removes_old_entries_and_the_chain_still_verifies(db, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    user = User.objects.create_user("lezer", password="x")
    with time_machine.travel(timezone.now() - timedelta(days=31)):
        old = [audit.record(user, "read", "registry.Youth", n, purpose="youth_record")
               for n in range(3)]
    recent = [audit.record(user, "read", "registry.Youth", n, purpose="youth_record")
              for n in range(2)]
    out = StringIO()
    call_command("accesslog", "purge", stdout=out)
    # On PostgreSQL the purge also analyzes the partitioned log (accounts.partitions.analyze).
    analyzed = ("Statistics of the partitioned log gathered (ANALYZE).\n"
                if connection.vendor == "postgresql" else "")
    assert out.getvalue() == "Removed 3 entries older than 30 days.\n" + analyzed
    assert not AccessLogEntry.objects.filter(pk__in=[e.pk for e in old]).exists()
    remaining = list(AccessLogEntry.objects.order_by("seq"))
    assert [e.pk for e in remaining[:2]] == [e.pk for e in recent]
    purge_entry = remaining[-1]
    assert (purge_entry.action, purge_entry.hits, purge_entry.username) == (
        "purge", 3, "system:accesslog-retention")
    assert verify() == (0, "Access log intact: 3 entries verified.\n")


def test_purge_with_nothing_old_still_logs_itself(entries):
    call_command("accesslog", "purge", "--days", "1", stdout=StringIO())
    assert AccessLogEntry.objects.filter(action="purge", hits=0).count() == 1
    assert verify()[0] == 0


def test_deleting_after_a_purge_is_still_found(entries):
    call_command("accesslog", "purge", "--days", "1", stdout=StringIO())
    AccessLogEntry.objects.filter(pk=entries[0].pk).delete()
    assert verify()[0] == 1

