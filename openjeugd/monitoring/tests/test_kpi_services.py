"""Configuring KPIs/KRIs: the database keeps every uniqueness rule, the services refuse bad
input naming the field, the strategy map refuses cycles, and only the region's policy
advisor configures."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.roles import Role
from openjeugd.monitoring import services
from openjeugd.monitoring.models import Goal, Indicator, Link, Narrative, Target
from openjeugd.registry.models import Municipality


@pytest.fixture
def advisor(user_with):
    return user_with(Role.POLICY_ADVISOR)


def make(advisor, code="KPI-01", **fields):
    defaults = {"name": "Uitval", "kind": "kpi", "level": "region", "figure": "uitval"}
    return services.create_indicator(user=advisor, region=advisor.region, code=code,
                                     **{**defaults, **fields})


def refused(field, call, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    assert field in error.value.message_dict, error.value.message_dict
    return error.value.message_dict[field]


# --- database constraints -------------------------------------------------------------------------

def test_one_target_per_indicator_and_period_in_the_database(advisor):
    indicator = make(advisor)
    Target.objects.create(indicator=indicator, period="2026-Q1", target=Decimal("40"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indicator=indicator, period="2026-Q1", target=Decimal("30"))


def test_codes_are_unique_per_region_in_the_database(advisor):
    make(advisor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(region=advisor.region, code="KPI-01", name="x", kind="kpi",
                                 level="region", figure="uitval", unit="percent",
                                 direction="lower")


def test_a_link_has_exactly_one_target_never_itself_and_never_twice(advisor):
    low, high = make(advisor, "P-1", level="process"), make(advisor, "R-1")
    goal = Goal.objects.create(region=advisor.region, name="Minder uitval")
    for bad in ({"parent": high, "goal": goal}, {}, {"parent": low}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Link.objects.create(indicator=low, **bad)
    Link.objects.create(indicator=low, parent=high)
    with pytest.raises(IntegrityError), transaction.atomic():
        Link.objects.create(indicator=low, parent=high)


def test_a_task_area_indicator_names_its_task_area_in_the_database(advisor):
    with pytest.raises(IntegrityError), transaction.atomic():
        Indicator.objects.create(region=advisor.region, code="T-1", name="x", kind="kpi",
                                 level="task_area", figure="uitval", unit="percent",
                                 direction="lower")


def test_an_empty_narrative_is_refused_by_the_database(advisor):
    indicator = make(advisor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Narrative.objects.create(indicator=indicator, period="2026-Q1", text="",
                                 author=advisor)


# --- services -------------------------------------------------------------------------------------

def test_an_indicator_takes_unit_and_direction_from_its_figure(advisor):
    indicator = make(advisor)
    assert (indicator.unit, indicator.direction) == ("percent", "lower")
    assert AccessLogEntry.objects.filter(object_type="monitoring.Indicator",
                                         object_id=str(indicator.pk)).exists()
    other = make(advisor, "KPI-02", figure="retour_op_tijd", direction="")
    assert other.direction == "higher"


def test_bad_indicators_are_refused_naming_the_field(advisor):
    make(advisor)
    assert refused("code", make, advisor=advisor)  # KPI-01 taken
    refused("figure", make, advisor=advisor, code="X", figure="aantal_wolken")
    refused("task_area", make, advisor=advisor, code="X", level="task_area")
    nijmegen = Municipality.objects.get(code="0268")
    refused("municipality", make, advisor=advisor, code="X", municipality=nijmegen)
    foreign = Municipality.objects.exclude(region=advisor.region).first()
    refused("municipality", make, advisor=advisor, code="X", level="local_system",
            municipality=foreign)
    assert Indicator.objects.count() == 1


def test_a_kri_needs_a_signal_threshold_on_the_bad_side(advisor):
    kri = make(advisor, "KRI-01", kind="kri")
    refused("signal", services.set_target, user=advisor, indicator=kri, period="2026-Q1",
            target="40")
    # Lower is better: a signal at 30 % would be better than the 40 % target.
    refused("signal", services.set_target, user=advisor, indicator=kri, period="2026-Q1",
            target="40", signal="30")
    refused("target", services.set_target, user=advisor, indicator=kri, period="2026-Q1",
            target="140", signal="150")  # a share lies within 0-100 %
    refused("period", services.set_target, user=advisor, indicator=kri, period="Q1-2026",
            target="40", signal="60")
    target = services.set_target(user=advisor, indicator=kri, period="2026-Q1", target="40",
                                 signal="60", source="demo_assumption")
    assert (target.target, target.signal) == (Decimal("40"), Decimal("60"))


def test_a_second_target_for_a_period_replaces_the_first(advisor):
    indicator = make(advisor)
    services.set_target(user=advisor, indicator=indicator, period="2026-Q1", target="40")
    services.set_target(user=advisor, indicator=indicator, period="2026-Q1", target="35,5")
    assert list(indicator.targets.values_list("period", "target")) == [
        ("2026-Q1", Decimal("35.50"))]


def test_the_strategy_map_refuses_a_cycle(advisor):
    # P-1 -> T-1 -> R-1 (each contributes to the next); R-2 at region level too.
    p1 = make(advisor, "P-1", level="process")
    r1, r2 = make(advisor, "R-1"), make(advisor, "R-2")
    services.link(user=advisor, indicator=p1, parent=r1)
    services.link(user=advisor, indicator=r1, parent=r2)
    # R-2 -> R-1 would close R-1 -> R-2 -> R-1.
    with translation.override("en"):  # the message is asserted in English
        message = refused("parent", services.link, user=advisor, indicator=r2, parent=r1)
        assert "cycle" in str(message[0])
    # Down a level is refused too: a region indicator does not feed a process one.
    refused("parent", services.link, user=advisor, indicator=r2, parent=p1)
    refused("parent", services.link, user=advisor, indicator=p1, parent=r1)  # already there
    assert Link.objects.count() == 2


def test_a_link_to_a_goal(advisor):
    goal = services.create_goal(user=advisor, region=advisor.region, name="Minder uitval")
    indicator = make(advisor)
    link = services.link(user=advisor, indicator=indicator, goal=goal)
    assert (link.goal, link.parent) == (goal, None)
    refused("name", services.create_goal, user=advisor, region=advisor.region,
            name="Minder uitval")


def test_narratives_tell_the_figure_never_a_person(advisor):
    indicator = make(advisor)
    narrative = services.add_narrative(
        user=advisor, indicator=indicator, period="2026-Q2",
        text="Twee trajecten stopten vroeg: het gezin verhuisde buiten de regio.")
    assert (narrative.author, narrative.period) == (advisor, "2026-Q2")
    refused("text", services.add_narrative, user=advisor, indicator=indicator,
            period="2026-Q2", text="Jeugdige 999999011 stopte.")
    refused("text", services.add_narrative, user=advisor, indicator=indicator,
            period="2026-Q2", text="   ")


def test_only_the_policy_advisor_of_the_region_configures(advisor, user_with):
    with pytest.raises(PermissionDenied):
        make(user_with(Role.CONTRACT_MANAGER))
    indicator = make(advisor)
    with pytest.raises(PermissionDenied):
        services.add_narrative(user=user_with(Role.AUDITOR), indicator=indicator,
                               period="2026-Q1", text="x")
    foreign = Municipality.objects.exclude(region=advisor.region).first().region
    refused("region", services.create_goal, user=advisor, region=foreign, name="Elders")


def test_a_change_of_level_keeps_the_map_pointing_upward(advisor):
    # P-1 (process) and L-1 (local system) contribute to R-1 (region).
    p1, r1 = make(advisor, "P-1", level="process"), make(advisor, "R-1")
    l1 = make(advisor, "L-1", level="local_system")
    services.link(user=advisor, indicator=p1, parent=r1)
    services.link(user=advisor, indicator=l1, parent=r1)
    # R-1 cannot go below its contributor L-1 (process lies below local system); L-1 cannot
    # rise above R-1 once R-1 is local too; P-1 may rise up to R-1's level.
    refused("level", services.update_indicator, user=advisor, indicator=r1, level="process")
    services.update_indicator(user=advisor, indicator=r1, level="local_system")
    refused("level", services.update_indicator, user=advisor, indicator=l1, level="region")
    changed = services.update_indicator(user=advisor, indicator=p1, level="local_system",
                                        name="Uitval lokaal")
    assert (changed.level, changed.name, changed.code) == ("local_system", "Uitval lokaal",
                                                           "P-1")
    refused("figure", services.update_indicator, user=advisor, indicator=p1, figure="x")
    refused("region", services.update_indicator, user=advisor, indicator=p1, region=None)
