from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from openjeugd.ijw.codec import samples
from openjeugd.ijw.tests.fixtures import (  # noqa: F401 - shared with contracts, monitoring
    deliver,
    deliver_strict,
    nijmegen,
    provider,
    user_with,
)
from openjeugd.registry.tests.factories import ProviderFactory, valid_bsn


@pytest.fixture(autouse=True)
def pinned_today():
    """Access through care relations depends on today's date: pin it inside the samples'
    care period (toewijzing 12 January – 31 December 2026) so the tests do not age."""
    with time_machine.travel(datetime(2026, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
                             tick=True):
        yield


@pytest.fixture
def deliver_not_before():
    """A message is delivered on 10 March 2026, or on the day after its dagtekening when that
    is later."""
    return datetime(2026, 3, 10, 10, 0)


# --- users and a second provider, for the page, API and CLI tests ---------------------------

OTHER_AGB = "98000017"
OTHER_BSN = valid_bsn(4242)


@pytest.fixture
def other_provider(nijmegen):  # noqa: F811 - the shared fixture
    other = ProviderFactory(name="Zorg Elders", agb_code=OTHER_AGB)
    other.regions.add(nijmegen.region)
    return other


@pytest.fixture
def two_providers_traffic(deliver, other_provider):  # noqa: F811
    """One JW315 request from each provider; returns (ours, theirs) outcomes."""
    ours = deliver(samples.sample_jw315())
    theirs = deliver(samples.sample_jw315(agb=OTHER_AGB, bsn=OTHER_BSN,
                                          referentie_aanbieder="VOT-ELDERS"))
    return ours, theirs
