"""Overlapping tariffs written at the same moment: the product row lock makes the second
writer see the first one's tariff, so exactly one is stored (on PostgreSQL two connections
really run side by side; on SQLite the write lock serialises them)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openjeugd.contracts import services
from openjeugd.contracts.models import Tariff
from openjeugd.ijw.tests.race import run_together

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("round_", range(3))
def test_two_overlapping_tariffs_at_once(contract, product, round_):
    # Different start days, so no unique constraint can catch it: only the lock can.
    def write(amount, month):
        return lambda: services.set_tariff(contract=contract, product=product,
                                           amount=Decimal(amount),
                                           valid_from=date(2026, month, 1))

    outcomes = run_together(write("85.50", 1), write("86.00", 2))
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(refused) == 1, outcomes
    assert "may not overlap" in refused[0].message_dict["valid_from"][0]
    assert Tariff.objects.count() == 1
