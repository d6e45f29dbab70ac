"""The rules hold on a generated region: the demo's history, delivered as iJw messages
through the real import path (`demo_data`), turned into trajectories and figures."""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from openjeugd.ijw.models import Prestatie, Start, Stop, Verzoek
from openjeugd.monitoring import selectors
from openjeugd.monitoring.cbs import trajectories
from openjeugd.monitoring.cbs.deliveries import StartFact, StopFact
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
def test_on_a_demo_region(region):
    # One generated region (the generator takes most of the time) for all checks.
    check_the_cbs_rules(region)
    check_the_figures_add_up(region)
    for fast_path in FAST_PATHS:
        check_fast_path_equals_the_plain_definition(region, fast_path)


def check_the_cbs_rules(region):
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
    for same_key in by_key.values():
        same_key.sort(key=lambda t: t.start)
        for earlier, later in zip(same_key, same_key[1:], strict=False):
            assert earlier.end is not None and later.start > earlier.end
    # Products outside the catalogue are reported, never part of a trajectory.
    reported = {u.product_code for u in report.unmapped}
    assert reported.isdisjoint(DEMO_CATALOGUE)


def check_the_figures_add_up(region):
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


# --- the fast-path proof hook --------------------------------------------------------------
# The plain definition: every start and stop as a model object, its referrer looked up per
# row, nothing grouped in the database. Each way of loading the facts that is meant to be
# faster (today: the selectors' tuples; later a pre-aggregation) is listed in FAST_PATHS and
# must give the same trajectories on the demo region.

def plain_facts(region):
    starts, stops = [], []
    for s in Start.objects.filter(municipality__region=region, deleted_by__isnull=True):
        verwijzer = None
        if s.toewijzing is not None:
            request = Verzoek.objects.filter(
                provider=s.provider, municipality=s.municipality, kind="toewijzing",
                referentie_aanbieder=s.toewijzing.referentie_aanbieder or "-").first()
            verwijzer = request.verwijzer if request and request.verwijzer else "01"
        starts.append(StartFact(link=_plain_link(s), bsn=s.youth.bsn, youth_id=s.youth_id,
                                provider=s.provider.agb_code, gemeente=s.municipality.code,
                                product_categorie=s.product_categorie,
                                product_code=s.product_code, begindatum=s.begindatum,
                                verwijzer=verwijzer))
    for s in Stop.objects.filter(municipality__region=region, deleted_by__isnull=True):
        stops.append(StopFact(link=_plain_link(s), begindatum=s.begindatum,
                              einddatum=s.einddatum, reden=s.reden_beeindiging))
    return starts, stops


def _plain_link(delivery):
    if delivery.toewijzing_id is not None:
        return ("toewijzing", delivery.toewijzing_id)
    return ("taakgericht", delivery.youth_id, delivery.provider_id, delivery.municipality_id,
            delivery.product_categorie)


def selector_facts(region):
    return selectors.facts(region)


def episode_facts(region):
    return selectors.episode_facts(region)


FAST_PATHS = [selector_facts, episode_facts]


def check_fast_path_equals_the_plain_definition(region, fast_path):
    def rows(facts):
        found, report = trajectories(*facts, lambda cat, code: DEMO_CATALOGUE.get(code),
                                     as_of=LAST)
        return sorted(tuple(record(t, LAST).values()) for t in found), report

    plain, fast = rows(plain_facts(region)), rows(fast_path(region))
    assert plain[0] and fast == plain


# --- the indicator set's fast path ----------------------------------------------------------
# region_indicators shares work between half years (cbs.trajectories_on: one hulpvorm lookup
# and one Delivery per start and known stops; one grouped spending query over all periods).
# The plain definition: trajectories() as known on each period's last day, and the spending
# summed per youth in Python from every declaration line as a model object.

def plain_indicators(region, first, last, *, today):
    from openjeugd.monitoring import seams, spending
    from openjeugd.monitoring.cbs import figures as cbs_figures
    from openjeugd.monitoring.cbs.periods import Period, half_years

    starts, stops = plain_facts(region)
    hulpvorm_of = seams.hulpvorm_lookup(region)
    everything, _ = trajectories(starts, stops, hulpvorm_of, as_of=today)
    periods, municipalities = [], {}
    for half in half_years(first, last):
        period = Period(max(first, half.first), min(last, half.last))
        known, _ = trajectories(starts, stops, hulpvorm_of, as_of=period.last)
        found = cbs_figures.period_figures(known, everything, period, [], today=today)
        per_youth = defaultdict(lambda: [Decimal(0), Decimal(0), Decimal(0)])
        for line in Prestatie.objects.filter(declaratie__municipality__region=region,
                                             begindatum__range=(period.first, period.last)):
            sums = per_youth[line.youth.bsn]
            sums[0] += line.toegekend
            sums[1] += line.ingediend
            sums[2] += min(line.toegekend, Decimal(0))
        found["kosten"] = spending.spending([(bsn, *sums) for bsn, sums in per_youth.items()])
        periods.append(found)
        municipalities[period.label] = cbs_figures.per_municipality(known, period)
    return periods, municipalities


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.demo_hulpvorm")
def test_the_indicator_fast_path_equals_the_plain_definition(region):
    today = date(2026, 9, 1)  # some 3.2 follow-up windows passed, some not
    fast = selectors.region_indicators(region, FIRST, LAST, today=today)
    periods, municipalities = plain_indicators(region, FIRST, LAST, today=today)
    assert [p["gestart"] for p in periods] and periods[0]["kosten"]["jeugdigen"] > 0
    assert fast["perioden"] == periods
    assert fast["per_gemeente"] == municipalities
