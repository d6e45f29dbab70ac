"""Ceilings (plafonds) per year and the Leren & Ontwikkelen budget line."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TARGETS = {"municipality": "municipality", "provider": "provider", "lot": "lot",
           "product": "product", "segment": "task_area"}
# seed 002 ("de capaciteit die hiervoor wordt ingezet, zoals het aantal bedden"; "afbouw van
# het aantal bedden"): the beds are planned with the total budget, for the region or a segment.
PLANNED_BEDS_LEVELS = ("region", "segment")
PLANNED_BEDS_REFUSAL = _("Planned beds belong to a region or segment ceiling, not to a "
                         "%(level)s ceiling.")


def _one_target() -> Q:
    empty = {field: None for field in TARGETS.values()}
    allowed = Q(level="region", **{f"{f}__isnull": True for f in empty})
    for level, field in TARGETS.items():
        allowed |= Q(level=level, **{f"{f}__isnull": f != field for f in empty})
    return allowed


def _unique_per_level() -> list:
    rules = [models.UniqueConstraint(fields=["region", "year"], condition=Q(level="region"),
                                     name="unique_region_ceiling")]
    for level, field in TARGETS.items():
        rules.append(models.UniqueConstraint(
            fields=["region", "year", field], condition=Q(level=level),
            name=f"unique_{level}_ceiling"))
    return rules


class Ceiling(models.Model):
    """A budget ceiling for one calendar year at one level. Exactly the field of its level is
    filled (a region ceiling fills none): the database enforces it."""

    class Level(models.TextChoices):
        REGION = "region", _("region")
        MUNICIPALITY = "municipality", _("municipality")
        PROVIDER = "provider", _("provider")
        LOT = "lot", _("lot")
        PRODUCT = "product", _("product")
        SEGMENT = "segment", _("segment (task area)")

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="ceilings", verbose_name=_("region"))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2015), MaxValueValidator(2100)])
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="ceilings")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT, null=True,
                                 blank=True, related_name="ceilings")
    lot = models.ForeignKey("contracts.Lot", on_delete=models.PROTECT, null=True, blank=True,
                            related_name="ceilings")
    product = models.ForeignKey("contracts.Product", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="ceilings")
    task_area = models.ForeignKey("contracts.TaskArea", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="ceilings",
                                  verbose_name=_("segment (task area)"))
    amount = models.DecimalField(_("budget"), max_digits=14, decimal_places=2)
    # seed 003 ("extra budget beschikbaar (ventiel, afbouw gedurende looptijd)"): extra room for
    # unforeseen developments, decreasing year by year, so one amount per ceiling-year.
    ventiel = models.DecimalField(_("ventiel"), max_digits=14, decimal_places=2, default=0)
    efficiency_discount = models.DecimalField(
        _("efficiency discount (%)"), max_digits=5, decimal_places=2, default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)])
    # Empty: settings.CONTRACTS_CEILING_WARNING_PERCENT.
    warning_percent = models.PositiveSmallIntegerField(
        _("warn at percentage used"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)])
    # The residential beds the yearly budget was fixed for (seed 002 "Jaarlijks totaalbudget");
    # monitoring's MONITORING_BED_PLAN_LOOKUP compares the beds in use with it.
    planned_beds = models.PositiveIntegerField(_("planned beds (residential)"), null=True,
                                               blank=True)

    class Meta:
        ordering = ["region", "year", "level", "id"]
        verbose_name = _("ceiling")
        verbose_name_plural = _("ceilings")
        constraints = [
            models.CheckConstraint(condition=_one_target(), name="ceiling_targets_its_level"),
            models.CheckConstraint(condition=Q(amount__gte=0, ventiel__gte=0),
                                   name="ceiling_amounts_not_negative"),
            models.CheckConstraint(
                condition=Q(efficiency_discount__gte=0, efficiency_discount__lte=100),
                name="ceiling_discount_is_a_percentage"),
            models.CheckConstraint(
                condition=Q(planned_beds__isnull=True) | Q(level__in=PLANNED_BEDS_LEVELS),
                name="ceiling_planned_beds_region_or_segment"),
            *_unique_per_level(),
        ]

    def __str__(self) -> str:
        target = self.municipality or self.provider or self.lot or self.product \
            or self.task_area or self.region
        return f"{self.year} {self.get_level_display()}: {target}"

    def clean(self) -> None:
        if self.planned_beds is not None and self.level not in PLANNED_BEDS_LEVELS:
            raise ValidationError({"planned_beds": PLANNED_BEDS_REFUSAL % {
                "level": self.get_level_display()}})


class LearningContribution(models.Model):
    """Leren & Ontwikkelen (seed 000 "Leren en ontwikkelen": "zorgaanbieders met een financiële
    bijdrage te faciliteren om deel te nemen aan de implementatiebijeenkomsten en de
    leercirkels"): a budget line of its own, outside the care ceilings."""

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="learning_contributions")
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT,
                                 related_name="learning_contributions")
    provider = models.ForeignKey("registry.Provider", on_delete=models.PROTECT,
                                 related_name="learning_contributions")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)

    class Meta:
        ordering = ["region", "year", "provider"]
        verbose_name = _("Leren & Ontwikkelen contribution")
        verbose_name_plural = _("Leren & Ontwikkelen contributions")
        constraints = [
            models.UniqueConstraint(fields=["contract", "provider", "year"],
                                    name="unique_learning_contribution"),
            models.CheckConstraint(condition=Q(amount__gte=0),
                                   name="learning_contribution_not_negative"),
        ]

    def __str__(self) -> str:
        return f"L&O {self.year} {self.provider}: {self.amount}"
