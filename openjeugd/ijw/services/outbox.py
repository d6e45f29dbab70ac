"""Send: a message Open Jeugd writes is serialized, checked against the XSD, archived and
processed like any other, inside the caller's transaction."""

from django.conf import settings

from openjeugd.ijw import codec
from openjeugd.ijw.models import Message
from openjeugd.ijw.services import processing
from openjeugd.ijw.services.archive import archive_outgoing
from openjeugd.ijw.services.numbering import next_identificatie, today

__all__ = ["OutgoingInvalid", "next_identificatie", "send", "today"]


class OutgoingInvalid(Exception):
    """Open Jeugd refuses to send a message that fails the official schema."""


def send(message: codec.Message, *, in_reply_to: Message | None = None) -> Message:
    """Serialize, check against the XSD, archive and process one outgoing message."""
    raw = codec.serialize(message)
    if settings.IJW_XSD_DIR:
        issues = codec.validate_xsd(raw, settings.IJW_XSD_DIR)
        if issues:
            raise OutgoingInvalid("; ".join(f"line {i.line}: {i.text}" for i in issues[:5]))
    stored = archive_outgoing(raw, in_reply_to=in_reply_to,
                              filename=f"{message.code}-{_own_number(message.header)}.xml")
    outcome = processing.process(stored.pk)
    if outcome.draft is not None:
        # Only messages we receive are answered; what we send never drafts an answer.
        raise RuntimeError(f"{message.code} drafted an answer to Open Jeugd's own message")
    return outcome.message


def _own_number(header) -> str:
    # A return repeats the original's BerichtIdentificatie; its own is IdentificatieRetour.
    return header.identificatie_retour or header.identificatie
