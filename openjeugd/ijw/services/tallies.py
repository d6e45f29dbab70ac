"""Keeps ijw.models.tallies in step with the archive, inside the caller's transaction.

Called explicitly where a message is written: archive (a new message counts in its bucket),
processing._finish (its status, municipality and provider move it to another bucket, and its
findings are counted). `rebuild` recounts everything from the messages (backfill, repair).

Concurrency: each change is one statement, `INSERT ... ON CONFLICT (key) DO UPDATE SET
n = n + EXCLUDED.n` (PostgreSQL, and SQLite since 3.24), on the unique constraint of the key.
The database decides insert-or-add atomically: two transactions adding to the same key queue
on its row (or its index entry when it is new) and both additions land, with no retry loop and
no savepoint. Django's `bulk_create(update_conflicts=True)` cannot do this: it writes
`n = EXCLUDED.n`, it cannot add to the stored value, and an UPDATE-then-INSERT with F()
needs a savepoint and a retry when a concurrent INSERT wins (four statements instead of one).
The keys of one change are taken in sorted order so two transactions lock shared rows in the
same order. A hot key (one municipality, one provider, one month) serialises the transactions
that count in it until they commit: per message that is microseconds of work.
"""

from collections import Counter
from datetime import date

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from openjeugd.ijw.models import Finding, FindingTally, Message, MessageTally

_SCOPE = ("direction", "code", "afzender", "ontvanger", "municipality_id", "provider_id")
# The expressions of the unique constraints (models.tallies._KEY), as the upsert names them.
_KEY_SQL = ('"month", "direction", "code", "afzender", "ontvanger", '
            'COALESCE("municipality_id", 0), COALESCE("provider_id", 0)')
_CONFLICT = {MessageTally: _KEY_SQL + ', "status"', FindingTally: _KEY_SQL + ', "retourcode"'}


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
    """Add `deltas` to the row with `key`, creating it at `deltas` when there is none."""
    meta, quote = model._meta, connection.ops.quote_name
    table = quote(meta.db_table)
    names = [quote(meta.get_field(name).column) for name in (*key, *deltas)]
    added = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in names[len(key):])
    # Only identifiers from the model's meta are formatted in; every value is a parameter.
    values = ", ".join(["%s"] * len(names))
    sql = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({values}) "  # noqa: S608
           f"ON CONFLICT ({_CONFLICT[model]}) DO UPDATE SET {added}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(_db_value(v) for v in key.values()), *deltas.values()])


def _db_value(value):
    return value.isoformat() if isinstance(value, date) else value


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
