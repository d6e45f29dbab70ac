"""The tallies (monitoring's message overview reads them, #11) equal a plain recount of the
archive after a mixed history: imports, rejections, a partly granted declaration, an
unreadable file, a re-delivery and a crash before processing. Runs on SQLite and PostgreSQL
alike. The overview's own figures against the recount: monitoring/tests/overview."""

import io
from datetime import date, datetime

import pytest
from django.core.management import CommandError, call_command

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import FindingTally, MessageTally
from openjeugd.ijw.services import process_pending, tallies
from openjeugd.ijw.tests.conftest import OTHER_AGB, OTHER_BSN


def test_tallies_equal_a_recount_after_a_mixed_history(mixed_history):
    # The message archived around the services left its bucket at -1 when it was processed
    # ("received" was never counted up); everything the services wrote is exact.
    process_pending()
    stored, recounted = tallies.stored_messages(), tallies.recount_messages()
    drift = {k: v - recounted.get(k, 0) for k, v in stored.items() if v != recounted.get(k, 0)}
    assert list(drift.values()) == [-1] and dict(next(iter(drift)))["status"] == "received"
    assert tallies.stored_findings() == tallies.recount_findings()
    with pytest.raises(CommandError):
        call_command("ijw", "tallies", stdout=io.StringIO())

    # The repair recounts; afterwards the check passes and the figures are the recount's.
    call_command("ijw", "tallies", "--rebuild", stdout=io.StringIO())
    out = io.StringIO()
    call_command("ijw", "tallies", stdout=out)
    assert out.getvalue().strip() == "The tallies match the messages."
    assert tallies.stored_messages() == tallies.recount_messages()


def test_tallies_follow_every_write_of_the_services(deliver, two_providers_traffic):
    deliver(samples.sample_jw301(), on=datetime(2026, 3, 11, 9, 0))
    deliver(samples.sample_jw305(agb=OTHER_AGB, bsn=OTHER_BSN, dagtekening=date(2026, 4, 1)),
            on=datetime(2026, 4, 2, 10, 0))
    deliver(samples.sample_jw323(prestaties=[
        samples.sample_prestatie(),
        samples.sample_prestatie(referentie="P000002", productcode="45A49",
                                 begindatum=date(2026, 2, 1), volume=2)]),
        on=datetime(2026, 4, 30, 23, 30))
    deliver(b"<not-ijw/>", on=datetime(2026, 5, 3, 10, 0))
    assert tallies.stored_messages() == tallies.recount_messages()
    assert tallies.stored_findings() == tallies.recount_findings()
    # The declaration of 30 April 23:30 (21:30 UTC) counts in April, as the region sees it.
    assert MessageTally.objects.filter(code="JW323", messages=1).get().month == date(2026, 4, 1)
    assert FindingTally.objects.filter(code="JW323").exists()


def test_rebuild_is_what_the_services_wrote(deliver, two_providers_traffic):
    deliver(samples.sample_jw305(dagtekening=date(2026, 4, 1)), on=datetime(2026, 4, 2, 10))
    before = (tallies.stored_messages(), tallies.stored_findings())
    tallies.rebuild()
    assert (tallies.stored_messages(), tallies.stored_findings()) == before
