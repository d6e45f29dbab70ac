"""How a region runs its care pathway: configuration of the region, not branches in code.

The five seed regions differ in which steps exist and in their terms; `presets.py` holds their
values, `services_config.apply_preset` writes them here.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class PathwayConfig(models.Model):
    region = models.OneToOneField("registry.Region", on_delete=models.CASCADE,
                                  related_name="pathway_config", verbose_name=_("region"))
    preset = models.CharField(_("based on preset"), max_length=20, blank=True)
    # Which steps exist.
    has_triage = models.BooleanField(_("triage at the local team"), default=True)
    has_expert_team = models.BooleanField(_("expert team (RET / MDO)"), default=True)
    expert_team_label = models.CharField(_("name of the expert team"), max_length=100,
                                         default="RET")
    has_brigade = models.BooleanField(_("mobile brigade"), default=False)
    has_consensus_meeting = models.BooleanField(_("consensus meeting"), default=False)
    has_escalation_ladder = models.BooleanField(_("escalation ladder"), default=False)
    profile_model = models.BooleanField(_("support profiles × intensities"), default=False)
    # Terms (seed citations in presets.py and deadlines.py).
    brigade_working_days = models.PositiveSmallIntegerField(
        _("brigade available within (working days)"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)])
    crisis_hours = models.PositiveSmallIntegerField(
        _("crisis intervention within (hours)"), default=24,
        validators=[MinValueValidator(1), MaxValueValidator(168)])
    acuut_max_days = models.PositiveSmallIntegerField(
        _("Acuut intensity at most (days)"), default=14,
        validators=[MinValueValidator(1), MaxValueValidator(60)])
    outflow_months_min = models.PositiveSmallIntegerField(
        _("follow-up place at least (months before outflow)"), default=3)
    outflow_months_max = models.PositiveSmallIntegerField(
        _("follow-up place from (months before outflow)"), default=6)
    months_before_18 = models.PositiveSmallIntegerField(
        _("follow-up clear (months before the 18th birthday)"), default=3)
    toekomstplan_age = models.PositiveSmallIntegerField(_("toekomstplan at age"), default=16)
    measure_after_two_years = models.BooleanField(_("measure 2 years after the end"),
                                                  default=False)

    class Meta:
        verbose_name = _("pathway configuration")
        verbose_name_plural = _("pathway configurations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outflow_months_min__lte=models.F("outflow_months_max")),
                name="pathway_outflow_window_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.region} ({self.preset or '-'})"


class EscalationStep(models.Model):
    """One rung of the escalation ladder (seed 003: "escalatieladder om een besluit te nemen")."""

    config = models.ForeignKey(PathwayConfig, on_delete=models.CASCADE,
                               related_name="escalation_steps")
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=200)
    decided_by = models.CharField(_("who decides"), max_length=200)
    working_days = models.PositiveSmallIntegerField(_("decision within (working days)"),
                                                    default=5)

    class Meta:
        ordering = ["config", "order"]
        verbose_name = _("escalation step")
        verbose_name_plural = _("escalation steps")
        constraints = [
            models.UniqueConstraint(fields=["config", "order"],
                                    name="one_escalation_step_per_rung"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"
