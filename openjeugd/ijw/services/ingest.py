"""The one path every message takes: archive the raw bytes, then process exactly once.

Archiving commits on its own, before any parsing, so nothing received is ever lost. Processing
runs in one transaction per message that first claims the row (status still `received`); a
crash rolls the whole message back and a rerun picks it up again: exactly-once per message.
"""

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from openjeugd.ijw import clock
from openjeugd.ijw.models import Message
from openjeugd.ijw.routing import direction_of
from openjeugd.ijw.services import processing
from openjeugd.ijw.services.sniff import Envelope, sniff

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    message: Message
    duplicate: bool = False
    reply: Message | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.message.status


def ingest(raw: bytes, *, filename: str = "", user=None) -> Outcome:
    """Receive one message (any direction): archive it, then process it."""
    envelope = sniff(raw)
    existing = _same_delivery(envelope)
    if existing is not None and existing.status != Message.Status.RECEIVED:
        note = _("Already processed as message #%(id)s on %(at)s; nothing changed.") % {
            "id": existing.pk, "at": f"{existing.processed_at:%Y-%m-%d %H:%M}"}
        return Outcome(existing, duplicate=True, notes=[note])
    message = existing or _archive(raw, envelope, filename, user)
    return processing.process(message.pk, user=user)


def process_pending(*, user=None, limit: int | None = None) -> list[Outcome]:
    """Process messages archived but not processed (e.g. after a crash), oldest first."""
    pending = Message.objects.filter(status=Message.Status.RECEIVED).order_by("id")
    ids = list(pending.values_list("id", flat=True)[:limit])
    return [processing.process(pk, user=user) for pk in ids]


def _same_delivery(envelope: Envelope) -> Message | None:
    return Message.objects.filter(
        afzender=envelope.afzender, code=envelope.code,
        identificatie=envelope.identificatie, sha256=envelope.sha256,
    ).first()


def _archive(raw: bytes, envelope: Envelope, filename: str, user) -> Message:
    uploader = user if user is not None and user.is_authenticated else None
    try:
        with transaction.atomic():
            return Message.objects.create(
                direction=direction_of(envelope.code), code=envelope.code,
                afzender=envelope.afzender, ontvanger=envelope.ontvanger,
                identificatie=envelope.identificatie, dagtekening=envelope.dagtekening,
                raw=raw, sha256=envelope.sha256, filename=filename[:255], uploaded_by=uploader,
            )
    except IntegrityError:
        # A concurrent delivery of the same bytes won the race: use its row.
        return _same_delivery(envelope)


def archive_outgoing(raw: bytes, *, in_reply_to: Message | None = None,
                     filename: str = "") -> Message:
    """Store a message Open Jeugd itself generated (inside the caller's transaction)."""
    envelope = sniff(raw)
    return Message.objects.create(
        direction=direction_of(envelope.code), code=envelope.code,
        afzender=envelope.afzender, ontvanger=envelope.ontvanger,
        identificatie=envelope.identificatie, dagtekening=envelope.dagtekening,
        raw=raw, sha256=envelope.sha256, filename=filename[:255], in_reply_to=in_reply_to,
        status=Message.Status.RECEIVED, received_at=clock.now(),
    )
