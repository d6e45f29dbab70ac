"""Reads for the contract manager's screens, the API and the exports.

One selector, ``ceiling_overview``, feeds the overview page, its charts, the API and the Excel
and PDF exports, so all of them show the same figures (budget.ceiling_figures underneath).
Objects are looked up within the user's region: another region's contract or ceiling answers
404 (``Http404``), as if it did not exist.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.http import Http404
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from openjeugd.accounts import audit, policy
from openjeugd.accounts.policy import Perm
from openjeugd.contracts import budget, selectors
from openjeugd.contracts.models import (
    Ceiling,
    Contract,
    ContractPartner,
    ConversionRun,
    ConversionTable,
    Lot,
    Tariff,
)
from openjeugd.registry.models import Provider

ZERO = Decimal("0.00")
COLUMNS = ("budget", "committed", "spent", "forecast")


# --- what the user may see ----------------------------------------------------------------------

def contracts_of(user) -> QuerySet[Contract]:
    """The contracts of the user's region (every role with VIEW_CONTRACTS works region-wide)."""
    if not policy.has_perm(user, Perm.VIEW_CONTRACTS) or user.region_id is None:
        return Contract.objects.none()
    return Contract.objects.filter(region=user.region_id).select_related("task_area", "parent")


def ceilings_of(user) -> QuerySet[Ceiling]:
    if not policy.has_perm(user, Perm.VIEW_CONTRACTS) or user.region_id is None:
        return Ceiling.objects.none()
    return Ceiling.objects.filter(region=user.region_id).select_related(
        "region", "municipality", "provider", "lot", "product", "task_area")


def conversion_tables_of(user) -> QuerySet[ConversionTable]:
    if not policy.has_perm(user, Perm.VIEW_CONTRACTS) or user.region_id is None:
        return ConversionTable.objects.none()
    return ConversionTable.objects.filter(region=user.region_id)


def conversion_runs_of(user) -> QuerySet[ConversionRun]:
    return ConversionRun.objects.filter(table__in=conversion_tables_of(user)).select_related(
        "table")


def get_in(queryset: QuerySet, pk):
    """The object, or 404: out of the user's region, missing and malformed ids look alike."""
    obj = queryset.filter(pk=pk).first() if str(pk).isdigit() else None
    if obj is None:
        raise Http404("Not in your region.")
    return obj


# --- a contract on one page ---------------------------------------------------------------------

@dataclass
class ContractView:
    contract: Contract
    current_end: date
    extensions: list
    options_left: int
    lots: list[Lot]
    partners: list[ContractPartner]
    award_rules: list
    tariffs: dict  # product -> its tariff rows, oldest first (the history)


def contract_view(contract: Contract) -> ContractView:
    extensions = list(contract.extensions.all())
    tariffs = defaultdict(list)
    for tariff in Tariff.objects.filter(contract=contract).select_related(
            "product", "provider", "indexed_from").order_by("product", "provider", "valid_from"):
        tariffs[tariff.product].append(tariff)
    return ContractView(
        contract=contract, current_end=selectors.current_end(contract), extensions=extensions,
        options_left=contract.extension_options - len(extensions),
        lots=list(contract.lots.prefetch_related("municipalities")
                  .select_related("task_area")),
        partners=list(contract.partners.select_related("lot", "provider", "partnership")),
        award_rules=list(contract.award_rules.prefetch_related("lots")),
        tariffs=dict(tariffs))


def partners_for_choice(contract: Contract):
    """The providers a provider-specific tariff may name: the contract's award holders."""
    return Provider.objects.filter(pk__in=selectors.partner_providers(contract))


# --- the ceiling overview -----------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One ceiling's figures, flat, for a table row, a chart bar, a spreadsheet row."""

    ceiling_id: int
    level: str
    level_label: str
    target: str
    budget: Decimal
    committed: Decimal
    spent: Decimal
    forecast: Decimal
    status: str
    unpriced: int
    planned_beds: int | None = None  # region and segment ceilings only

    @property
    def label(self) -> str:
        return f"{self.level_label}: {self.target}"

    def amounts(self) -> tuple[Decimal, ...]:
        return tuple(getattr(self, column) for column in COLUMNS)


@dataclass
class Overview:
    region: object
    year: int
    as_of: date
    rows: list[Row] = field(default_factory=list)

    def level(self, *levels: str) -> list[Row]:
        return [row for row in self.rows if row.level in levels]

    @property
    def sections(self) -> list[tuple[str, str, list[Row]]]:
        """(key, level, rows): the region, per municipality, per provider, the other levels."""
        L = Ceiling.Level
        parts = [("region", [L.REGION]), ("municipality", [L.MUNICIPALITY]),
                 ("provider", [L.PROVIDER]), ("other", [L.LOT, L.PRODUCT, L.SEGMENT])]
        return [(key, levels, self.level(*levels)) for key, levels in parts]


def target_of(ceiling: Ceiling) -> str:
    target = (ceiling.municipality or ceiling.provider or ceiling.lot or ceiling.product
              or ceiling.task_area or ceiling.region)
    return str(getattr(target, "name", None) or target)


def row_of(figures: budget.Figures) -> Row:
    ceiling = figures.ceiling
    return Row(ceiling_id=ceiling.pk, level=ceiling.level,
               level_label=str(ceiling.get_level_display()), target=target_of(ceiling),
               budget=figures.budget, committed=figures.committed, spent=figures.spent,
               forecast=figures.forecast, status=figures.status,
               unpriced=len(figures.unpriced), planned_beds=ceiling.planned_beds)


def ceiling_overview(region, year: int, *, as_of: date | None = None) -> Overview:
    """Every ceiling of the region and year with its figures (the one source of the screen,
    the charts, the API and the exports)."""
    as_of = localdate() if as_of is None else as_of
    overview = Overview(region=region, year=year, as_of=as_of)
    if region is not None:
        overview.rows = [row_of(f) for f in budget.region_figures(region, year, as_of=as_of)]
    return overview


def contract_ceilings(contract: Contract, year: int, *, as_of: date | None = None) -> list[Row]:
    """The ceilings of the contract's lots for a year: the contract's own money figures."""
    tariffs = selectors.region_tariffs(contract.region_id)
    ceilings = Ceiling.objects.filter(lot__contract=contract, year=year).select_related(
        "lot", "region")
    return [row_of(budget.ceiling_figures(c, as_of=as_of, tariffs=tariffs)) for c in ceilings]


# --- one ceiling: per municipality and per provider -----------------------------------------------

@dataclass(frozen=True)
class Share:
    """The part of a ceiling's committed, spent and forecast that one municipality or one
    provider accounts for; the shares add up to the ceiling's own figures."""

    key: str
    committed: Decimal
    spent: Decimal
    forecast: Decimal


def breakdown(ceiling: Ceiling, *, as_of: date | None = None) -> dict[str, list[Share]]:
    """The ceiling's figures split per municipality and per provider, valued exactly as
    budget.ceiling_figures values the whole (its per-toewijzing step, budget._add), so the
    parts add up to the total to the cent."""
    as_of = localdate() if as_of is None else as_of
    tariffs = selectors.region_tariffs(ceiling.region_id)
    lines = budget.ceiling_lines(ceiling)
    toewijzingen = list(budget.ceiling_toewijzingen(ceiling).select_related(
        "municipality", "provider"))
    granted = _granted(lines)
    return {
        "municipality": _shares(ceiling, toewijzingen, lines, granted, tariffs, as_of,
                                lambda t: t.municipality.name, "declaratie__municipality__name"),
        "provider": _shares(ceiling, toewijzingen, lines, granted, tariffs, as_of,
                            lambda t: t.provider.name, "provider__name"),
    }


def _granted(lines) -> dict[int, Decimal]:
    return dict(lines.filter(toewijzing__isnull=False).values_list("toewijzing")
                .annotate(total=Sum("toegekend")).values_list("toewijzing", "total"))


def _shares(ceiling, toewijzingen, lines, granted, tariffs, as_of, key_of, line_key):
    first, last = date(ceiling.year, 1, 1), date(ceiling.year, 12, 31)
    parts: dict[str, budget.Figures] = {}
    for toewijzing in toewijzingen:
        part = parts.setdefault(key_of(toewijzing), budget.Figures(ceiling, ZERO))
        budget._add(part, toewijzing, tariffs, as_of, granted.get(toewijzing.pk, ZERO), first,
                    last)
    for key, total in lines.order_by().values_list(line_key).annotate(
            total=Sum("toegekend")).values_list(line_key, "total"):
        parts.setdefault(key, budget.Figures(ceiling, ZERO)).spent = total
    return [Share(key, p.committed, p.spent, p.forecast) for key, p in sorted(parts.items())]


# --- what lies behind a figure ------------------------------------------------------------------

@dataclass
class Drilldown:
    line_count: int
    toewijzing_count: int
    may_see_clients: bool
    lines: list = field(default_factory=list)         # only those of youths the user may see
    toewijzingen: list = field(default_factory=list)


def drilldown(user, ceiling: Ceiling, *, purpose: str, request=None) -> Drilldown:
    """Counts for everyone who may see the ceiling; the declaration lines and toewijzingen
    themselves (they name youths) only to a user with youth access, limited to the youths in
    that user's scope, each youth shown logged as a read."""
    lines, toewijzingen = budget.ceiling_lines(ceiling), budget.ceiling_toewijzingen(ceiling)
    result = Drilldown(line_count=lines.count(), toewijzing_count=toewijzingen.count(),
                       may_see_clients=policy.has_perm(user, Perm.VIEW_YOUTH))
    if not result.may_see_clients:
        return result
    visible = policy.youths_visible_to(user).values("pk")
    result.lines = list(lines.filter(youth__in=visible).select_related(
        "youth__municipality", "provider", "declaratie"))
    result.toewijzingen = list(toewijzingen.filter(youth__in=visible).select_related(
        "youth__municipality", "provider", "municipality"))
    youths = {row.youth.pk: row.youth for row in [*result.lines, *result.toewijzingen]}
    audit.record_many(user, "read", youths.values(), purpose=purpose, request=request,
                      owner_region_of=lambda youth: youth.municipality.region_id)
    return result


def year_from(value, default: int | None = None) -> int:
    """A year from the query string; anything else is this year."""
    text = str(value or "")
    if text.isdigit() and 2015 <= int(text) <= 2100:
        return int(text)
    return default or localdate().year


def prefetched_contracts(queryset: QuerySet[Contract]) -> QuerySet[Contract]:
    return queryset.prefetch_related(
        "extensions", Prefetch("partners", queryset=ContractPartner.objects.select_related(
            "provider", "partnership")))


def status_label(status: str) -> str:
    return {budget.OK: _("ok"), budget.WARNING: _("warning"),
            budget.EXHAUSTED: _("exhausted")}.get(status, status)
