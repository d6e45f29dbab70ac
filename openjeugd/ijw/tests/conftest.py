from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from openjeugd.ijw import clock, codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import Municipality, Provider
from openjeugd.registry.tests.factories import ProviderFactory, UserFactory, valid_bsn


@pytest.fixture(autouse=True)
def pinned_today():
    """Access through care relations depends on today's date: pin it inside the samples'
    care period (toewijzing 12 January – 31 December 2026) so the tests do not age."""
    with time_machine.travel(datetime(2026, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
                             tick=True):
        yield


@pytest.fixture
def provider(db):
    """The provider the codec samples use, contracted in the region of Nijmegen (0268)."""
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
    provider.regions.add(Municipality.objects.get(code=samples.GEMEENTE).region)
    return provider


@pytest.fixture
def deliver(provider):
    """Deliver a message through the real path, on a fixed day: 10 March 2026, or the day
    after the message's dagtekening when that is later (a message is never from the future)."""

    def _deliver(message, *, on=None):
        if on is None:
            on = datetime(2026, 3, 10, 10, 0)
            if not isinstance(message, bytes):
                on = max(on, datetime.combine(message.header.dagtekening, time(10))
                         + timedelta(days=1))
        raw = message if isinstance(message, bytes) else codec.serialize(message)
        with clock.at(on.replace(tzinfo=ZoneInfo("Europe/Amsterdam"))):
            return ingest(raw)

    return _deliver


# --- users and a second provider, for the page, API and CLI tests ---------------------------

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
