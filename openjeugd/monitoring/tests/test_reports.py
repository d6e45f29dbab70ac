"""The monitoring report as PDF and Excel: the dashboard's figures, from the same selector."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import reports, selectors

from .test_command import AMBULANT, start, stop

PERIOD = {"van": "2026-01-01", "tot": "2026-06-30"}


@pytest.fixture
def story(deliver, nijmegen):
    # One ambulant trajectory 14 Jan - 31 May 2026 (JZ588 31 "volgens plan"), and February's
    # declaration 16 x 85.50 = 1368.00 on product 32/32A01 of De Linde.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))
    deliver(stop(1, date(2026, 1, 14), date(2026, 5, 31)))
    deliver(samples.sample_jw323(prestaties=[samples.sample_prestatie(**{
        "categorie": "32", "productcode": "32A01"})]))


def _figures(user):
    return selectors.indicators_for(user, user.region, date(2026, 1, 1), date(2026, 6, 30),
                                    today=date(2026, 7, 15))


def test_excel_cells_are_the_selectors_figures(client, story, user_with):
    user = user_with(Role.POLICY_ADVISOR)
    client.force_login(user)
    response = client.get(reverse("monitoring:report", args=["xlsx"]), PERIOD)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('monitoring-2026-01-01-2026-06-30.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    figures = _figures(user)
    [half] = figures["perioden"]
    periods = book.worksheets[0]
    header = [cell.value for cell in periods[1]]
    row = dict(zip(header, [cell.value for cell in periods[2]], strict=True))
    # 2026-H1: 1 started, 1 ended (14 Jan - 31 May = 138 days), 1368.00 granted.
    assert (row["periode"], row["gestart"], row["beeindigd"]) == ("2026-H1", 1, 1)
    assert row["gemiddelde_duur_dagen"] == half["gemiddelde_duur_dagen"] == 138
    assert Decimal(str(row["toegekend"])) == Decimal(half["kosten"]["toegekend"]) \
        == Decimal("1368.00")
    providers = book.worksheets[2]
    assert [cell.value for cell in providers[2]] == [
        samples.AGB, "Jeugdhulp De Linde", 1, 1368]
    municipalities = book.worksheets[1]
    assert [cell.value for cell in municipalities[2]][:3] == ["0268", "Nijmegen", 1]
    process = {r[0].value: [c.value for c in r] for r in book.worksheets[4].iter_rows(min_row=2)}
    assert process["declaratie_antwoord"][2] == \
        figures["processen"]["declaratie_antwoord"]["binnen_termijn"] == 1


def test_pdf_is_printed_from_the_reports_html(client, story, user_with):
    user = user_with(Role.POLICY_ADVISOR)
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.get(reverse("monitoring:report", args=["pdf"]), PERIOD)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    page = reports.html(_figures(user), municipalities={"0268": "Nijmegen"})
    periods = page.split('data-testid="report-periods"', 1)[1].split("</table>", 1)[0]
    assert "2026-H1" in periods and "1,368.00" in periods and "<td>138</td>" in periods
    assert "Nijmegen (0268)" in page and "Jeugdhulp De Linde" in page
    assert "<img" not in page and "http" not in page.split("<body>", 1)[1]


def test_unknown_format_and_bad_period(client, story, user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    assert client.get(reverse("monitoring:report", args=["csv"])).status_code == 404
    bad = client.get(reverse("monitoring:report", args=["xlsx"]),
                     {"van": "2026-06-30", "tot": "2026-01-01"})
    assert bad.status_code == 400


def test_roles_without_figures_get_no_report(client, story, user_with):
    client.force_login(user_with(Role.ACCESS_WORKER))
    assert client.get(reverse("monitoring:report", args=["pdf"])).status_code == 403
