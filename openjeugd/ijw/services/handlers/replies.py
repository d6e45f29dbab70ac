"""Returns (retourberichten): the ones we send, and the ones we receive on our messages."""

from django.utils.translation import gettext as _

from openjeugd.ijw import codec
from openjeugd.ijw.codec.codes import OK_CODES
from openjeugd.ijw.codec.message_types import MESSAGE_TYPES
from openjeugd.ijw.models import Message
from openjeugd.ijw.services import numbering, parties
from openjeugd.ijw.services.records import retourcodes_in


def draft_return(ctx, parsed) -> codec.Message:
    """The return of an incoming message, carrying every finding at its level."""
    header_codes = sorted({f.retourcode for f in ctx.findings if f.level == "header"})
    record_codes: dict[str, list[str]] = {}
    for finding in ctx.findings:
        if finding.level != "header":
            record_codes.setdefault(finding.ref, []).append(finding.retourcode)
    return codec.build_return(
        parsed, header_codes=header_codes, record_codes=record_codes,
        identificatie=numbering.next_identificatie(ctx.message.ontvanger),
        dagtekening=numbering.today(),
    )


def handle_return(ctx, parsed) -> None:
    """A return on one of our messages: link it and show the codes it carries."""
    parties.resolve(ctx)
    # The return repeats the original header: its BerichtIdentificatie is the original's.
    original = Message.objects.filter(
        code=MESSAGE_TYPES[parsed.code].answers, afzender=parsed.header.afzender,
        identificatie=parsed.header.identificatie,
    ).first()
    if original is None:
        ctx.notes.append(_("No original message found for this return."))
        return
    _link(ctx.message, original)
    for ref, code in retourcodes_in(parsed):
        if code not in OK_CODES:
            ctx.notes.append(f"{ref}: {code}")


def handle_jw325(ctx, parsed) -> None:
    """A declaration answer from history: link it to the declaration it answers."""
    parties.resolve(ctx)
    original = Message.objects.filter(
        code=MESSAGE_TYPES[parsed.code].answers, afzender=ctx.message.ontvanger,
        identificatie=parsed.header.declaratie_identificatie,
    ).first()
    if original is not None:
        _link(ctx.message, original)


def _link(reply: Message, original: Message) -> None:
    reply.in_reply_to = original
    if original.answered_at is None:
        original.answered_at = reply.received_at
        original.save(update_fields=["answered_at"])
