"""The answers ijw asks of contracts, named in settings (ijw never imports contracts):
IJW_PROVIDER_ADMISSION and IJW_CONTRACT_TARIFF; and monitoring's MONITORING_HULPVORM_LOOKUP,
MONITORING_BUDGET_LOOKUP and MONITORING_BED_PLAN_LOOKUP."""

from datetime import date
from decimal import Decimal

from openjeugd.contracts import cbs, selectors
from openjeugd.contracts.budget import effective_budget
from openjeugd.contracts.models import Ceiling, Contract, Product
from openjeugd.ijw.services.handlers.declaratie import NOT_CONTRACTED
from openjeugd.registry.models import Provider


def admitted_provider(*, agb: str, municipality, on: date, new_care: bool) -> Provider | None:
    """The provider with this AGB code when it may send or receive this message for the
    municipality: new care (JW301/315/319) needs a contract running on the message date;
    messages about existing care need a contract that began on or before it (a partner whose
    contract ended still stops and declares the care it was assigned). A region without any
    contract keeps the registry's Provider.regions (data from before contracts)."""
    provider = selectors.provider_named(agb)
    if provider is None:
        return None
    if not Contract.objects.filter(region=municipality.region_id).exists():
        return provider if provider.regions.filter(pk=municipality.region_id).exists() else None
    awards = selectors.admitted_on if new_care else selectors.ever_admitted
    return provider if awards(provider, municipality, on).exists() else None


def contract_tariffs(*, municipality, provider):
    """TR418's source for one message: loads the region's tariffs once and answers, per line,
    the contract tariff of the line's product for the provider on the first day of its
    period, as (amount, eenheid it is a price of). A product of the region's catalogue that
    no contract prices for this provider that day answers NOT_CONTRACTED (refused, 0611); a
    product outside the catalogue, or a region without contracts, answers None (not judged:
    TR381's product code list is not the contracts' catalogue)."""
    tariffs = selectors.region_tariffs(municipality.region_id)
    contracting = Contract.objects.filter(region=municipality.region_id).exists()

    def lookup(toewijzing, prestatie) -> tuple[Decimal, str] | tuple[None, None] | None:
        product = tariffs.product(prestatie.product_categorie, prestatie.product_code or "")
        if product is None:
            return None
        price = tariffs.price_on(product.pk, provider.pk, prestatie.product_periode.begindatum)
        if price is None:
            return NOT_CONTRACTED if contracting else None
        return (price.amount, price.eenheid)

    return lookup


def hulpvorm_of_product(region, product_categorie: str, product_code: str) -> str | None:
    """monitoring's MONITORING_HULPVORM_LOOKUP: the CBS hulpvorm of a product in the region's
    catalogue (the product itself, else its whole category); 31-38 one to one; None when the
    region has not mapped it (monitoring reports it, never guesses)."""
    if product_categorie in cbs.ONE_TO_ONE:
        return cbs.ONE_TO_ONE[product_categorie]
    mapped = (Product.objects.filter(region=region, product_categorie=product_categorie,
                                     product_code__in=[product_code, ""])
              .order_by("-product_code").values_list("cbs_hulpvorm", flat=True).first())
    return cbs.hulpvorm(product_categorie, mapped or "")


def segment_budgets(region, years: list[int]) -> list[dict]:
    """monitoring's MONITORING_BUDGET_LOOKUP (seed 002 "jaarlijks een gezamenlijk totaalbudget"):
    per segment ceiling (a task area) and for a region ceiling, the budget per year after the
    efficiency discount with the ventiel (budget.effective_budget), the products it covers
    (None: all of the region) and the beds it plans per year. Provider ceilings ("een
    verdeling van het totaalbudget tussen aanbieders") belong to the region's total when
    there is one, else to the only segment; with several segments and no region ceiling they
    belong to none (never guessed)."""
    ceilings = list(Ceiling.objects.filter(
        region=region, year__in=years,
        level__in=[Ceiling.Level.REGION, Ceiling.Level.SEGMENT, Ceiling.Level.PROVIDER],
    ).select_related("task_area", "provider").order_by("level", "task_area__name", "year"))
    found: dict = {}
    for ceiling in ceilings:
        if ceiling.level == Ceiling.Level.REGION:
            entry = found.setdefault("", {"name": region.name, "products": None,
                                          "budgets": {}, "providers": {}})
        elif ceiling.level == Ceiling.Level.SEGMENT:
            entry = found.setdefault(ceiling.task_area_id, {
                "name": ceiling.task_area.name, "budgets": {}, "providers": {},
                "products": sorted(Product.objects.filter(task_area=ceiling.task_area_id)
                                   .values_list("product_categorie", "product_code"))})
        else:
            continue
        entry["budgets"][ceiling.year] = effective_budget(ceiling)
        entry.setdefault("planned_beds", {})
        if ceiling.level == Ceiling.Level.SEGMENT and ceiling.planned_beds is not None:
            # Each segment holds its own plan (a segment without residential care has none).
            entry["planned_beds"][ceiling.year] = ceiling.planned_beds
    if "" in found:
        # The region-wide segment: the region ceiling's plan, else its segments' together.
        # From the ceilings already loaded, by the same rule as planned_beds().
        found[""]["planned_beds"] = {
            year: beds for year in years if (beds := _region_plan(
                (c.level, c.planned_beds) for c in ceilings
                if c.year == year and c.planned_beds is not None)) is not None}
    owner = found.get("") or (next(iter(found.values())) if len(found) == 1 else None)
    if owner is not None:
        for ceiling in ceilings:
            if ceiling.level == Ceiling.Level.PROVIDER:
                owner["providers"].setdefault(ceiling.year, {})[
                    ceiling.provider.agb_code] = effective_budget(ceiling)
    return list(found.values())


def planned_beds(region, year: int) -> int | None:
    """monitoring's MONITORING_BED_PLAN_LOOKUP (seed 002 "de afbouw van het aantal bedden in
    verblijf"): the planned beds of the year's region ceiling; without them, the sum over the
    segment ceilings that plan beds (a segment without residential care plans none); when no
    ceiling of the year plans beds, None (no plan, never guessed)."""
    planned = list(Ceiling.objects.filter(
        region=region, year=year, level__in=[Ceiling.Level.REGION, Ceiling.Level.SEGMENT],
        planned_beds__isnull=False).order_by().values_list("level", "planned_beds"))
    return _region_plan(planned)


def _region_plan(planned) -> int | None:
    """(level, beds) of a year's ceilings that plan beds (only region and segment ceilings
    can): the region's number, else the segments' together, else None."""
    planned = list(planned)
    for level, beds in planned:
        if level == Ceiling.Level.REGION:
            return beds
    return sum(beds for _level, beds in planned) if planned else None
