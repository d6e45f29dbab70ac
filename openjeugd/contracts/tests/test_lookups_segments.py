"""The segment budgets monitoring asks for (MONITORING_BUDGET_LOOKUP, seed 002 "jaarlijks
een gezamenlijk totaalbudget"): each year's effective budget, the segment's products, and the
provider ceilings where they divide a total."""

from decimal import Decimal

from openjeugd.contracts.lookups import segment_budgets
from openjeugd.contracts.models import Ceiling, Product, TaskArea
from openjeugd.registry.models import Provider


def _area(region, name, categorie):
    area = TaskArea.objects.create(region=region, name=name)
    Product.objects.create(region=region, product_categorie=categorie, product_code="",
                           name=name, eenheid="14", uitvoeringsvariant="outputgericht",
                           funding_model="pxq", task_area=area)
    return area


def test_one_segment_owns_the_provider_ceilings(region):
    area = _area(region, "Behandeling met verblijf", "36")
    linde = Provider.objects.create(name="De Linde", agb_code="11111111")
    # 100000 less 2 % efficiency discount = 98000.00, plus a ventiel of 5000: 103000.00.
    Ceiling.objects.create(region=region, year=2026, level="segment", task_area=area,
                           amount=Decimal("100000.00"), efficiency_discount=Decimal("2"),
                           ventiel=Decimal("5000.00"))
    Ceiling.objects.create(region=region, year=2025, level="segment", task_area=area,
                           amount=Decimal("90000.00"))
    Ceiling.objects.create(region=region, year=2026, level="provider", provider=linde,
                           amount=Decimal("40000.00"))
    assert segment_budgets(region, [2026]) == [{
        "name": "Behandeling met verblijf", "products": [("36", "")],
        "budgets": {2026: Decimal("103000.00")},
        "providers": {2026: {"11111111": Decimal("40000.00")}}, "planned_beds": {}}]


def test_with_two_segments_and_no_total_the_provider_ceilings_belong_to_none(region):
    linde = Provider.objects.create(name="De Linde", agb_code="11111111")
    for name, categorie in (("Verblijf", "36"), ("Ambulant", "32")):
        Ceiling.objects.create(region=region, year=2026, level="segment",
                               task_area=_area(region, name, categorie),
                               amount=Decimal("1000.00"))
    Ceiling.objects.create(region=region, year=2026, level="provider", provider=linde,
                           amount=Decimal("400.00"))
    found = segment_budgets(region, [2026])
    assert [(s["name"], s["providers"]) for s in found] == [("Ambulant", {}), ("Verblijf", {})]
    # A region ceiling is the total: then it owns them.
    Ceiling.objects.create(region=region, year=2026, level="region", amount=Decimal("5000.00"))
    total = next(s for s in segment_budgets(region, [2026]) if s["products"] is None)
    assert total["providers"] == {2026: {"11111111": Decimal("400.00")}}
    assert segment_budgets(region, [2030]) == []


def test_each_segment_carries_its_own_bed_plan_and_the_region_the_regions(region):
    verblijf = _area(region, "Verblijf", "36")
    ambulant = _area(region, "Ambulant", "32")
    Ceiling.objects.create(region=region, year=2026, level="segment", task_area=verblijf,
                           amount=Decimal("1000.00"), planned_beds=12)
    Ceiling.objects.create(region=region, year=2026, level="segment", task_area=ambulant,
                           amount=Decimal("1000.00"))
    plans = {s["name"]: s["planned_beds"] for s in segment_budgets(region, [2026])}
    # Ambulant plans none: no entry for the year (never the region's or another's).
    assert plans == {"Verblijf": {2026: 12}, "Ambulant": {}}
    # A region ceiling without beds of its own: its segments' plans together (12).
    Ceiling.objects.create(region=region, year=2026, level="region", amount=Decimal("5000.00"))
    total = next(s for s in segment_budgets(region, [2026]) if s["products"] is None)
    assert total["planned_beds"] == {2026: 12}
