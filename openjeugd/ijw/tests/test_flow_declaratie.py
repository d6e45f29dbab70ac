"""JW323 declarations against their toewijzing, answered with JW325."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Declaratie, Message, Prestatie, Toewijzing


@pytest.fixture
def assigned(deliver):
    # 4 hours a week of 45A48, 12 January to 31 December 2026.
    deliver(samples.sample_jw301())


def answer_of(outcome):
    return codec.parse(bytes(outcome.reply.raw))


def test_valid_declaration_is_granted_in_full(deliver, assigned):
    # February 2026: 16 hours at € 85.50 = € 1,368.00; 28 days → ceil(28/7) = 4 weeks × 4 h
    # = 16 h allowed, so the line is granted whole.
    outcome = deliver(samples.sample_jw323())
    assert outcome.message.status == Message.Status.ACCEPTED
    declaratie = Declaratie.objects.get()
    assert declaratie.totaal_toegekend == Decimal("1368.00")
    answer = answer_of(outcome)
    assert answer.code == "JW325"
    assert answer.declaratie_antwoord.totaal_toegekend_bedrag == Decimal("1368.00")


def test_volume_above_the_toewijzing_is_rejected(deliver, assigned):
    # 17 hours in February exceed the 16 allowed (see above): TR321 / 9321.
    line = samples.sample_prestatie(volume=17)
    outcome = deliver(samples.sample_jw323(prestaties=[line]))
    assert list(Prestatie.objects.values_list("retourcodes", flat=True)) == [["9321"]]
    assert answer_of(outcome).declaratie_antwoord.totaal_toegekend_bedrag == Decimal("0.00")


def test_partly_rejected_declaration_grants_the_rest(deliver, assigned):
    good = samples.sample_prestatie()
    wrong_code = samples.sample_prestatie(referentie="P000002", productcode="45A49",
                                          begindatum=date(2026, 2, 1), volume=2)
    outcome = deliver(samples.sample_jw323(prestaties=[good, wrong_code]))
    assert outcome.message.status == Message.Status.PARTLY_GRANTED
    # Granted: only the good line, 16 × € 85.50 = € 1,368.00; the other (2 × 85.50) is refused.
    assert Declaratie.objects.get().totaal_toegekend == Decimal("1368.00")
    rejected = Prestatie.objects.get(product_referentie="P000002")
    assert rejected.retourcodes == ["9340"]


def test_declaration_for_a_product_never_assigned(deliver):
    # The client is known from toewijzing 2002, but the line names toewijzing 1001.
    deliver(samples.sample_jw301(toewijzing_nummer="2002"))
    outcome = deliver(samples.sample_jw323())
    assert [f.retourcode for f in outcome.message.findings.all()] == ["9338"]
    assert Declaratie.objects.get().totaal_toegekend == Decimal("0")


def test_declaration_for_an_unknown_client(deliver):
    outcome = deliver(samples.sample_jw323())
    assert [f.retourcode for f in outcome.message.findings.all()] == ["8187"]
    assert outcome.message.status == Message.Status.REJECTED


def test_credit_cancels_an_earlier_debit(deliver, assigned):
    deliver(samples.sample_jw323())
    credit = samples.sample_prestatie(referentie="P000002", credit=True)
    credit.vorig_product_referentie = "P000001"
    outcome = deliver(samples.sample_jw323(
        identificatie="DC000002", declaratie_nummer="D2026020002", prestaties=[credit]))
    assert outcome.message.status == Message.Status.ACCEPTED
    # Debit € 1,368.00 and credit € -1,368.00 leave nothing granted in total.
    total = sum(Prestatie.objects.values_list("toegekend", flat=True), Decimal("0"))
    assert total == Decimal("0.00")


def test_reused_declaration_number_is_refused_on_the_answer(deliver, assigned):
    deliver(samples.sample_jw323())
    again = deliver(samples.sample_jw323(identificatie="DC000002",
                                         prestaties=[samples.sample_prestatie(referentie="P000009")]))
    assert again.message.status == Message.Status.REJECTED
    assert again.message.findings.get().retourcode == "9333"


def test_toewijzing_with_granted_declarations_cannot_be_deleted(deliver, assigned):
    deliver(samples.sample_jw323())
    delete = samples.sample_jw301(identificatie="TW000002", reden_wijziging="13",
                                  einddatum=date(2026, 1, 12), dagtekening=date(2026, 3, 5))
    outcome = deliver(delete)
    assert [f.retourcode for f in outcome.message.findings.all()] == ["9385"]
    assert Toewijzing.objects.get().reden_wijziging == ""
