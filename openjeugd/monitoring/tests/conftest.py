"""Facts built through the real iJw import path (codec samples -> ingest), as ijw's own
tests do; the clock is pinned after the care in the samples."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from openjeugd.ijw import clock, codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import Municipality, Provider
from openjeugd.registry.tests.factories import UserFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def pinned_today():
    with time_machine.travel(datetime(2026, 7, 15, 12, 0, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def nijmegen(db):
    return Municipality.objects.get(code=samples.GEMEENTE)


@pytest.fixture
def provider(nijmegen):
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
    provider.regions.add(nijmegen.region)
    return provider


@pytest.fixture
def deliver(provider, pinned_today):
    """Deliver a message through the real path on the day after its dagtekening."""

    def _deliver(message):
        on = datetime.combine(message.header.dagtekening, time(10)) + timedelta(days=1)
        with clock.at(on.replace(tzinfo=AMSTERDAM)):
            outcome = ingest(codec.serialize(message))
        # Every fact of a scenario must be taken; a refusal would silently change the test.
        assert not outcome.message.findings.exists(), [
            f"{f.rule}: {f.text}" for f in outcome.message.findings.all()]
        return outcome

    return _deliver


@pytest.fixture
def user_with(nijmegen):
    def make(role, **scope):
        if role == "access_worker":
            scope.setdefault("municipality", nijmegen)
        return UserFactory(role=role, region=nijmegen.region, **scope)

    return make
