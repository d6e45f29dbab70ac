"""A bad division is refused as a whole, with errors naming row, line and field."""

import pytest
from django.core.exceptions import ValidationError

from openjeugd.registry import services
from openjeugd.registry.models import Division, Municipality, Region

HEADER = "gemeentecode,gemeentenaam,provincie,jeugdregio\n"


def write(tmp_path, text, name="gemeenten-2027.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_errors(source, year=2027) -> list[str]:
    with pytest.raises(ValidationError) as error:
        services.load_division(source, year=year)
    return error.value.messages


def test_bad_code_names_row_line_and_field(db, tmp_path):
    path = write(tmp_path, HEADER + "0268,Nijmegen,Gelderland,Rijk van Nijmegen\n"
                                    "363,Amsterdam,Noord-Holland,Amsterdam-Amstelland\n")
    [message] = load_errors(path)
    # The header is line 1, so the second data row is line 3.
    assert message.startswith("row 2 (line 3), field gemeentecode:")
    assert "'363'" in message


def test_every_problem_is_listed(db, tmp_path):
    path = write(tmp_path, HEADER + "0268,,Gelderland,Rijk van Nijmegen\n"
                                    "0268,Nijmegen,Gelderland,\n")
    messages = load_errors(path)
    assert messages == [
        "row 1 (line 2), field gemeentenaam: this field is empty.",
        "row 2 (line 3), field jeugdregio: this field is empty.",
        "row 2 (line 3), field gemeentecode: 0268 already appears in row 1 (line 2).",
    ]


def test_missing_column_is_named(db, tmp_path):
    path = write(tmp_path, "gemeentecode,gemeentenaam,provincie\n0268,Nijmegen,Gelderland\n")
    assert load_errors(path) == ["The CSV header lacks the column(s) jeugdregio."]


def test_rows_without_file_are_numbered_from_one(db):
    rows = [{"gemeentecode": "0268", "gemeentenaam": "Nijmegen", "provincie": "Gelderland",
             "jeugdregio": "x" * 101}]
    assert load_errors(rows) == ["row 1, field jeugdregio: longer than 100 characters."]


def test_markdown_errors_give_the_line_in_the_file(db, tmp_path):
    text = ("# Gemeentelijke indeling 2027\n\n"
            "| Gemeentecode | Gemeentenaam | Provincienaam | Jeugdzorgregio |\n"
            "| --- | --- | --- | --- |\n"
            "| 0268 | Nijmegen | Gelderland | Rijk van Nijmegen |\n"
            "| 02X9 | Beuningen | Gelderland | Rijk van Nijmegen |\n")
    [message] = load_errors(write(tmp_path, text, "indeling.md"))
    # Title, blank, header, separator, first row: the bad row is line 6.
    assert message.startswith("row 2 (line 6), field gemeentecode:")


def test_a_refused_division_changes_nothing(db, tmp_path, shared_region_sizes):
    before = list(Municipality.objects.order_by("code").values_list("code", "region_id",
                                                                    "active"))
    # One good row that would move Druten and deactivate 341 others, one bad row.
    path = write(tmp_path, HEADER + "0225,Druten,Gelderland,Rivierenland\n"
                                    "12345,Fout,Gelderland,Rivierenland\n")
    load_errors(path)
    after = list(Municipality.objects.order_by("code").values_list("code", "region_id",
                                                                   "active"))
    assert after == before
    assert not Division.objects.filter(year=2027).exists()
    assert Region.objects.count() == len(shared_region_sizes)


def test_failure_halfway_rolls_back_the_earlier_writes(db, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    # Regions and municipalities are written before the deactivation step; make it fail.
    monkeypatch.setattr(services, "_deactivate_absent", fail)
    rows = [{"gemeentecode": "0225", "gemeentenaam": "Druten", "provincie": "Gelderland",
             "jeugdregio": "Nieuwe Regio"}]
    with pytest.raises(RuntimeError):
        services.load_division(rows, year=2027)
    assert Municipality.objects.get(code="0225").region.name == "Rijk van Nijmegen"
    assert not Region.objects.filter(name="Nieuwe Regio").exists()
