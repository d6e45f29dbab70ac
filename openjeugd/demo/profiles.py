"""What a demo region looks like: population, share of youths in care, mix of care, tariffs.

Pure data and arithmetic; the figures come from the seed documents in /work/shared/seeds:

* seed 003 (Regio West-Brabant Oost, 5 municipalities): 9,563 youths received jeugdhulp in
  2024, "9 % of all youths in our region" (national average 11.3 %). CARE_RATE is that 9 %.
  Its 2024 declared value was €16 mln schil + €43 mln SLT + €13 mln verblijf/crisis = €72 mln,
  i.e. €72,000,000 / 9,563 = €7,529 per youth in care: the order of magnitude our average
  cost per trajectory must land in.
* seed 001 (Regio Nijmegen, regional spending 2020): Blok B ambulante jeugdhulp €25.4 mln,
  jeugdhulp met verblijf €32.5 mln, dyslexie €1.2 mln, jeugdbescherming en jeugdreclassering
  €6.1 mln. These are the spending weights of the care blocks below. The jeugd-ggz row of that
  table has no amount, so jeugd-ggz products ride in the ambulant block.

A block's share of youths is its spending divided by its cost per trajectory:
    weight = spending / cost_per_trajectory; share = weight / sum(weights)
With the costs below: ambulant 25.4e6/5,000 = 5,080, verblijf 32.5e6/48,000 = 677,
dyslexie 1.2e6/4,150 = 289, jeugdbescherming 6.1e6/13,000 = 469; total 6,515 trajectories,
so €65.2 mln / 6,515 = €10,007 per trajectory (seed 003's €7,529 includes cheaper SLT work),
and the mix is 78 % ambulant, 10 % verblijf, 4 % dyslexie, 7 % jeugdbescherming before the
crisis share is set aside. For Rijk van Nijmegen (about 67,000 youths aged 0-17 in our
estimate) the 9 % rate gives 6,000 youths in care, close to the 6,515 trajectories the
spending buys: the two seeds agree.
"""

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openjeugd.demo.events import Variant

# seed 003: "9563 ... Dat is 9% van alle jeugdigen in onze regio"
CARE_RATE = Decimal("0.09")
# seed 001 finances the crisis service taakgericht (lump sum), so it has no spending per
# client; its share of youths is our assumption, not a seed figure.
CRISIS_SHARE = Decimal("0.02")

# WJ756 eenheid and WMO757 frequentie
UUR, DAGDEEL, ETMAAL, STUKS_OUTPUT = "04", "16", "14", "82"
PER_WEEK, PER_MAAND, TOTAAL = "2", "4", "6"


@dataclass(frozen=True)
class Product:
    code: str  # 5 characters, our regional product list
    label: str
    categorie: str  # JZ020
    variant: Variant
    eenheid: str
    frequentie: str
    volume: tuple[int, int]  # per frequentie, inclusive range
    tariff: Decimal  # per eenheid
    days: tuple[int, int]  # planned length of the toewijzing
    ages: tuple[int, int]  # age at referral
    weight: int  # share within its block
    verwijzers: tuple[tuple[str, int], ...]  # COD327 code and weight
    # A seed region's contract tariffs as (valid_from, valid_until, amount); empty: `tariff`.
    prices: tuple[tuple[date, date | None, Decimal], ...] = ()

    def tariff_on(self, day: date) -> Decimal:
        """The tariff of the day: the contract's when the product has prices, else `tariff`."""
        for valid_from, valid_until, amount in self.prices:
            if valid_from <= day and (valid_until is None or day <= valid_until):
                return amount
        if self.prices:
            raise ValueError(f"Product {self.code} has no contract tariff on {day}.")
        return self.tariff

    def expected_cost(self) -> Decimal:
        """Mean cost of one trajectory at mean volume and mean length (for the mix check)."""
        volume = Decimal(sum(self.volume)) / 2
        days = Decimal(sum(self.days)) / 2
        if self.frequentie == PER_WEEK:
            periods = days / 7
        elif self.frequentie == PER_MAAND:
            periods = days / Decimal("30.44")
        else:
            periods = Decimal(1)
        return volume * periods * self.tariff


@dataclass(frozen=True)
class CareBlock:
    key: str
    label: str
    spending_mln: Decimal | None  # seed 001, 2020; None for the taakgericht crisis block
    cost_per_trajectory: Decimal | None  # stated; products' expected cost agrees within 10 %
    products: tuple[Product, ...]


@dataclass(frozen=True)
class MunicipalityFigures:
    code: str
    name: str
    population_total: int
    population_0_17: int


@dataclass(frozen=True)
class RegionProfile:
    name: str
    municipalities: tuple[MunicipalityFigures, ...]
    blocks: tuple[CareBlock, ...]
    care_rate: Decimal = CARE_RATE
    crisis_share: Decimal = CRISIS_SHARE

    @property
    def population_0_17(self) -> int:
        return sum(m.population_0_17 for m in self.municipalities)

    @property
    def youths_in_care(self) -> int:
        """How many youths the whole region would have in care (care_rate of its 0-17s)."""
        return round(self.care_rate * self.population_0_17)

    def block_shares(self) -> dict[str, Decimal]:
        """Share of trajectories per block: crisis fixed, the rest by spending / cost."""
        weights = {b.key: b.spending_mln * 1_000_000 / b.cost_per_trajectory
                   for b in self.blocks if b.spending_mln is not None}
        rest = 1 - self.crisis_share
        total = sum(weights.values())
        shares = {key: rest * weight / total for key, weight in weights.items()}
        shares.update({b.key: self.crisis_share for b in self.blocks if b.spending_mln is None})
        return shares

    def block(self, key: str) -> CareBlock:
        return next(b for b in self.blocks if b.key == key)


def _product(code, label, categorie, variant, eenheid, frequentie, volume, tariff, days, ages,
             weight, verwijzers) -> Product:
    return Product(code, label, categorie, variant, eenheid, frequentie, volume,
                   Decimal(tariff), days, ages, weight, verwijzers)


INSP, OUTP, TAAK = Variant.INSPANNINGSGERICHT, Variant.OUTPUTGERICHT, Variant.TAAKGERICHT

# Tariffs are plausible 2025 regional prices, not seed figures. Expected costs (mean volume x
# mean length x tariff): begeleiding 3 h x 25.7 wk x 68 = 5,246; behandeling 1.5 x 25.7 x 105
# = 4,050; jeugd-ggz 5 h x 6.9 mo x 112 = 3,864; dagbehandeling 3 x 38.6 x 82 = 9,488;
# weighted 4:3:3:1 -> 4,928, stated 5,000.
AMBULANT = CareBlock("ambulant", "Ambulante jeugdhulp (Blok B) en jeugd-ggz",
                     Decimal("25.4"), Decimal("5000"), (
    # seed 001: "Lokaal team is voornaamste verwijzer" for Blok B ...
    _product("45A11", "Individuele begeleiding", "45", INSP, UUR, PER_WEEK, (2, 4), "68.00",
             (90, 270), (0, 17), 4, (("01", 60), ("02", 15), ("03", 10), ("04", 10), ("06", 5))),
    _product("45B21", "Ambulante behandeling", "45", INSP, UUR, PER_WEEK, (1, 2), "105.00",
             (90, 270), (0, 17), 3, (("01", 45), ("02", 30), ("03", 10), ("05", 10), ("04", 5))),
    # ... and "Huisarts is voornaamste verwijzer" for jeugd-ggz.
    _product("54G31", "Jeugd-ggz behandeling", "54", INSP, UUR, PER_MAAND, (3, 7), "112.00",
             (120, 300), (4, 17), 3, (("02", 65), ("01", 15), ("05", 15), ("03", 5))),
    _product("41D41", "Dagbehandeling", "41", INSP, DAGDEEL, PER_WEEK, (2, 4), "82.00",
             (180, 360), (2, 12), 1, (("01", 40), ("05", 30), ("02", 20), ("03", 10))),
))

# pleegzorg 7 x 71.4 wk x 62 = 31,000; gezinshuis 7 x 57.9 x 165 = 66,828; behandelgroep
# 7 x 30 x 245 = 51,450; JeugdzorgPlus 7 x 19.3 x 520 = 70,200; weighted 4:2:2:1 -> 47,862,
# stated 48,000.
_VERBLIJF_VERWIJZERS = (("01", 45), ("04", 35), ("08", 10), ("05", 10))
VERBLIJF = CareBlock("verblijf", "Jeugdhulp met verblijf", Decimal("32.5"), Decimal("48000"), (
    _product("44P11", "Pleegzorg", "44", INSP, ETMAAL, PER_WEEK, (7, 7), "62.00",
             (270, 730), (0, 17), 4, _VERBLIJF_VERWIJZERS),
    _product("43G21", "Gezinshuis", "43", INSP, ETMAAL, PER_WEEK, (7, 7), "165.00",
             (270, 540), (4, 17), 2, _VERBLIJF_VERWIJZERS),
    _product("43B31", "Behandelgroep", "43", INSP, ETMAAL, PER_WEEK, (7, 7), "245.00",
             (120, 300), (6, 17), 2, _VERBLIJF_VERWIJZERS),
    # A closed placement needs a machtiging from the kinderrechter.
    _product("43J41", "JeugdzorgPlus (gesloten)", "43", INSP, ETMAAL, PER_WEEK, (7, 7),
             "520.00", (90, 180), (12, 17), 1, (("08", 60), ("04", 40))),
))

# One output: a whole EED trajectory at 4,150; seed 001: access via school, SWT, jeugdarts.
DYSLEXIE = CareBlock("dyslexie", "Dyslexiezorg (EED)", Decimal("1.2"), Decimal("4150"), (
    _product("45E51", "Dyslexiebehandeling (traject)", "45", OUTP, STUKS_OUTPUT, TOTAAL,
             (1, 1), "4150.00", (270, 450), (7, 12), 1, (("01", 50), ("03", 30), ("02", 20))),
))

# Per month of measure: OTS 1,150 x 11.8 months = 13,600; jeugdreclassering 950 x 8.9 months
# = 8,430; weighted 3:1 -> 12,300. A partial month is declared as a whole one, which adds about
# a month per trajectory, hence the 13,000 stated.
JEUGDBESCHERMING = CareBlock("jeugdbescherming", "Jeugdbescherming en jeugdreclassering",
                             Decimal("6.1"), Decimal("13000"), (
    _product("48J61", "Ondertoezichtstelling", "48", OUTP, STUKS_OUTPUT, PER_MAAND, (1, 1),
             "1150.00", (270, 450), (0, 17), 3, (("08", 100),)),
    _product("47R71", "Jeugdreclassering", "47", OUTP, STUKS_OUTPUT, PER_MAAND, (1, 1),
             "950.00", (180, 360), (12, 17), 1, (("08", 100),)),
))

# Taakgericht: no toewijzing, no declaration; only start and stop (procesbeschrijving 4.2).
CRISIS = CareBlock("crisis", "Crisishulp (taakgericht)", None, None, (
    _product("46C81", "Crisisinterventie", "46", TAAK, "", "", (0, 0), "0.00",
             (7, 42), (0, 17), 1, (("06", 100),)),
))

BLOCKS = (AMBULANT, VERBLIJF, DYSLEXIE, JEUGDBESCHERMING, CRISIS)

# Rounded population of a few municipalities (order of magnitude, 2024) so the demo's
# biggest municipality is the real one; all are stored as demo estimates, never as CBS data.
KNOWN_POPULATION = {
    "0268": 184_000, "0296": 41_000, "1945": 35_000, "0209": 26_000, "0225": 19_000,
    "0252": 17_000, "0944": 8_000, "0363": 930_000, "0599": 670_000, "0518": 560_000,
    "0344": 375_000, "0772": 245_000, "0014": 240_000, "0855": 230_000, "0034": 225_000,
    "0758": 186_000, "0200": 167_000, "0202": 166_000, "0153": 162_000, "0796": 160_000,
}


def estimate_population(code: str) -> tuple[int, int]:
    """(total, aged 0-17) for a municipality; the 0-17 share lies between 19 and 21 %."""
    rng = random.Random(f"population-{code}")
    total = KNOWN_POPULATION.get(code) or rng.randrange(12_000, 60_000, 500)
    share = Decimal(rng.randint(190, 210)) / 1000
    return total, int(total * share)


def profile_for(region_name: str, municipalities: Iterable[tuple[str, str]]) -> RegionProfile:
    """The profile of a region from its (gemeentecode, name) pairs, sorted by code."""
    figures = tuple(
        MunicipalityFigures(code, name, *estimate_population(code))
        for code, name in sorted(municipalities)
    )
    if not figures:
        raise ValueError(f"Region {region_name!r} has no municipalities.")
    return RegionProfile(name=region_name, municipalities=figures, blocks=BLOCKS)


# --- seed regions (openjeugd.demo.seeds) -------------------------------------------------------

_BLOCKS = {block.key: block for block in BLOCKS}
# The referrers of a seed product without its own: the usual ones of its block.
_BLOCK_VERWIJZERS = {
    "ambulant": AMBULANT.products[0].verwijzers, "verblijf": _VERBLIJF_VERWIJZERS,
    "dyslexie": DYSLEXIE.products[0].verwijzers, "jeugdbescherming": (("08", 100),),
    "crisis": (("06", 100),),
}


def profile_from_seed(seed, municipalities: Iterable[tuple[str, str]],
                      prices: dict[str, tuple]) -> RegionProfile:
    """A seed region's profile: its own products and contract tariffs, in the care blocks (and
    their spending weights) of the generic profile; a block without products is left out."""
    base = profile_for(seed.region, municipalities)
    blocks = []
    for key, block in _BLOCKS.items():
        products = tuple(_seed_product(p, prices.get(p.code, ())) for p in seed.products
                         if p.generation and p.generation.block == key)
        if products:
            blocks.append(CareBlock(block.key, block.label, block.spending_mln,
                                    block.cost_per_trajectory, products))
    return RegionProfile(name=seed.region, municipalities=base.municipalities,
                         blocks=tuple(blocks))


def _seed_product(product, prices: tuple) -> Product:
    gen = product.generation
    taak = product.variant == Variant.TAAKGERICHT
    if not taak and not prices:
        raise ValueError(f"Product {product.code} is generated but has no contract tariff.")
    return Product(
        code=product.code, label=product.name, categorie=product.categorie,
        variant=Variant(product.variant), eenheid="" if taak else product.eenheid,
        frequentie=gen.frequentie, volume=gen.volume, tariff=Decimal("0.00"),
        days=gen.days, ages=gen.ages, weight=gen.weight,
        verwijzers=gen.verwijzers or _BLOCK_VERWIJZERS[gen.block], prices=prices)
