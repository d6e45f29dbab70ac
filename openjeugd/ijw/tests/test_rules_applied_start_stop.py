"""JW305/JW307 rules through the real ingest path: the code at its level, and (IV032) nothing
of a refused message applied. The toewijzing: 1001, 12 January - 31 December 2026; the sample
start is on 14 January, the sample stop on 30 June (reden 31, definitive)."""

import dataclasses
from datetime import date

import pytest

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Start, Stop
from openjeugd.ijw.tests.rule_cases import assert_nothing_applied, found, produces, state

DELETE, NEW = "3", "1"
TEMPORARY, DEFINITIVE = "20", "31"


@pytest.fixture
def started(deliver):
    deliver(samples.sample_jw301())
    deliver(samples.sample_jw305())


def start(ident, **kwargs):
    return samples.sample_jw305(identificatie=ident, **kwargs)


def stop(ident, **kwargs):
    return samples.sample_jw307(identificatie=ident, **kwargs)


@produces("TR019")
def test_start_on_an_unknown_toewijzing(deliver, started):
    before = state()
    outcome = deliver(start("ST000002", toewijzing_nummer="9999"))
    assert found(outcome) == [("TR019", "9019", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR074")
def test_start_delivered_twice(deliver, started):
    before = state()
    outcome = deliver(start("ST000002"))
    assert found(outcome) == [("TR074", "9074", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR063")
def test_delete_of_a_start_never_delivered(deliver, started):
    before = state()
    outcome = deliver(start("ST000002", begindatum=date(2026, 1, 20), status_aanlevering=DELETE))
    assert found(outcome) == [("TR063", "9063", "product")]
    assert_nothing_applied(outcome, before)


def correction(new_first: bool):
    """OP033/IV008: delete the start of 14 January and deliver one of 20 January instead."""
    message = start("ST000002")
    old = message.client.start_producten[0]
    delete = dataclasses.replace(old, status_aanlevering=DELETE)
    new = dataclasses.replace(old, begindatum=date(2026, 1, 20), status_aanlevering=NEW)
    message.client.start_producten = [new, delete] if new_first else [delete, new]
    return message


@pytest.mark.parametrize("new_first", [True, False], ids=["new-first", "delete-first"])
def test_correction_in_one_message_whatever_the_order(deliver, started, new_first):
    outcome = deliver(correction(new_first))
    assert found(outcome) == []
    assert outcome.message.status == Message.Status.ACCEPTED
    current = Start.objects.filter(deleted_by__isnull=True)
    assert list(current.values_list("begindatum", flat=True)) == [date(2026, 1, 20)]


@produces("OP033", via="TR326")
def test_new_start_without_deleting_the_old_one(deliver, started):
    # The same new start without the delete clashes with the current start (TR326).
    before = state()
    message = correction(new_first=True)
    message.client.start_producten = message.client.start_producten[:1]
    outcome = deliver(message)
    assert found(outcome) == [("TR326", "9326", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR326")
def test_second_start_while_the_first_runs(deliver, started):
    before = state()
    outcome = deliver(start("ST000002", begindatum=date(2026, 2, 1), dagtekening=date(2026, 2, 3)))
    assert found(outcome) == [("TR326", "9326", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR071")
def test_start_cannot_be_deleted_after_a_definitive_stop(deliver, started):
    deliver(stop("SP000001"))
    before = state()
    outcome = deliver(start("ST000002", status_aanlevering=DELETE, dagtekening=date(2026, 7, 4)))
    assert found(outcome) == [("TR071", "9071", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR069")
def test_stop_without_its_start(deliver, started):
    before = state()
    outcome = deliver(stop("SP000001", begindatum=date(2026, 1, 15)))
    assert found(outcome) == [("TR069", "9069", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR415")
def test_stop_after_a_definitive_stop(deliver, started):
    deliver(stop("SP000001"))
    before = state()
    outcome = deliver(stop("SP000002", einddatum=date(2026, 7, 31), reden_beeindiging="02",
                           dagtekening=date(2026, 8, 3)))
    assert found(outcome) == [("TR415", "9415", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR413")
def test_second_temporary_stop(deliver, started):
    deliver(stop("SP000001", reden_beeindiging=TEMPORARY))
    before = state()
    outcome = deliver(stop("SP000002", reden_beeindiging=TEMPORARY, einddatum=date(2026, 7, 31),
                           dagtekening=date(2026, 8, 3)))
    assert found(outcome) == [("TR413", "9413", "product")]
    assert_nothing_applied(outcome, before)


def test_definitive_stop_after_a_temporary_one(deliver, started):
    deliver(stop("SP000001", reden_beeindiging=TEMPORARY))
    outcome = deliver(stop("SP000002", einddatum=date(2026, 7, 31), dagtekening=date(2026, 8, 3)))
    assert found(outcome) == []
    assert Stop.objects.count() == 2


@produces("TR414")
def test_stop_ending_before_the_current_stop(deliver, started):
    deliver(stop("SP000001", reden_beeindiging=TEMPORARY))
    before = state()
    # The current (temporary) stop ends on 30 June; a definitive stop ending 1 June is earlier.
    outcome = deliver(stop("SP000002", einddatum=date(2026, 6, 1), dagtekening=date(2026, 7, 4)))
    assert found(outcome) == [("TR414", "9414", "product")]
    assert_nothing_applied(outcome, before)
