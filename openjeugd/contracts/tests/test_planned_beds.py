"""Planned beds on a ceiling (seed 002 "de capaciteit die hiervoor wordt ingezet, zoals het
aantal bedden"; "de afbouw van het aantal bedden in verblijf"): only a region or segment
ceiling plans them, and lookups.planned_beds answers monitoring's MONITORING_BED_PLAN_LOOKUP."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from openjeugd.contracts import lookups, services
from openjeugd.contracts.models import Ceiling, TaskArea

BUDGET = Decimal("100000.00")


@pytest.fixture
def areas(region):
    return (TaskArea.objects.create(region=region, name="Behandeling met verblijf"),
            TaskArea.objects.create(region=region, name="Gezinshuizen"),
            TaskArea.objects.create(region=region, name="Ambulant"))


def _segment(region, area, beds, year=2026):
    return services.set_ceiling(region=region, year=year, level=Ceiling.Level.SEGMENT,
                                task_area=area, amount=BUDGET, planned_beds=beds)


def test_the_region_ceilings_beds_win_over_the_segments(region, areas):
    _segment(region, areas[0], 30)
    _segment(region, areas[1], 12)
    services.set_ceiling(region=region, year=2026, level=Ceiling.Level.REGION, amount=BUDGET,
                         planned_beds=40)
    # The region's own plan (40), not 30 + 12 = 42.
    assert lookups.planned_beds(region, 2026) == 40


def test_without_a_region_plan_the_segments_that_plan_beds_are_summed(region, areas):
    # A region ceiling without planned beds does not stop the segments' sum.
    services.set_ceiling(region=region, year=2026, level=Ceiling.Level.REGION, amount=BUDGET)
    _segment(region, areas[0], 30)
    _segment(region, areas[1], 12)
    _segment(region, areas[2], None)  # ambulant: no beds, adds nothing
    _segment(region, areas[0], 99, year=2027)  # another year
    # 30 + 12 = 42 for 2026; 2027 has only its own 99.
    assert lookups.planned_beds(region, 2026) == 42
    assert lookups.planned_beds(region.pk, 2027) == 99


def test_no_ceiling_plans_beds_is_no_plan(region, areas):
    _segment(region, areas[2], None)
    services.set_ceiling(region=region, year=2026, level=Ceiling.Level.REGION, amount=BUDGET)
    assert lookups.planned_beds(region, 2026) is None
    assert lookups.planned_beds(region, 2025) is None  # no ceiling at all


def test_zero_planned_beds_is_a_plan(region, areas):
    # Afbouw to nothing is a plan of 0 beds, not "no plan".
    _segment(region, areas[0], 0)
    assert lookups.planned_beds(region, 2026) == 0


def test_monitoring_reads_this_lookup_by_default():
    assert import_string(settings.MONITORING_BED_PLAN_LOOKUP) is lookups.planned_beds


def test_a_provider_ceiling_with_beds_is_refused_on_the_field(region, provider):
    with pytest.raises(ValidationError) as refused:
        services.set_ceiling(region=region, year=2026, level=Ceiling.Level.PROVIDER,
                             provider=provider, amount=BUDGET, planned_beds=8)
    assert "region or segment ceiling" in refused.value.message_dict["planned_beds"][0]
    assert not Ceiling.objects.exists()


def test_the_database_refuses_beds_on_a_provider_ceiling(region, provider):
    with pytest.raises(IntegrityError, match="ceiling_planned_beds_region_or_segment"), \
            transaction.atomic():
        Ceiling.objects.create(region=region, year=2026, level=Ceiling.Level.PROVIDER,
                               provider=provider, amount=BUDGET, planned_beds=8)
    # Without beds the same ceiling is fine.
    Ceiling.objects.create(region=region, year=2026, level=Ceiling.Level.PROVIDER,
                           provider=provider, amount=BUDGET)
    assert Ceiling.objects.get().planned_beds is None
