"""Keeps ijw.models.tallies in step with the archive, inside the caller's transaction.

Called explicitly where a message is written: archive (a new message counts in its bucket),
processing._finish (its status, municipality and provider move it to another bucket, and its
findings are counted). `rebuild` recounts everything from the messages (backfill, repair).

Concurrency (PostgreSQL, READ COMMITTED): each change is `UPDATE ... SET n = n + d` on the
row with the key, which takes the row lock, so two transactions adding to the same row queue
and both additions land. When no row exists yet, we INSERT in a savepoint; if a concurrent
transaction inserted the same key first, the unique constraint makes our INSERT wait for it
and then fail, and the retried UPDATE (a new statement, so it sees the committed row) adds to
it. `bulk_create(update_conflicts=True)` cannot be used: it writes `n = EXCLUDED.n`, it cannot
add to the stored value. The keys of one change are taken in sorted order so two transactions
lock shared rows in the same order.
"""

from collections import Counter
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone

from openjeugd.ijw.models import Finding, FindingTally, Message, MessageTally

_SCOPE = ("direction", "code", "afzender", "ontvanger", "municipality_id", "provider_id")


def month_of(message: Message) -> date:
    return timezone.localdate(message.received_at).replace(day=1)


def key_of(message: Message) -> tuple:
    """The bucket a message counts in: (month, scope fields..., status)."""
    return (month_of(message), *(getattr(message, f) for f in _SCOPE), message.status)


def _as_fields(key: tuple) -> dict:
    return dict(zip(("month", *_SCOPE, "status"), key, strict=True))


def message_added(message: Message) -> None:
    _add(MessageTally, _as_fields(key_of(message)), messages=1)


def message_moved(before: tuple, message: Message) -> None:
    """The message left bucket `before` (its key when it was read) for its current one."""
    after = key_of(message)
    if after == before:
        return
    for key, delta in sorted({before: -1, after: 1}.items(), key=_sortable):
        _add(MessageTally, _as_fields(key), messages=delta)


def findings_added(message: Message, retourcodes: list[str]) -> None:
    """A judged message's findings: each retourcode counts its findings and this message once."""
    scope = _as_fields(key_of(message))
    del scope["status"]
    for retourcode, n in sorted(Counter(retourcodes).items()):
        _add(FindingTally, {**scope, "retourcode": retourcode}, findings=n, messages=1)


def _sortable(item) -> tuple:
    key, _delta = item
    return tuple("" if part is None else str(part) for part in key)


def _add(model, key: dict, **deltas) -> None:
    increments = {field: F(field) + delta for field, delta in deltas.items()}
    if model.objects.filter(**key).update(**increments):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **deltas)
    except IntegrityError:
        # A concurrent transaction created the row and committed: add to it.
        if not model.objects.filter(**key).update(**increments):
            raise


# --- backfill ---------------------------------------------------------------------------------

def rebuild() -> tuple[int, int]:
    """Recount both tables from the messages; returns the number of rows written. Takes a
    lock on the tallies for the duration, so no message is counted twice or lost meanwhile."""
    with transaction.atomic():
        MessageTally.objects.select_for_update().exists()
        MessageTally.objects.all().delete()
        FindingTally.objects.all().delete()
        messages = MessageTally.objects.bulk_create(
            MessageTally(**dict(fields), messages=n) for fields, n in recount_messages().items())
        findings = FindingTally.objects.bulk_create(
            FindingTally(**dict(fields), findings=f, messages=m)
            for fields, (f, m) in recount_findings().items())
    return len(messages), len(findings)


def recount_messages() -> dict:
    """What MessageTally should hold, counted from the archive: {key fields: messages}.
    The month comes from Python (the region's time zone), as when a message is counted."""
    counts: Counter = Counter()
    rows = Message.objects.values_list("received_at", *_SCOPE, "status").order_by()
    for received_at, *rest in rows.iterator(chunk_size=5000):
        counts[(timezone.localdate(received_at).replace(day=1), *rest)] += 1
    return {_frozen(_as_fields(key)): n for key, n in counts.items()}


def recount_findings() -> dict:
    """What FindingTally should hold: {key fields: (findings, messages)}."""
    per_message = (Finding.objects.values_list(
        "message_id", "retourcode", "message__received_at",
        *(f"message__{f}" for f in _SCOPE)).annotate(n=Count("id")).order_by())
    totals: dict = {}
    for _id, retourcode, received_at, *scope_and_n in per_message.iterator(chunk_size=5000):
        *scope, n = scope_and_n
        key = (timezone.localdate(received_at).replace(day=1), *scope, retourcode)
        findings, messages = totals.get(key, (0, 0))
        totals[key] = (findings + n, messages + 1)
    names = ("month", *_SCOPE, "retourcode")
    return {_frozen(dict(zip(names, key, strict=True))): v for key, v in totals.items()}


def stored_messages() -> dict:
    """MessageTally as stored, in recount_messages' shape, without empty buckets."""
    rows = MessageTally.objects.exclude(messages=0).values("month", *_SCOPE, "status", "messages")
    return {_frozen({k: v for k, v in r.items() if k != "messages"}): r["messages"] for r in rows}


def stored_findings() -> dict:
    rows = FindingTally.objects.values("month", *_SCOPE, "retourcode", "findings", "messages")
    return {_frozen({k: v for k, v in r.items() if k not in ("findings", "messages")}):
            (r["findings"], r["messages"]) for r in rows}


def _frozen(fields: dict):
    return tuple(sorted(fields.items()))
