"""Read a CBS municipal division (gemeentelijke indeling) from our CSV or the CBS markdown table.

Pure parsing and row validation, no database: the loader service and the data migration both
use it. Every problem names the row, the line in the file and the field.
"""

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from openjeugd.registry.validators import validate_gemeentecode

FIELDS = ("gemeentecode", "gemeentenaam", "provincie", "jeugdregio")
MAX_LENGTHS = {"gemeentenaam": 100, "provincie": 50, "jeugdregio": 100}
BUNDLED_CSV = Path(__file__).resolve().parent / "data" / "gemeenten-2026.csv"

# Column titles in the CBS/iStandaarden markdown list, mapped to our CSV columns.
MARKDOWN_HEADERS = {
    "gemeentecode": "gemeentecode",
    "gemeentenaam": "gemeentenaam",
    "provincienaam": "provincie",
    "provincie": "provincie",
    "jeugdzorgregio": "jeugdregio",
    "jeugdregio": "jeugdregio",
}


@dataclass(frozen=True)
class DivisionRow:
    number: int  # 1-based data row, header not counted
    line: int | None  # line in the source file, when read from a file
    gemeentecode: str
    gemeentenaam: str
    provincie: str
    jeugdregio: str

    @property
    def where(self) -> str:
        if self.line is None:
            return _("row %(number)s") % {"number": self.number}
        return _("row %(number)s (line %(line)s)") % {"number": self.number, "line": self.line}


def read_division(source: str | Path | Iterable[Mapping[str, str]]) -> list[DivisionRow]:
    """Parse and validate a whole division; raises one ValidationError listing every problem."""
    if isinstance(source, str | Path):
        rows = _read_file(Path(source))
    else:
        rows = [(number, None, row) for number, row in enumerate(source, start=1)]
    division = [_to_row(number, line, raw) for number, line, raw in rows]
    errors = [error for row in division for error in _row_errors(row)]
    errors += _duplicate_errors(division)
    if not division:
        errors.append(_("The division contains no municipalities."))
    if errors:
        raise ValidationError(errors, code="invalid_division")
    return division


def _read_file(path: Path) -> list[tuple[int, int | None, Mapping[str, str]]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in {".md", ".markdown"}:
        return _markdown_rows(text)
    return _csv_rows(text)


def _csv_rows(text: str):
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in FIELDS if name not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(
            _("The CSV header lacks the column(s) %(columns)s.") % {"columns": ", ".join(missing)},
            code="invalid_division",
        )
    # DictReader counts lines itself, so quoted names with commas keep their line numbers.
    return [(number, reader.line_num, row) for number, row in enumerate(reader, start=1)]


_SEPARATOR = re.compile(r"^\|[\s:|-]+\|?$")


def _markdown_rows(text: str):
    """Rows of the first table whose header has a Gemeentecode column."""
    columns: list[str | None] | None = None
    rows = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("|"):
            if columns is not None and rows:
                break  # the table has ended
            continue
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        if columns is None:
            names = [MARKDOWN_HEADERS.get(cell.lower()) for cell in cells]
            if "gemeentecode" in names:
                columns = names
            continue
        if _SEPARATOR.match(stripped):
            continue
        row = {name: cell for name, cell in zip(columns, cells, strict=False) if name}
        rows.append((len(rows) + 1, line_number, row))
    if columns is None:
        raise ValidationError(_("No table with a Gemeentecode column found."),
                              code="invalid_division")
    return rows


def _to_row(number: int, line: int | None, raw: Mapping[str, str]) -> DivisionRow:
    values = {name: str(raw.get(name) or "").strip() for name in FIELDS}
    return DivisionRow(number=number, line=line, **values)


def _row_errors(row: DivisionRow) -> list[str]:
    errors = []
    try:
        validate_gemeentecode(row.gemeentecode)
    except ValidationError as error:
        errors.append(_field_error(row, "gemeentecode", " ".join(error.messages)))
    for name, max_length in MAX_LENGTHS.items():
        value = getattr(row, name)
        if not value:
            errors.append(_field_error(row, name, _("this field is empty.")))
        elif len(value) > max_length:
            errors.append(_field_error(
                row, name, _("longer than %(max)s characters.") % {"max": max_length}))
    return errors


def _duplicate_errors(division: list[DivisionRow]) -> list[str]:
    first_seen: dict[str, DivisionRow] = {}
    errors = []
    for row in division:
        earlier = first_seen.setdefault(row.gemeentecode, row)
        if earlier is not row:
            errors.append(_field_error(
                row, "gemeentecode",
                _("%(code)s already appears in %(where)s.")
                % {"code": row.gemeentecode, "where": earlier.where}))
    return errors


def _field_error(row: DivisionRow, field: str, problem: str) -> str:
    return _("%(where)s, field %(field)s: %(problem)s") % {
        "where": row.where, "field": field, "problem": problem}


def year_from_source(path: Path) -> int | None:
    """The division year named in a file name (gemeenten-2026.csv) or a CBS markdown title."""
    match = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", path.name)
    if match:
        return int(match.group(0))
    if path.suffix.lower() in {".md", ".markdown"}:
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if line.startswith("#"):
                match = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", line)
                if match:
                    return int(match.group(0))
    return None
