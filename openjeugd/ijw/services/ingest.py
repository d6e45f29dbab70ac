"""The one path every message takes: archive the raw bytes, then process exactly once.

archive (commits on its own) → process (judge, change state, draft the answer) → send the
answer; processing and sending share one transaction per message that first claims the row
(status still `received`). A crash rolls the whole message back, answer included, and a rerun
picks it up again: exactly-once per message.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.ijw.models import Message
from openjeugd.ijw.services import outbox, processing
from openjeugd.ijw.services.archive import archive_received, same_delivery
from openjeugd.ijw.services.processing import Outcome
from openjeugd.ijw.services.sniff import sniff

__all__ = ["Outcome", "ingest", "process", "process_pending"]


def ingest(raw: bytes, *, filename: str = "", user=None) -> Outcome:
    """Receive one message (any direction): archive it, then process it."""
    envelope = sniff(raw)
    existing = same_delivery(envelope)
    if existing is not None and existing.status != Message.Status.RECEIVED:
        note = _("Already processed as message #%(id)s on %(at)s; nothing changed.") % {
            "id": existing.pk, "at": f"{existing.processed_at:%Y-%m-%d %H:%M}"}
        return Outcome(existing, duplicate=True, notes=[note])
    message = existing or archive_received(raw, envelope, filename=filename, user=user)
    return process(message.pk, user=user)


def process(message_id: int, *, user=None) -> Outcome:
    """Judge one archived message and send its answer, in one transaction."""
    with transaction.atomic():
        outcome = processing.process(message_id, user=user)
        if outcome.draft is not None:
            outcome.reply = outbox.send(outcome.draft, in_reply_to=outcome.message)
    return outcome


def process_pending(*, user=None, limit: int | None = None) -> list[Outcome]:
    """Process messages archived but not processed (e.g. after a crash), oldest first."""
    pending = Message.objects.filter(status=Message.Status.RECEIVED).order_by("id")
    ids = list(pending.values_list("id", flat=True)[:limit])
    return [process(pk, user=user) for pk in ids]
