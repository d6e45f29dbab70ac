"""`manage.py load_municipalities [PATH]`: bundled CSV by default, year from the file."""

import pytest
from django.core.management import CommandError, call_command

from openjeugd.registry.models import Division, Municipality
from openjeugd.registry.tests.conftest import SHARED_DIVISION


def test_default_loads_the_bundled_division(db, capsys):
    Municipality.objects.filter(code="0209").update(active=False)
    call_command("load_municipalities")
    # Only Beuningen differed from the bundled 2026 list: it is reactivated.
    assert "Division 2026: 0 created, 1 updated" in capsys.readouterr().out
    assert Municipality.objects.get(code="0209").active


def test_reads_the_cbs_markdown_and_its_year(db, capsys):
    call_command("load_municipalities", str(SHARED_DIVISION))
    assert "Division 2026: 0 created, 0 updated" in capsys.readouterr().out


def test_explicit_year_for_a_file_without_one(db, tmp_path):
    path = tmp_path / "indeling.csv"
    path.write_text("gemeentecode,gemeentenaam,provincie,jeugdregio\n"
                    "0268,Nijmegen,Gelderland,Rijk van Nijmegen\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--year"):
        call_command("load_municipalities", str(path))
    call_command("load_municipalities", str(path), "--year", "2027")
    # Only Nijmegen is in this division; the other 341 are deactivated, none deleted.
    assert Municipality.objects.filter(active=True).count() == 1
    assert Municipality.objects.count() == 342
    assert Division.objects.get(year=2027).deactivated == 341


def test_bad_file_gives_a_readable_error(db, tmp_path):
    path = tmp_path / "gemeenten-2027.csv"
    path.write_text("gemeentecode,gemeentenaam,provincie,jeugdregio\n"
                    "0268,Nijmegen,Gelderland,\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"row 1 \(line 2\), field jeugdregio"):
        call_command("load_municipalities", str(path))
