"""The rules hold on a generated region: the demo's history, delivered as iJw messages
through the real import path (`demo_data`), turned into trajectories and figures."""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from openjeugd.ijw.models import Prestatie
from openjeugd.monitoring import selectors
from openjeugd.monitoring.cbs.trajectories import RECORD_KEYS, record
from openjeugd.registry.models import Region

REGION, FIRST, LAST = "Rijk van Nijmegen", date(2025, 7, 1), date(2026, 6, 30)

# A catalogue for the demo's products, as contracts will keep it per region (test only).
# Youth protection (48) and probation (47) are no jeugdhulp (protocol §5): no hulpvorm.
DEMO_CATALOGUE = {"45A11": "04", "45B21": "02", "45E51": "02", "41D41": "03", "44P11": "11",
                  "43G21": "12", "43B31": "14", "43J41": "13"}


def demo_hulpvorm(region, categorie, code):
    return DEMO_CATALOGUE.get(code)


@pytest.fixture
def region(db):
    call_command("demo_data", region=REGION, youths=40, years=2, seed=5, end=LAST,
                 stdout=StringIO())
    return Region.objects.get(name=REGION)


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.demo_hulpvorm")
def test_demo_trajectories_keep_the_cbs_rules(region):
    found, report = selectors.region_trajectories(region, FIRST, LAST)
    rows = [record(t, LAST) for t in found]
    assert rows, "the demo region has care in the last year"
    assert all(tuple(row) == RECORD_KEYS for row in rows)
    assert all(row["datum_einde"] is None or row["datum_einde"] >= row["datum_aanvang"]
               for row in rows)
    # §3.3: after merging, records of one BSN, provider and hulpvorm never overlap.
    by_key = defaultdict(list)
    for t in found:
        by_key[(t.bsn, t.provider, t.hulpvorm)].append(t)
    for trajectories in by_key.values():
        trajectories.sort(key=lambda t: t.start)
        for earlier, later in zip(trajectories, trajectories[1:], strict=False):
            assert earlier.end is not None and later.start > earlier.end
    # Products outside the catalogue are reported, never part of a trajectory.
    reported = {u.product_code for u in report.unmapped}
    assert reported.isdisjoint(DEMO_CATALOGUE)


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.demo_hulpvorm")
def test_demo_figures_add_up(region):
    figures = selectors.region_indicators(region, FIRST, LAST, today=date(2026, 7, 1))
    for period in figures["perioden"]:
        per_municipality = figures["per_gemeente"][period["periode"]].values()
        assert sum(row["gestart"] for row in per_municipality) == period["gestart"]
        assert sum(row["trajecten"] for row in per_municipality) == period["trajecten"]
        assert period["gestart_herhaald_beroep"] <= period["gestart"]
        assert period["uitval"]["denominator"] == period["beeindigd"]
    # Spending: the half years together are every granted line of the year, credits netted.
    lines = Prestatie.objects.filter(begindatum__range=(FIRST, LAST))
    total = sum(lines.values_list("toegekend", flat=True), Decimal("0"))
    assert sum(Decimal(p["kosten"]["toegekend"]) for p in figures["perioden"]) == total
    assert total > 0
