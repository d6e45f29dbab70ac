"""A region with money in it, for the screen, API and export tests.

Rijk van Nijmegen, contract RvN-2026-01 with 45A48 at EUR 85.50 an hour (conftest), two
providers admitted; today is pinned to Monday 15 June 2026.
- toewijzing 1001 (De Linde, the samples' youth): 4 h a week, 12 Jan - 31 Dec 2026; February
  declared and granted: 16 h x 85.50 = EUR 1,368.00.
- toewijzing 1002 (Oost, a second youth): 2 h a week, 12 Jan - 31 Dec 2026; nothing declared.
Hand-computed figures for 2026 (commitment.py: 'per week' is volume / 7 a day):
- committed, 15 Jun - 31 Dec = 16 + 31 + 31 + 30 + 31 + 30 + 31 = 200 days:
  1001: 200 x 4/7 h x 85.50 = 68,400/7 = 9,771.43; 1002: 200 x 2/7 x 85.50 = 4,885.71.
- delivered not declared, 12 Jan - 14 Jun = 20 + 28 + 31 + 30 + 31 + 14 = 154 days:
  1001: 154 x 4/7 = 88 h x 85.50 = 7,524.00 - 1,368.00 granted = 6,156.00;
  1002: 154 x 2/7 = 44 h x 85.50 = 3,762.00.
- forecast = spent + committed + undeclared:
  1001: 1,368.00 + 9,771.43 + 6,156.00 = 17,295.43; 1002: 0 + 4,885.71 + 3,762.00 = 8,647.71;
  both: 1,368.00 + 14,657.14 + 9,918.00 = 25,943.14.
"""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.accounts import policy
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.roles import Role
from openjeugd.contracts import services
from openjeugd.contracts.models import Ceiling
from openjeugd.ijw.codec import samples
from openjeugd.registry.models import Provider
from openjeugd.registry.tests.factories import UserFactory, valid_bsn

D = Decimal
COMMITTED = D("14657.14")
SPENT = D("1368.00")
FORECAST = D("25943.14")
OOST_AGB = "98771234"


@pytest.fixture
def oost(region):
    provider = Provider.objects.create(name="Kinderpraktijk Oost", agb_code=OOST_AGB)
    provider.regions.add(region)
    return provider


@pytest.fixture
def care(pinned_today, deliver, contracted, oost, nijmegen):
    """The two toewijzingen and the February declaration, through the real import path."""
    services.award_contract(contract=contracted, provider=oost, start_date=date(2026, 1, 1))
    deliver(samples.sample_jw301())
    deliver(samples.sample_jw301(agb=OOST_AGB, bsn=valid_bsn(4242), identificatie="TW000002",
                                 toewijzing_nummer="1002", volume=2))
    deliver(samples.sample_jw323())
    return contracted


@pytest.fixture
def ceilings(care, region, nijmegen):
    """Region ceiling 28,000 (forecast 25,943.14 >= 90 % = 25,200: a warning) and Nijmegen
    40,000 less 5 % efficiency discount plus 500 ventiel = 38,500 (ok)."""
    return {
        "region": services.set_ceiling(region=region, year=2026, level=Ceiling.Level.REGION,
                                       amount=D("28000.00")),
        "nijmegen": services.set_ceiling(
            region=region, year=2026, level=Ceiling.Level.MUNICIPALITY, municipality=nijmegen,
            amount=D("40000.00"), efficiency_discount=D("5"), ventiel=D("500.00")),
    }


@pytest.fixture
def manager(region):
    return UserFactory(username="contractbeheer", role=Role.CONTRACT_MANAGER, region=region)


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def controller(monkeypatch, nijmegen):
    """A user with contract figures and youth access (no role has both today): an access
    worker of Nijmegen given VIEW_CONTRACTS. The drill-down shows it the care of its own
    youths (both toewijzingen are Nijmegen's)."""
    perms = {**policy.ROLE_PERMS}
    perms[Role.ACCESS_WORKER] = perms[Role.ACCESS_WORKER] | {Perm.VIEW_CONTRACTS}
    monkeypatch.setattr(policy, "ROLE_PERMS", perms)
    return UserFactory(username="controller", role=Role.ACCESS_WORKER, region=nijmegen.region,
                       municipality=nijmegen)
