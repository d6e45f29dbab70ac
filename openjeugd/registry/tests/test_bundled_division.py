"""Every install starts with the CBS division of 2026: the bundled CSV, loaded by migration."""

import csv

from openjeugd.registry.division import BUNDLED_CSV
from openjeugd.registry.models import Division, Municipality, Region


def test_bundled_csv_matches_the_shared_cbs_list(shared_rows):
    with BUNDLED_CSV.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["gemeentecode", "gemeentenaam", "provincie", "jeugdregio"]
        ours = {tuple(row.values()) for row in reader}
    assert len(shared_rows) == 342
    assert ours == set(shared_rows)


def test_migration_loaded_all_municipalities_and_regions(db, shared_rows, shared_region_sizes):
    assert Municipality.objects.filter(active=True).count() == 342
    assert Region.objects.count() == len(shared_region_sizes)
    # Spot checks against the shared list: Nijmegen is 0268 in Rijk van Nijmegen.
    nijmegen = Municipality.objects.get(code="0268")
    assert (nijmegen.name, nijmegen.region.name) == ("Nijmegen", "Rijk van Nijmegen")
    assert Division.objects.get().year == 2026


def test_migration_leaves_population_empty(db):
    # Population figures are not part of the CBS division; nobody may mistake a gap for 0.
    assert not Municipality.objects.exclude(population_total=None).exists()


def test_region_slugs_are_derived_from_names(db):
    assert Region.objects.get(name="Zuid-Limburg").slug == "zuid-limburg"
    assert Region.objects.get(name="Midden IJssel-Oost Veluwe").slug == "midden-ijssel-oost-veluwe"
