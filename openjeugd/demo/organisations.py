"""The organisations of a demo region, planned from the seed (pure; no Django).

The generator needs the providers' AGB codes for its events and the registry set-up writes
the same providers, so both call plan_organisations() with the same seed.
"""

import random
from dataclasses import dataclass

from openjeugd.demo.profiles import RegionProfile

# Synthetic identifiers all start with 99 so nobody mistakes them for a real registration.
AGB_PREFIX = "99"

BASE_NAMES = (
    "De Linde", "Het Anker", "De Eik", "Het Kompas", "De Brug", "De Wilg", "Het Veer",
    "De Boomgaard", "Zonnehoek", "De Waalkant", "Het Baken", "De Meander", "Kleurrijk",
    "De Kastanje", "Het Palet", "De Vlonder", "Rivierenland", "De Esdoorn", "Het Vlot",
    "De Haven", "Oostwind", "De Notenboom", "Het Tij", "De Horizon", "Bolderik",
)
AMBULANT_PREFIXES = ("Jeugdhulp", "Gezinspraktijk", "Jeugd & Gezin", "Praktijk",
                     "Kindercoaching", "Ambulant Team")


@dataclass(frozen=True)
class FacilitySpec:
    name: str
    kind: str  # registry Facility.Kind value
    municipality_code: str
    places: int
    group_size: int | None
    age_min: int
    age_max: int


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    agb_code: str
    kvk_number: str
    products: tuple[str, ...]  # product codes it is contracted for
    weight: int  # relative size: how often it is chosen for its products
    facilities: tuple[FacilitySpec, ...]
    certified: bool = False  # a gecertificeerde instelling (GI)


@dataclass(frozen=True)
class TeamSpec:
    name: str
    kind: str  # registry Team.Kind value
    municipality_codes: tuple[str, ...]


@dataclass(frozen=True)
class OrganisationPlan:
    providers: tuple[ProviderSpec, ...]
    partnership_name: str
    hoofdaannemer_agb: str
    onderaannemer_agbs: tuple[str, ...]
    teams: tuple[TeamSpec, ...]

    @property
    def largest_provider(self) -> ProviderSpec:
        # The most-chosen ambulant provider: ambulant care is most of the trajectories.
        return max(self.providers, key=lambda p: (p.weight, p.agb_code))

    def providers_for(self, product_code: str) -> tuple[ProviderSpec, ...]:
        return tuple(p for p in self.providers if product_code in p.products)


def plan_organisations(profile: RegionProfile, seed: int) -> OrganisationPlan:
    rng = random.Random(f"organisations-{profile.name}-{seed}")
    names = iter(rng.sample(BASE_NAMES, len(BASE_NAMES)))
    codes = _unique_codes(rng, 30)
    places = _municipality_picker(profile, rng)
    ambulant = _ambulant_providers(rng, names, codes, places, rng.randint(8, 14))
    residential = _residential_providers(names, codes, places)
    others = _other_providers(rng, names, codes, places)
    providers = tuple(ambulant + residential + others)
    return OrganisationPlan(
        providers=providers,
        partnership_name="Samenwerkingsverband Zo Thuis Mogelijk",
        hoofdaannemer_agb=residential[0].agb_code,
        onderaannemer_agbs=(ambulant[-1].agb_code, ambulant[-2].agb_code),
        teams=plan_teams(profile, rng),
    )


def _unique_codes(rng: random.Random, count: int):
    numbers = rng.sample(range(1_000_000), count)
    return iter(f"{AGB_PREFIX}{n:06d}" for n in numbers)


def _municipality_picker(profile: RegionProfile, rng: random.Random):
    codes = [m.code for m in profile.municipalities]
    weights = [m.population_total for m in profile.municipalities]
    return lambda: rng.choices(codes, weights)[0]


def _spec(name, agb, products, weight, facilities, certified=False) -> ProviderSpec:
    # KvK number: our own 8 digits derived from the AGB code; equally synthetic.
    return ProviderSpec(name, agb, f"9{agb[2:]}0", tuple(products), weight, tuple(facilities),
                        certified)


def _ambulant_providers(rng, names, codes, places, count) -> list[ProviderSpec]:
    providers = []
    for rank in range(count):
        name = f"{rng.choice(AMBULANT_PREFIXES)} {next(names)}"
        # Every ambulant product is offered by the biggest providers; smaller ones specialise.
        products = ["45A11", "45B21", "54G31"] if rank < 3 else rng.sample(
            ["45A11", "45B21", "54G31"], rng.randint(1, 2))
        if rank in (0, 4):
            products.append("41D41")
        location = FacilitySpec(f"{name} – locatie", "ambulant", places(), 0, None, 0, 17)
        # Zipf-like sizes: a few large providers and a long tail, as in every region.
        providers.append(_spec(name, next(codes), products, 60 // (rank + 1), [location]))
    return providers


def _residential_providers(names, codes, places) -> list[ProviderSpec]:
    base = [next(names) for _ in range(4)]
    return [
        _spec(f"Jeugdzorg {base[0]}", next(codes), ["43B31", "43J41", "41D41"], 30, [
            FacilitySpec(f"Behandelgroep {base[0]}", "behandelgroep", places(), 10, 8, 6, 12),
            FacilitySpec(f"Leefgroep {base[0]}", "behandelgroep", places(), 10, 10, 12, 17),
            FacilitySpec(f"Driemilieu {base[0]}", "driemilieu", places(), 24, 8, 8, 17),
            FacilitySpec(f"JeugdzorgPlus {base[0]}", "jeugdzorgplus", places(), 16, 8, 12, 17),
        ]),
        _spec(f"Pleegzorg & Gezinshuizen {base[1]}", next(codes), ["44P11", "43G21"], 30, [
            FacilitySpec(f"Pleegzorg {base[1]}", "pleegzorg", places(), 60, None, 0, 17),
            FacilitySpec(f"Gezinshuis {base[1]}", "gezinshuis", places(), 5, 5, 4, 17),
            FacilitySpec(f"Gezinshuis {base[2]}", "gezinshuis", places(), 4, 4, 4, 17),
        ]),
        _spec(f"Stichting {base[2]}", next(codes), ["43B31", "43G21"], 15, [
            FacilitySpec(f"Gezinsbehandeling {base[2]}", "gezinsbehandeling", places(), 6, 6,
                         0, 17),
            FacilitySpec(f"Onvoorwaardelijk Wonen {base[2]}", "onvoorwaardelijk_wonen",
                         places(), 8, 8, 16, 21),
        ]),
        _spec(f"Jeugd-ggz {base[3]}", next(codes), ["54G31"], 20, [
            FacilitySpec(f"Kliniek {base[3]}", "kliniek_ggz", places(), 12, 6, 12, 17),
            FacilitySpec(f"Verslavingskliniek {base[3]}", "kliniek_verslaving", places(), 8, 8,
                         14, 21),
            FacilitySpec(f"HIC {base[3]}", "hic", places(), 4, 4, 12, 17),
        ]),
    ]


def _other_providers(rng, names, codes, places) -> list[ProviderSpec]:
    dyslexie = [
        _spec(f"Dyslexiecentrum {next(names)}", next(codes), ["45E51"], 10 * (2 - i), [])
        for i in range(2)
    ]
    crisis_name = next(names)
    crisis = _spec(f"Crisisdienst Jeugd {crisis_name}", next(codes), ["46C81"], 10, [
        FacilitySpec(f"Crisisopvang {crisis_name}", "behandelgroep", places(), 6, 6, 0, 17),
    ])
    # 1-2 gecertificeerde instellingen: they receive toewijzingen for the measures as well.
    gis = [
        _spec(f"{kind} {next(names)}", next(codes), ["48J61", "47R71"], weight, [],
              certified=True)
        for kind, weight in [("Jeugdbescherming", 20), ("Jeugd Veilig", 10)][:rng.randint(1, 2)]
    ]
    return [*dyslexie, crisis, *gis]


def plan_teams(profile: RegionProfile, rng: random.Random) -> tuple[TeamSpec, ...]:
    """One lokaal team or SLT per municipality, one RET, and three mobile-brigade clusters."""
    teams = []
    for m in profile.municipalities:
        if rng.random() < 0.5:
            teams.append(TeamSpec(f"Stevig Lokaal Team {m.name}", "slt", (m.code,)))
        else:
            teams.append(TeamSpec(f"Sociaal Wijkteam {m.name}", "lokaal_team", (m.code,)))
    all_codes = tuple(m.code for m in profile.municipalities)
    teams.append(TeamSpec(f"Regionaal Expertteam {profile.name}", "ret", all_codes))
    # Three clusters (as the G7 brigade has), municipalities dealt out biggest first.
    by_size = sorted(profile.municipalities, key=lambda m: (-m.population_total, m.code))
    for index, cluster in enumerate(("Noord", "Midden", "Zuid")):
        codes = tuple(sorted(m.code for m in by_size[index::3]))
        teams.append(TeamSpec(f"Mobiele brigade cluster {cluster}", "mobile_brigade", codes))
    return tuple(teams)


def plan_from_seed(seed, profile: RegionProfile, number: int) -> OrganisationPlan:
    """A seed region's providers as its data file names them (openjeugd.demo.seeds), with
    synthetic AGB and KvK codes and facilities spread over its municipalities."""
    rng = random.Random(f"organisations-{seed.key}-{number}")
    codes = _unique_codes(rng, len(seed.providers))
    places = _municipality_picker(profile, rng)
    agb = {}
    providers = []
    for provider in seed.providers:
        agb[provider.key] = next(codes)
        facilities = [
            FacilitySpec(_facility_name(provider.name, f.kind, i), f.kind, places(), f.places,
                         f.group_size, f.age_min, f.age_max)
            for i, f in enumerate(provider.facilities)]
        providers.append(_spec(provider.name, agb[provider.key], seed.products_of(provider),
                               provider.weight, facilities, provider.certified))
    return OrganisationPlan(
        providers=tuple(providers), partnership_name=seed.partnership.name,
        hoofdaannemer_agb=agb[seed.partnership.hoofdaannemer],
        onderaannemer_agbs=tuple(agb[k] for k in seed.partnership.onderaannemers),
        teams=plan_teams(profile, rng))


def _facility_name(provider: str, kind: str, index: int) -> str:
    label = kind.replace("_", " ").capitalize()
    return f"{label} {provider}" + (f" ({index + 1})" if index else "")
