"""Every message: sample -> XML -> valid against the official XSD -> parsed back unchanged."""

import os
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from openjeugd.ijw import codec
from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec.samples import SAMPLES, sample_jw301, sample_jw319, sample_jw323
from openjeugd.ijw.codec.samples import sample_prestatie as prestatie

XSD_DIR = Path(os.environ.get("IJW_XSD_DIR")
               or Path(__file__).resolve().parents[4] / "shared" / "ijw" / "xsd")


def assert_round_trip(msg: m.Message) -> bytes:
    raw = codec.serialize(msg)
    assert codec.validate_xsd(raw, XSD_DIR) == []
    assert codec.parse(raw) == msg
    return raw


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_every_message_round_trips(code):
    msg = SAMPLES[code]()
    assert msg.code == code
    assert msg.is_return == (code in codec.RETURN_OF.values())
    raw = assert_round_trip(msg)
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert f"<BerichtCode>{codec.MESSAGE_CODES[code]}</BerichtCode>".encode() in raw


def test_all_fourteen_messages_have_a_sample():
    assert sorted(SAMPLES) == sorted(codec.MESSAGE_CODES) and len(SAMPLES) == 14


def test_jw301_with_every_optional_part_round_trips():
    msg = sample_jw301(budget=Decimal("1250.75"), reden_wijziging="01",
                       referentie_aanbieder="VOT-0001")
    client = msg.client
    client.naam.partnernaam_achternaam, client.naam.partnernaam_voorvoegsel = "Jansen", "de"
    client.geboortedatum_gebruik = "1"
    client.communicatie = m.Communicatie(vorm="2", taal="Arabisch")
    client.wettelijke_vertegenwoordiging = "06"
    client.commentaar = "Graag eerst bellen"
    client.contactgegevens.append(m.Contact(
        soort="04", organisatie="Crisisopvang Oost",
        telefoon01=m.Telefoon(telefoonnummer="0243654321", landnummer="0031"),
        telefoon02=m.Telefoon(telefoonnummer="0612345678", landnummer="0031"),
        emailadres="opvang@example.org",
        periode=m.OpenPeriode(begindatum=date(2026, 1, 1))))
    client.relaties = [m.Relatie(
        nummer="R1", volgorde=1, soort="10", geslacht="1",
        naam=m.Naam(achternaam="Berg", voorvoegsel="van den", naam_gebruik="1"),
        contact=m.Contact(soort="01", adres=m.Adres(huisnummer=12, postcode="6511AB")))]
    product = client.toegewezen_producten[0]
    product.commentaar = "Na wijzigingsverzoek"
    product.toewijzingstijd = time(23, 59, 58)
    raw = assert_round_trip(msg)
    # 1250.75 euro travels as eurocents (LDT_Budget is in 1/100 of the currency).
    assert b"<Budget>125075</Budget>" in raw
    assert codec.parse(raw).client.toegewezen_producten[0].budget == Decimal("1250.75")


def test_jw319_rejection_with_woonplaatsbeginsel_round_trips():
    assert_round_trip(sample_jw319(verzoek_antwoord="1", reden_afwijzing="8",
                                   woonplaatsbeginsel_gemeente="0363"))


def test_jw323_with_credit_and_several_clients_round_trips():
    debet = prestatie(referentie="P1", volume=16)  # 16 x 85.50 = 1368.00
    credit = prestatie(referentie="P2", volume=8, credit=True)  # -(8 x 85.50) = -684.00
    msg = sample_jw323(prestaties=[debet, credit])
    msg.declaratie.clienten.append(
        m.DeclaratieClient(bsn="999990019", prestaties=[prestatie(referentie="P3", volume=0)]))
    raw = assert_round_trip(msg)
    # 1368.00 - 684.00 = 684.00 in total, written as 68400 cents debet.
    assert msg.declaratie.totaal_ingediend_bedrag == Decimal("684.00")
    assert b"<ijw:TotaalBedrag>68400</ijw:TotaalBedrag>" in raw
    parsed = codec.parse(raw)
    assert parsed.declaratie.clienten[0].prestaties[1].ingediend_bedrag == Decimal("-684.00")


def test_zero_credit_stays_credit():
    msg = sample_jw323(prestaties=[prestatie(volume=0, credit=True)])
    parsed = codec.parse(assert_round_trip(msg))
    assert parsed.declaratie.clienten[0].prestaties[0].ingediend_bedrag.is_signed()


def test_amount_with_fraction_of_a_cent_is_refused():
    with pytest.raises(ValueError, match="two decimals"):
        codec.serialize(sample_jw301(budget=Decimal("10.005")))


def test_records_have_stable_refs():
    msg = sample_jw323(prestaties=[prestatie(referentie="P1"), prestatie(referentie="P2")])
    refs = [r.ref for r in msg.records()]
    assert refs == ["header", "declaratie", "client:999993653", "prestatie:ReferentieNummer=P1",
                    "prestatie:ReferentieNummer=P2"]
    toewijzing = sample_jw301(toewijzing_nummer="77")
    assert [r.ref for r in toewijzing.records()] == [
        "header", "client", "contact:Soort=01", "product:ToewijzingNummer=77"]
    assert toewijzing.find("client:999993653") == [toewijzing.client]
