"""load_division: upserts regions and municipalities, moves and deactivates, never deletes."""

import pytest

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry import services
from openjeugd.registry.models import Division, Municipality, Region
from openjeugd.registry.tests.conftest import SHARED_DIVISION


@pytest.fixture
def empty_registry(db):
    # The data migration already loaded 2026; start from nothing to see the loader create.
    Municipality.objects.all().delete()
    Region.objects.all().delete()
    Division.objects.all().delete()


def as_rows(shared_rows):
    return [dict(zip(["gemeentecode", "gemeentenaam", "provincie", "jeugdregio"], row,
                     strict=True)) for row in shared_rows]


def test_loads_the_cbs_markdown_list(empty_registry, shared_rows, shared_region_sizes):
    summary = services.load_division(SHARED_DIVISION, year=2026)
    assert (summary.created, summary.updated, summary.deactivated) == (342, 0, 0)
    assert summary.regions_created == len(shared_region_sizes)
    assert Municipality.objects.count() == len(shared_rows) == 342


def test_region_sizes_follow_the_shared_list(empty_registry, shared_region_sizes):
    services.load_division(SHARED_DIVISION, year=2026)
    # Counted by hand from the shared list: Rijk van Nijmegen = Berg en Dal, Beuningen, Druten,
    # Heumen, Mook en Middelaar, Nijmegen, Wijchen; Zuid-Limburg has 16 municipalities.
    assert shared_region_sizes["Rijk van Nijmegen"] == 7
    assert shared_region_sizes["Zuid-Limburg"] == 16
    for name, size in shared_region_sizes.items():
        assert Municipality.objects.filter(region__name=name).count() == size, name


def test_reloading_the_same_division_changes_nothing(db):
    summary = services.load_division(SHARED_DIVISION, year=2026)
    assert (summary.created, summary.updated, summary.deactivated, summary.moved) == (
        0, 0, 0, [])


def test_newer_division_moves_adds_and_deactivates(db, shared_rows):
    rows = as_rows(shared_rows)
    by_code = {row["gemeentecode"]: row for row in rows}
    # 2027 (invented): Druten (0225) moves to Rivierenland, Beuningen (0209) merges into
    # Wijchen and disappears, and a new municipality 1999 appears in a new region.
    by_code["0225"]["jeugdregio"] = "Rivierenland"
    del by_code["0209"]
    by_code["1999"] = {"gemeentecode": "1999", "gemeentenaam": "Nieuwgemeente",
                       "provincie": "Gelderland", "jeugdregio": "Nieuwe Regio"}

    summary = services.load_division(list(by_code.values()), year=2027)

    assert (summary.created, summary.updated, summary.deactivated) == (1, 1, 1)
    assert summary.moved == ["0225"]
    assert summary.regions_created == 1
    assert Municipality.objects.get(code="0225").region.name == "Rivierenland"
    beuningen = Municipality.objects.get(code="0209")  # kept: history refers to it
    assert beuningen.active is False
    # 7 - Druten - Beuningen = 5 active municipalities left in Rijk van Nijmegen.
    assert Municipality.objects.filter(region__name="Rijk van Nijmegen", active=True).count() == 5
    assert Region.objects.get(name="Nieuwe Regio").slug == "nieuwe-regio"
    assert Division.objects.filter(year=2027).exists()


def test_municipality_back_in_a_division_is_reactivated(db, shared_rows):
    Municipality.objects.filter(code="0209").update(active=False)
    summary = services.load_division(as_rows(shared_rows), year=2026)
    assert summary.updated == 1
    assert Municipality.objects.get(code="0209").active is True


def test_loader_leaves_population_untouched(db, shared_rows):
    Municipality.objects.filter(code="0268").update(
        population_total=180000, population_0_17=33000, population_source="demo estimate",
        population_is_estimate=True)
    rows = as_rows(shared_rows)
    next(r for r in rows if r["gemeentecode"] == "0268")["gemeentenaam"] = "Nijmegen (nieuw)"
    services.load_division(rows, year=2027)
    nijmegen = Municipality.objects.get(code="0268")
    assert nijmegen.name == "Nijmegen (nieuw)"
    assert (nijmegen.population_total, nijmegen.population_0_17, nijmegen.population_source,
            nijmegen.population_is_estimate) == (180000, 33000, "demo estimate", True)


def test_older_division_is_refused(db, shared_rows):
    with pytest.raises(services.ValidationError) as error:
        services.load_division(as_rows(shared_rows)[:10], year=2025)
    assert "year" in error.value.message_dict
    assert Municipality.objects.filter(active=True).count() == 342


def test_load_is_audited(db):
    services.load_division(SHARED_DIVISION, year=2026)
    entry = AccessLogEntry.objects.get(object_type="registry.Division")
    assert (entry.action, entry.purpose) == ("create", "load division 2026")
