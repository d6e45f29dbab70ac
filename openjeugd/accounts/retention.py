"""Retention of the access log: entries older than ACCESS_LOG_RETENTION_DAYS are removed.

The oldest part of the chain is cut off, never a piece from the middle; the hash of the last
removed entry becomes the anchor the remaining chain starts from, so `verify` still holds.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from openjeugd.accounts import audit, chain
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.purposes import Purpose

SYSTEM_PURGE = "system:accesslog-retention"


def purge(*, days: int | None = None, now=None) -> int:
    """Remove entries older than the retention period; returns how many were removed."""
    days = settings.ACCESS_LOG_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    with transaction.atomic():
        head = chain.lock_head()
        old = AccessLogEntry.objects.filter(at__lt=cutoff, seq__gt=head.anchor_seq)
        last = old.order_by("-seq").first()
        removed = 0
        if last is not None:
            removed, _ = AccessLogEntry.objects.filter(seq__lte=last.seq).delete()
            head.anchor_seq, head.anchor_hash = last.seq, last.entry_hash
            head.save(update_fields=["anchor_seq", "anchor_hash"])
        audit.record(None, AccessLogEntry.Action.PURGE, "accounts.AccessLogEntry", None,
                     purpose=Purpose.RETENTION, hits=removed, system=SYSTEM_PURGE,
                     object_repr=_describe(cutoff, head))
    return removed


def _describe(cutoff, head) -> str:
    return (f"before {cutoff:%Y-%m-%d}; chain starts after position {head.anchor_seq}, "
            f"hash {head.anchor_hash}")
