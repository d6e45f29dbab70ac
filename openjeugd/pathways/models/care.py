"""Steps 4–7: mobile brigade, the municipality's decision (beschikking) with its toewijzing,
placement in a facility with its moves, hypermaatwerk, and crisis episodes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .case import Case
from .expert_team import ExpertTeamRegistration


class BrigadeDeployment(models.Model):
    """Seed 000 §6.1: deployed by the RET chair ("kan door de voorzitter van het Regionale
    Expert Team (RET) worden ingezet"), directly for a child already in essential residence
    ("behalve als een kind al in integraal hoog specialistisch verblijf zit"); "planbare zorg
    die binnen 3 werkdagen beschikbaar is, maar geen crisisdienst"; "neemt de regie over de
    zorg niet over"; makes "één werkhypothese"."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="brigade_deployments")
    registration = models.ForeignKey(ExpertTeamRegistration, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="brigade_deployments")
    direct = models.BooleanField(_("directly, without the expert team"), default=False)
    deployed_on = models.DateField(_("deployed on"))
    available_by = models.DateField(_("available by"))
    deployed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+")
    question = models.TextField(_("question to the brigade"))
    started_on = models.DateField(_("started on"), null=True, blank=True)
    advice = models.TextField(_("advice"), blank=True)
    working_hypothesis = models.TextField(_("shared working hypothesis"), blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        ordering = ["case", "deployed_on", "pk"]
        verbose_name = _("brigade deployment")
        verbose_name_plural = _("brigade deployments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(direct=True) | models.Q(registration__isnull=False),
                name="brigade_via_expert_team_unless_direct"),
        ]

    def __str__(self) -> str:
        return f"{_('Brigade')} {self.deployed_on}"


class Beschikking(models.Model):
    """Step 5: the municipality's decision; its toewijzing goes out as a JW301 (ijw)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="beschikkingen")
    decided_on = models.DateField(_("decided on"))
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("provider"))
    product_categorie = models.CharField(_("product category"), max_length=2)
    product_code = models.CharField(_("product code"), max_length=5, blank=True)
    ingangsdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    message = models.ForeignKey("ijw.Message", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("JW301 sent"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        ordering = ["case", "decided_on", "pk"]
        verbose_name = _("decision (beschikking)")
        verbose_name_plural = _("decisions (beschikkingen)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="beschikking_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{_('Decision')} {self.decided_on}"


class Placement(models.Model):
    """Step 6: a stay in a facility of the registry; seed 003 "in één keer bij de passende
    woonvoorziening geplaatst (matched care)"."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="placements")
    facility = models.ForeignKey("registry.Facility", on_delete=models.PROTECT,
                                 related_name="placements", verbose_name=_("facility"))
    started_on = models.DateField(_("started on"))
    planned_end_on = models.DateField(_("planned outflow on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    # The toewijzing's provider may differ from the facility's operator (onderaannemer).
    beschikking = models.ForeignKey(Beschikking, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="placements")

    class Meta:
        ordering = ["case", "started_on", "pk"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=models.Q(ended_on=None),
                                    name="one_current_placement_per_case"),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="placement_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.facility} {self.started_on}"


class Move(models.Model):
    """A move between placements; seed 000 "Geen onvrijwillige doorplaatsing" (target 0)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="moves")
    from_placement = models.OneToOneField(Placement, on_delete=models.PROTECT,
                                          related_name="moved_out")
    to_placement = models.OneToOneField(Placement, on_delete=models.PROTECT,
                                        related_name="moved_in")
    moved_on = models.DateField(_("moved on"))
    voluntary = models.BooleanField(_("voluntary"))
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["case", "moved_on"]
        verbose_name = _("move")
        verbose_name_plural = _("moves")

    def __str__(self) -> str:
        return f"{_('Move')} {self.moved_on}"


class OneOnOneSupport(models.Model):
    """Seed 000 "1-op-1 begeleiding": "vanaf 2026 toe naar 0 inzet" — recorded to be counted."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE,
                                  related_name="one_on_one")
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["placement", "started_on"]
        verbose_name = _("1-op-1 begeleiding")
        verbose_name_plural = _("1-op-1 begeleiding")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="one_on_one_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"1-op-1 {self.started_on}"


class Hypermaatwerk(models.Model):
    """The explicit last resort, with its justification and what was tried before."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hypermaatwerk")
    decided_on = models.DateField(_("decided on"))
    justification = models.TextField(_("justification"))
    alternatives_tried = models.TextField(_("alternatives tried"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, related_name="+")

    class Meta:
        verbose_name = _("hypermaatwerk")
        verbose_name_plural = _("hypermaatwerk")

    def __str__(self) -> str:
        return f"{_('Hypermaatwerk')} {self.decided_on}"


class CrisisEpisode(models.Model):
    """Step 7: seed 003 "binnen 24 uur een interventie nodig"; ambulante spoedhulp "tijdens en"
    after a crisis stay; seed 004 Acuut "maximaal 14 dagen"."""

    class Spoedhulp(models.TextChoices):
        NONE = "", _("none")
        BEFORE = "before", _("before a crisis stay (to prevent it)")
        DURING = "during", _("during a crisis stay")
        AFTER = "after", _("after a crisis stay")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="crises")
    reported_at = models.DateTimeField(_("reported at"))
    intervened_at = models.DateTimeField(_("intervention at"), null=True, blank=True)
    acuut_from = models.DateField(_("Acuut from"))
    acuut_to = models.DateField(_("Acuut to"))
    crisis_stay = models.BooleanField(_("crisis stay"), default=False)
    spoedhulp = models.CharField(_("ambulante spoedhulp"), max_length=10,
                                 choices=Spoedhulp.choices, blank=True, default="")
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["case", "reported_at"]
        verbose_name = _("crisis episode")
        verbose_name_plural = _("crisis episodes")
        constraints = [
            models.CheckConstraint(condition=models.Q(acuut_to__gte=models.F("acuut_from")),
                                   name="crisis_acuut_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{_('Crisis')} {self.reported_at:%Y-%m-%d}"
