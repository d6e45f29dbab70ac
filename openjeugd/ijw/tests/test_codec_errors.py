"""Input the codec refuses: every refusal carries WJ001 0001 (technical) and where it was.

IV028: failures at control levels 1 and 2 (XSD and in-message checks) are answered with
0001 "Bericht is afgekeurd om technische redenen"; WJ001 has no finer code for them.
"""

import os
from datetime import date
from pathlib import Path

import pytest

from openjeugd.ijw import codec
from openjeugd.ijw.codec.samples import sample_jw301, sample_jw305

XSD_DIR = Path(os.environ.get("IJW_XSD_DIR")
               or Path(__file__).resolve().parents[4] / "shared" / "ijw" / "xsd")
NS_301 = b"http://www.istandaarden.nl/ijw/3_2/jw301/schema"


@pytest.fixture
def jw301() -> bytes:
    return codec.serialize(sample_jw301(ingangsdatum=date(2026, 1, 12)))


def refused(raw: bytes) -> codec.CodecError:
    with pytest.raises(codec.CodecError) as caught:
        codec.parse(raw)
    return caught.value


def test_malformed_xml():
    error = refused(b"<?xml version='1.0'?><Bericht><Header></Bericht>")
    assert error.retourcode == "0001"
    assert "well-formed" in error.message and error.path is None


def test_wrong_namespace(jw301):
    # An iJw 3.1 message is not a 3.2 message.
    raw = jw301.replace(NS_301, b"http://www.istandaarden.nl/ijw/3_1/jw301/schema")
    error = refused(raw)
    assert (error.retourcode, error.path) == ("0001", "/Bericht")
    assert "namespace" in error.message


def test_unknown_message_code():
    raw = b"<Bericht xmlns='http://www.istandaarden.nl/ijw/3_2/jw399/schema'/>"
    error = refused(raw)
    assert error.retourcode == "0001" and "JW399" in error.message


def test_unknown_root_element(jw301):
    raw = jw301.replace(b"<Bericht ", b"<Toewijzing ").replace(b"</Bericht>", b"</Toewijzing>")
    error = refused(raw)
    assert (error.retourcode, error.path) == ("0001", "/Toewijzing")


def test_impossible_date(jw301):
    # June has 30 days: the pattern YYYY-MM-DD matches but the date does not exist.
    raw = jw301.replace(b"<Ingangsdatum>2026-01-12<", b"<Ingangsdatum>2027-06-31<")
    error = refused(raw)
    assert error.retourcode == "0001"
    assert error.path == ("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]"
                          "/Ingangsdatum")
    assert "2027-06-31" in error.message
    assert codec.validate_xsd(raw, XSD_DIR) != []  # the XSD agrees


def test_non_numeric_bsn(jw301):
    raw = jw301.replace(b"<Bsn>999993653</Bsn>", b"<Bsn>99999365X</Bsn>")
    error = refused(raw)
    assert (error.retourcode, error.path) == ("0001", "/Bericht/Client/Bsn")


def test_non_numeric_volume(jw301):
    raw = jw301.replace(b"<ijw:Volume>4<", b"<ijw:Volume>vier<")
    error = refused(raw)
    assert error.path == ("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]"
                          "/Omvang/Volume")


def test_missing_required_element(jw301):
    raw = jw301.replace(b"<Ingangsdatum>2026-01-12</Ingangsdatum>", b"")
    error = refused(raw)
    assert error.retourcode == "0001"
    assert error.path.endswith("ToegewezenProduct[1]/Ingangsdatum")
    assert "missing" in error.message


def test_unexpected_element(jw301):
    raw = jw301.replace(b"<Geslacht>", b"<Lengte>150</Lengte><Geslacht>")
    error = refused(raw)
    assert (error.retourcode, error.path) == ("0001", "/Bericht/Client/Lengte")


def test_bericht_code_must_match_namespace(jw301):
    raw = jw301.replace(b"<BerichtCode>436<", b"<BerichtCode>438<")
    error = refused(raw)
    assert (error.retourcode, error.path) == ("0001", "/Bericht/Header/BerichtCode")


def test_misplaced_element_is_caught_by_the_xsd():
    # Bsn after Geslacht: every element is there, only the order is wrong.
    raw = codec.serialize(sample_jw305())
    bsn = b"<Bsn>999993653</Bsn>"
    raw = raw.replace(bsn, b"").replace(b"<Naam>", bsn + b"<Naam>")
    issues = codec.validate_xsd(raw, XSD_DIR)
    assert len(issues) == 1
    assert issues[0].retourcode == "0001"
    assert "Geboortedatum" in issues[0].text and issues[0].line > 1


def test_entities_are_not_expanded():
    bomb = (b"<?xml version='1.0'?><!DOCTYPE b [<!ENTITY a 'aaaaaaaaaa'>"
            b"<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
            b"<Bericht xmlns='http://www.istandaarden.nl/ijw/3_2/jw301/schema'>&b;</Bericht>")
    error = refused(bomb)
    assert error.retourcode == "0001" and "DOCTYPE" in error.message


def test_external_entities_are_not_read():
    xxe = (b"<?xml version='1.0'?><!DOCTYPE b [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
           b"<Bericht xmlns='http://www.istandaarden.nl/ijw/3_2/jw301/schema'>&x;</Bericht>")
    assert refused(xxe).retourcode == "0001"
    assert b"root:" not in repr(codec.validate_xsd(xxe, XSD_DIR)).encode()
