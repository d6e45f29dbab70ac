"""The segment KPIs' bed plan, end to end: a contract manager records planned beds on a
ceiling through the contracts screen, and the segment figures read them back through
MONITORING_BED_PLAN_LOOKUP (seed 002 "de afbouw van het aantal bedden in verblijf")."""

from datetime import date

import pytest
from django.urls import reverse

from openjeugd.accounts.roles import Role
from openjeugd.contracts.models import Ceiling, Product, TaskArea
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import selectors

RESIDENTIAL = {"categorie": "36", "productcode": "36A01"}  # JZ020 36 -> CBS 12, met verblijf
H1 = (date(2026, 1, 1), date(2026, 6, 30))


@pytest.fixture
def in_a_bed(deliver, nijmegen):
    # One youth assigned 5 Jan, in care (a bed) from 14 Jan, never stopped: not in a bed on
    # 1 Jan, in one on 30 Jun.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **RESIDENTIAL))
    deliver(samples.sample_jw305(identificatie="ST000001", dagtekening=date(2026, 1, 14),
                                 begindatum=date(2026, 1, 14), toewijzing_nummer="1001",
                                 toewijzing_ingangsdatum=date(2026, 1, 12), **RESIDENTIAL))
    area = TaskArea.objects.create(region=nijmegen.region, name="Behandeling met verblijf")
    Product.objects.create(region=nijmegen.region, product_categorie="36",
                           product_code="36A01", name="Behandelgroep", eenheid="14",
                           uitvoeringsvariant="outputgericht", funding_model="pxq",
                           task_area=area)
    return area


@pytest.fixture
def manager(client, user_with):
    client.force_login(user_with(Role.CONTRACT_MANAGER))
    return client


def _set_ceiling(client, **fields):
    response = client.post(reverse("contracts:ceiling-set"), {
        "year": 2026, "amount": "100000.00", **fields})
    assert response.status_code == 302, response.content.decode()[:500]


def _beds(nijmegen) -> dict[str, dict]:
    found = selectors.region_indicators(nijmegen.region, *H1, today=date(2026, 7, 15))
    return {segment["naam"]: segment["bedden"] for segment in found["segments"]["segmenten"]}


def test_the_segment_figures_show_the_beds_planned_on_the_segment_ceiling(
        in_a_bed, manager, nijmegen):
    # No ceiling yet: the whole region is the one segment, without a plan.
    assert _beds(nijmegen)["Rijk van Nijmegen"]["bedden_gepland"] is None
    _set_ceiling(manager, level="segment", task_area=in_a_bed.pk, planned_beds="3")
    assert Ceiling.objects.get().planned_beds == 3
    # In a bed on 1 Jan: 0; on 30 Jun: 1; planned 3 for 2026: 1 - 3 = 2 below the plan.
    assert _beds(nijmegen) == {"Behandeling met verblijf": {
        "in_gebruik_begin": 0, "in_gebruik_eind": 1, "afname": -1, "bedden_gepland": 3,
        "boven_plan": -2}}


def test_each_segment_holds_its_own_plan_and_the_region_the_regions(in_a_bed, manager,
                                                                     nijmegen):
    ambulant = TaskArea.objects.create(region=nijmegen.region, name="Ambulant")
    _set_ceiling(manager, level="segment", task_area=in_a_bed.pk, planned_beds="3")
    _set_ceiling(manager, level="segment", task_area=ambulant.pk)  # no residential care
    _set_ceiling(manager, level="region", planned_beds="1")
    beds = _beds(nijmegen)
    # One youth in a bed on 30 Jun. The residential segment against its own 3: 2 below; the
    # region against the region ceiling's 1: on plan; the ambulant segment plans no beds, so
    # it is held against nothing (never against the region's plan).
    assert (beds["Behandeling met verblijf"]["bedden_gepland"],
            beds["Behandeling met verblijf"]["boven_plan"]) == (3, -2)
    assert (beds["Rijk van Nijmegen"]["bedden_gepland"],
            beds["Rijk van Nijmegen"]["boven_plan"]) == (1, 0)
    assert (beds["Ambulant"]["bedden_gepland"], beds["Ambulant"]["boven_plan"]) == (None, None)
