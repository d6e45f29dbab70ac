"""Retention of the access log: entries older than ACCESS_LOG_RETENTION_DAYS are removed.

The oldest part of the chain is cut off, never a piece from the middle; the hash of the last
removed entry becomes the anchor the remaining chain starts from, so `verify` still holds.

On PostgreSQL the log is partitioned by month (accounts.partitions): every month wholly past
retention is dropped as a table, then the rows of the month the cutoff falls in are deleted as
on SQLite. `at` is set before the chain lock is taken, so a row at the very end of a month can
hold a later position than the first rows of the next; the cut therefore goes up to the highest
position removed, and any row at or below it in a kept month is deleted too.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from openjeugd.accounts import audit, chain, partitions
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.purposes import Purpose

SYSTEM_PURGE = "system:accesslog-retention"


def purge(*, days: int | None = None, now=None) -> int:
    """Remove entries older than the retention period; returns how many were removed."""
    days = settings.ACCESS_LOG_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    with transaction.atomic():
        head = chain.lock_head()
        ends, removed = [], 0
        for month in partitions.wholly_before(cutoff):
            last = partitions.last_entry(month)
            if last is not None:
                ends.append(last[:2])
                removed += last[2]
            partitions.drop(month)
        old = AccessLogEntry.objects.filter(at__lt=cutoff, seq__gt=head.anchor_seq)
        last = old.order_by("-seq").values_list("seq", "entry_hash").first()
        if last is not None:
            ends.append(last)
        if ends:
            seq, hash_ = max(ends)
            removed += AccessLogEntry.objects.filter(seq__lte=seq).delete()[0]
            head.anchor_seq, head.anchor_hash = seq, hash_
            head.save(update_fields=["anchor_seq", "anchor_hash"])
        audit.record(None, AccessLogEntry.Action.PURGE, "accounts.AccessLogEntry", None,
                     purpose=Purpose.RETENTION, hits=removed, system=SYSTEM_PURGE,
                     object_repr=_describe(cutoff, head))
    return removed


def _describe(cutoff, head) -> str:
    return (f"before {cutoff:%Y-%m-%d}; chain starts after position {head.anchor_seq}, "
            f"hash {head.anchor_hash}")
