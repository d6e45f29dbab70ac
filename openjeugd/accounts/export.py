"""Exports of an access-log search for the auditor (CSV and XLSX); every export is logged."""

import csv
import io

from django.utils import timezone
from openpyxl import Workbook

from openjeugd.accounts import audit
from openjeugd.accounts.log_rows import HEADERS, as_tuple
from openjeugd.accounts.purposes import Purpose

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A cell starting with one of these is a formula in a spreadsheet. A username typed at a failed
# login is attacker's text: it must reach the auditor as text, never run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export(entries, kind: str, *, user=None, request=None, system: str = "") -> bytes:
    """The entries as a CSV or XLSX file; the export itself goes into the log first."""
    rows = [_cells(entry) for entry in entries]
    audit.record(user, "export", "accounts.AccessLogEntry", None, purpose=Purpose.AUDIT,
                 request=request, object_repr=kind.upper(), hits=len(rows), system=system)
    return _xlsx(rows) if kind == "xlsx" else _csv(rows)


def filename(kind: str) -> str:
    return f"access-log-{timezone.localtime():%Y%m%d-%H%M%S}.{kind}"


def _cells(entry) -> list:
    cells = list(as_tuple(entry))
    cells[1] = timezone.localtime(cells[1]).strftime("%Y-%m-%d %H:%M:%S")
    return [_text(cell) for cell in cells]


def _text(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(h) for h in HEADERS])
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()  # BOM: spreadsheets then read it as UTF-8


def _xlsx(rows) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("access log")
    sheet.append([str(h) for h in HEADERS])
    for cells in rows:
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
