"""Prefinancing and year-end settlement; cost sharing between municipalities and regions."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openjeugd.contracts import settlement
from openjeugd.contracts.models import CostShare, CostSharingKey
from openjeugd.ijw.codec import samples
from openjeugd.registry.models import Municipality, Region


def test_year_end_settlement_against_realisation(deliver, contracted, provider, nijmegen):
    # Four quarterly instalments of EUR 500.00 in 2026 = 2,000.00 prefinanced; realised: the
    # February line, 16 h x 85.50 = 1,368.00. Balance 1,368.00 - 2,000.00 = -632.00: the
    # provider pays back 632.00.
    for month in (1, 4, 7, 10):
        settlement.add_instalment(contract=contracted, provider=provider,
                                  municipality=nijmegen, due_date=date(2026, month, 1),
                                  amount=Decimal("500.00"))
    deliver(samples.sample_jw301())
    deliver(samples.sample_jw323())
    settled = settlement.settle_year(contract=contracted, provider=provider,
                                     municipality=nijmegen, year=2026,
                                     settled_on=date(2027, 3, 1))
    assert (settled.prefinanced, settled.realised, settled.balance) == (
        Decimal("2000.00"), Decimal("1368.00"), Decimal("-632.00"))


def test_instalment_outside_the_region_is_refused(contracted, provider):
    amsterdam = Municipality.objects.get(code="0363")
    with pytest.raises(ValidationError) as caught:
        settlement.add_instalment(contract=contracted, provider=provider,
                                  municipality=amsterdam, due_date=date(2026, 1, 1),
                                  amount=Decimal("1.00"))
    assert "municipality" in caught.value.message_dict


@pytest.fixture
def g7_key(region):
    """Seed 000: the G7 regions share the cost of keeping JeugdzorgPlus places available.
    Three regions here, EUR 100,000.00, fixed shares 1/3 each."""
    key = CostSharingKey.objects.create(owner=region, name="JZ+ beschikbaarheid", year=2026,
                                        basis=CostSharingKey.Basis.FIXED,
                                        amount=Decimal("100000.00"))
    others = Region.objects.exclude(pk=region.pk).order_by("name")[:2]
    for party, paid in zip([region, *others], ["40000.00", "30000.00", "30000.00"],
                           strict=True):
        CostShare.objects.create(key=key, region=party, fixed_share=Decimal("0.333333"),
                                 paid=Decimal(paid))
    return key


def test_fixed_shares_add_up_to_the_cent_and_say_who_owes_whom(g7_key):
    # Equal weights: 10,000,000 cents / 3 = 3,333,333.33 each; the one cent left goes to the
    # first party by largest remainder (all equal, so by order): 33,333.34 + 33,333.33 x 2.
    shares = settlement.cost_shares(g7_key)
    assert [s.owed for s in shares] == [Decimal("33333.34"), Decimal("33333.33"),
                                        Decimal("33333.33")]
    assert sum(s.owed for s in shares) == Decimal("100000.00")
    # The administering region paid 40,000.00 and is owed 6,666.66; the others owe 3,333.33.
    assert [s.balance for s in shares] == [Decimal("-6666.66"), Decimal("3333.33"),
                                           Decimal("3333.33")]


def test_population_key(region):
    # Two municipalities with 3,000 and 1,000 youths aged 0-17 share EUR 1,000.00: 750 / 250.
    a, b = Municipality.objects.filter(region=region).order_by("code")[:2]
    for municipality, youths in ((a, 3000), (b, 1000)):
        Municipality.objects.filter(pk=municipality.pk).update(
            population_0_17=youths, population_total=youths * 5, population_source="test")
    key = CostSharingKey.objects.create(owner=region, name="HIC", year=2026,
                                        basis=CostSharingKey.Basis.POPULATION,
                                        amount=Decimal("1000.00"))
    for municipality in (a, b):
        CostShare.objects.create(key=key, municipality=municipality)
    assert [s.owed for s in settlement.cost_shares(key)] == [Decimal("750.00"),
                                                             Decimal("250.00")]
