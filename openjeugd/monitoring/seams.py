"""Where monitoring asks other apps, named in settings so monitoring imports none of them:
MONITORING_HULPVORM_LOOKUP (contracts' product catalogue), MONITORING_MEASUREMENTS_LOOKUP
(pathways' outcome measurements), MONITORING_CASEWORK_LOOKUP (pathways' casework for the G7
themes), MONITORING_BUDGET_LOOKUP (contracts' segment budgets) and MONITORING_BED_PLAN_LOOKUP
(the planned number of beds, optional)."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string

from openjeugd.monitoring import segments, themes
from openjeugd.monitoring.cbs import codes
from openjeugd.monitoring.cbs.outcome import Measurement


def hulpvorm_lookup(region):
    """f(categorie, code) for one region, each product asked once."""
    lookup = import_string(settings.MONITORING_HULPVORM_LOOKUP)
    cache: dict[tuple[str, str], str | None] = {}

    def hulpvorm_of(categorie: str, code: str) -> str | None:
        key = (categorie, code)
        if key not in cache:
            found = lookup(region, categorie, code)
            cache[key] = found if found in codes.HULPVORMEN else None
        return cache[key]

    return hulpvorm_of


def measurements(region, first: date, last: date) -> list[Measurement]:
    """The lookup may answer Measurements or plain dicts of their fields (pathways does: it
    imports nothing of monitoring); either way each is validated here."""
    found = import_string(settings.MONITORING_MEASUREMENTS_LOOKUP)(region, first, last)
    return [m if isinstance(m, Measurement) else Measurement(**m) for m in found]


def casework(region, first: date, last: date, scope=None) -> themes.Casework:
    """MONITORING_CASEWORK_LOOKUP (pathways) as themes' records; each row validated by its
    dataclass (a missing or unknown field fails here, loudly)."""
    found = import_string(settings.MONITORING_CASEWORK_LOOKUP)(region, first, last, scope)
    kinds = {"cases": themes.Case, "moves": themes.Move, "documents": themes.Document,
             "entries": themes.Entry, "one_on_one": themes.Span, "outflows": themes.Outflow,
             "deadlines": themes.Deadline, "marks": themes.Mark, "decisions": themes.Decision}
    return themes.Casework(**{key: [kind(**row) for row in found.get(key, [])]
                              for key, kind in kinds.items()})


def segment_budgets(region, years: list[int]) -> list[segments.Segment]:
    """MONITORING_BUDGET_LOOKUP (contracts): the segments with their budgets per year."""
    found = import_string(settings.MONITORING_BUDGET_LOOKUP)(region, years)
    return [segments.Segment(
        name=row["name"],
        products=None if row["products"] is None else frozenset(map(tuple, row["products"])),
        budgets={int(y): Decimal(a) for y, a in row["budgets"].items()},
        providers={int(y): {agb: Decimal(a) for agb, a in shares.items()}
                   for y, shares in row["providers"].items()},
        planned_beds={int(y): int(n) for y, n in row.get("planned_beds", {}).items()
                      if n is not None}) for row in found]


def planned_beds_per_year(region, years: list[int]) -> dict[int, int]:
    """The region's bed plan for the years that have one (planned_beds below)."""
    return {year: n for year in years if (n := planned_beds(region, year)) is not None}


def planned_beds(region, year: int) -> int | None:
    """MONITORING_BED_PLAN_LOOKUP, when the installation names one; else no plan (None)."""
    if not settings.MONITORING_BED_PLAN_LOOKUP:
        return None
    return import_string(settings.MONITORING_BED_PLAN_LOOKUP)(region, year)
