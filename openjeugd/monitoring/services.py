"""Writes of monitoring's own configuration and commentary: indicators (KPI/KRI), targets,
the strategy map and narratives. Never a fact of iJw, pathways or contracts. Keyword-only
arguments, validated, one transaction each, an access-log entry, the object back. Bad input
raises ValidationError naming the field and the rule; nothing is half-written."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.accounts import audit, policy
from openjeugd.accounts.policy import Perm
from openjeugd.monitoring import kpi
from openjeugd.monitoring.models import Goal, Indicator, Link, Narrative, Target
from openjeugd.registry.models import Region

PURPOSE = "monitoring configuration"
# The ranges a target can take per unit: a share is 0-100 %, a mark 1-10 (CBS §4.3).
_BOUNDS = {"percent": (Decimal(0), Decimal(100)), "mark": (Decimal(1), Decimal(10))}
# Narratives tell the story of a figure, never of a child: a BSN-like number is refused.
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
MAX_NARRATIVE = 5000


def _authorised(user, region) -> None:
    """Configuring is for MANAGE_MONITORING in the user's own region; another region's
    configuration does not exist for this user (the views answer 404 before this). `None` is
    the system: a preset loaded by an administrator's command (presets.py)."""
    if user is None:
        return
    policy.require(user, Perm.MANAGE_MONITORING)
    if region is None or user.region_id != region.pk:
        raise ValidationError({"region": _("You can only configure your own region.")})


def _saved(user, obj, region_id: int, action: str = "create"):
    obj.full_clean()
    obj.save()
    audit.record_object(user, action, obj, purpose=PURPOSE, owner_region_id=region_id,
                        system="" if user is not None else "monitoring preset")
    return obj


# --- indicators -------------------------------------------------------------------------------

def create_indicator(*, user, region, code: str, name: str, kind: str, level: str, figure: str,
                     direction: str = "", task_area=None, municipality=None,
                     description: str = "") -> Indicator:
    _authorised(user, region)
    indicator = Indicator(region=region)
    with transaction.atomic():
        return _saved(user, _filled(indicator, code=code, name=name, kind=kind, level=level,
                                    figure=figure, direction=direction, task_area=task_area,
                                    municipality=municipality, description=description),
                      region.pk)


def update_indicator(*, user, indicator: Indicator, **fields) -> Indicator:
    _authorised(user, indicator.region)
    allowed = {"code", "name", "kind", "level", "figure", "direction", "task_area",
               "municipality", "description"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError({sorted(unknown)[0]: _("This field cannot be changed.")})
    current = {key: getattr(indicator, key) for key in allowed}
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
        _filled(locked, **{**current, **fields})
        if locked.links_down.filter(indicator__level__in=_levels_above(locked.level)).exists():
            raise ValidationError({"level": _(
                "An indicator of a higher level contributes to this one; it cannot go lower.")})
        if locked.links_up.filter(parent__level__in=_levels_below(locked.level)).exists():
            raise ValidationError({"level": _(
                "This indicator contributes to one of a lower level; it cannot go higher.")})
        return _saved(user, locked, locked.region_id, "update")


def _filled(indicator: Indicator, *, code, name, kind, level, figure, direction, task_area,
            municipality, description) -> Indicator:
    code, name = (code or "").strip(), (name or "").strip()
    errors = {}
    if not code:
        errors["code"] = _("Give the indicator a short code, e.g. KPI-01.")
    if not name:
        errors["name"] = _("Give the indicator a name.")
    if figure not in kpi.FIGURES:
        errors["figure"] = _("Choose one of the figures monitoring computes.")
    if kind not in Indicator.Kind.values:
        errors["kind"] = _("Choose KPI or KRI.")
    if level not in Indicator.Level.values:
        errors["level"] = _("Choose process, task area, local system or region.")
    if direction and direction not in Indicator.Direction.values:
        errors["direction"] = _("Choose whether higher or lower is better.")
    errors.update(_scope_errors(indicator.region_id, level, task_area, municipality))
    if code and Indicator.objects.filter(region_id=indicator.region_id, code=code).exclude(
            pk=indicator.pk).exists():
        errors["code"] = _("Your region already has an indicator with code %(code)s.") % {
            "code": code}
    if errors:
        raise ValidationError(errors)
    indicator.code, indicator.name, indicator.kind, indicator.level = code, name, kind, level
    indicator.figure, indicator.unit = figure, kpi.FIGURES[figure].unit
    indicator.direction = direction or kpi.FIGURES[figure].direction
    indicator.task_area, indicator.municipality = task_area, municipality
    indicator.description = (description or "").strip()
    return indicator


def _scope_errors(region_id, level, task_area, municipality) -> dict:
    errors = {}
    if task_area is not None and task_area.region_id != region_id:
        errors["task_area"] = _("The task area belongs to another region.")
    elif level == Indicator.Level.TASK_AREA and task_area is None:
        # Seed 003: "per taakgebied" - a task-area indicator names its taakgebied.
        errors["task_area"] = _("An indicator at task-area level names its task area.")
    if municipality is not None and municipality.region_id != region_id:
        errors["municipality"] = _("The municipality belongs to another region.")
    elif level == Indicator.Level.REGION and municipality is not None:
        errors["municipality"] = _("A region-level indicator covers the whole region: leave "
                                   "the municipality empty.")
    return errors


def _levels_above(level: str) -> list[str]:
    values = list(Indicator.Level.values)
    return values[values.index(level) + 1:] if level in values else []


def _levels_below(level: str) -> list[str]:
    values = list(Indicator.Level.values)
    return values[:values.index(level)] if level in values else []


# --- targets ------------------------------------------------------------------------------------

def set_target(*, user, indicator: Indicator, period: str, target, signal=None,
               source: str = "") -> Target:
    """The target of one period, replacing an earlier one for that period."""
    _authorised(user, indicator.region)
    label = _period(period)
    value = _decimal(target, "target")
    threshold = None if signal in (None, "") else _decimal(signal, "signal")
    errors = {}
    errors.update(_out_of_range(indicator.unit, value, "target"))
    if threshold is not None:
        errors.update(_out_of_range(indicator.unit, threshold, "signal"))
    if indicator.kind == Indicator.Kind.KRI and threshold is None:
        errors["signal"] = _("A KRI needs a signal threshold: the value at which the risk "
                             "is signalled.")
    elif threshold is not None and not kpi.signal_on_bad_side(value, threshold,
                                                               indicator.direction):
        errors["signal"] = _("The signal threshold lies between the target and off target: "
                             "with %(direction)s it must not be better than the target.") % {
            "direction": indicator.get_direction_display()}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        existing = Target.objects.select_for_update().filter(
            indicator=indicator, period=label).first()
        row = existing or Target(indicator=indicator, period=label)
        row.target, row.signal, row.source, row.set_by = value, threshold, source.strip(), user
        return _saved(user, row, indicator.region_id, "update" if existing else "create")


def remove_target(*, user, target: Target) -> None:
    _authorised(user, target.indicator.region)
    with transaction.atomic():
        audit.record_object(user, "delete", target, purpose=PURPOSE,
                            owner_region_id=target.indicator.region_id)
        target.delete()


def _period(label: str) -> str:
    try:
        return kpi.period((label or "").strip()).label
    except ValueError as error:
        raise ValidationError({"period": str(error)}) from None


def _decimal(value, field: str) -> Decimal:
    if isinstance(value, float):
        raise ValidationError({field: _("Give the value as text or Decimal, not a float.")})
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("Give a number, e.g. 12.5.")}) from None
    if not number.is_finite() or abs(number) >= Decimal("1e12") or number != round(number, 2):
        raise ValidationError({field: _("Give a number with at most two decimals.")})
    return number


def _out_of_range(unit: str, value: Decimal, field: str) -> dict:
    low, high = _BOUNDS.get(unit, (Decimal(0), None))
    if value < low or (high is not None and value > high):
        return {field: _("For this figure the value lies between %(low)s and %(high)s.") % {
            "low": low, "high": high if high is not None else "∞"}}
    return {}


# --- strategy map -------------------------------------------------------------------------------

def create_goal(*, user, region, name: str, description: str = "") -> Goal:
    _authorised(user, region)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the goal a name.")})
    if Goal.objects.filter(region=region, name=name).exists():
        raise ValidationError({"name": _("Your region already has this goal.")})
    with transaction.atomic():
        return _saved(user, Goal(region=region, name=name,
                                 description=(description or "").strip()), region.pk)


def link(*, user, indicator: Indicator, parent: Indicator | None = None,
         goal: Goal | None = None) -> Link:
    """`indicator` contributes to `parent` (a higher or equal level) or to `goal`. A link that
    would make the map go round in a circle is refused."""
    _authorised(user, indicator.region)
    if (parent is None) == (goal is None):
        raise ValidationError({"parent": _("Choose either a goal or an indicator it "
                                           "contributes to, not both.")})
    target = parent or goal
    if target.region_id != indicator.region_id:
        raise ValidationError({"parent" if parent else "goal": _(
            "The strategy map links only indicators and goals of one region.")})
    with transaction.atomic():
        # One writer of a region's map at a time, so two links cannot close a cycle together.
        Region.objects.select_for_update().get(pk=indicator.region_id)
        if parent is not None:
            _check_parent(indicator, parent)
        exists = Link.objects.filter(indicator=indicator, parent=parent, goal=goal).exists()
        if exists:
            raise ValidationError({"parent" if parent else "goal": _(
                "This link is already on the strategy map.")})
        return _saved(user, Link(indicator=indicator, parent=parent, goal=goal),
                      indicator.region_id)


def _check_parent(indicator: Indicator, parent: Indicator) -> None:
    if parent.level_rank < indicator.level_rank:
        raise ValidationError({"parent": _(
            "%(child)s (%(level)s) can only contribute to an indicator of its own level or "
            "higher.") % {"child": indicator.code, "level": indicator.get_level_display()}})
    edges = set(Link.objects.filter(indicator__region_id=indicator.region_id,
                                    parent__isnull=False).values_list("indicator_id",
                                                                      "parent_id"))
    if kpi.creates_cycle(edges, indicator.pk, parent.pk):
        raise ValidationError({"parent": _(
            "%(parent)s already contributes (directly or through others) to %(child)s: this "
            "link would make a cycle.") % {"parent": parent.code, "child": indicator.code}})


def unlink(*, user, link: Link) -> None:
    _authorised(user, link.indicator.region)
    with transaction.atomic():
        audit.record_object(user, "delete", link, purpose=PURPOSE,
                            owner_region_id=link.indicator.region_id)
        link.delete()


# --- narratives ---------------------------------------------------------------------------------

def add_narrative(*, user, indicator: Indicator, period: str, text: str,
                  municipality=None) -> Narrative:
    """Seed 000 §13: "feiten en cijfers ... en inkleuring daarvan door verhalen en
    observaties" - the story told beside the figure of a period."""
    _authorised(user, indicator.region)
    label = _period(period)
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = _("Write the narrative.")
    elif len(text) > MAX_NARRATIVE:
        errors["text"] = _("Keep the narrative to %(max)s characters.") % {"max": MAX_NARRATIVE}
    elif _NINE_DIGITS.search(text):
        errors["text"] = _("A narrative is about the figure, not a person: leave out BSNs and "
                           "other nine-digit numbers.")
    if municipality is not None and municipality.region_id != indicator.region_id:
        errors["municipality"] = _("The municipality belongs to another region.")
    elif (municipality is not None and indicator.municipality_id is not None
          and municipality.pk != indicator.municipality_id):
        errors["municipality"] = _("This indicator is about %(name)s only.") % {
            "name": indicator.municipality.name}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return _saved(user, Narrative(indicator=indicator, period=label, text=text,
                                      municipality=municipality, author=user),
                      indicator.region_id)
