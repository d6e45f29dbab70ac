"""The hash chain over the access log: canonical form, appending under a lock, verifying.

entry_hash = SHA-256(prev_hash + canonical JSON of the entry's fields). Anyone who changes a
field, removes an entry or cuts off the tail without rewriting every later hash (and the head)
is caught by `verify`. Record the head hash elsewhere now and then to catch a full rewrite too.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.db import transaction

from openjeugd.accounts.models import AccessLogChain, AccessLogEntry

HASHED_FIELDS = ["seq", "at", "user_id", "username", "action", "object_type", "object_id",
                 "object_repr", "purpose", "hits", "region_id", "owner_region_id",
                 "ip_address"]


def canonical(entry) -> str:
    """The entry's fields as JSON with a fixed key order and UTC time."""
    values = {name: getattr(entry, name) for name in HASHED_FIELDS}
    values["at"] = entry.at.astimezone(UTC).isoformat()
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, entry) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode()).hexdigest()


def lock_head() -> AccessLogChain:
    """The chain head, locked until the surrounding transaction ends.

    PostgreSQL: a row lock; SQLite: the write transaction (IMMEDIATE) already serialises.
    """
    head = AccessLogChain.objects.select_for_update().filter(pk=1).first()
    if head is None:  # a fresh database: the first writer makes the head (a race is harmless)
        AccessLogChain.objects.get_or_create(pk=1)
        head = AccessLogChain.objects.select_for_update().get(pk=1)
    return head


def append(entries: list[AccessLogEntry]) -> list[AccessLogEntry]:
    """Number, hash and insert the entries in one statement, after everything logged so far."""
    with transaction.atomic():
        head = lock_head()
        for entry in entries:
            head.last_seq += 1
            entry.seq = head.last_seq
            entry.prev_hash = head.last_hash
            entry.entry_hash = entry_hash(entry.prev_hash, entry)
            head.last_hash = entry.entry_hash
        AccessLogEntry.objects.bulk_create(entries)
        head.save(update_fields=["last_seq", "last_hash"])
    return entries


@dataclass
class Verdict:
    intact: bool
    checked: int
    broken_id: int | None = None
    reason: str = ""


def verify() -> Verdict:
    """Walk the chain from the purge anchor to the head; stop at the first broken entry."""
    head = AccessLogChain.objects.filter(pk=1).first() or AccessLogChain()
    expected_seq, expected_prev = head.anchor_seq + 1, head.anchor_hash
    checked = 0
    # Entries appended while we walk come after the head we read; they are left for next time.
    entries = AccessLogEntry.objects.filter(seq__lte=head.last_seq).order_by("seq")
    for entry in entries.iterator(chunk_size=2000):
        problem = _problem(entry, expected_seq, expected_prev)
        if problem:
            return Verdict(False, checked, entry.pk, problem)
        checked += 1
        expected_seq, expected_prev = entry.seq + 1, entry.entry_hash
    if (expected_seq - 1, expected_prev) != (head.last_seq, head.last_hash):
        return Verdict(False, checked, None,
                       f"the chain ends at position {expected_seq - 1}, the head says "
                       f"{head.last_seq}: entries at the end are missing")
    return Verdict(True, checked)


def _problem(entry, expected_seq: int, expected_prev: str) -> str:
    if entry.seq != expected_seq:
        return f"expected position {expected_seq}, found {entry.seq}: an entry is missing"
    if entry.prev_hash != expected_prev:
        return "its link to the previous entry does not match"
    if entry.entry_hash != entry_hash(entry.prev_hash, entry):
        return "its content does not match its hash: it was changed"
    return ""

