"""Messages Open Jeugd writes itself: numbered, serialized, validated, archived, processed."""

from django.conf import settings
from django.db import transaction

from openjeugd.ijw import clock, codec
from openjeugd.ijw.models import IdentificatieCounter, Message


class OutgoingInvalid(Exception):
    """Open Jeugd refuses to send a message that fails the official schema."""


def next_identificatie(afzender: str) -> str:
    with transaction.atomic():
        counter, _ = IdentificatieCounter.objects.select_for_update().get_or_create(
            afzender=afzender)
        counter.last += 1
        counter.save(update_fields=["last"])
    # Prefix makes our numbers recognisable next to numbers from a previous system.
    return f"OJ{counter.last:010d}"


def send(message: codec.Message, *, in_reply_to: Message | None = None) -> Message:
    """Serialize, check against the XSD, archive and process one outgoing message."""
    from openjeugd.ijw.services.ingest import archive_outgoing
    from openjeugd.ijw.services.processing import process

    raw = codec.serialize(message)
    if settings.IJW_XSD_DIR:
        issues = codec.validate_xsd(raw, settings.IJW_XSD_DIR)
        if issues:
            raise OutgoingInvalid("; ".join(f"line {i.line}: {i.text}" for i in issues[:5]))
    stored = archive_outgoing(raw, in_reply_to=in_reply_to,
                              filename=f"{message.code}-{_own_number(message.header)}.xml")
    return process(stored.pk).message


def today():
    return clock.today()


def _own_number(header) -> str:
    # A return repeats the original's BerichtIdentificatie; its own is IdentificatieRetour.
    return header.identificatie_retour or header.identificatie
