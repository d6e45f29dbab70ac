"""Reads of the KPI/KRI configuration, and its evaluation for a period from the live
indicator set (selectors.indicators_for / region_indicators: no second calculation; kpi.py
reads the figure out of it and judges it against the target).

Everything is of the user's own region, for VIEW_REGION_FIGURES; another region's objects
answer 404.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.http import Http404

from openjeugd.accounts import policy
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import kpi, selectors
from openjeugd.monitoring.models import Goal, Indicator, Link, Narrative, Target


def _own_region(user):
    policy.require(user, Perm.VIEW_REGION_FIGURES)
    if user.region_id is None:
        raise Http404("No region in your scope.")
    return user.region


def indicators_of(user):
    region = _own_region(user)
    return (Indicator.objects.filter(region=region)
            .select_related("task_area", "municipality").order_by("level", "code"))


def _one(queryset, pk):
    found = queryset.filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise Http404("Not in your region.")
    return found


def indicator_for(user, pk) -> Indicator:
    return _one(indicators_of(user), pk)


def target_for(user, pk) -> Target:
    return _one(Target.objects.filter(indicator__region=_own_region(user))
                .select_related("indicator"), pk)


def goal_for(user, pk) -> Goal:
    return _one(goals_of(user), pk)


def link_for(user, pk) -> Link:
    return _one(Link.objects.filter(indicator__region=_own_region(user))
                .select_related("indicator", "parent", "goal"), pk)


def goals_of(user):
    return Goal.objects.filter(region=_own_region(user))


def links_of(user):
    return (Link.objects.filter(indicator__region=_own_region(user))
            .select_related("indicator", "parent", "goal"))


def targets_of(indicator: Indicator):
    return indicator.targets.order_by("-period")


def narratives_of(user, *, indicator: Indicator | None = None, period: str | None = None):
    rows = (Narrative.objects.filter(indicator__region=_own_region(user))
            .select_related("indicator", "municipality", "author"))
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    if period is not None:
        rows = rows.filter(period=period)
    return rows


# --- evaluation ----------------------------------------------------------------------------------

@dataclass
class Evaluation:
    indicator: Indicator
    period: str
    value: Decimal | None
    target: Target | None
    status: str
    previous_value: Decimal | None
    trend: str | None
    narratives: list = field(default_factory=list)

    def as_dict(self) -> dict:
        target = self.target
        return {
            "indicator": self.indicator.pk, "code": self.indicator.code,
            "name": self.indicator.name, "kind": self.indicator.kind,
            "level": self.indicator.level, "figure": self.indicator.figure,
            "unit": self.indicator.unit, "direction": self.indicator.direction,
            "municipality": self.indicator.municipality.code
            if self.indicator.municipality_id else None,
            "period": self.period, "value": _text(self.value),
            "target": _text(target.target) if target else None,
            "signal": _text(target.signal) if target else None,
            "status": self.status, "previous_period": kpi.previous(self.period),
            "previous_value": _text(self.previous_value), "trend": self.trend,
            "narratives": [{"id": n.pk, "text": n.text, "author": str(n.author),
                            "written_at": n.written_at.isoformat(),
                            "municipality": n.municipality.code if n.municipality_id else None}
                           for n in self.narratives],
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def evaluate(user, period: str, *, today: date, indicators=None) -> list[Evaluation]:
    """Each indicator of the user's region for `period`: its value read from the indicator set
    of that period (of the region, or of the indicator's municipality), the target and status,
    and the trend against the period before."""
    region = _own_region(user)
    current = kpi.period(period)
    before = kpi.period(kpi.previous(period))
    rows = list(indicators if indicators is not None else indicators_of(user))
    targets = {t.indicator_id: t for t in Target.objects.filter(indicator__in=rows,
                                                                period=current.label)}
    narratives: dict[int, list] = {}
    for narrative in narratives_of(user, period=current.label).filter(indicator__in=rows):
        narratives.setdefault(narrative.indicator_id, []).append(narrative)
    sets = _FigureSets(user, region, today)
    out = []
    for indicator in rows:
        code = indicator.municipality.code if indicator.municipality_id else None
        area = indicator.task_area.name if indicator.task_area_id else None
        value = kpi.value_of(indicator.figure, sets.get(current, code), task_area=area)
        earlier = kpi.value_of(indicator.figure, sets.get(before, code), task_area=area)
        target = targets.get(indicator.pk)
        out.append(Evaluation(
            indicator, current.label, value, target,
            kpi.status(value, target.target if target else None,
                       target.signal if target else None, indicator.direction),
            earlier, kpi.trend(value, earlier, indicator.direction),
            narratives.get(indicator.pk, [])))
    return out


class _FigureSets:
    """The indicator set per (period, municipality), each computed once per evaluation."""

    def __init__(self, user, region, today: date):
        self.user, self.region, self.today = user, region, today
        self.found: dict[tuple, dict] = {}

    def get(self, period: kpi.KpiPeriod, municipality: str | None) -> dict:
        key = (period.label, municipality)
        if key not in self.found:
            self.found[key] = self._compute(period, municipality)
        return self.found[key]

    def _compute(self, period: kpi.KpiPeriod, municipality: str | None) -> dict:
        if municipality is None:
            return selectors.indicators_for(self.user, self.region, period.first, period.last,
                                            today=self.today)
        # The same selector, narrowed to one municipality within the user's own scope.
        user = self.user

        def scope(**paths) -> Q:
            own = policy.scope_q(user, **paths) or Q(pk__in=[])
            path = paths.get("municipality", "municipality")
            return own & Q(**{f"{path}__code": municipality})

        return selectors.region_indicators(self.region, period.first, period.last,
                                           today=self.today, scope=scope)


def by_level(evaluations: list[Evaluation]) -> list[tuple[str, list[Evaluation]]]:
    """Grouped per level, process first (seed 003's order: proces, taakgebied, lokaal stelsel,
    regio)."""
    return [(label, [e for e in evaluations if e.indicator.level == level])
            for level, label in Indicator.Level.choices]


# --- strategy map ---------------------------------------------------------------------------------

@dataclass
class MapNode:
    indicator: Indicator
    evaluation: Evaluation | None
    link: Link | None
    children: list["MapNode"]


def strategy_map(user, evaluations: list[Evaluation] | None = None) -> dict:
    """Goals with the indicators contributing to them, each with its own contributors below
    it (an indicator contributing to two shows under both); and the indicators not on the map
    yet."""
    links = list(links_of(user))
    status = {e.indicator.pk: e for e in evaluations or []}
    below: dict[int, list[Link]] = {}
    for row in links:
        if row.parent_id is not None:
            below.setdefault(row.parent_id, []).append(row)

    def node(row: Link, seen: frozenset) -> MapNode:
        indicator = row.indicator
        # The service refuses cycles; the guard keeps a page from recursing on bad data.
        children = [node(child, seen | {indicator.pk}) for child in below.get(indicator.pk, [])
                    if child.indicator_id not in seen]
        return MapNode(indicator, status.get(indicator.pk), row, children)

    goals = [(goal, [node(row, frozenset()) for row in links if row.goal_id == goal.pk])
             for goal in goals_of(user)]
    linked_up = {row.indicator_id for row in links}
    everyone = list(indicators_of(user))
    # Indicators others contribute to that do not themselves reach a goal: trees of their own.
    tops = [MapNode(i, status.get(i.pk), None,
                    [node(child, frozenset({i.pk})) for child in below[i.pk]])
            for i in everyone if i.pk in below and i.pk not in linked_up]
    loose = [i for i in everyone if i.pk not in below and i.pk not in linked_up]
    return {"goals": goals, "tops": tops, "loose": loose}
