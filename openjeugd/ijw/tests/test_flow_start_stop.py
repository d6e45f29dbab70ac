"""JW305/JW307 flows from berichtstromen, including OP033 corrections (delete + new)."""

from datetime import date

import pytest

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Start, Stop


@pytest.fixture
def assigned(deliver):
    deliver(samples.sample_jw301())


def codes(outcome) -> list[str]:
    return sorted(f.retourcode for f in outcome.message.findings.all())


def test_start_then_definitive_stop(deliver, assigned):
    start = deliver(samples.sample_jw305())
    assert start.message.status == Message.Status.ACCEPTED
    assert start.reply.code == "JW306"
    stop = deliver(samples.sample_jw307())
    assert stop.message.status == Message.Status.ACCEPTED
    assert Stop.objects.get().reden_beeindiging == "31"


def test_temporary_then_definitive_stop(deliver, assigned):
    deliver(samples.sample_jw305())
    deliver(samples.sample_jw307(reden_beeindiging="20", einddatum=date(2026, 3, 1)))
    final = deliver(samples.sample_jw307(identificatie="SP000002", einddatum=date(2026, 6, 30)))
    assert codes(final) == []
    assert sorted(Stop.objects.values_list("reden_beeindiging", flat=True)) == ["20", "31"]


def test_restart_after_a_stop(deliver, assigned):
    deliver(samples.sample_jw305())
    deliver(samples.sample_jw307(reden_beeindiging="20", einddatum=date(2026, 3, 1)))
    again = deliver(samples.sample_jw305(identificatie="ST000002", dagtekening=date(2026, 4, 2),
                                         begindatum=date(2026, 4, 1)))
    assert codes(again) == []
    assert Start.objects.count() == 2


def test_second_start_while_care_runs_is_refused(deliver, assigned):
    deliver(samples.sample_jw305())
    second = deliver(samples.sample_jw305(identificatie="ST000002", dagtekening=date(2026, 2, 2),
                                          begindatum=date(2026, 2, 1)))
    assert codes(second) == ["9326"]  # TR326: the running delivery was not stopped


def test_correction_of_a_start_is_delete_plus_new(deliver, assigned):
    deliver(samples.sample_jw305())
    deliver(samples.sample_jw305(identificatie="ST000002", status_aanlevering="3"))
    deliver(samples.sample_jw305(identificatie="ST000003", begindatum=date(2026, 1, 19)))
    active = Start.objects.filter(deleted_by__isnull=True)
    assert [s.begindatum for s in active] == [date(2026, 1, 19)]


def test_deleting_a_stop(deliver, assigned):
    deliver(samples.sample_jw305())
    deliver(samples.sample_jw307())
    deliver(samples.sample_jw307(identificatie="SP000002", status_aanlevering="3"))
    assert not Stop.objects.filter(deleted_by__isnull=True).exists()


def test_start_without_toewijzing_is_refused(deliver):
    outcome = deliver(samples.sample_jw305())
    assert codes(outcome) == ["9019"]
    assert outcome.message.status == Message.Status.REJECTED
    assert not Start.objects.exists()


def test_stop_before_its_start_is_refused(deliver, assigned):
    deliver(samples.sample_jw305())
    outcome = deliver(samples.sample_jw307(einddatum=date(2026, 1, 10)))
    assert outcome.message.findings.exists()
    assert not Stop.objects.exists()


def test_stop_without_start_is_refused(deliver, assigned):
    outcome = deliver(samples.sample_jw307())
    assert codes(outcome) == ["9069"]
