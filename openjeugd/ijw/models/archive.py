"""The message archive: every message in and out, raw bytes first, then what became of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from openjeugd.ijw import clock


class Message(models.Model):
    class Direction(models.TextChoices):
        # Seen from the region: "in" is provider → municipality, "out" the other way.
        IN = "in", _("incoming")
        OUT = "out", _("outgoing")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        ACCEPTED = "accepted", _("accepted")
        # Only a declaration can be partly granted (IV088); any other message is taken whole
        # or not at all (IV032).
        PARTLY_GRANTED = "partly_granted", _("partly granted")
        REJECTED = "rejected", _("rejected")
        ANSWERED = "answered", _("answered")
        SENT = "sent", _("sent")

    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    code = models.CharField(_("message code"), max_length=5, blank=True, db_index=True)
    afzender = models.CharField(_("sender"), max_length=8, blank=True)
    ontvanger = models.CharField(_("receiver"), max_length=8, blank=True)
    identificatie = models.CharField(_("identification"), max_length=64, blank=True)
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    raw = models.BinaryField(_("raw message"))
    sha256 = models.CharField(max_length=64)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    # Who delivered it: a person (web, API), the region's channel account, or nobody (a
    # command run by an administrator, or Open Jeugd's own outbox).
    uploaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("delivered by"))
    received_at = models.DateTimeField(_("received at"), default=clock.now, db_index=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    # Scope: which municipality and provider this traffic belongs to (for inbox/outbox).
    municipality = models.ForeignKey(
        "registry.Municipality", on_delete=models.PROTECT, null=True, blank=True,
        related_name="ijw_messages",
    )
    provider = models.ForeignKey(
        "registry.Provider", on_delete=models.PROTECT, null=True, blank=True,
        related_name="ijw_messages",
    )
    youth = models.ForeignKey(
        "registry.Youth", on_delete=models.PROTECT, null=True, blank=True,
        related_name="ijw_messages",
    )
    in_reply_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies",
        verbose_name=_("in reply to"),
    )
    answer_due = models.DateField(_("answer due"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("iJw message")
        verbose_name_plural = _("iJw messages")
        constraints = [
            # Re-delivering identical bytes never creates a second row; a *different* message
            # reusing an identification is archived and rejected (see services.ingest).
            models.UniqueConstraint(
                fields=["direction", "afzender", "code", "identificatie", "sha256"],
                name="unique_delivery",
            ),
            # TR056: one identification per sender and message type among the messages that
            # were processed and not rejected; rejected clashes stay in the archive.
            models.UniqueConstraint(
                fields=["afzender", "code", "identificatie"],
                condition=~models.Q(status__in=["received", "rejected"]),
                name="unique_identificatie_per_sender_and_code",
            ),
        ]
        indexes = [
            models.Index(fields=["afzender", "code", "identificatie"]),
            # Postvak IN / UIT: a party's messages, newest first, read one page at a time.
            models.Index(fields=["ontvanger", "-received_at", "-id"], name="ijw_inbox"),
            models.Index(fields=["afzender", "-received_at", "-id"], name="ijw_outbox"),
            # The API's and the figures' lists newest first (keyset pagination).
            models.Index(fields=["-received_at", "-id"], name="ijw_newest_first"),
            # Overdue answers: only the few messages still waiting for an answer.
            models.Index(fields=["answer_due"], name="ijw_awaiting_answer",
                         condition=models.Q(answered_at__isnull=True,
                                            answer_due__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.code or '?'} {self.identificatie or '-'} ({self.afzender}→{self.ontvanger})"

    @property
    def answered_in_time(self) -> bool | None:
        if self.answer_due is None:
            return None
        if self.answered_at is None:
            return None
        return self.answered_at.date() <= self.answer_due


class Finding(models.Model):
    """One reason a message or part of it was rejected, with its WJ001 retourcode."""

    class Level(models.TextChoices):
        HEADER = "header", _("message")
        DECLARATIE = "declaratie", _("declaration")
        CLIENT = "client", _("client")
        PRODUCT = "product", _("product line")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="findings")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    ref = models.CharField(_("reference"), max_length=200, blank=True)
    retourcode = models.CharField(_("return code"), max_length=4)
    rule = models.CharField(_("rule"), max_length=20, blank=True)
    text = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.retourcode} {self.rule} {self.ref}"


class IdentificatieCounter(models.Model):
    """Last BerichtIdentificatie number Open Jeugd used per sender (TR056: unique per sender)."""

    afzender = models.CharField(max_length=8, unique=True)
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.afzender}: {self.last}"
