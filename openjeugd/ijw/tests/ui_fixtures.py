"""Fixtures for the page, API and CLI tests: users of each role and two providers' traffic.

Import with `from openjeugd.ijw.tests.ui_fixtures import *` next to the shared conftest.
"""

import pytest

from openjeugd.ijw.codec import samples
from openjeugd.registry.models import Municipality
from openjeugd.registry.tests.factories import ProviderFactory, UserFactory, valid_bsn

OTHER_AGB = "98000017"
OTHER_BSN = valid_bsn(4242)


@pytest.fixture
def nijmegen(db):
    return Municipality.objects.get(code=samples.GEMEENTE)


@pytest.fixture
def other_provider(nijmegen):
    provider = ProviderFactory(name="Zorg Elders", agb_code=OTHER_AGB)
    provider.regions.add(nijmegen.region)
    return provider


@pytest.fixture
def user_with(nijmegen):
    """A user of the role, working in the region of Nijmegen (the samples' municipality)."""

    def make(role, **scope):
        if role == "access_worker":
            scope.setdefault("municipality", nijmegen)
        return UserFactory(role=role, region=nijmegen.region, **scope)

    return make


@pytest.fixture
def two_providers_traffic(deliver, other_provider):
    """One JW315 request from each provider; returns (ours, theirs) outcomes."""
    ours = deliver(samples.sample_jw315())
    theirs = deliver(samples.sample_jw315(agb=OTHER_AGB, bsn=OTHER_BSN,
                                          referentie_aanbieder="VOT-ELDERS"))
    return ours, theirs
