"""Re-delivery changes nothing; a crash mid-batch followed by a rerun processes each once."""

import pytest

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Finding, Message, Start, Toewijzing
from openjeugd.ijw.services import handlers, ingest, process_pending


def test_same_message_twice_changes_nothing_and_says_so(deliver):
    first = deliver(samples.sample_jw301())
    rows = (Message.objects.count(), Toewijzing.objects.count())
    again = deliver(samples.sample_jw301())
    assert again.duplicate
    assert again.message.pk == first.message.pk
    assert f"#{first.message.pk}" in again.notes[0]  # says which message it already was
    assert (Message.objects.count(), Toewijzing.objects.count()) == rows


def test_other_content_under_a_used_identification_is_rejected(deliver):
    deliver(samples.sample_jw301())
    clash = deliver(samples.sample_jw301(toewijzing_nummer="1002"))  # same TW000001
    assert not clash.duplicate
    assert clash.message.status == Message.Status.REJECTED
    assert [f.retourcode for f in clash.message.findings.all()] == ["9056"]
    assert Toewijzing.objects.count() == 1


def test_crash_mid_batch_then_rerun_processes_each_message_once(deliver, monkeypatch):
    deliver(samples.sample_jw301())
    batch = [samples.sample_jw305(), samples.sample_jw305(
        identificatie="ST000002", status_aanlevering="3")]
    real = handlers.HANDLERS["JW305"]
    calls = {"n": 0}

    def crash_on_second(ctx, parsed):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power failure")
        real(ctx, parsed)

    monkeypatch.setitem(handlers.HANDLERS, "JW305", crash_on_second)
    deliver(batch[0])
    with pytest.raises(RuntimeError):
        deliver(batch[1])
    # The raw bytes of the second message are archived, nothing else of it was written.
    crashed = Message.objects.get(identificatie="ST000002")
    assert crashed.status == Message.Status.RECEIVED
    assert not Finding.objects.filter(message=crashed).exists()
    monkeypatch.setitem(handlers.HANDLERS, "JW305", real)

    process_pending()  # what `openjeugd ijw import` does first on a rerun
    for message in batch:  # the rerun delivers the whole batch again
        assert deliver(message).duplicate
    assert Message.objects.filter(code="JW305").count() == 2
    assert Message.objects.filter(code="JW306").count() == 2  # one return each, not more
    # The start was made once and deleted once (OP033).
    assert Start.objects.count() == 1
    assert Start.objects.get().deleted_by_id == crashed.pk


@pytest.mark.parametrize("raw, why", [
    (b"<Bericht><Header>", "malformed XML"),
    (b'<?xml version="1.0"?><Bericht xmlns="urn:other"><Header/></Bericht>', "wrong namespace"),
])
def test_unreadable_messages_are_archived_and_rejected(provider, raw, why):
    outcome = ingest(raw, filename="bad.xml")
    assert outcome.message.status == Message.Status.REJECTED, why
    assert bytes(outcome.message.raw) == raw
    assert outcome.message.findings.get().retourcode == "0001"


def test_impossible_date_is_rejected_with_0001(deliver):
    raw = codec.serialize(samples.sample_jw301()).replace(b"2026-01-12", b"2027-06-31")
    outcome = deliver(raw)
    assert outcome.message.status == Message.Status.REJECTED
    assert {f.retourcode for f in outcome.message.findings.all()} == {"0001"}
    assert not Toewijzing.objects.exists()


def test_misplaced_element_fails_the_xsd(deliver):
    raw = codec.serialize(samples.sample_jw305())
    # Swap Begindatum and StatusAanlevering: both exist, but in the wrong order.
    moved = raw.replace(b"<StatusAanlevering>1</StatusAanlevering>", b"").replace(
        b"<Begindatum>", b"<StatusAanlevering>1</StatusAanlevering><Begindatum>", 1)
    outcome = deliver(moved)
    assert outcome.message.status == Message.Status.REJECTED
    assert outcome.message.findings.filter(rule="XSD").exists()
