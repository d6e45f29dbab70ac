import hashlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message
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


# --- a mixed history: the tallies' tests (ijw) and the overview's (monitoring) -----------------

@pytest.fixture
def mixed_history(deliver, two_providers_traffic):  # noqa: F811 - the shared fixture
    """March: two JW315 (answered by JW316) and our JW301. Then a start without toewijzing of
    the other provider (rejected), a declaration with one wrong line (partly granted), the same
    declaration again, an unreadable file, and a message archived by a run that crashed."""
    deliver(samples.sample_jw301(), on=datetime(2026, 3, 11, 9, 0))
    rejected = deliver(samples.sample_jw305(agb=OTHER_AGB, bsn=OTHER_BSN,
                                            dagtekening=date(2026, 4, 1)),
                       on=datetime(2026, 4, 2, 10, 0))
    assert rejected.status == Message.Status.REJECTED
    good = samples.sample_prestatie()
    wrong_code = samples.sample_prestatie(referentie="P000002", productcode="45A49",
                                          begindatum=date(2026, 2, 1), volume=2)
    declaration = samples.sample_jw323(prestaties=[good, wrong_code])
    partly = deliver(declaration, on=datetime(2026, 4, 30, 23, 30))  # May in UTC, April here
    assert partly.status == Message.Status.PARTLY_GRANTED
    assert deliver(declaration, on=datetime(2026, 5, 2, 10, 0)).duplicate
    unreadable = deliver(b"<not-ijw/>", on=datetime(2026, 5, 3, 10, 0))
    assert unreadable.status == Message.Status.REJECTED
    raw = codec.serialize(samples.sample_jw315(identificatie="VT-LATER",
                                               referentie_aanbieder="VOT-LATER"))
    # Archived around the services (a crash between archive and processing, as in the CLI
    # tests): the tally does not know it until it is processed.
    Message.objects.create(direction="in", code="JW315", afzender=samples.AGB,
                           ontvanger=samples.GEMEENTE, identificatie="VT-LATER", raw=raw,
                           sha256=hashlib.sha256(raw).hexdigest())
