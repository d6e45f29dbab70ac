"""region_indicators(jobs=2): the trajectory figures computed in a forked process while this
one computes the rest (core.forked) give the very set jobs=1 gives, on a demo region loaded
through the import path and committed (a transactional test: a second connection sees only
committed rows). On both databases: the test database on SQLite is a file (var/test.sqlite3)
that the child opens for itself."""

import os
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from openjeugd.monitoring import selectors
from openjeugd.monitoring.tests.test_demo_region import DEMO_CATALOGUE
from openjeugd.registry.models import Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REGION, FIRST, LAST = "Rijk van Nijmegen", date(2025, 7, 1), date(2026, 6, 30)


def demo_hulpvorm(region, categorie, code):
    return DEMO_CATALOGUE.get(code)


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.demo_hulpvorm")
def test_two_processes_give_the_set_one_process_gives(monkeypatch):
    call_command("demo_data", region=REGION, youths=30, years=1, seed=7, end=LAST, jobs=1,
                 stdout=StringIO())
    region = Region.objects.get(name=REGION)
    alone = selectors.region_indicators(region, FIRST, LAST, today=date(2026, 7, 1))

    # Where did the trajectory figures come from? The process id, added to them.
    trajectory_figures = selectors._trajectory_figures

    def from_which_process(*args, **kwargs):
        return {**trajectory_figures(*args, **kwargs), "pid": os.getpid()}

    monkeypatch.setattr(selectors, "_trajectory_figures", from_which_process)
    both = selectors.region_indicators(region, FIRST, LAST, today=date(2026, 7, 1), jobs=2)
    pid = both.pop("pid")

    assert both == alone
    assert list(both) == list(alone)  # the keys in the set's order, too
    assert sum(period["trajecten"] for period in alone["perioden"]) > 0
    assert sum(int(float(period["kosten"]["toegekend"])) for period in alone["perioden"]) > 0
    assert pid != os.getpid()  # computed in the child
