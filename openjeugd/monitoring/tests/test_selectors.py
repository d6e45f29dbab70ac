"""The selectors load a region's facts in a fixed number of queries, however many rows."""

from datetime import date

from openjeugd.ijw.codec import samples
from openjeugd.monitoring import selectors
from openjeugd.registry.tests.factories import valid_bsn

from .test_command import AMBULANT, start, stop


def test_facts_cost_a_fixed_number_of_queries_whatever_the_number_of_youths(
        deliver, nijmegen, django_assert_num_queries):
    # Three youths, each assigned, started and stopped: still one query for the starts, one
    # for the stops, one for the requests (the referrers), two grouped queries of the
    # declaration lines for all half years (the spending per half year, added up by the
    # database; per calendar year, product, provider and youth for the sturingsinformatie
    # and themes), one per month for the forecast (the provider names are not asked without
    # declarations) and two for the message deadlines (messages, requests), and one for the
    # casework's measurements - no query per row (the product is in JZ020 31-38, so the
    # catalogue is not asked).
    # The themes and segments add six (their declared amounts are the spending's sums, no
    # query of their own): the toewijzingen with their first start, the cases and the pathway
    # configuration (no case: no further casework query), the ceilings, and the products
    # started (none residential: no stays); and with no ceiling the region's bed plan
    # (MONITORING_BED_PLAN_LOOKUP) for the whole-region segment.
    for n in range(3):
        bsn = valid_bsn(700 + n)
        deliver(samples.sample_jw301(identificatie=f"TW{n:06d}", bsn=bsn,
                                     toewijzing_nummer=f"20{n}", dagtekening=date(2026, 1, 5),
                                     **AMBULANT))
        deliver(start(n, date(2026, 1, 14), bsn=bsn, toewijzing_nummer=f"20{n}"))
        deliver(stop(n, date(2026, 1, 14), date(2026, 5, 31), bsn=bsn,
                     toewijzing_nummer=f"20{n}"))
    with django_assert_num_queries(9 + 6):
        found = selectors.region_indicators(nijmegen.region, date(2026, 1, 1),
                                            date(2026, 6, 30), today=date(2026, 7, 15))
    assert found["perioden"][0]["gestart"] == 3 and found["perioden"][0]["beeindigd"] == 3
