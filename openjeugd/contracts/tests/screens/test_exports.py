"""The Excel and PDF exports carry the same figures as the screen: both are built from
selectors_screens.ceiling_overview, and the tests compare against that selector and against
the hand-computed amounts (screens_fixtures).

The PDF: pypdf is not installed, and WeasyPrint writes text as subset-font glyph ids, so the
text cannot be searched in the bytes. The test asserts on the HTML the PDF is printed from
(exports.pdf_html, the one input of exports.pdf) and that the download is a non-empty PDF.
"""

from decimal import Decimal
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from openjeugd.contracts import exports
from openjeugd.contracts import selectors_screens as screens
from openjeugd.contracts.tests.screens.conftest import COMMITTED, FORECAST, SPENT


def test_excel_cells_equal_the_selectors_figures(manager_client, ceilings, region):
    response = manager_client.get(reverse("contracts:ceiling-export-xlsx"), {"year": 2026})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="plafonds-2026.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[2]] == ["Level", "Ceiling", "Budget", "Committed", "Spent",
                                           "Forecast", "Status"]
    cells = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    overview = screens.ceiling_overview(region, 2026)
    assert len(cells) == len(overview.rows) == 2
    for row, figures in zip(cells, overview.rows, strict=True):
        # Numbers, not text: openpyxl reads them back as int/float; compare to the cent.
        amounts = [Decimal(str(value)).quantize(Decimal("0.01")) for value in row[2:6]]
        assert amounts == list(figures.amounts())
        assert row[1] == figures.target
    region_row = next(row for row in cells if row[0] == "region")
    assert [Decimal(str(v)).quantize(Decimal("0.01")) for v in region_row[2:6]] == [
        Decimal("28000.00"), COMMITTED, SPENT, FORECAST]
    assert region_row[6] == "warning"
    assert sheet["C3"].number_format == "#,##0.00"


def test_pdf_is_a_pdf_printed_from_html_with_the_same_figures(manager_client, ceilings,
                                                              region):
    response = manager_client.get(reverse("contracts:ceiling-export-pdf"), {"year": 2026})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 1000
    html = exports.pdf_html(screens.ceiling_overview(region, 2026))
    for figure in ("28,000.00", "38,500.00", "14,657.14", "1,368.00", "25,943.14"):
        assert figure in html, figure
    assert "Nijmegen" in html and "warning" in html


def test_exports_of_a_year_without_ceilings(manager_client, care):
    response = manager_client.get(reverse("contracts:ceiling-export-xlsx"), {"year": 2031})
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet.max_row == 2  # title and headers only
    assert manager_client.get(reverse("contracts:ceiling-export-pdf"),
                              {"year": "abc"}).content.startswith(b"%PDF")


def test_the_api_downloads_the_same_workbook(manager, ceilings, region):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(manager)
    response = client.get("/api/contracts/ceilings/export.xlsx", {"year": 2026})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    region_row = next(row for row in sheet.iter_rows(min_row=3, values_only=True)
                      if row[0] == "region")
    assert [Decimal(str(v)).quantize(Decimal("0.01")) for v in region_row[2:6]] == [
        Decimal("28000.00"), COMMITTED, SPENT, FORECAST]
    pdf = client.get("/api/contracts/ceilings/export.pdf", {"year": 2026})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
