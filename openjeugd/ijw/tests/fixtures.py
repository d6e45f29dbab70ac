"""Fixtures for every app whose tests build iJw facts through the real import path (codec
samples -> ingest): ijw, contracts and monitoring import them into their conftest.

`deliver` delivers on the day after the message's dagtekening (a message is never from the
future), with the clock the importing conftest pins (its own `pinned_today`). Two small
fixtures tune it per conftest: `deliver_not_before` (ijw: never before 10 March 2026) and
`deliver_strict` (monitoring: every fact of a scenario must be taken).
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from openjeugd.ijw import clock, codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import Municipality, Provider
from openjeugd.registry.tests.factories import UserFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def nijmegen(db):
    return Municipality.objects.get(code=samples.GEMEENTE)


@pytest.fixture
def provider(nijmegen):
    """The provider the codec samples use, contracted in the region of Nijmegen (0268)."""
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
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
def deliver_not_before():
    """The earliest moment (local, naive) `deliver` picks when not told `on`; None: none."""
    return None


@pytest.fixture
def deliver_strict():
    """True: a message with a finding fails the test (a refusal would silently change it)."""
    return False


@pytest.fixture
def deliver(provider, pinned_today, deliver_not_before, deliver_strict):
    """Deliver a message (or raw bytes, with `on`) through the real path; returns the
    ingest outcome."""

    def _deliver(message, *, on=None):
        if on is None:
            on = _day_after(message, deliver_not_before)
        raw = message if isinstance(message, bytes) else codec.serialize(message)
        with clock.at(on.replace(tzinfo=AMSTERDAM)):
            outcome = ingest(raw)
        if deliver_strict:
            assert not outcome.message.findings.exists(), [
                f"{f.rule}: {f.text}" for f in outcome.message.findings.all()]
        return outcome

    return _deliver


def _day_after(message, not_before: datetime | None) -> datetime:
    if isinstance(message, bytes):
        if not_before is None:
            raise ValueError("deliver: raw bytes have no dagtekening; say when (on=...)")
        return not_before
    on = datetime.combine(message.header.dagtekening, time(10)) + timedelta(days=1)
    return on if not_before is None else max(on, not_before)
