"""Facts built through the real iJw import path (codec samples -> ingest), with ijw's own
fixtures (openjeugd/ijw/tests/fixtures.py); the clock is pinned after the care in the samples."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from openjeugd.ijw.tests.fixtures import (  # noqa: F401 - shared fixtures
    deliver,
    deliver_not_before,
    nijmegen,
    provider,
    user_with,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def pinned_today():
    with time_machine.travel(datetime(2026, 7, 15, 12, 0, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def deliver_strict():
    """Every fact of a scenario must be taken; a refusal would silently change the test."""
    return True
