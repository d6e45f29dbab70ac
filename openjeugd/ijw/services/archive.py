"""Archive first: the raw bytes of every message, received or generated, before any judgement.

Archiving a received message commits on its own, before any parsing, so nothing received is
ever lost. A message Open Jeugd generates is stored inside the caller's transaction.
"""

from django.db import IntegrityError, transaction

from openjeugd.ijw import clock
from openjeugd.ijw.codec.message_types import direction_of
from openjeugd.ijw.models import Message
from openjeugd.ijw.services import tallies
from openjeugd.ijw.services.sniff import Envelope, sniff


def same_delivery(envelope: Envelope) -> Message | None:
    return Message.objects.filter(
        afzender=envelope.afzender, code=envelope.code,
        identificatie=envelope.identificatie, sha256=envelope.sha256,
    ).first()


def archive_received(raw: bytes, envelope: Envelope, *, filename: str = "",
                     user=None) -> Message:
    uploader = user if user is not None and user.is_authenticated else None
    try:
        with transaction.atomic():
            message = Message.objects.create(
                direction=direction_of(envelope.code), code=envelope.code,
                afzender=envelope.afzender, ontvanger=envelope.ontvanger,
                identificatie=envelope.identificatie, dagtekening=envelope.dagtekening,
                raw=raw, sha256=envelope.sha256, filename=filename[:255], uploaded_by=uploader,
            )
            tallies.message_added(message)
            return message
    except IntegrityError:
        # A concurrent delivery of the same bytes won the race: use its row.
        return same_delivery(envelope)


def archive_outgoing(raw: bytes, *, in_reply_to: Message | None = None,
                     filename: str = "") -> Message:
    """Store a message Open Jeugd itself generated (inside the caller's transaction)."""
    envelope = sniff(raw)
    message = Message.objects.create(
        direction=direction_of(envelope.code), code=envelope.code,
        afzender=envelope.afzender, ontvanger=envelope.ontvanger,
        identificatie=envelope.identificatie, dagtekening=envelope.dagtekening,
        raw=raw, sha256=envelope.sha256, filename=filename[:255], in_reply_to=in_reply_to,
        status=Message.Status.RECEIVED, received_at=clock.now(),
    )
    tallies.message_added(message)
    return message
