"""The region's KPI/KRI configuration and commentary: what it steers on, the targets, the
strategy map and the narratives. Configuration, not facts: no iJw, pathway or contract fact
is written here; the values are read from the indicator set (kpi.py, selectors_kpi.py).

Seed 003 §10.3 (WBO): KPI's en KRI's "afgezet tegen de doelwaarden ... per individueel proces,
per taakgebied, per lokaal stelsel van taakgebieden en ook regionaal"; seed 000 §13 (G7):
"feiten en cijfers ... en inkleuring daarvan door verhalen" ("tellen en vertellen").
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openjeugd.monitoring import kpi


class Indicator(models.Model):
    class Kind(models.TextChoices):
        KPI = "kpi", _("KPI (performance)")
        KRI = "kri", _("KRI (risk)")

    class Level(models.TextChoices):
        # In this order: an indicator contributes to one of its own level or above.
        PROCESS = "process", _("process")
        TASK_AREA = "task_area", _("task area")
        LOCAL_SYSTEM = "local_system", _("local system of task areas")
        REGION = "region", _("region")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="indicators", verbose_name=_("region"))
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    figure = models.CharField(_("figure"), max_length=40,
                              choices=[(key, _(f.label)) for key, f in kpi.FIGURES.items()])
    unit = models.CharField(_("unit"), max_length=12, choices=[(u, u) for u in kpi.UNITS])
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    # A reference to contracts' task area by name of model only: monitoring imports no
    # contracts code (pyproject import contracts).
    task_area = models.ForeignKey("contracts.TaskArea", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="+", verbose_name=_("task area"))
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("municipality"))
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["region", "code"],
                                    name="monitoring_indicator_code_unique_per_region"),
            models.CheckConstraint(condition=Q(kind__in=["kpi", "kri"]),
                                   name="monitoring_indicator_kind_valid"),
            models.CheckConstraint(
                condition=Q(level__in=["process", "task_area", "local_system", "region"]),
                name="monitoring_indicator_level_valid"),
            models.CheckConstraint(condition=Q(direction__in=["higher", "lower"]),
                                   name="monitoring_indicator_direction_valid"),
            models.CheckConstraint(condition=Q(figure__in=list(kpi.FIGURES)),
                                   name="monitoring_indicator_figure_known"),
            models.CheckConstraint(condition=~Q(level="task_area") | Q(task_area__isnull=False),
                                   name="monitoring_indicator_task_area_level_names_one"),
            models.CheckConstraint(condition=~Q(level="region") | Q(municipality__isnull=True),
                                   name="monitoring_indicator_region_level_no_municipality"),
            models.CheckConstraint(condition=~Q(code="") & ~Q(name=""),
                                   name="monitoring_indicator_code_name_filled"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def level_rank(self) -> int:
        return list(self.Level.values).index(self.level)


class Target(models.Model):
    """The doelwaarde of an indicator for one period, and for a KRI (optionally a KPI) the
    signal threshold on the bad side of it (kpi.status)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets",
                                  verbose_name=_("indicator"))
    period = models.CharField(_("period"), max_length=7)
    target = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    signal = models.DecimalField(_("signal threshold"), max_digits=14, decimal_places=2,
                                 null=True, blank=True)
    # Where the value comes from: a council decision, a contract, or "demo_assumption".
    source = models.CharField(_("source"), max_length=200, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+", verbose_name=_("set by"))
    set_at = models.DateTimeField(_("set at"), default=timezone.now)

    class Meta:
        ordering = ["indicator", "period"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"],
                                    name="monitoring_target_one_per_indicator_period"),
            models.CheckConstraint(condition=~Q(period=""),
                                   name="monitoring_target_period_filled"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.target}"


class Goal(models.Model):
    """A strategic goal of the region (seed 003: "de link met strategische doelen")."""

    region = models.ForeignKey("registry.Region", on_delete=models.PROTECT,
                               related_name="strategic_goals", verbose_name=_("region"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"],
                                    name="monitoring_goal_name_unique_per_region"),
            models.CheckConstraint(condition=~Q(name=""),
                                   name="monitoring_goal_name_filled"),
        ]

    def __str__(self) -> str:
        return self.name


class Link(models.Model):
    """One arrow of the strategy map: `indicator` contributes to a goal or to a higher
    indicator (exactly one of the two). Cycles are refused by the service."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="links_up",
                                  verbose_name=_("indicator"))
    parent = models.ForeignKey(Indicator, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="links_down", verbose_name=_("contributes to"))
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="links", verbose_name=_("strategic goal"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("strategy-map link")
        verbose_name_plural = _("strategy-map links")
        constraints = [
            models.CheckConstraint(
                condition=(Q(parent__isnull=False, goal__isnull=True)
                           | Q(parent__isnull=True, goal__isnull=False)),
                name="monitoring_link_one_target"),
            models.CheckConstraint(condition=~Q(parent=F("indicator")),
                                   name="monitoring_link_not_to_itself"),
            models.UniqueConstraint(fields=["indicator", "parent"],
                                    condition=Q(parent__isnull=False),
                                    name="monitoring_link_once_per_parent"),
            models.UniqueConstraint(fields=["indicator", "goal"],
                                    condition=Q(goal__isnull=False),
                                    name="monitoring_link_once_per_goal"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} -> {self.parent or self.goal}"


class Narrative(models.Model):
    """The story behind a figure for a period (seed 000: "tellen en vertellen"), optionally
    for one municipality. Kept as written: a correction is a new narrative."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE,
                                  related_name="narratives", verbose_name=_("indicator"))
    municipality = models.ForeignKey("registry.Municipality", on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("municipality"))
    period = models.CharField(_("period"), max_length=7)
    text = models.TextField(_("text"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("author"))
    written_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = _("narrative")
        verbose_name_plural = _("narratives")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""),
                                   name="monitoring_narrative_text_filled"),
            models.CheckConstraint(condition=~Q(period=""),
                                   name="monitoring_narrative_period_filled"),
        ]
        indexes = [models.Index(fields=["indicator", "period"],
                                name="monitoring_narrative_by_period")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.text[:40]}"
