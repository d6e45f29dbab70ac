"""Reads: running contracts, admitted partners, tariffs, the catalogue's unmapped products."""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from openjeugd.contracts import cbs
from openjeugd.contracts.commitment import Price
from openjeugd.contracts.models import Contract, ContractExtension, ContractPartner, Product, Tariff
from openjeugd.registry.models import Municipality, PartnershipMember, Provider


def current_end(contract: Contract) -> date:
    """The last day of the term: the latest extension taken, else the initial end."""
    ends = [e.new_end_date for e in contract.extensions.all()]
    return max(ends, default=contract.initial_end_date)


def running_contracts(region, on: date) -> QuerySet[Contract]:
    """Contracts of ``region`` that are active and within their (extended) term on ``on``."""
    extended = ContractExtension.objects.filter(contract=OuterRef("pk"), new_end_date__gte=on)
    return Contract.objects.filter(
        Q(initial_end_date__gte=on) | Exists(extended),
        region=region, status=Contract.Status.ACTIVE, start_date__lte=on)


def holds_award(provider) -> Q:
    """ContractPartner rows the provider holds: directly, or as hoofdaannemer of a partnership
    (the registry: the hoofdaannemer holds the contract and is paid, so the iJw traffic is
    its; onderaannemers deliver under it and send no messages of their own)."""
    led = PartnershipMember.objects.filter(
        provider=provider, role=PartnershipMember.Role.HOOFDAANNEMER).values("partnership")
    return Q(provider=provider) | Q(partnership__in=led)


def admitted_on(provider, municipality: Municipality, on: date) -> QuerySet[ContractPartner]:
    """The awards under which ``provider`` may deliver for ``municipality`` on ``on``: a
    contract running that day in the municipality's region, the admission covering the day,
    and the lot (if any) covering the municipality (a lot without municipalities covers the
    whole region)."""
    return ContractPartner.objects.filter(
        holds_award(provider),
        Q(end_date__isnull=True) | Q(end_date__gte=on),
        Q(lot__isnull=True) | Q(lot__municipalities__isnull=True)
        | Q(lot__municipalities=municipality),
        contract__in=running_contracts(municipality.region_id, on), start_date__lte=on,
    ).distinct()


def ever_admitted(provider, municipality: Municipality, on: date) -> QuerySet[ContractPartner]:
    """Awards in the municipality's region that began on or before ``on``, running or not: a
    former partner still starts, stops and declares care it was assigned under its contract."""
    return ContractPartner.objects.filter(
        holds_award(provider),
        Q(lot__isnull=True) | Q(lot__municipalities__isnull=True)
        | Q(lot__municipalities=municipality),
        contract__region=municipality.region_id,
        contract__status__in=[Contract.Status.ACTIVE, Contract.Status.ENDED,
                              Contract.Status.TERMINATED],
        start_date__lte=on,
    ).distinct()


def partner_providers(contract: Contract) -> set[int]:
    """Ids of the providers that hold an award under the contract (hoofdaannemers for
    partnerships)."""
    direct = set(contract.partners.filter(provider__isnull=False)
                 .values_list("provider_id", flat=True))
    led = set(PartnershipMember.objects.filter(
        partnership__contract_awards__contract=contract,
        role=PartnershipMember.Role.HOOFDAANNEMER).values_list("provider_id", flat=True))
    return direct | led


def region_tariffs(region) -> "RegionTariffs":
    return RegionTariffs(region)


class RegionTariffs:
    """Every tariff of a region loaded at once (two queries), answering "the prices of this
    product for this provider" in memory: the provider's own tariffs first, then the
    contract-wide tariffs of the contracts it is a partner of."""

    def __init__(self, region):
        self.by_product: dict[int, list[Tariff]] = {}
        for tariff in Tariff.objects.filter(contract__region=region).order_by("valid_from"):
            self.by_product.setdefault(tariff.product_id, []).append(tariff)
        self.partners: dict[int, set[int]] = {}
        for contract_id, provider_id in _award_holders(region):
            self.partners.setdefault(contract_id, set()).add(provider_id)
        self.products = {(p.product_categorie, p.product_code): p
                         for p in Product.objects.filter(region=region)}

    def product(self, categorie: str, code: str) -> Product | None:
        return self.products.get((categorie, code or ""))

    def prices(self, product_id: int, provider_id: int) -> list[Price]:
        tariffs = self.by_product.get(product_id, [])
        own = [t for t in tariffs if t.provider_id == provider_id]
        shared = [t for t in tariffs if t.provider_id is None
                  and provider_id in self.partners.get(t.contract_id, ())]
        return [Price(t.valid_from, t.valid_until, t.amount, t.eenheid) for t in own + shared]

    def price_on(self, product_id: int, provider_id: int, day: date) -> Price | None:
        return next((p for p in self.prices(product_id, provider_id) if p.covers(day)), None)


def _award_holders(region) -> list[tuple[int, int]]:
    direct = ContractPartner.objects.filter(contract__region=region, provider__isnull=False) \
        .values_list("contract_id", "provider_id")
    led = ContractPartner.objects.filter(
        contract__region=region, partnership__members__role=PartnershipMember.Role.HOOFDAANNEMER,
    ).values_list("contract_id", "partnership__members__provider_id")
    return list(direct) + list(led)


def unmapped_products(region) -> QuerySet[Product]:
    """Products that count as no CBS hulpvorm: outside categories 31-38 and not mapped by the
    region. Reported for the region to map; never guessed (protocol v7 §3.3)."""
    return Product.objects.filter(region=region, cbs_hulpvorm="").exclude(
        product_categorie__in=list(cbs.ONE_TO_ONE))


def hulpvorm(product: Product) -> str | None:
    return cbs.hulpvorm(product.product_categorie, product.cbs_hulpvorm)


def provider_named(agb: str) -> Provider | None:
    return Provider.objects.filter(agb_code=agb).first()
