"""A case (casus): one youth's pathway in one municipality. Process information only — the
medical record stays with the provider (seed 003: "Het medisch dossier van de cli" ... "blijft bij
de uitvoerende aanbieder")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Versioned(models.Model):
    """Optimistic locking: a write names the version it read; services.locking refuses it when
    someone else saved in between."""

    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        abstract = True


class Case(Versioned):
    class Phase(models.TextChoices):
        REQUEST = "request", _("request for help")
        REFERRAL = "referral", _("referral")
        EXPERT_TEAM = "expert_team", _("expert team")
        DECISION = "decision", _("decision and assignment")
        CARE = "care", _("care")
        OUTFLOW = "outflow", _("outflow and aftercare")
        CLOSED = "closed", _("closed")

    youth = models.ForeignKey("registry.Youth", on_delete=models.PROTECT, related_name="cases",
                              verbose_name=_("youth"))
    # The youth's municipality when the case was opened (woonplaatsbeginsel); it owns the case.
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     related_name="cases", verbose_name=_("municipality"))
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices,
                             default=Phase.REQUEST)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="cases",
                                    verbose_name=_("responsible professional"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["youth", "municipality"],
                                    condition=models.Q(closed_on__isnull=True),
                                    name="one_open_case_per_youth_and_municipality"),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="case_closed_after_opened"),
        ]

    def __str__(self) -> str:
        return f"{_('Case')} {self.pk}"


class CaseEvent(models.Model):
    """Append-only history of a case: the timeline, and the log of hand-overs and switches."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("at"), auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    text = models.CharField(_("text"), max_length=500)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.kind}"


class RegieRole(models.Model):
    """Who holds which regie in a phase (seed 000 §9 "Casusregie", "Procesregie",
    "Behandelregie"; seed 003 "Vast contactpersoon"). A hand-over ends one holder and starts
    the next; `handed_over_from` keeps the chain."""

    class Kind(models.TextChoices):
        CASUSREGISSEUR = "casusregisseur", _("casusregisseur")
        PROCESREGISSEUR = "procesregisseur", _("procesregisseur")
        REGIEBEHANDELAAR = "regiebehandelaar", _("regiebehandelaar")
        VAST_CONTACTPERSOON = "vast_contactpersoon", _("vast contactpersoon")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="regie_roles")
    kind = models.CharField(_("role"), max_length=30, choices=Kind.choices)
    phase = models.CharField(_("phase"), max_length=20, choices=Case.Phase.choices)
    holder_name = models.CharField(_("holder"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="+")
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)
    handed_over_from = models.OneToOneField("self", on_delete=models.SET_NULL, null=True,
                                            blank=True, related_name="handed_over_to")

    class Meta:
        ordering = ["case", "valid_from", "pk"]
        verbose_name = _("regie role")
        verbose_name_plural = _("regie roles")
        constraints = [
            models.UniqueConstraint(fields=["case", "kind"], condition=models.Q(valid_to=None),
                                    name="one_current_holder_per_regie_role"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="regie_role_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.holder_name}"
