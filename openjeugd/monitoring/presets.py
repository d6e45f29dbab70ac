"""A region's KPI/KRI preset from a TOML file (the demo seeds carry one: `[[strategic_goals]]`
and `[[kpis]]` in openjeugd/demo/seeds/wbo.toml and g7.toml), written through the services as
the system. Loading it again updates targets and adds what is missing; it removes nothing.

    [[kpis]]
    code = "WBO-R1"
    name = "..."
    kind = "kpi"            # or "kri"
    level = "region"        # process, task_area, local_system, region
    figure = "uitval"       # a key of kpi.FIGURES
    task_area = "..."       # by name, for level task_area
    municipality = "0758"   # gemeentecode, optional
    contributes_to = ["goal name" or "KPI code", ...]
    targets = [{ period = "2026-Q1", target = "25", signal = "35" }]
    demo_assumption = true  # the targets are invented, not the region's
"""

import tomllib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from openjeugd.monitoring import services
from openjeugd.monitoring.models import Goal, Indicator
from openjeugd.registry.models import Municipality


def read(path: Path) -> dict:
    with Path(path).open("rb") as handle:
        data = tomllib.load(handle)
    return {"strategic_goals": data.get("strategic_goals", []), "kpis": data.get("kpis", [])}


@transaction.atomic
def apply(*, region, preset: dict) -> dict[str, int]:
    """Goals, indicators, their targets and the strategy map; a bad entry refuses the whole
    preset, naming the entry and the field."""
    made = {"goals": 0, "indicators": 0, "targets": 0, "links": 0}
    for goal in preset["strategic_goals"]:
        if not Goal.objects.filter(region=region, name=goal["name"]).exists():
            services.create_goal(user=None, region=region, name=goal["name"],
                                 description=goal.get("description", ""))
            made["goals"] += 1
    for entry in preset["kpis"]:
        indicator = _indicator(region, entry, made)
        source = "demo_assumption" if entry.get("demo_assumption") else entry.get("source", "")
        for target in entry.get("targets", []):
            _named(entry, services.set_target, user=None, indicator=indicator,
                   period=target["period"], target=target["target"],
                   signal=target.get("signal"), source=source)
            made["targets"] += 1
    for entry in preset["kpis"]:
        _links(region, entry, made)
    return made


def _named(entry: dict, write, **kwargs):
    try:
        return write(**kwargs)
    except ValidationError as error:
        raise ValidationError(f"{entry.get('code', '?')}: {error.message_dict}") from error


def _indicator(region, entry: dict, made: dict) -> Indicator:
    found = Indicator.objects.filter(region=region, code=entry["code"]).first()
    if found is not None:
        return found
    task_area = None
    if entry.get("task_area"):
        task_areas = Indicator._meta.get_field("task_area").related_model.objects
        task_area = task_areas.filter(region=region, name=entry["task_area"]).first()
        if task_area is None:
            raise ValidationError(f"{entry['code']}: task_area {entry['task_area']!r} is not a "
                                  f"task area of {region}.")
    municipality = (Municipality.objects.filter(code=entry["municipality"]).first()
                    if entry.get("municipality") else None)
    made["indicators"] += 1
    return _named(entry, services.create_indicator,
                  user=None, region=region, code=entry["code"], name=entry["name"],
                  kind=entry["kind"], level=entry["level"], figure=entry["figure"],
                  direction=entry.get("direction", ""), task_area=task_area,
                  municipality=municipality, description=entry.get("description", ""))


def _links(region, entry: dict, made: dict) -> None:
    indicator = Indicator.objects.get(region=region, code=entry["code"])
    for name in entry.get("contributes_to", []):
        parent = Indicator.objects.filter(region=region, code=name).first()
        goal = None if parent else Goal.objects.filter(region=region, name=name).first()
        if parent is None and goal is None:
            raise ValidationError(f"{entry['code']}: contributes_to {name!r} is neither a goal "
                                  "nor a KPI code of the preset.")
        if indicator.links_up.filter(parent=parent, goal=goal).exists():
            continue
        _named(entry, services.link, user=None, indicator=indicator, parent=parent, goal=goal)
        made["links"] += 1
