"""The demo seeds' KPI/KRI presets load through the services: goals, indicators at the four
levels, targets marked demo_assumption and a strategy map without cycles."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from openjeugd.monitoring.models import Indicator, Link, Target
from openjeugd.registry.models import Region

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"


@pytest.fixture
def wbo(db):
    region = Region.objects.get(name="West-Brabant-Oost")
    task_areas = Indicator._meta.get_field("task_area").related_model.objects
    task_areas.create(region=region, name="Specialistische en/of locatiegebonden jeugdhulp")
    task_areas.create(region=region, name="Huidige contracten (tot 2027)")
    return region


def load(region, key) -> str:
    out = StringIO()
    call_command("monitoring_kpi_preset", "--region", region.name, "--file",
                 str(SEEDS / f"{key}.toml"), stdout=out)
    return out.getvalue()


def test_the_wbo_preset_covers_the_four_levels(wbo):
    assert "6 indicators" in load(wbo, "wbo")
    indicators = Indicator.objects.filter(region=wbo)
    assert set(indicators.values_list("level", flat=True)) == {
        "process", "task_area", "local_system", "region"}
    # 2 + 2 + 1 + 1 + 2 + 1 targets, all invented: demo_assumption.
    assert set(Target.objects.filter(indicator__region=wbo).values_list("source", flat=True)
               ) == {"demo_assumption"}
    assert Target.objects.filter(indicator__region=wbo).count() == 9
    # P1, T1, L1 -> R1; R1, R2 and T2 -> a goal each.
    assert Link.objects.filter(indicator__region=wbo).count() == 6
    # Loading again adds nothing.
    assert "0 indicators, 9 targets, 0 links" in load(wbo, "wbo")
    assert Link.objects.filter(indicator__region=wbo).count() == 6


def test_the_g7_preset(db):
    arnhem = Region.objects.get(name="Arnhem")
    # R1, R2, R3 and P1 with two quarters each, every one linked to the one goal.
    assert "1 goals, 4 indicators, 8 targets, 4 links" in load(arnhem, "g7")


def test_a_preset_for_a_region_without_the_task_area_is_refused_whole(db):
    region = Region.objects.get(name="West-Brabant-Oost")
    with pytest.raises(CommandError, match="WBO-T1: task_area"):
        load(region, "wbo")
    assert not Indicator.objects.filter(region=region).exists()
