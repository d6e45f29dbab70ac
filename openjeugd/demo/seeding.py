"""Writes a seed region's configuration (openjeugd.demo.seeds) through the contracts services.

Contracts, awards (with their award rules), tariffs, indexations, ceilings and instalments go
through openjeugd.contracts.services / .settlement, so every refusal those make (overlapping
tariffs, a tariff in the wrong unit, an award breaking a rule, a ceiling below what is used)
stops the demo set-up as it would stop a contract manager. Catalogue rows the contracts app has
no service for (task areas, products, lots, award rules, cost-sharing keys, L&O) are written
with full_clean() and an access-log entry, as its admin does.

Afterwards `prices(region)` reads the tariffs back, so the generator declares at exactly the
tariffs the database holds (TR418, retourcode 0611, then refuses nothing).
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import ProtectedError

from openjeugd.accounts import audit
from openjeugd.contracts import selectors as contract_selectors
from openjeugd.contracts import services, settlement
from openjeugd.contracts.models import (
    AwardRule,
    Ceiling,
    Contract,
    ContractPartner,
    ConversionRule,
    ConversionTable,
    CostShare,
    CostSharingKey,
    LearningContribution,
    Lot,
    PrefinancingInstalment,
    Product,
    Settlement,
    Tariff,
    TaskArea,
)
from openjeugd.demo.seeds import RegionSeed
from openjeugd.lib.money import round_money
from openjeugd.registry.models import Municipality, Provider, Region

PURPOSE = "demo region set-up"


def _saved(obj, region: Region):
    obj.full_clean()
    obj.save()
    audit.record_object(None, "create", obj, purpose=PURPOSE, owner_region_id=region.pk,
                        system="demo")
    return obj


class _Context:
    def __init__(self, region: Region, seed: RegionSeed, providers: dict[str, Provider],
                 partnership, years: list[int]):
        self.region, self.seed, self.providers = region, seed, providers
        self.partnership, self.years = partnership, years
        self.task_areas: dict[str, TaskArea] = {}
        self.products: dict[str, Product] = {}
        self.contracts: dict[str, Contract] = {}
        self.municipalities = {m.code: m for m in region.municipalities.filter(active=True)}


@transaction.atomic
def load_configuration(*, region: Region, seed: RegionSeed, providers: dict[str, Provider],
                       partnership, years: list[int]) -> None:
    """Everything of the data file that is not care history; `providers` by the file's keys."""
    context = _Context(region, seed, providers, partnership, years)
    for name in seed.task_areas:
        # A reset keeps the task areas (the region's KPIs may name them): reuse one by name.
        kept = TaskArea.objects.filter(region=region, name=name).first()
        context.task_areas[name] = kept or _saved(TaskArea(region=region, name=name), region)
    for product in seed.products:
        context.products[product.code] = _saved(Product(
            region=region, product_categorie=product.categorie, product_code=product.code,
            name=product.name, eenheid=product.eenheid, uitvoeringsvariant=product.variant,
            funding_model=product.funding, task_area=context.task_areas.get(product.task_area),
            cbs_hulpvorm=product.cbs_hulpvorm), region)
    for contract in seed.contracts:
        _contract(context, contract)
    for ceiling in seed.ceilings:
        _ceilings(context, ceiling)
    for key in seed.cost_keys:
        _cost_key(context, key)
    for prefinancing in seed.prefinancing:
        _prefinance(context, prefinancing)
    for learning in seed.learning:
        _learning(context, learning)


def _contract(context: _Context, data) -> Contract:
    contract = services.create_contract(
        region=context.region, reference=data.reference, name=data.name,
        procedure=data.procedure, start_date=data.start, initial_end_date=data.end,
        extension_options=data.extension_options, extension_months=data.extension_months,
        task_area=context.task_areas.get(data.task_area),
        parent=context.contracts.get(data.parent), status=data.status)
    context.contracts[data.reference] = contract
    lots = {}
    for lot in data.lots:
        lots[lot.number] = _saved(Lot(contract=contract, number=lot.number, name=lot.name,
                                      task_area=context.task_areas.get(lot.task_area)),
                                  context.region)
        lots[lot.number].municipalities.set([context.municipalities[c]
                                             for c in lot.municipalities])
    for rule in data.award_rules:
        saved = _saved(AwardRule(contract=contract, kind=rule.kind,
                                 max_partners=rule.max_partners, source=rule.source),
                       context.region)
        saved.lots.set([lots[n] for n in rule.lots])
    for award in data.awards:
        services.award_contract(
            contract=contract, start_date=award.start or data.start, lot=lots.get(award.lot),
            provider=None if award.partnership else context.providers[award.provider],
            partnership=context.partnership if award.partnership else None)
    for tariff in data.tariffs:
        services.set_tariff(contract=contract, product=context.products[tariff.product],
                            amount=tariff.amount, valid_from=tariff.valid_from,
                            valid_until=tariff.valid_until)
    for year, percentage in data.indexations:
        services.index_tariffs(contract=contract, year=year, percentage=percentage)
    return contract


def _target(context: _Context, level: str, target: str) -> dict:
    if level == Ceiling.Level.REGION:
        return {}
    if level == Ceiling.Level.MUNICIPALITY:
        return {"municipality": context.municipalities[target]}
    if level == Ceiling.Level.PROVIDER:
        return {"provider": context.providers[target]}
    if level == Ceiling.Level.PRODUCT:
        return {"product": context.products[target]}
    if level == Ceiling.Level.SEGMENT:
        return {"task_area": context.task_areas[target]}
    reference, number = target.split("#")
    return {"lot": context.contracts[reference].lots.get(number=int(number))}


def _ceilings(context: _Context, data) -> None:
    for year in [data.year] if data.year else context.years:
        services.set_ceiling(
            region=context.region, year=year, level=data.level, amount=data.amount,
            ventiel=data.ventiel, efficiency_discount=data.efficiency_discount,
            warning_percent=data.warning_percent, planned_beds=data.beds_in(year),
            **_target(context, data.level, data.target))


def _cost_key(context: _Context, data) -> None:
    for year in context.years:
        key = _saved(CostSharingKey(owner=context.region, name=data.name, year=year,
                                    basis=data.basis, amount=data.amount), context.region)
        key.products.set([context.products[c] for c in data.products])
        for party, share in data.parties:
            if party.isdigit():
                where = {"municipality": context.municipalities[party]}
            else:
                where = {"region": Region.objects.get(name=party)}
            _saved(CostShare(key=key, fixed_share=share, **where), context.region)


def _partners(contract: Contract) -> list[Provider]:
    return list(Provider.objects.filter(pk__in=contract_selectors.partner_providers(contract))
                .order_by("agb_code"))


def _prefinance(context: _Context, data) -> None:
    """The year amount over the partners equally and over the municipalities by population
    aged 0-17, in equal instalments spread over the year (each rounded to the cent)."""
    contract = context.contracts[data.contract]
    partners = _partners(contract)
    municipalities = list(context.municipalities.values())
    population = sum(m.population_0_17 or 0 for m in municipalities)
    for year in context.years:
        for provider in partners:
            for municipality in municipalities:
                share = Decimal(municipality.population_0_17 or 0) / population
                amount = round_money(data.year_amount * share / len(partners) / data.instalments)
                for index in range(data.instalments):
                    settlement.add_instalment(
                        contract=contract, provider=provider, municipality=municipality,
                        due_date=date(year, 1 + index * 12 // data.instalments, 1),
                        amount=amount)


def _learning(context: _Context, data) -> None:
    contract = context.contracts[data.contract]
    members = {p.pk: p for p in _partners(contract)}
    for award in contract.partners.filter(partnership__isnull=False):
        members.update({m.provider_id: m.provider for m in award.partnership.members.all()})
    for year in context.years:
        for provider in members.values():
            _saved(LearningContribution(region=context.region, contract=contract,
                                        provider=provider, year=year, amount=data.amount),
                   context.region)


def settle_past_years(*, region: Region, seed: RegionSeed, end: date) -> int:
    """Year-end settlement of every prefinanced contract for the years the history completed."""
    count = 0
    for prefinancing in seed.prefinancing:
        contract = Contract.objects.get(region=region, reference=prefinancing.contract)
        years = sorted(set(PrefinancingInstalment.objects.filter(contract=contract)
                           .values_list("due_date__year", flat=True)))
        for year in [y for y in years if y < end.year]:
            for provider in _partners(contract):
                for municipality in Municipality.objects.filter(region=region, active=True):
                    settlement.settle_year(contract=contract, provider=provider,
                                           municipality=municipality, year=year,
                                           settled_on=date(year + 1, 3, 31))
                    count += 1
    return count


# --- reading back -------------------------------------------------------------------------------

def prices(region: Region) -> dict[str, tuple[tuple[date, date | None, Decimal], ...]]:
    """Per product code the contract-wide tariff periods, as the generator needs them."""
    found = defaultdict(list)
    for tariff in Tariff.objects.filter(contract__region=region, provider__isnull=True) \
            .select_related("product").order_by("valid_from"):
        found[tariff.product.product_code].append(
            (tariff.valid_from, tariff.valid_until, tariff.amount))
    return {code: tuple(periods) for code, periods in found.items()}


# --- reset --------------------------------------------------------------------------------------

@transaction.atomic
def reset_configuration(*, region: Region) -> bool:
    """Remove the region's contract configuration (demo reset only); False if there was none.
    Children before parents, so nothing PROTECTed stands in the way."""
    contracts = Contract.objects.filter(region=region)
    if not contracts.exists() and not Product.objects.filter(region=region).exists():
        return False
    try:
        Settlement.objects.filter(contract__in=contracts).delete()
        PrefinancingInstalment.objects.filter(contract__in=contracts).delete()
        LearningContribution.objects.filter(region=region).delete()
        CostSharingKey.objects.filter(owner=region).delete()
        Ceiling.objects.filter(region=region).delete()
        ConversionRule.objects.filter(table__region=region).delete()
        ConversionTable.objects.filter(region=region).delete()
        Tariff.objects.filter(contract__in=contracts, indexed_from__isnull=False).delete()
        Tariff.objects.filter(contract__in=contracts).delete()
        ContractPartner.objects.filter(contract__in=contracts).delete()
        for contract in contracts.filter(parent__isnull=False):
            contract.delete()
        contracts.delete()
        Product.objects.filter(region=region).delete()
        # Task areas stay: they are the region's vocabulary, and monitoring's KPI/KRI
        # configuration (which the demo cannot see) refers to them.
    except ProtectedError as error:
        raise RuntimeError(f"Demo reset of {region}: {error}") from error
    return True
