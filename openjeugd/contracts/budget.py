"""Budget figures per ceiling: budget, committed, spent, forecast and status.

- budget: amount × (1 − efficiency discount %), rounded to the cent, plus the ventiel.
- committed: every open toewijzing under the ceiling valued at its tariffs for its remaining
  period in the ceiling's year, from ``as_of`` (today) to 31 December (commitment.value, one
  rounding per toewijzing).
- spent: the granted declaration lines under the ceiling whose product period starts in the
  year; a granted credit line is negative and subtracts.
- forecast to year end: spent + committed + care delivered but not yet declared, the last
  being per toewijzing its planned value from 1 January to the day before ``as_of`` minus what
  was granted on it for the year, never below zero (declarations lag delivery by a month or
  more; without it the forecast would dip every month until the declarations arrive).
- status: ``exhausted`` when spent + committed reach the budget; ``warning`` when the forecast
  reaches the warning threshold (the ceiling's own, else settings.CONTRACTS_CEILING_WARNING_
  PERCENT) of it; ``ok`` otherwise.
Toewijzingen without a product in the catalogue or without a tariff on a day they cover
cannot be valued: they count as nothing and are reported as ``unpriced``. A taakgericht
toewijzing without volume or budget commits nothing at client level (a lump sum is paid by
instalments, not per client).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import F, Q, QuerySet, Sum
from django.utils.timezone import localdate

from openjeugd.contracts import selectors
from openjeugd.contracts.commitment import Assignment, value
from openjeugd.contracts.models import Ceiling, LearningContribution, Product, Tariff
from openjeugd.contracts.sums import money_sum
from openjeugd.ijw.codec.codes import REDEN_WIJZIGING_VERWIJDERD
from openjeugd.ijw.models import Prestatie, Toewijzing
from openjeugd.lib.money import round_money
from openjeugd.registry.models import PartnershipMember

OK, WARNING, EXHAUSTED = "ok", "warning", "exhausted"
ZERO = Decimal("0.00")


@dataclass
class Figures:
    ceiling: Ceiling
    budget: Decimal
    committed: Decimal = ZERO
    spent: Decimal = ZERO
    undeclared: Decimal = ZERO
    status: str = OK
    unpriced: list[int] = field(default_factory=list)  # toewijzing ids

    @property
    def forecast(self) -> Decimal:
        return self.spent + self.committed + self.undeclared


def effective_budget(ceiling: Ceiling) -> Decimal:
    # seed 003: efficiency discount on the budget, the ventiel on top of it.
    discounted = round_money(ceiling.amount * (100 - ceiling.efficiency_discount) / 100)
    return discounted + ceiling.ventiel


def region_figures(region, year: int, *, as_of: date | None = None) -> list[Figures]:
    tariffs = selectors.region_tariffs(region)
    ceilings = Ceiling.objects.filter(region=region, year=year).select_related(
        "municipality", "provider", "lot", "product", "task_area")
    # Broadest level first, as the levels are listed in Ceiling.Level.
    order = list(Ceiling.Level.values)
    ceilings = sorted(ceilings, key=lambda c: (order.index(c.level), c.pk))
    return [ceiling_figures(c, as_of=as_of, tariffs=tariffs) for c in ceilings]


def ceiling_figures(ceiling: Ceiling, *, as_of: date | None = None,
                    tariffs=None) -> Figures:
    as_of = localdate() if as_of is None else as_of
    tariffs = tariffs or selectors.region_tariffs(ceiling.region_id)
    first, last = date(ceiling.year, 1, 1), date(ceiling.year, 12, 31)
    figures = Figures(ceiling, effective_budget(ceiling))
    lines = ceiling_lines(ceiling)
    figures.spent = money_sum(lines, "toegekend")
    # order_by(): the lines' ordering would otherwise join the GROUP BY, one group per line.
    granted = dict(lines.filter(toewijzing__isnull=False).order_by().values("toewijzing")
                   .annotate(total=Sum("toegekend")).values_list("toewijzing", "total"))
    for toewijzing in ceiling_toewijzingen(ceiling):
        _add(figures, toewijzing, tariffs, as_of, granted.get(toewijzing.pk, ZERO), first,
             last)
    figures.status = _status(figures)
    return figures


def _add(figures, toewijzing, tariffs, as_of, granted, first, last) -> None:
    if toewijzing.volume is None and toewijzing.budget is None:
        return
    try:
        prices = _prices(toewijzing, tariffs)
        assignment = Assignment(toewijzing.ingangsdatum, toewijzing.einddatum,
                                toewijzing.volume, toewijzing.eenheid, toewijzing.frequentie,
                                toewijzing.budget)
        if as_of <= last:
            figures.committed += value(assignment, prices, max(as_of, first), last)
        if as_of > first:
            planned = value(assignment, prices, first, min(as_of - timedelta(days=1), last))
            figures.undeclared += max(ZERO, planned - granted)
    except ValueError:
        figures.unpriced.append(toewijzing.pk)


def _prices(toewijzing, tariffs):
    if toewijzing.budget is not None:
        return []
    product = tariffs.product(toewijzing.product_categorie, toewijzing.product_code)
    if product is None:
        raise ValueError("not in the catalogue")
    return tariffs.prices(product.pk, toewijzing.provider_id)


def _status(figures: Figures) -> str:
    if figures.spent + figures.committed >= figures.budget:
        return EXHAUSTED
    percent = figures.ceiling.warning_percent or settings.CONTRACTS_CEILING_WARNING_PERCENT
    if figures.forecast * 100 >= figures.budget * percent:
        return WARNING
    return OK


def learning_line(region, year: int) -> dict[str, Decimal]:
    """Leren & Ontwikkelen (seed 000), a budget line outside the care ceilings: agreed and
    paid so far."""
    rows = LearningContribution.objects.filter(region=region, year=year)
    return {"budget": money_sum(rows, "amount"),
            "paid": money_sum(rows.filter(paid_on__isnull=False), "amount")}


# --- what lies under a ceiling --------------------------------------------------------------

def ceiling_toewijzingen(ceiling: Ceiling) -> QuerySet[Toewijzing]:
    """The toewijzingen of the ceiling's scope that overlap its year and were not withdrawn
    or deleted (JZ002 13)."""
    first, last = date(ceiling.year, 1, 1), date(ceiling.year, 12, 31)
    return Toewijzing.objects.filter(
        _scope(ceiling, municipality="municipality"), municipality__region=ceiling.region_id,
        ingangsdatum__lte=last,
    ).exclude(einddatum__lt=first).exclude(einddatum__lt=F("ingangsdatum")).exclude(
        reden_wijziging=REDEN_WIJZIGING_VERWIJDERD).order_by("pk")


def ceiling_lines(ceiling: Ceiling) -> QuerySet[Prestatie]:
    """The granted declaration lines (credits included) of the ceiling's scope whose product
    period starts in its year."""
    return Prestatie.objects.filter(
        _scope(ceiling, municipality="declaratie__municipality"),
        declaratie__municipality__region=ceiling.region_id, begindatum__year=ceiling.year,
    ).exclude(toegekend=0).order_by("pk")


def _scope(ceiling: Ceiling, *, municipality: str) -> Q:
    level = ceiling.level
    if level == Ceiling.Level.MUNICIPALITY:
        return Q(**{municipality: ceiling.municipality_id})
    if level == Ceiling.Level.PROVIDER:
        return Q(provider=ceiling.provider_id)
    if level == Ceiling.Level.PRODUCT:
        return _products([ceiling.product])
    if level == Ceiling.Level.SEGMENT:
        return _products(Product.objects.filter(task_area=ceiling.task_area_id))
    if level == Ceiling.Level.LOT:
        return _lot(ceiling.lot, municipality)
    return Q()


def _products(products) -> Q:
    pairs = Q(pk__in=[])
    for product in products:
        pairs |= Q(product_categorie=product.product_categorie,
                   product_code=product.product_code)
    return pairs


def _lot(lot, municipality: str) -> Q:
    """A lot: its partners' care, in its municipalities (all of the region when it names none),
    for the products tariffed under its contract or belonging to its task area."""
    awards = lot.partners.all()
    providers = set(awards.filter(provider__isnull=False).values_list("provider", flat=True))
    providers |= set(PartnershipMember.objects.filter(
        partnership__in=awards.values("partnership"),
        role=PartnershipMember.Role.HOOFDAANNEMER).values_list("provider", flat=True))
    scope = Q(provider__in=providers)
    municipalities = list(lot.municipalities.values_list("pk", flat=True))
    if municipalities:
        scope &= Q(**{f"{municipality}__in": municipalities})
    products = Product.objects.filter(
        Q(pk__in=Tariff.objects.filter(contract=lot.contract_id).values("product"))
        | Q(task_area=lot.task_area_id, task_area__isnull=False))
    if products.exists():
        scope &= _products(products)
    return scope
