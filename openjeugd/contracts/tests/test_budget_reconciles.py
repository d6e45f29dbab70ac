"""Committed and spent reconcile exactly with the toewijzingen and declaration lines behind
them, summed here independently of budget.py: every toewijzing and line of the database is
visited in Python, the scope decided by hand, the refused lines recognised by their
retourcodes (not by the amount granted, as budget.py does)."""

from datetime import date
from decimal import Decimal

from openjeugd.contracts import budget, commitment, services
from openjeugd.contracts.models import Ceiling, Tariff
from openjeugd.contracts.tests.budget_case import AS_OF, deliver_history
from openjeugd.ijw.models import Prestatie, Toewijzing


def test_region_ceiling_reconciles(deliver, contracted, region):
    ceiling = services.set_ceiling(region=region, year=2026, level=Ceiling.Level.REGION,
                                   amount=Decimal("50000.00"), as_of=AS_OF)
    deliver_history(deliver)
    figures = budget.ceiling_figures(ceiling, as_of=AS_OF)

    prices = [commitment.Price(t.valid_from, t.valid_until, t.amount, t.eenheid)
              for t in Tariff.objects.filter(product__product_code="45A48")]
    committed = Decimal("0.00")
    for toewijzing in Toewijzing.objects.all():
        if toewijzing.product_code == "45A49":
            continue  # not in the catalogue: unpriced
        assignment = commitment.Assignment(
            toewijzing.ingangsdatum, toewijzing.einddatum, toewijzing.volume,
            toewijzing.eenheid, toewijzing.frequentie, toewijzing.budget)
        committed += commitment.value(assignment, prices, AS_OF, date(2026, 12, 31))
    spent = sum((line.toegekend for line in Prestatie.objects.all()
                 if not line.retourcodes and line.begindatum.year == 2026), Decimal("0"))

    assert Toewijzing.objects.count() == 3 and Prestatie.objects.count() == 4
    assert figures.committed == committed == Decimal("10829.71")
    assert figures.spent == spent == Decimal("1368.00")
    # The lines behind "spent" are exactly the granted ones: debit, debit, credit.
    assert sorted(budget.ceiling_lines(ceiling).values_list("toegekend", flat=True)) == [
        Decimal("-1026.00"), Decimal("1026.00"), Decimal("1368.00")]
