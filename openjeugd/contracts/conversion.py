"""Applying a vertaaltabel (seed 003 "VERTAALTABEL WAS WORDT") to the running toewijzingen.

The iJw protocol for product code list changes (../shared/ijw/protocol-omgaan-met-
productcodelijstwijzigingen.md §1.1.1 "Een oplossing zonder conversie", §2.1) rules out
converting codes in software: running toewijzingen stay valid and are declared on their old
codes; only "in sommige gevallen" the municipality withdraws one and sends a new JW301. So a
run changes no iJw fact: it stores, per running toewijzing, what it becomes under the table
(one new product, a split over several with their share of the volume, or nothing because no
rule names its code), and the municipality acts on that report through the ijw screens.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, Sum
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.contracts.models import (
    ConversionRule,
    ConversionRun,
    ConversionTable,
    Product,
    ToewijzingConversion,
)
from openjeugd.ijw.codec.codes import REDEN_WIJZIGING_VERWIJDERD
from openjeugd.ijw.models import Toewijzing

Outcome = ToewijzingConversion.Outcome


def apply_conversion(*, user=None, table: ConversionTable, on: date) -> ConversionRun:
    """Judge every toewijzing of the table's region running on ``on`` whose product is named
    by the table or no longer in the catalogue, and store the report."""
    rules = _rules(table)
    with transaction.atomic():
        run = ConversionRun.objects.create(table=table, on_date=on)
        lines = []
        for toewijzing in _running(table.region_id, on):
            lines += _judge(run, toewijzing, rules.get(_key(toewijzing), []))
        lines = [line for line in lines if line is not None]
        ToewijzingConversion.objects.bulk_create(lines)
        audit.record_object(user, "create", run, purpose="contract management",
                            owner_region_id=table.region_id,
                            system="" if user is not None else "contracts")
    return run


def _rules(table: ConversionTable) -> dict[tuple[str, str], list[ConversionRule]]:
    """The table's rules by old code; an old code split over several new products must hand
    out its whole volume (shares adding up to 1), or the table is refused."""
    by_code: dict[tuple[str, str], list[ConversionRule]] = {}
    for rule in table.rules.select_related("new_product"):
        by_code.setdefault((rule.old_categorie, rule.old_code), []).append(rule)
    for (categorie, code), rules in by_code.items():
        if sum((r.share for r in rules), Decimal("0")) != 1:
            raise ValidationError({"share": _(
                "The shares of old product %(code)s add up to %(sum)s, not 1: a split must hand "
                "out the whole volume.") % {"code": f"{categorie}{code}",
                                             "sum": sum(r.share for r in rules)}})
    return by_code


def _running(region_id: int, on: date):
    return Toewijzing.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=on),
        municipality__region=region_id, ingangsdatum__lte=on,
    ).exclude(einddatum__lt=F("ingangsdatum")).exclude(
        reden_wijziging=REDEN_WIJZIGING_VERWIJDERD).order_by("pk")


def _key(toewijzing) -> tuple[str, str]:
    return toewijzing.product_categorie, toewijzing.product_code


def _judge(run, toewijzing, rules) -> list[ToewijzingConversion | None]:
    if not rules:
        in_catalogue = Product.objects.filter(
            region=run.table.region_id, product_categorie=toewijzing.product_categorie,
            product_code=toewijzing.product_code).exists()
        return [None if in_catalogue else ToewijzingConversion(
            run=run, toewijzing=toewijzing, outcome=Outcome.NO_RULE)]
    outcome = Outcome.CONVERTED if len(rules) == 1 else Outcome.SPLIT
    return [ToewijzingConversion(
        run=run, toewijzing=toewijzing, outcome=outcome, new_product=rule.new_product,
        new_volume=None if toewijzing.volume is None else _volume(toewijzing.volume * rule.share))
        for rule in rules]


def _volume(volume: Decimal) -> Decimal:
    # A split volume to two decimals, halves up (as money is rounded, lib.money).
    return volume.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def report(run: ConversionRun) -> dict[str, int]:
    """How many toewijzingen each outcome got, and the volume moved per new product."""
    lines = run.lines.all()
    counts = {o.value: lines.filter(outcome=o).values("toewijzing").distinct().count()
              for o in Outcome}
    counts["volume"] = {row["new_product__product_code"]: row["total"] for row in lines.filter(
        new_product__isnull=False).values("new_product__product_code").annotate(
        total=Sum("new_volume"))}
    return counts
