from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from openjeugd.ijw import clock, codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import Municipality, Provider


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
