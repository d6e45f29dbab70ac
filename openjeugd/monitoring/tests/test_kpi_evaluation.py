"""KPI/KRI status for a period from the live indicator set, on facts delivered through the
real iJw import path; expected values computed by hand."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import kpi, selectors_kpi, services
from openjeugd.registry.models import Municipality
from openjeugd.registry.tests.factories import valid_bsn

from .test_command import AMBULANT, start, stop

TODAY = date(2026, 7, 15)  # the pinned clock of the deliver fixture


@pytest.fixture
def three_ended(deliver):
    """Three youths in Nijmegen, started 14 Jan 2026. Youth 0 stops 20 Mar with JZ588 33
    (-> CBS §3.7 04, voortijdig); youth 1 on 30 Apr with 31 (-> 01, volgens plan); youth 2
    on 31 May with 33 (voortijdig)."""
    for n, (end, reason) in enumerate([(date(2026, 3, 20), "33"), (date(2026, 4, 30), "31"),
                                       (date(2026, 5, 31), "33")]):
        bsn, number = valid_bsn(800 + n), f"30{n}"
        deliver(samples.sample_jw301(identificatie=f"TW{n:06d}", bsn=bsn,
                                     toewijzing_nummer=number, dagtekening=date(2026, 1, 5),
                                     **AMBULANT))
        deliver(start(n, date(2026, 1, 14), bsn=bsn, toewijzing_nummer=number))
        deliver(stop(n, date(2026, 1, 14), end, reden=reason, bsn=bsn,
                     toewijzing_nummer=number))


def test_status_and_trend_from_the_indicator_set(three_ended, user_with, nijmegen):
    advisor = user_with(Role.POLICY_ADVISOR)
    region = advisor.region

    def make(code, **fields):
        return services.create_indicator(user=advisor, region=region, code=code,
                                         name=code, **fields)

    uitval = make("KRI-UITVAL", kind="kri", level="region", figure="uitval")
    youths = make("KPI-JEUGD", kind="kpi", level="region", figure="jeugdigen")
    local = make("KPI-NIJM", kind="kpi", level="local_system", figure="uitval",
                 municipality=nijmegen)
    other = Municipality.objects.filter(region=region).exclude(pk=nijmegen.pk).first()
    elsewhere = make("KPI-ELDERS", kind="kpi", level="local_system", figure="uitval",
                     municipality=other)
    for indicator in (uitval, local, elsewhere):
        services.set_target(user=advisor, indicator=indicator, period="2026-Q2",
                            target="40", signal="60")
    services.set_target(user=advisor, indicator=youths, period="2026-Q2", target="1")
    services.add_narrative(user=advisor, indicator=uitval, period="2026-Q2",
                           text="Eén gezin verhuisde; de hulp stopte voortijdig.")
    services.add_narrative(user=advisor, indicator=uitval, period="2026-Q1", text="Eerder.")

    found = {e.indicator.code: e for e in selectors_kpi.evaluate(advisor, "2026-Q2",
                                                                  today=TODAY)}

    # Q2: youths 1 and 2 ended, one of them early: uitval 1/2 = 50.0 %. Lower is better,
    # target 40, signal at 60: missed, not beyond the threshold -> signal. Q1: youth 0 ended,
    # early: 1/1 = 100.0 %, so 50.0 is better.
    region_uitval = found["KRI-UITVAL"]
    assert (region_uitval.value, region_uitval.status) == (Decimal("50.0"), kpi.SIGNAL)
    assert (region_uitval.previous_value, region_uitval.trend) == (Decimal("100.0"),
                                                                     kpi.BETTER)
    # Only the Q2 narrative belongs to Q2.
    assert [n.text for n in region_uitval.narratives] == [
        "Eén gezin verhuisde; de hulp stopte voortijdig."]
    # Youths in care in Q2: youths 1 and 2 (youth 0 ended in March) = 2; target 1 without a
    # signal threshold -> off target. Q1 had all three: 2 < 3 is better (lower is better).
    youths_now = found["KPI-JEUGD"]
    assert (youths_now.value, youths_now.status) == (Decimal(2), kpi.OFF_TARGET)
    assert (youths_now.previous_value, youths_now.trend) == (Decimal(3), kpi.BETTER)
    # Narrowed to Nijmegen, where all three live: the same 50.0 %; another municipality of
    # the region has no ended trajectory: no figure, so no status either way.
    assert (found["KPI-NIJM"].value, found["KPI-NIJM"].status) == (Decimal("50.0"),
                                                                     kpi.SIGNAL)
    assert (found["KPI-ELDERS"].value, found["KPI-ELDERS"].status) == (None, kpi.NO_DATA)


def test_a_month_and_a_half_year_read_the_same_set(three_ended, user_with):
    advisor = user_with(Role.POLICY_ADVISOR)
    uitval = services.create_indicator(user=advisor, region=advisor.region, code="U",
                                       name="Uitval", kind="kpi", level="region",
                                       figure="uitval")
    # March 2026: only youth 0 ended, early: 100.0 %. The first half year: 2 of 3 early,
    # 66.7 % (ROUND_HALF_UP of 66.66..). No target: the status says so.
    [march] = selectors_kpi.evaluate(advisor, "2026-03", today=TODAY, indicators=[uitval])
    [half] = selectors_kpi.evaluate(advisor, "2026-H1", today=TODAY, indicators=[uitval])
    assert (march.value, march.status) == (Decimal("100.0"), kpi.NO_TARGET)
    assert half.value == Decimal("66.7")
    # February had no ended trajectory: no previous value, no trend.
    assert (march.previous_value, march.trend) == (None, None)
