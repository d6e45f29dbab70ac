from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.roles import SCOPE_OF_ROLE, Role, ScopeKind

GENESIS_HASH = "0" * 64


class User(AbstractUser):
    """A person working in Open Jeugd, with one role bound to one scope."""

    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True)
    region = models.ForeignKey(
        "registry.Region", on_delete=models.PROTECT, null=True, blank=True,
        related_name="users", verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        "registry.Municipality", on_delete=models.PROTECT, null=True, blank=True,
        related_name="users", verbose_name=_("municipality"),
    )
    provider = models.ForeignKey(
        "registry.Provider", on_delete=models.PROTECT, null=True, blank=True,
        related_name="users", verbose_name=_("provider"),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def scope_kind(self) -> str | None:
        return SCOPE_OF_ROLE.get(self.role)

    def clean(self) -> None:
        super().clean()
        if not self.role:
            return
        if self.region_id is None:
            raise ValidationError({"region": _("Every role works within a region.")})
        if self.scope_kind == ScopeKind.MUNICIPALITY and not self.municipality_id:
            raise ValidationError({"municipality": _("This role needs a municipality.")})
        if self.scope_kind == ScopeKind.PROVIDER and not self.provider_id:
            raise ValidationError({"provider": _("This role needs a provider.")})
        if self.municipality_id and self.municipality.region_id != self.region_id:
            raise ValidationError(
                {"municipality": _("The municipality must belong to the user's region.")}
            )


class AccessLogEntry(models.Model):
    """Append-only record of every read of personal data and every write (NEN 7513).

    Each entry is chained to the one before it by `prev_hash`; `entry_hash` covers its own
    fields, so changing or removing an entry breaks the chain (see accounts.chain). Rows are
    written only through accounts.audit.
    """

    class Action(models.TextChoices):
        READ = "read", _("read")
        CREATE = "create", _("create")
        UPDATE = "update", _("update")
        DELETE = "delete", _("delete")
        DENIED = "denied", _("denied")
        EXPORT = "export", _("export")
        LOGIN = "login", _("login")
        LOGIN_FAILED = "login_failed", _("failed login")
        SEARCH = "search", _("search")
        UPLOAD = "upload", _("upload")
        PURGE = "purge", _("purge")

    # Set in Python, not by the database: the time is part of the hashed content.
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    seq = models.PositiveBigIntegerField(_("position in the chain"), unique=True)
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="access_log",
        verbose_name=_("user"),
    )
    # The user's name, the name tried at a failed login, or a label such as
    # "system:ijw-processing" for processing without a user.
    username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200)
    hits = models.PositiveIntegerField(_("hits"), null=True, blank=True)
    region = models.ForeignKey(
        "registry.Region", on_delete=models.PROTECT, null=True, blank=True,
        verbose_name=_("reader's region"),
    )
    owner_region = models.ForeignKey(
        "registry.Region", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("owner's region"),
        help_text=_("The region that owns the data, e.g. the youth's municipality's region."),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    entry_hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            # The auditor's page: its region's entries newest first, per side, one page at a
            # time (accounts.selectors.access_log_parts, core.keyset).
            models.Index(fields=["owner_region", "-at", "-id"], name="accesslog_owner_time"),
            models.Index(fields=["region", "-at", "-id"], name="accesslog_reader_time"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.object_type}"


class AccessLogChain(models.Model):
    """The head of the hash chain: one row, locked by every append (serialises writers).

    `anchor_*` is the last entry removed by a retention purge; the oldest remaining entry
    must point at it.
    """

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    anchor_seq = models.PositiveBigIntegerField(default=0)
    anchor_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("access log chain head")

    def __str__(self) -> str:
        return f"{self.last_seq} {self.last_hash}"
