"""Return messages per IV028 and the declaratie-antwoord per IV087."""

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from openjeugd.ijw import codec
from openjeugd.ijw.codec.samples import (
    sample_jw301,
    sample_jw305,
    sample_jw317,
    sample_jw319,
    sample_jw323,
    sample_prestatie,
)

XSD_DIR = Path(os.environ.get("IJW_XSD_DIR")
               or Path(__file__).resolve().parents[4] / "shared" / "ijw" / "xsd")
TODAY = date(2026, 1, 7)


def reply(msg, header_codes=(), **record_codes):
    answer = codec.build_return(msg, header_codes=list(header_codes),
                                record_codes=record_codes.pop("codes", {}),
                                identificatie="R42", dagtekening=TODAY)
    raw = codec.serialize(answer)
    assert codec.validate_xsd(raw, XSD_DIR) == []
    assert codec.parse(raw) == answer
    return answer


@pytest.mark.parametrize("maker", [sample_jw301, sample_jw305, sample_jw317, sample_jw319])
def test_accepted_message_gets_a_bare_header(maker):
    original = maker()
    answer = reply(original)
    assert answer.code == codec.RETURN_OF[original.code]
    assert answer.header.retourcodes == []
    assert len(list(answer.records())) == 1  # only the header
    # The original header comes back unchanged apart from the return's own fields.
    assert (answer.header.identificatie, answer.header.afzender) == (
        original.header.identificatie, original.header.afzender)
    assert (answer.header.identificatie_retour, answer.header.dagtekening_retour) == (
        "R42", TODAY)


def test_header_rejection_returns_only_the_header():
    answer = reply(sample_jw301(), header_codes=["9056"])
    assert answer.header.retourcodes == ["9056"] and answer.client is None


def test_product_rejection_marks_every_record():
    original = sample_jw301(toewijzing_nummer="5")
    answer = reply(original, codes={"product:ToewijzingNummer=5": ["9332"]})
    assert {r.ref: r.retourcodes for r in answer.records()} == {
        "header": ["0200"], "client": ["0200"], "contact:Soort=01": ["0200"],
        "product:ToewijzingNummer=5": ["9332"]}
    assert original.client.retourcodes == []  # the heenbericht itself is untouched


def test_client_rejection_leaves_products_not_assessed():
    answer = reply(sample_jw305(), codes={"client:999993653": ["9347"]})
    assert answer.client.retourcodes == ["9347"]
    assert answer.client.start_producten[0].retourcodes == ["0233"]


def test_verzoek_om_wijziging_product_rejection():
    original = sample_jw317(toewijzing_nummer="8", ongewijzigd=("9",))
    answer = reply(original, codes={"tewijzigen:ToewijzingNummer=8": ["9351"]})
    verzoek = answer.client.verzoek
    assert verzoek.te_wijzigen_producten[0].retourcodes == ["9351"]
    assert verzoek.ongewijzigde_producten[0].retourcodes == ["0200"]
    assert verzoek.retourcodes == ["0200"]


def test_codes_for_unknown_records_are_refused():
    with pytest.raises(ValueError, match="unknown records"):
        codec.build_return(sample_jw301(), header_codes=[],
                           record_codes={"product:ToewijzingNummer=404": ["9332"]},
                           identificatie="R1", dagtekening=TODAY)


def test_declaration_has_no_plain_return():
    with pytest.raises(ValueError):
        codec.build_return(sample_jw323(), header_codes=[], record_codes={},
                           identificatie="R1", dagtekening=TODAY)


def antwoord(msg, **kwargs):
    answer = codec.build_declaratie_antwoord(msg, identificatie="A7", dagtekening=TODAY,
                                             **kwargs)
    raw = codec.serialize(answer)
    assert codec.validate_xsd(raw, XSD_DIR) == []
    assert codec.parse(raw) == answer
    return answer


def two_prestaties():
    # 16 x 85.50 = 1368.00 and 8 x 85.50 = 684.00: 2052.00 declared.
    return sample_jw323(prestaties=[sample_prestatie(referentie="P1", volume=16),
                                    sample_prestatie(referentie="P2", volume=8)])


def test_fully_granted_declaration():
    answer = antwoord(two_prestaties(), rejected={})
    body = answer.declaratie_antwoord
    assert answer.header.retourcodes == ["0200"] and body.retourcodes == ["8001"]
    assert body.totaal_ingediend_bedrag == body.totaal_toegekend_bedrag == Decimal("2052.00")
    assert body.clienten == []
    assert (answer.header.afzender, answer.header.ontvanger) == ("0268", "12345678")
    assert answer.header.declaratie_identificatie == "DC000001"


def test_rejected_prestatie_is_listed_and_subtracted():
    answer = antwoord(two_prestaties(), rejected={"prestatie:ReferentieNummer=P2": ["9321"]})
    body = answer.declaratie_antwoord
    # 2052.00 declared - 684.00 rejected = 1368.00 granted (TR342).
    assert body.totaal_toegekend_bedrag == Decimal("1368.00")
    assert body.retourcodes == ["0200"]
    [client] = body.clienten
    assert client.retourcodes == ["0200"]
    assert [(p.product_referentie, p.retourcodes) for p in client.prestaties] == [
        ("P2", ["9321"])]


def test_rejected_credit_raises_the_granted_total():
    msg = sample_jw323(prestaties=[sample_prestatie(referentie="P1", volume=16),
                                   sample_prestatie(referentie="P2", volume=8, credit=True)])
    answer = antwoord(msg, rejected={"prestatie:ReferentieNummer=P2": ["8017"]})
    # Declared 1368.00 - 684.00 = 684.00; without the credit 1368.00 remains granted.
    assert answer.declaratie_antwoord.totaal_toegekend_bedrag == Decimal("1368.00")


def test_rejected_client_rejects_its_prestaties_unassessed():
    answer = antwoord(two_prestaties(), rejected={"client:999993653": ["8187"]})
    [client] = answer.declaratie_antwoord.clienten
    assert client.retourcodes == ["8187"]
    assert [p.retourcodes for p in client.prestaties] == [["0233"], ["0233"]]
    assert answer.declaratie_antwoord.totaal_toegekend_bedrag == Decimal("0.00")


def test_rejected_declaration_grants_nothing():
    answer = antwoord(two_prestaties(), rejected={"declaratie": ["9333"]})
    body = answer.declaratie_antwoord
    assert body.retourcodes == ["9333"] and body.clienten == []
    assert body.totaal_toegekend_bedrag == Decimal("0.00")


def test_header_rejection_of_declaration():
    answer = antwoord(two_prestaties(), rejected={}, header_codes=["0001"])
    assert answer.header.retourcodes == ["0001"] and answer.declaratie_antwoord is None
