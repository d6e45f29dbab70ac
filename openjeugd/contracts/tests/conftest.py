"""A contracted set-up in the region of Nijmegen (0268), the municipality of the iJw samples:
product 45A48 (ambulant, per hour), a 5 + 2×1 open-house contract running from 2026, the
samples' provider admitted, EUR 85.50 an hour - the tariff the samples declare at."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts import services
from openjeugd.contracts.models import Contract, FundingModel, Product, Uitvoeringsvariant
from openjeugd.core.testing import client, english  # noqa: F401 - shared fixtures

# The iJw facts are delivered as ijw's own tests deliver them (on 10 March 2026 at the earliest).
from openjeugd.ijw.tests.conftest import deliver_not_before, pinned_today  # noqa: F401
from openjeugd.ijw.tests.fixtures import (  # noqa: F401
    deliver,
    deliver_strict,
    nijmegen,
    provider,
)

HOUR = "04"


@pytest.fixture
def region(nijmegen):  # noqa: F811 - the shared fixture
    return nijmegen.region


@pytest.fixture
def product(region):
    return Product.objects.create(
        region=region, product_categorie="45", product_code="45A48",
        name="Ambulante begeleiding", eenheid=HOUR,
        uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT, funding_model=FundingModel.PXQ)


@pytest.fixture
def contract(region):
    return services.create_contract(
        region=region, reference="RvN-2026-01", name="Jeugdhulp open house",
        procedure=Contract.Procedure.OPEN_HOUSE, start_date=date(2026, 1, 1),
        initial_end_date=date(2030, 12, 31), extension_options=2, extension_months=12,
        status=Contract.Status.ACTIVE)


@pytest.fixture
def contracted(contract, provider, product):  # noqa: F811 - the fixture above
    """The samples' provider admitted to the contract, at EUR 85.50 an hour for everyone."""
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 1, 1))
    services.set_tariff(contract=contract, product=product, amount=Decimal("85.50"),
                        valid_from=date(2026, 1, 1))
    return contract
