"""A vertaaltabel (seed 003) applied to the running toewijzingen: a report, no iJw fact
rewritten (protocol-omgaan-met-productcodelijstwijzigingen §1.1.1: no conversion)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openjeugd.contracts.conversion import apply_conversion, report
from openjeugd.contracts.models import (
    ConversionRule,
    ConversionTable,
    FundingModel,
    Product,
    Uitvoeringsvariant,
)
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Toewijzing


def product(region, categorie, code, name, variant=Uitvoeringsvariant.TAAKGERICHT):
    return Product.objects.create(
        region=region, product_categorie=categorie, product_code=code, name=name, eenheid="04",
        uitvoeringsvariant=variant, funding_model=FundingModel.PXQ)


@pytest.fixture
def table(region):
    """Seed 003's table in miniature: 54002 "(gedeeltelijk)" goes partly to the Stevig Lokaal
    Team and partly to specialised support; 42A06 "Vervoer niet rolstoel 20-39 km" goes into
    the task-based specialised support with its distance band."""
    slt = product(region, "45", "45S01", "Stevig Lokaal Team")
    specialist = product(region, "45", "45S02", "Specialistische ondersteuning",
                         Uitvoeringsvariant.INSPANNINGSGERICHT)
    transport = product(region, "42", "42S01", "Vervoer (in taakgebied)")
    table = ConversionTable.objects.create(region=region, name="WBO 2027",
                                           effective_date=date(2027, 1, 1))
    ConversionRule.objects.create(table=table, old_categorie="54", old_code="54002",
                                  new_product=slt, share=Decimal("0.6"))
    ConversionRule.objects.create(table=table, old_categorie="54", old_code="54002",
                                  new_product=specialist, share=Decimal("0.4"))
    ConversionRule.objects.create(table=table, old_categorie="42", old_code="42A06",
                                  new_product=transport, distance_from_km=20,
                                  distance_to_km=39)
    return table


def test_running_toewijzingen_are_reported(deliver, table):
    deliver(samples.sample_jw301(identificatie="TW1", toewijzing_nummer="1", categorie="54",
                                 productcode="54002", volume=5))
    deliver(samples.sample_jw301(identificatie="TW2", toewijzing_nummer="2", categorie="42",
                                 productcode="42A06", volume=3))
    deliver(samples.sample_jw301(identificatie="TW3", toewijzing_nummer="3",
                                 productcode="45A48"))  # old code, no rule, not in catalogue
    deliver(samples.sample_jw301(identificatie="TW4", toewijzing_nummer="4", categorie="54",
                                 productcode="54002", einddatum=date(2026, 5, 31)))  # ended
    before = list(Toewijzing.objects.values_list("product_code", flat=True).order_by("pk"))
    run = apply_conversion(table=table, on=date(2026, 6, 15))
    summary = report(run)
    # 1 is split 5 h -> 3 h (0.6) + 2 h (0.4); 2 converted whole; 3 has no rule; 4 ended.
    assert (summary["split"], summary["converted"], summary["no_rule"]) == (1, 1, 1)
    assert summary["volume"] == {"45S01": Decimal("3.00"), "45S02": Decimal("2.00"),
                                 "42S01": Decimal("3.00")}
    assert not run.lines.filter(toewijzing__toewijzing_nummer="4").exists()
    # The iJw facts are untouched: the municipality sends new JW301s where it chooses to.
    assert list(Toewijzing.objects.values_list("product_code", flat=True).order_by("pk")) \
        == before


def test_a_split_must_hand_out_the_whole_volume(deliver, table):
    ConversionRule.objects.filter(new_product__product_code="45S02").update(
        share=Decimal("0.3"))
    with pytest.raises(ValidationError) as caught:
        apply_conversion(table=table, on=date(2026, 6, 15))
    assert "54002" in caught.value.message_dict["share"][0]
