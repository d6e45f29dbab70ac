"""The five seed regions as demo configurations: one TOML data file per region (pure; no Django).

`load(key)` reads `<key>.toml` beside this module into frozen dataclasses and checks what can be
checked without a database (every reference resolves, amounts are Decimals to the cent). The
database side — contracts services, awards, tariffs, ceilings — is openjeugd.demo.seeding.

Amounts are strings in the files ("68.00"), so no float ever touches money. Every amount a
seed does not name carries `demo_assumption = true` in its table.
"""

import fnmatch
import tomllib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent
KEYS = ("g7", "nijmegen", "limburg", "wbo", "amsterdam")

# Amsterdam's matrix (seed 004 "10 profielen en de hierboven genoemde 4 intensiteiten"): one
# product per profile x intensity; the code is P + profile (2 digits) + two letters.
INTENSITY_CODES = {"perspectief": "PE", "intensief": "IN", "acuut": "AC", "duurzaam": "DU"}


class SeedError(ValueError):
    """A data file that does not hold together (names the file and the field)."""


@dataclass(frozen=True)
class Generation:
    """How the history generator draws care of this product (openjeugd.demo.generator)."""

    block: str  # ambulant, verblijf, dyslexie, jeugdbescherming, crisis
    frequentie: str  # WMO757; "" for taakgericht
    volume: tuple[int, int]
    days: tuple[int, int]
    ages: tuple[int, int]
    weight: int
    verwijzers: tuple[tuple[str, int], ...] = ()  # empty: the block's usual referrers


@dataclass(frozen=True)
class ProductSeed:
    code: str
    categorie: str
    name: str
    eenheid: str
    variant: str
    funding: str
    task_area: str = ""
    cbs_hulpvorm: str = ""
    generation: Generation | None = None


@dataclass(frozen=True)
class FacilitySeed:
    kind: str
    places: int
    group_size: int | None
    age_min: int
    age_max: int


@dataclass(frozen=True)
class ProviderSeed:
    key: str
    name: str
    products: tuple[str, ...]  # product codes or patterns ("P*") it delivers
    weight: int
    certified: bool = False
    facilities: tuple[FacilitySeed, ...] = ()


@dataclass(frozen=True)
class TariffSeed:
    product: str
    amount: Decimal
    valid_from: date
    valid_until: date | None = None
    demo_assumption: bool = False
    build_up: str = ""  # the intensity model's cost elements, for the reader


@dataclass(frozen=True)
class AwardSeed:
    provider: str = ""  # provider key; empty with partnership
    partnership: bool = False
    lot: int | None = None
    start: date | None = None  # default: the contract's start


@dataclass(frozen=True)
class LotSeed:
    number: int
    name: str
    task_area: str = ""
    municipalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class AwardRuleSeed:
    kind: str
    lots: tuple[int, ...] = ()
    max_partners: int | None = None
    source: str = ""


@dataclass(frozen=True)
class ContractSeed:
    reference: str
    name: str
    procedure: str
    status: str
    start: date
    end: date
    extension_options: int = 0
    extension_months: int = 12
    task_area: str = ""
    parent: str = ""
    source: str = ""
    lots: tuple[LotSeed, ...] = ()
    award_rules: tuple[AwardRuleSeed, ...] = ()
    awards: tuple[AwardSeed, ...] = ()
    tariffs: tuple[TariffSeed, ...] = ()
    indexations: tuple[tuple[int, Decimal], ...] = ()  # (year, percentage)


@dataclass(frozen=True)
class CeilingSeed:
    level: str
    amount: Decimal
    target: str = ""  # municipality code, provider key, "REF#lot", product code, task area
    ventiel: Decimal = Decimal("0")
    efficiency_discount: Decimal = Decimal("0")
    warning_percent: int | None = None
    demo_assumption: bool = False
    source: str = ""
    year: int | None = None  # None: every calendar year the demo history covers
    # (year, beds): the residential beds planned per calendar year; region and segment only.
    planned_beds: tuple[tuple[int, int], ...] = ()

    def beds_in(self, year: int) -> int | None:
        return dict(self.planned_beds).get(year)


@dataclass(frozen=True)
class CostKeySeed:
    name: str
    basis: str
    amount: Decimal
    products: tuple[str, ...] = ()
    parties: tuple[tuple[str, Decimal | None], ...] = ()  # region name or gemeentecode, share
    demo_assumption: bool = False


@dataclass(frozen=True)
class PrefinancingSeed:
    contract: str
    year_amount: Decimal
    instalments: int
    demo_assumption: bool = False


@dataclass(frozen=True)
class LearningSeed:
    contract: str
    amount: Decimal  # per partner provider and year
    demo_assumption: bool = False


@dataclass(frozen=True)
class PartnershipSeed:
    name: str
    hoofdaannemer: str
    onderaannemers: tuple[str, ...]


@dataclass(frozen=True)
class RegionSeed:
    key: str
    region: str  # jeugdregio name in the registry
    source: str
    preset: str  # openjeugd.pathways.presets
    providers: tuple[ProviderSeed, ...]
    partnership: PartnershipSeed
    products: tuple[ProductSeed, ...]
    task_areas: tuple[str, ...]
    contracts: tuple[ContractSeed, ...]
    ceilings: tuple[CeilingSeed, ...] = ()
    cost_keys: tuple[CostKeySeed, ...] = ()
    prefinancing: tuple[PrefinancingSeed, ...] = ()
    learning: tuple[LearningSeed, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def provider(self, key: str) -> ProviderSeed:
        return next(p for p in self.providers if p.key == key)

    def products_of(self, provider: ProviderSeed) -> tuple[str, ...]:
        return tuple(p.code for p in self.products
                     if any(fnmatch.fnmatchcase(p.code, pattern) for pattern in provider.products))


def load(key: str) -> RegionSeed:
    if key not in KEYS:
        raise SeedError(f"Unknown seed region {key!r}; expected one of {', '.join(KEYS)}.")
    path = HERE / f"{key}.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    try:
        seed = _region(key, data)
    except (KeyError, TypeError, ValueError) as error:
        raise SeedError(f"{path.name}: {error}") from error
    _check(seed, path.name)
    return seed


# --- parsing ----------------------------------------------------------------------------------

def money(value, where: str) -> Decimal:
    if not isinstance(value, str):
        raise SeedError(f"{where}: write amounts as strings (\"68.00\"), not {value!r}.")
    amount = Decimal(value)
    if amount != amount.quantize(Decimal("0.01")):
        raise SeedError(f"{where}: {value} is not whole cents.")
    return amount


def _region(key: str, data: dict) -> RegionSeed:
    products = [_product(p) for p in data.get("products", [])]
    products += _profile_products(data.get("profile_matrix"))
    return RegionSeed(
        key=key, region=data["region"], source=data["source"], preset=data["pathway_preset"],
        providers=tuple(_provider(p) for p in data["providers"]),
        partnership=PartnershipSeed(data["partnership"]["name"],
                                    data["partnership"]["hoofdaannemer"],
                                    tuple(data["partnership"]["onderaannemers"])),
        products=tuple(products), task_areas=tuple(data.get("task_areas", [])),
        contracts=tuple(_contract(c) for c in data["contracts"]),
        ceilings=tuple(_ceiling(c) for c in data.get("ceilings", [])),
        cost_keys=tuple(_cost_key(c) for c in data.get("cost_sharing", [])),
        prefinancing=tuple(PrefinancingSeed(p["contract"], money(p["year_amount"],
                                                                 "prefinancing.year_amount"),
                                            p["instalments"], p.get("demo_assumption", False))
                           for p in data.get("prefinancing", [])),
        learning=tuple(LearningSeed(p["contract"], money(p["amount"], "learning.amount"),
                                    p.get("demo_assumption", False))
                       for p in data.get("learning", [])),
        notes=tuple(data.get("notes", [])),
    )


def _generation(data: dict | None) -> Generation | None:
    if data is None:
        return None
    return Generation(
        block=data["block"], frequentie=data.get("frequentie", ""),
        volume=tuple(data.get("volume", (0, 0))), days=tuple(data["days"]),
        ages=tuple(data.get("ages", (0, 17))), weight=data.get("weight", 1),
        verwijzers=tuple(tuple(v) for v in data.get("verwijzers", ())))


def _product(data: dict) -> ProductSeed:
    return ProductSeed(
        code=data["code"], categorie=data["categorie"], name=data["name"],
        eenheid=data["eenheid"], variant=data["variant"], funding=data["funding"],
        task_area=data.get("task_area", ""), cbs_hulpvorm=data.get("cbs_hulpvorm", ""),
        generation=_generation(data.get("generate")))


def _profile_products(matrix: dict | None) -> list[ProductSeed]:
    """seed 004: 10 profiles x 4 intensities, one product each (tariffs in the contract)."""
    if not matrix:
        return []
    products = []
    for profile in matrix["profiles"]:
        for intensity, letters in INTENSITY_CODES.items():
            gen = dict(matrix["generate"][intensity])
            gen.setdefault("ages", profile.get("ages", [0, 17]))
            gen["weight"] = gen.get("weight", 1) * profile.get("weight", 1)
            products.append(ProductSeed(
                code=f"P{profile['number']:02d}{letters}", categorie=matrix["categorie"],
                name=f"Profiel {profile['number']} {intensity}: {profile['name']}",
                eenheid=matrix["eenheid"], variant=matrix["variant"], funding="profile",
                task_area=matrix.get("task_area", ""),
                cbs_hulpvorm=matrix.get("cbs_hulpvorm", ""), generation=_generation(gen)))
    return products


def _provider(data: dict) -> ProviderSeed:
    return ProviderSeed(
        key=data["key"], name=data["name"], products=tuple(data.get("products", [])),
        weight=data.get("weight", 10), certified=data.get("certified", False),
        facilities=tuple(FacilitySeed(f["kind"], f["places"], f.get("group_size"),
                                      *f.get("ages", (0, 17)))
                         for f in data.get("facilities", [])))


def _tariff(data: dict, contract: dict) -> TariffSeed:
    return TariffSeed(product=data["product"], amount=money(data["amount"], data["product"]),
                      valid_from=data.get("valid_from", contract["start"]),
                      valid_until=data.get("valid_until"),
                      demo_assumption=data.get("demo_assumption", False),
                      build_up=data.get("build_up", ""))


def _contract(data: dict) -> ContractSeed:
    tariffs = [_tariff(t, data) for t in data.get("tariffs", [])]
    for matrix in data.get("profile_tariffs", []):
        for intensity, amount in matrix["tariffs"].items():
            code = f"P{matrix['profile']:02d}{INTENSITY_CODES[intensity]}"
            tariffs.append(TariffSeed(code, money(amount, code), data["start"],
                                      demo_assumption=matrix.get("demo_assumption", False)))
    return ContractSeed(
        reference=data["reference"], name=data["name"], procedure=data["procedure"],
        status=data.get("status", "active"), start=data["start"], end=data["end"],
        extension_options=data.get("extension_options", 0),
        extension_months=data.get("extension_months", 12),
        task_area=data.get("task_area", ""), parent=data.get("parent", ""),
        source=data.get("source", ""),
        lots=tuple(LotSeed(lot["number"], lot["name"], lot.get("task_area", ""),
                           tuple(lot.get("municipalities", ())))
                   for lot in data.get("lots", [])),
        award_rules=tuple(AwardRuleSeed(r["kind"], tuple(r.get("lots", ())),
                                        r.get("max_partners"), r.get("source", ""))
                          for r in data.get("award_rules", [])),
        awards=tuple(AwardSeed(a.get("provider", ""), a.get("partnership", False),
                               a.get("lot"), a.get("start"))
                     for a in data.get("awards", [])),
        tariffs=tuple(tariffs),
        indexations=tuple((i["year"], Decimal(i["percentage"]))
                          for i in data.get("indexations", [])),
    )


def _ceiling(data: dict) -> CeilingSeed:
    return CeilingSeed(
        level=data["level"], amount=money(data["amount"], "ceiling.amount"),
        target=data.get("target", ""), ventiel=money(data.get("ventiel", "0.00"), "ventiel"),
        efficiency_discount=Decimal(data.get("efficiency_discount", "0")),
        warning_percent=data.get("warning_percent"),
        demo_assumption=data.get("demo_assumption", False), source=data.get("source", ""),
        year=data.get("year"), planned_beds=tuple(
            (int(year), beds) for year, beds in data.get("planned_beds", {}).items()))


def _cost_key(data: dict) -> CostKeySeed:
    return CostKeySeed(
        name=data["name"], basis=data["basis"], amount=money(data["amount"], data["name"]),
        products=tuple(data.get("products", ())),
        parties=tuple((p["party"], Decimal(p["share"]) if "share" in p else None)
                      for p in data.get("parties", [])),
        demo_assumption=data.get("demo_assumption", False))


# --- consistency ------------------------------------------------------------------------------

def _check(seed: RegionSeed, name: str) -> None:
    codes = {p.code for p in seed.products}
    providers = {p.key for p in seed.providers}
    contracts = {c.reference for c in seed.contracts}
    problems = []
    for provider in seed.providers:
        if provider.products and not seed.products_of(provider):
            problems.append(f"provider {provider.key}: no product matches {provider.products}")
    for key in (seed.partnership.hoofdaannemer, *seed.partnership.onderaannemers):
        if key not in providers:
            problems.append(f"partnership: unknown provider {key}")
    for contract in seed.contracts:
        lots = {lot.number for lot in contract.lots}
        problems += [f"{contract.reference}: tariff for unknown product {t.product}"
                     for t in contract.tariffs if t.product not in codes]
        problems += [f"{contract.reference}: award to unknown provider {a.provider}"
                     for a in contract.awards if not a.partnership and a.provider not in providers]
        problems += [f"{contract.reference}: award to unknown lot {a.lot}"
                     for a in contract.awards if a.lot is not None and a.lot not in lots]
        if contract.parent and contract.parent not in contracts:
            problems.append(f"{contract.reference}: unknown koepelcontract {contract.parent}")
    for ceiling in seed.ceilings:
        if ceiling.planned_beds and ceiling.level not in ("region", "segment"):
            problems.append(f"ceiling {ceiling.target}: planned beds on a {ceiling.level}")
    for product in seed.products:
        if product.generation and not any(product.code in seed.products_of(p)
                                          for p in seed.providers):
            problems.append(f"product {product.code}: generated, but no provider delivers it")
    if problems:
        raise SeedError(f"{name}: " + "; ".join(problems))
