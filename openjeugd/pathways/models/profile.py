"""Step 8 (seed 004, Amsterdam): one support profile (1–10) and one intensity per family, held
by the hoofdaannemer; a switch needs the regisseur's consent.

seed 004 "één perspectiefplan, één ondersteuningsprofiel, één ondersteuningsbehoefte en dus één
tarief per gezin"; exception "stapeling mogelijk, mits afgestemd met de regisseur";
"na toestemming van de regisseur ... gekozen worden voor een andere profiel-intensiteit-
combinatie. De bewijslast in deze ligt bij de aanbieder."
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case


class Intensity(models.TextChoices):
    # seed 004 "Perspectief Intensief Acuut Duurzaam"
    PERSPECTIEF = "perspectief", _("Perspectief (light)")
    INTENSIEF = "intensief", _("Intensief")
    ACUUT = "acuut", _("Acuut (at most 14 days)")
    DUURZAAM = "duurzaam", _("Duurzaam (long-term)")


class SupportProfile(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="profiles")
    profile = models.PositiveSmallIntegerField(
        _("support profile"), validators=[MinValueValidator(1), MaxValueValidator(10)])
    intensity = models.CharField(_("intensity"), max_length=20, choices=Intensity.choices)
    hoofdaannemer = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                      related_name="+", verbose_name=_("hoofdaannemer"))
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)
    # A second current profile (stapeling) only with the regisseur's consent.
    stacking_consent_by = models.CharField(_("stacking agreed by (regisseur)"), max_length=200,
                                           blank=True)

    class Meta:
        ordering = ["case", "valid_from", "pk"]
        verbose_name = _("support profile")
        verbose_name_plural = _("support profiles")
        constraints = [
            models.CheckConstraint(condition=models.Q(profile__gte=1, profile__lte=10),
                                   name="support_profile_1_to_10"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="support_profile_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{_('Profile')} {self.profile} / {self.get_intensity_display()}"


class ProfileSwitchRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    current = models.ForeignKey(SupportProfile, on_delete=models.CASCADE,
                                related_name="switch_requests")
    requested_by = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("requested by"))
    requested_on = models.DateField(_("requested on"))
    profile = models.PositiveSmallIntegerField(
        _("requested profile"), validators=[MinValueValidator(1), MaxValueValidator(10)])
    intensity = models.CharField(_("requested intensity"), max_length=20,
                                 choices=Intensity.choices)
    evidence = models.TextField(_("evidence"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.REQUESTED)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    decision_reason = models.TextField(_("reason of the decision"), blank=True)
    result = models.OneToOneField(SupportProfile, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="switched_from")

    class Meta:
        ordering = ["current", "requested_on", "pk"]
        verbose_name = _("profile switch request")
        verbose_name_plural = _("profile switch requests")
        constraints = [
            models.UniqueConstraint(fields=["current"], condition=models.Q(status="requested"),
                                    name="one_open_switch_request_per_profile"),
            models.CheckConstraint(condition=models.Q(profile__gte=1, profile__lte=10),
                                   name="switch_request_profile_1_to_10"),
        ]

    def __str__(self) -> str:
        return f"{_('Switch request')} {self.requested_on}"
