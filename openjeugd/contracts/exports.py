"""The ceiling overview as an Excel workbook (openpyxl) and a PDF (WeasyPrint), both from
selectors_screens.ceiling_overview: the same figures as the screen, amounts as numbers to the
cent (never text), so a spreadsheet can add them up."""

from io import BytesIO

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from openjeugd.contracts.selectors_screens import Overview, status_label

MONEY = "#,##0.00"


def headers() -> list[str]:
    return [_("Level"), _("Ceiling"), _("Budget"), _("Committed"), _("Spent"), _("Forecast"),
            _("Status")]


def xlsx(overview: Overview) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Ceilings")
    sheet.append([_("Ceilings %(region)s %(year)s, as of %(day)s") % {
        "region": overview.region, "year": overview.year, "day": overview.as_of.isoformat()}])
    sheet["A1"].font = Font(bold=True)
    sheet.append(headers())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in overview.rows:
        sheet.append([row.level_label, row.target, *row.amounts(), status_label(row.status)])
        for cell in sheet[sheet.max_row][2:6]:
            cell.number_format = MONEY
    for column, width in zip("ABCDEFG", (16, 40, 14, 14, 14, 14, 12), strict=True):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_html(overview: Overview) -> str:
    """The HTML the PDF is printed from (tests read the figures here: the PDF's text is
    subset-font glyph ids, not searchable without a PDF text extractor)."""
    return render_to_string("contracts/ceilings_pdf.html", {
        "overview": overview, "headers": headers(),
        "rows": [(row, status_label(row.status)) for row in overview.rows]})


def pdf(overview: Overview) -> bytes:
    from weasyprint import HTML  # loads pango: only when a PDF is asked for

    return HTML(string=pdf_html(overview)).write_pdf()


CONTENT_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "pdf": "application/pdf"}


def response(overview: Overview, kind: str) -> HttpResponse:
    """The download of the screen and of the API: ``kind`` is "xlsx" or "pdf"."""
    content = xlsx(overview) if kind == "xlsx" else pdf(overview)
    download = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    download["Content-Disposition"] = f'attachment; filename="plafonds-{overview.year}.{kind}"'
    return download
