"""Processes one archived message: checks, state changes, findings, and the draft of its answer.

Sending the answer is the caller's next step (ingest.process), in the same transaction: this
module never sends, so handlers and the outbox can both sit on top of it without a cycle.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.ijw import clock, codec
from openjeugd.ijw.codec.codes import (
    DUPLICATE_IDENTIFICATION,
    TECHNICAL_REJECTION,
    record_level,
    rule_code,
)
from openjeugd.ijw.codec.message_types import MESSAGE_TYPES, RETOUR
from openjeugd.ijw.codec.rules import Finding, check
from openjeugd.ijw.models import Finding as FindingRow
from openjeugd.ijw.models import Message, Prestatie
from openjeugd.ijw.services import handlers, tallies
from openjeugd.ijw.services.handlers.replies import draft_return
from openjeugd.lib.workdays import deadline_for
from openjeugd.registry.models import Youth

# Messages we answer with a retourbericht (the provider's messages to the municipality); the
# JW323's handler drafts its JW325 itself.
RETURNED_BY_US = {code for code, t in MESSAGE_TYPES.items() if t.direction == "in"
                  and t.answered_by and MESSAGE_TYPES[t.answered_by].kind == RETOUR}
# IV087/IV088: a declaration is judged line by line.
LINE_BY_LINE = {"JW323"}
_NOT_HOLDING_IDENTIFICATION = (Message.Status.RECEIVED, Message.Status.REJECTED)


@dataclass
class Context:
    """What one processing run learns about a message before it is stored."""

    message: Message
    counted_as: tuple = ()  # the message's tally bucket when it was read (tallies.key_of)
    user: object = None  # who delivered it (None: the channel or a command); for the log
    findings: list[Finding] = field(default_factory=list)
    # The return or declaration answer to send once this message is judged (codec message).
    draft: codec.Message | None = None
    notes: list[str] = field(default_factory=list)

    def reject(self, *, rule: str, ref: str, text: str, level: str | None = None,
               retourcode: str | None = None) -> None:
        """Record that ``rule`` is broken in the record ``ref``. The retourcode comes from the
        rule table (codes.RULE_RETOURCODES, mirrored in STATEFUL_RULES) and the level from the
        class of that record (IV028: the code goes on the class that holds the element).
        Handlers pass no code or level; only the pipeline's own checks here (XSD with the
        codec's code) still name them."""
        known = rule_code(rule)
        where = level or record_level(ref)
        if level is None and where != known.level:
            # The table says where the rule's element lives; a handler that puts it elsewhere
            # answers at the wrong class. A programming error, caught by the rule tests.
            raise ValueError(f"{rule} belongs on {known.level}, not on {where} ({ref})")
        self.findings.append(Finding(rule=rule, retourcode=retourcode or known.retourcode,
                                     ref=ref, level=where, text=text))

    @property
    def rejected_whole(self) -> bool:
        return any(f.level in ("header", "declaratie", "client") for f in self.findings)

    def rejected(self, ref: str) -> bool:
        return self.rejected_whole or any(f.ref == ref for f in self.findings)


@dataclass
class Outcome:
    message: Message
    duplicate: bool = False
    draft: codec.Message | None = None  # the answer still to send (ingest.process sends it)
    reply: Message | None = None  # the answer as sent
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.message.status


def process(message_id: int, *, user=None) -> Outcome:
    """Judge one archived message; the caller sends `Outcome.draft` in the same transaction."""
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message_id)
        if message.status != Message.Status.RECEIVED:
            return Outcome(message, duplicate=True, notes=[_("Already processed.")])
        ctx = Context(message, counted_as=tallies.key_of(message), user=user)
        parsed = _parse(ctx)
        if parsed is not None:
            _judge(ctx, parsed)
        _finish(ctx)
    return Outcome(ctx.message, draft=ctx.draft, notes=ctx.notes)


def _judge(ctx: Context, parsed) -> None:
    if not ctx.findings:
        ctx.findings.extend(check(parsed, today=clock.today()))
    if any(f.retourcode == TECHNICAL_REJECTION for f in ctx.findings):
        # IV028: an error inside the message (controleniveau 1-2) rejects it before any rule
        # against earlier messages is tried; the return is the Header with 0001 alone.
        ctx.findings = [f for f in ctx.findings if f.retourcode == TECHNICAL_REJECTION]
    else:
        _check_identification(ctx)
        _apply_whole(ctx, lambda: handlers.HANDLERS[parsed.code](ctx, parsed))
    if parsed.code in RETURNED_BY_US:
        ctx.draft = draft_return(ctx, parsed)


def _apply_whole(ctx: Context, handle) -> None:
    """IV032: an error on controleniveau 3 or 4 rejects the whole message; nothing in it
    changes any state, not even its records without error. The handler runs in a savepoint
    that is rolled back when it found anything. IV087/IV088: a declaration is the exception,
    judged line by line, so its approved lines stand."""
    if ctx.message.code in LINE_BY_LINE:
        handle()
        return
    try:
        with transaction.atomic():
            handle()
            if ctx.findings:
                raise _NothingApplied
    except _NothingApplied:
        _forget_rolled_back(ctx.message)


class _NothingApplied(Exception):
    """Leaves the handler's savepoint, undoing every change it made."""


def _forget_rolled_back(message: Message) -> None:
    # A youth created by the rolled-back records no longer exists; the parties did before.
    if message.youth_id and not Youth.objects.filter(pk=message.youth_id).exists():
        message.youth = None


def _parse(ctx: Context):
    raw = bytes(ctx.message.raw)
    try:
        parsed = codec.parse(raw)
    except codec.CodecError as error:
        ctx.reject(level="header", ref="header", retourcode=error.retourcode or TECHNICAL_REJECTION,
                   rule="XSD", text=f"{error.message} ({error.path or '-'})")
        return None
    if settings.IJW_XSD_DIR:
        issues = codec.validate_xsd(raw, settings.IJW_XSD_DIR)
        for issue in issues[:20]:
            ctx.reject(level="header", ref="header", retourcode=TECHNICAL_REJECTION, rule="XSD",
                       text=f"line {issue.line}: {issue.text}")
        if issues:
            return None
    return parsed


def _check_identification(ctx: Context) -> None:
    # TR056: BerichtIdentificatie is unique per sender and message type among the messages
    # processed and not rejected; identical re-deliveries never get here.
    message = ctx.message
    clash = Message.objects.filter(
        afzender=message.afzender, code=message.code, identificatie=message.identificatie
    ).exclude(pk=message.pk).exclude(status__in=_NOT_HOLDING_IDENTIFICATION)
    if clash.exists() or not _claim_identification(message):
        ctx.reject(level="header", ref="header", retourcode=DUPLICATE_IDENTIFICATION,
                   rule="TR056", text=_("Another message from this sender already used "
                                        "identification %(id)s.") % {"id": message.identificatie})


def _claim_identification(message: Message) -> bool:
    """Take the identification before any handler runs: a concurrent message with the same one
    that passed the check above waits here for us and fails on the unique constraint. The
    status is provisional; `_finish` sets the real one (a rejection frees it again)."""
    try:
        with transaction.atomic():
            Message.objects.filter(pk=message.pk).update(status=Message.Status.ACCEPTED)
    except IntegrityError:
        return False
    return True


def _finish(ctx: Context) -> None:
    message = ctx.message
    message.processed_at = clock.now()
    message.status = _status(ctx)
    # Both ways: we owe providers answers, and they owe us returns on our JW301/JW319.
    kind = MESSAGE_TYPES[message.code].deadline if message.code in MESSAGE_TYPES else None
    if kind and message.status != Message.Status.REJECTED:
        message.answer_due = deadline_for(kind, timezone.localdate(message.received_at))
    if ctx.draft is not None:  # sent by the caller in this same transaction
        message.answered_at = message.processed_at
    # Never rewrite the raw bytes: the archive is write-once.
    message.save(update_fields=["processed_at", "status", "answer_due", "answered_at",
                                "municipality", "provider", "youth"])
    FindingRow.objects.bulk_create(
        FindingRow(message=message, level=f.level, ref=f.ref[:200], retourcode=f.retourcode,
                   rule=f.rule[:20], text=f.text)
        for f in ctx.findings
    )
    # The figures move with the message, in this same transaction.
    tallies.message_moved(ctx.counted_as, message)
    tallies.findings_added(message, [f.retourcode for f in ctx.findings])


def _status(ctx: Context) -> str:
    if ctx.message.code in LINE_BY_LINE:
        return _declaration_status(ctx)
    if ctx.findings:
        return Message.Status.REJECTED
    if ctx.message.direction == Message.Direction.OUT:
        return Message.Status.SENT
    return Message.Status.ACCEPTED


def _declaration_status(ctx: Context) -> str:
    """IV087/IV088: a declaration is refused whole at its header or DeclaratieAntwoord level,
    or when none of its lines could be assessed (every client unknown); otherwise it is judged
    line by line, and a client's or a line's error leaves the other lines granted. Assessed
    with any refusal is "partly granted": its JW325 says per line what was granted."""
    if any(f.level in ("header", "declaratie") for f in ctx.findings):
        return Message.Status.REJECTED
    if not ctx.findings:
        return Message.Status.ACCEPTED
    assessed = Prestatie.objects.filter(declaratie__message=ctx.message).exists()
    return Message.Status.PARTLY_GRANTED if assessed else Message.Status.REJECTED
