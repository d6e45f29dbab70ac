"""The monitoring report carries the KPI/KRI status and narratives of the quarter its period
ends in (seed 000: the quarterly monitoringoverleg)."""

import io
from datetime import date
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from openjeugd.accounts.roles import Role
from openjeugd.monitoring import reports, selectors, selectors_kpi, services

from .test_kpi_evaluation import TODAY, three_ended  # noqa: F401 - the fixture

PERIOD = {"van": "2026-01-01", "tot": "2026-06-30"}


def test_excel_and_pdf_carry_kpi_status_and_narratives(client, three_ended,  # noqa: F811
                                                       user_with):
    advisor = user_with(Role.POLICY_ADVISOR)
    uitval = services.create_indicator(user=advisor, region=advisor.region, code="KRI-U",
                                       name="Uitval", kind="kri", level="region",
                                       figure="uitval")
    services.set_target(user=advisor, indicator=uitval, period="2026-Q2", target="40",
                        signal="60")
    services.add_narrative(user=advisor, indicator=uitval, period="2026-Q2",
                           text="Verhuizingen verklaren de uitval.")
    client.force_login(advisor)
    response = client.get(reverse("monitoring:report", args=["xlsx"]), PERIOD)
    book = load_workbook(io.BytesIO(response.content))
    # The period ends 30 Jun: the quarter is 2026-Q2. Uitval there 1 of 2 ended early =
    # 50.0 % against target 40 and signal 60 (lower is better): signal; Q1 was 100.0 %.
    # The last two sheets (their titles are translated): KPIs/KRIs, then narratives.
    rows = list(book.worksheets[-2].values)
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["code"], record["periode"], record["status"], record["trend"]) == (
        "KRI-U", "2026-Q2", "signal", "better")
    assert (record["waarde"], record["doelwaarde"], record["signaalwaarde"]) == (
        Decimal("50.0"), Decimal("40.00"), Decimal("60.00"))
    narratives = [row for sheet in book.worksheets[-1:] for row in sheet.values]
    assert narratives[1][-1] == "Verhuizingen verklaren de uitval."
    pdf = client.get(reverse("monitoring:report", args=["pdf"]), PERIOD)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # The page WeasyPrint prints has the same row and the narrative.
    kpis = [e.as_dict() for e in selectors_kpi.evaluate(advisor, "2026-Q2", today=TODAY)]
    page = reports.html(selectors.indicators_for(advisor, advisor.region, date(2026, 1, 1),
                                                 date(2026, 6, 30), today=TODAY),
                        municipalities={}, kpis=kpis)
    assert 'data-testid="report-kpis"' in page and "KRI-U Uitval (KRI)" in page
    assert "Verhuizingen verklaren de uitval." in page
