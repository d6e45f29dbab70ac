"""IV032: an error on controleniveau 3 or 4 rejects the whole message, so nothing in it changes
any state; IV028: the return still marks each class (0200, or the rule's code where the error
is); on controleniveau 2 the return is the Header with 0001 alone. IV088: a declaration is the
exception, judged line by line.

Each case sends a two-record message with one good and one bad record, in both orders, through
the real ingest path, then re-sends the good record alone in a new message."""

import dataclasses
import io
from datetime import date

import pytest
from django.core.management import call_command

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Start, Stop, Toewijzing, ToewijzingVersion, Verzoek
from openjeugd.ijw.services.records import retourcodes_in
from openjeugd.registry.models import CareRelation, Youth
from openjeugd.registry.tests.factories import valid_bsn

ORDERS = pytest.mark.parametrize("bad_first", [True, False], ids=["bad-first", "good-first"])


def state() -> dict:
    """Every fact a message can change."""
    return {model.__name__: model.objects.count() for model in (
        Youth, Toewijzing, ToewijzingVersion, Start, Stop, Verzoek, CareRelation)} | {
        "verzoek_states": sorted(Verzoek.objects.values_list("state", flat=True))}


def ordered(good, bad, bad_first: bool) -> list:
    return [bad, good] if bad_first else [good, bad]


def return_codes(outcome) -> dict[str, list[str]]:
    """The codes the return of this message carries, per record reference."""
    assert outcome.reply is not None, "the message got no return"
    parsed = codec.parse(bytes(outcome.reply.raw))
    codes: dict[str, list[str]] = {}
    for ref, code in retourcodes_in(parsed):
        codes.setdefault(ref, []).append(code)
    return codes


def assert_rejected_whole(outcome, before: dict) -> None:
    assert outcome.message.status == Message.Status.REJECTED
    assert state() == before, "a rejected message changed state"


@ORDERS
def test_jw301_with_one_unanswerable_product_assigns_nothing(deliver, bad_first):
    before = state()
    message = samples.sample_jw301()
    good = message.client.toegewezen_producten[0]
    # TR379: a ReferentieAanbieder that belongs to no request.
    bad = dataclasses.replace(good, toewijzing_nummer="1002", referentie_aanbieder="NOPE",
                              ingangsdatum=date(2027, 1, 4), einddatum=date(2027, 6, 30))
    message.client.toegewezen_producten = ordered(good, bad, bad_first)
    outcome = deliver(message)
    assert_rejected_whole(outcome, before)
    assert [(f.rule, f.retourcode, f.level) for f in outcome.message.findings.all()] == [
        ("TR379", "9379", "product")]
    # The good product, alone in a new message, is taken.
    assert deliver(samples.sample_jw301(identificatie="TW000002")).status == Message.Status.SENT
    assert Toewijzing.objects.get().toewijzing_nummer == "1001"


@pytest.fixture
def assigned(deliver):
    return deliver(samples.sample_jw301())


@ORDERS
def test_jw305_with_one_unknown_toewijzing_starts_nothing(deliver, assigned, bad_first):
    before = state()
    message = samples.sample_jw305()
    good = message.client.start_producten[0]
    bad = dataclasses.replace(good, toewijzing_nummer="9999")  # TR019: no such toewijzing
    message.client.start_producten = ordered(good, bad, bad_first)
    outcome = deliver(message)
    assert_rejected_whole(outcome, before)
    codes = return_codes(outcome)
    assert codes[bad.ref] == ["9019"] and codes[good.ref] == ["0200"]
    assert deliver(samples.sample_jw305(identificatie="ST000002")).status == "accepted"
    assert Start.objects.count() == 1


@ORDERS
def test_jw307_with_one_unknown_toewijzing_stops_nothing(deliver, assigned, bad_first):
    deliver(samples.sample_jw305())
    before = state()
    message = samples.sample_jw307()
    good = message.client.stop_producten[0]
    bad = dataclasses.replace(good, toewijzing_nummer="9999")
    message.client.stop_producten = ordered(good, bad, bad_first)
    outcome = deliver(message)
    assert_rejected_whole(outcome, before)
    codes = return_codes(outcome)
    assert codes[bad.ref] == ["9019"] and codes[good.ref] == ["0200"]
    assert deliver(samples.sample_jw307(identificatie="SP000002")).status == "accepted"
    assert Stop.objects.count() == 1


@ORDERS
def test_jw315_with_one_used_reference_requests_nothing(deliver, bad_first):
    # Another client's request already used VOT-0001 (TR347: unique per provider).
    deliver(samples.sample_jw315(bsn=valid_bsn(7001), identificatie="VT000009"))
    before = state()
    message = samples.sample_jw315()
    used = message.client.aangevraagde_producten[0]
    # Another period, so the two products do not stack (TR386, a level-2 rule).
    good = dataclasses.replace(used, referentie_aanbieder="VOT-NEW",
                               toewijzing_ingangsdatum=date(2027, 1, 4),
                               toewijzing_einddatum=date(2027, 6, 30))
    message.client.aangevraagde_producten = ordered(good, used, bad_first)
    outcome = deliver(message)
    assert_rejected_whole(outcome, before)
    codes = return_codes(outcome)
    # The code sits on the AangevraagdProduct that holds the reference (IV028).
    assert codes[used.ref] == ["9347"] and codes[good.ref] == ["0200"]
    alone = samples.sample_jw315(identificatie="VT000002", referentie_aanbieder="VOT-NEW",
                                 ingangsdatum=date(2027, 1, 4), einddatum=date(2027, 6, 30))
    assert deliver(alone).status == "accepted"
    assert Verzoek.objects.filter(referentie_aanbieder="VOT-NEW").count() == 1


@ORDERS
def test_jw317_with_one_unknown_product_requests_nothing(deliver, assigned, bad_first):
    before = state()
    message = samples.sample_jw317()
    good = message.client.verzoek.te_wijzigen_producten[0]
    bad = dataclasses.replace(good, toewijzing_nummer="9999")  # TR351: not current
    message.client.verzoek.te_wijzigen_producten = ordered(good, bad, bad_first)
    outcome = deliver(message)
    assert_rejected_whole(outcome, before)
    codes = return_codes(outcome)
    assert codes[bad.ref] == ["9351"] and codes[good.ref] == ["0200"]
    assert deliver(samples.sample_jw317(identificatie="VW000002")).status == "accepted"
    assert Verzoek.objects.get().kind == Verzoek.Kind.WIJZIGING


def test_level_two_error_stops_before_level_three(deliver):
    first = deliver(samples.sample_jw315())
    message = samples.sample_jw315(referentie_aanbieder="VOT-0002")  # same identification
    product = message.client.aangevraagde_producten[0]
    # TR383: one ReferentieAanbieder twice inside the message (controleniveau 2).
    message.client.aangevraagde_producten = [product, dataclasses.replace(product)]
    outcome = deliver(message)
    assert outcome.message.status == Message.Status.REJECTED
    assert {f.retourcode for f in outcome.message.findings.all()} == {"0001"}
    # TR056 (identification used before, level 3) was never tried: the return carries the
    # Header with 0001 and nothing else.
    reply = codec.parse(bytes(outcome.reply.raw))
    assert reply.header.retourcodes == ["0001"]
    assert dataclasses.fields(reply) and all(
        getattr(reply, f.name) is None for f in dataclasses.fields(reply) if f.name != "header")
    assert first.message.status == Message.Status.ACCEPTED


@pytest.mark.parametrize("assign_first", [True, False], ids=["assign-b-first", "refuse-a-first"])
def test_two_product_request_is_answered_product_by_product(deliver, assign_first):
    message = samples.sample_jw315()
    a = message.client.aangevraagde_producten[0]
    b = dataclasses.replace(a, referentie_aanbieder="VOT-B",
                            toewijzing_ingangsdatum=date(2027, 1, 4),
                            toewijzing_einddatum=date(2027, 6, 30))
    message.client.aangevraagde_producten = [a, b]
    request = deliver(message).message
    assert Verzoek.objects.filter(message=request).count() == 2

    def assign_b():
        answer = samples.sample_jw301(identificatie="TW000002", toewijzing_nummer="2001",
                                      referentie_aanbieder="VOT-B", dagtekening=date(2026, 1, 5),
                                      ingangsdatum=date(2027, 1, 4), einddatum=date(2027, 6, 30))
        assert deliver(answer).status == Message.Status.SENT

    def refuse_a():
        answer = samples.sample_jw319(verzoek_antwoord="1", reden_afwijzing="5",
                                      dagtekening=date(2026, 1, 6))
        assert deliver(answer).status == Message.Status.SENT

    first, second = (assign_b, refuse_a) if assign_first else (refuse_a, assign_b)
    first()
    request.refresh_from_db()
    assert request.status != Message.Status.ANSWERED  # one product still open
    second()
    request.refresh_from_db()
    assert request.status == Message.Status.ANSWERED
    assert dict(Verzoek.objects.values_list("referentie_aanbieder", "state")) == {
        "VOT-0001": Verzoek.State.AFGEWEZEN, "VOT-B": Verzoek.State.TOEGEWEZEN}


def test_declaration_with_one_bad_line_still_grants_the_good_one(deliver, assigned):
    deliver(samples.sample_jw305())
    good = samples.sample_prestatie(referentie="P1")
    bad = samples.sample_prestatie(referentie="P2", toewijzing_nummer="9999")
    message = samples.sample_jw323(prestaties=[bad, good])
    outcome = deliver(message)
    assert outcome.message.status == Message.Status.PARTLY_GRANTED
    assert outcome.reply is not None


def test_declaration_with_one_unknown_client_still_grants_the_known_one(deliver, assigned):
    deliver(samples.sample_jw305())
    message = samples.sample_jw323()
    known = message.declaratie.clienten[0]
    unknown = dataclasses.replace(known, bsn=valid_bsn(7002), prestaties=[
        samples.sample_prestatie(referentie="P-UNKNOWN", toewijzing_nummer="2001")])
    message.declaratie.clienten = [unknown, known]
    # Two lines of € 1,368.00 declared: € 2,736.00 in total (else a level-2 error).
    message.declaratie.totaal_ingediend_bedrag *= 2
    outcome = deliver(message)
    # 8187 on the unknown client (TR304) leaves the known client's line granted: 16 h ×
    # € 85.50 = € 1,368.00, so the message is partly granted, not rejected.
    assert outcome.message.status == Message.Status.PARTLY_GRANTED
    assert {(f.rule, f.level) for f in outcome.message.findings.all()} == {("TR304", "client")}
    assert str(outcome.message.findings.get().retourcode) == "8187"


def _mixed_start(bad_first: bool):
    message = samples.sample_jw305()
    good = message.client.start_producten[0]
    bad = dataclasses.replace(good, toewijzing_nummer="9999")
    message.client.start_producten = ordered(good, bad, bad_first)
    return message


@ORDERS
def test_mixed_message_through_the_upload_api_applies_nothing(client, assigned, provider,
                                                              user_with, bad_first):
    before = state()
    client.force_login(user_with("provider_staff", provider=provider))
    response = client.post("/api/ijw/messages/upload/", codec.serialize(_mixed_start(bad_first)),
                           content_type="application/xml")
    assert response.status_code == 200 and response.json()[0]["status"] == "rejected"
    assert state() == before


def test_mixed_message_through_the_command_line_applies_nothing(tmp_path, assigned):
    before = state()
    path = tmp_path / "start.xml"
    path.write_bytes(codec.serialize(_mixed_start(bad_first=True)))
    call_command("ijw", "import", str(path), stdout=io.StringIO())
    assert Message.objects.get(code="JW305").status == Message.Status.REJECTED
    assert state() == before
