"""Budget, committed, spent, forecast and status per ceiling; amounts from budget_case."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openjeugd.contracts import budget, services
from openjeugd.contracts.models import Ceiling, Product
from openjeugd.contracts.tests.budget_case import AS_OF, deliver_history
from openjeugd.ijw.models import Toewijzing
from openjeugd.registry.models import Municipality


@pytest.fixture
def ceilings(contracted, region, provider, product):
    """Set before any care is assigned (nothing committed yet, so every amount is allowed)."""
    beuningen = Municipality.objects.get(code="0209")
    at = {"region": region, "year": 2026, "as_of": AS_OF}
    return {
        # EUR 24,000 less 2.5 % efficiency discount = 23,400.00, plus a ventiel of 250.00.
        "region": services.set_ceiling(level=Ceiling.Level.REGION, amount=Decimal("24000.00"),
                                       efficiency_discount=Decimal("2.50"),
                                       ventiel=Decimal("250.00"), **at),
        "provider": services.set_ceiling(level=Ceiling.Level.PROVIDER, provider=provider,
                                         amount=Decimal("22000.00"), **at),
        "product": services.set_ceiling(level=Ceiling.Level.PRODUCT, product=product,
                                        amount=Decimal("10000.00"), **at),
        "beuningen": services.set_ceiling(level=Ceiling.Level.MUNICIPALITY,
                                          municipality=beuningen, amount=Decimal("5000.00"),
                                          **at),
    }


def figures_of(ceiling):
    return budget.ceiling_figures(ceiling, as_of=AS_OF)


def test_region_ceiling(deliver, ceilings):
    deliver_history(deliver)
    region = figures_of(ceilings["region"])
    assert region.budget == Decimal("23650.00")
    # committed 8,989.71 (1001) + 1,840.00 (1002) = 10,829.71; spent 1,368.00.
    assert (region.committed, region.spent) == (Decimal("10829.71"), Decimal("1368.00"))
    # forecast = 1,368.00 + 10,829.71 + undeclared (6,937.71 + 1,700.00) = 20,835.42.
    assert region.forecast == Decimal("20835.42")
    # 20,835.42 is 88.1 % of 23,650.00: below the 90 % warning threshold.
    assert region.status == budget.OK
    assert region.unpriced == [Toewijzing.objects.get(toewijzing_nummer="1003").pk]


def test_provider_ceiling_warns_before_exhaustion(deliver, ceilings):
    deliver_history(deliver)
    provider = figures_of(ceilings["provider"])
    # Same care as the region (one provider): forecast 20,835.42 >= 90 % of 22,000 = 19,800,
    # while spent + committed = 12,197.71 is still below the budget.
    assert provider.forecast == Decimal("20835.42")
    assert provider.status == budget.WARNING


def test_own_warning_threshold(deliver, ceilings):
    deliver_history(deliver)
    Ceiling.objects.filter(pk=ceilings["provider"].pk).update(warning_percent=95)
    ceilings["provider"].refresh_from_db()
    # 95 % of 22,000 = 20,900 > 20,835.42: no warning any more.
    assert figures_of(ceilings["provider"]).status == budget.OK


def test_product_ceiling_is_exhausted(deliver, ceilings):
    deliver_history(deliver)
    product = figures_of(ceilings["product"])
    # Only 45A48 (1001): committed 8,989.71 + spent 1,368.00 = 10,357.71 >= 10,000.00.
    assert (product.committed, product.spent) == (Decimal("8989.71"), Decimal("1368.00"))
    assert product.forecast == Decimal("1368.00") + Decimal("8989.71") + Decimal("6937.71")
    assert product.status == budget.EXHAUSTED


def test_other_municipality_sees_nothing(deliver, ceilings):
    deliver_history(deliver)
    other = figures_of(ceilings["beuningen"])
    assert (other.committed, other.spent, other.forecast, other.status) == (
        Decimal("0.00"), Decimal("0.00"), Decimal("0.00"), budget.OK)


def test_ceiling_below_what_is_committed_is_refused(deliver, ceilings, region):
    deliver_history(deliver)
    lower = {"region": region, "year": 2026, "level": Ceiling.Level.REGION, "as_of": AS_OF}
    # Spent + committed = 1,368.00 + 10,829.71 = 12,197.71: one cent less is refused...
    with pytest.raises(ValidationError) as caught:
        services.set_ceiling(amount=Decimal("12197.70"), **lower)
    assert "12197.71" in caught.value.message_dict["amount"][0]
    assert Ceiling.objects.get(pk=ceilings["region"].pk).amount == Decimal("24000.00")
    # ...exactly that much is allowed (and the ceiling is then exhausted).
    ceiling = services.set_ceiling(amount=Decimal("12197.71"), **lower)
    assert ceiling.pk == ceilings["region"].pk
    assert figures_of(ceiling).status == budget.EXHAUSTED


def test_past_year_commits_nothing(deliver, ceilings):
    deliver_history(deliver)
    # Counted as of 2027: nothing of 2026 is still to come; everything planned and not
    # declared is in the forecast: 1,368.00 + (17,295.43 - 1,368.00) + 3,540.00 where 1001's
    # whole year is 354 x 4/7 x 85.50 = 121,068/7 = 17,295.428... -> 17,295.43.
    later = budget.ceiling_figures(ceilings["region"], as_of=date(2027, 1, 5))
    assert later.committed == Decimal("0.00")
    assert later.forecast == Decimal("17295.43") + Decimal("3540.00")


def test_lot_and_segment_ceilings_take_their_part(deliver, contracted, region, provider,
                                                   product, nijmegen):
    from openjeugd.contracts.models import ContractPartner, Lot, TaskArea

    # A lot for Nijmegen held by the provider, and a segment (task area) holding 45A48 only:
    # both see 1001 (8,989.71 committed, 1,368.00 spent); the lot also sees 1002 (the budget
    # toewijzing, category 45 without code) only if a product of its contract or task area
    # matches it - none does, so the lot sees 45A48 alone too.
    area = TaskArea.objects.create(region=region, name="Specialistische ondersteuning")
    Product.objects.filter(pk=product.pk).update(task_area=area)
    lot = Lot.objects.create(contract=contracted, number=1, name="Nijmegen", task_area=area)
    lot.municipalities.add(nijmegen)
    ContractPartner.objects.filter(contract=contracted).update(lot=lot)
    at = {"region": region, "year": 2026, "as_of": AS_OF, "amount": Decimal("50000.00")}
    lot_ceiling = services.set_ceiling(level=Ceiling.Level.LOT, lot=lot, **at)
    segment = services.set_ceiling(level=Ceiling.Level.SEGMENT, task_area=area, **at)
    deliver_history(deliver)
    for ceiling in (lot_ceiling, segment):
        figures = figures_of(ceiling)
        assert (figures.committed, figures.spent) == (Decimal("8989.71"), Decimal("1368.00"))


def test_ceiling_level_needs_its_target(region):
    # A provider ceiling without a provider breaks the database's rule for its level.
    with pytest.raises(ValidationError):
        services.set_ceiling(region=region, year=2026, level=Ceiling.Level.PROVIDER,
                             amount=Decimal("1.00"), as_of=AS_OF)
