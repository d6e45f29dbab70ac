"""Our code-list tables agree with the iJw 3.2 schemas, and the lookups behave."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from openjeugd.ijw.codec import codes


def _xsd_enumeration(type_name: str) -> set[str]:
    text = (Path(settings.IJW_XSD_DIR) / "basisschema.xsd").read_text(encoding="utf-8")
    body = re.search(rf'<xs:simpleType name="{type_name}">(.*?)</xs:simpleType>', text, re.S)
    return set(re.findall(r'enumeration value="([^"]*)"', body.group(1)))


@pytest.mark.parametrize(
    ("xsd_type", "table"),
    [
        ("LDT_RetourCode", codes.RETOURCODES),
        ("LDT_ProductCategorie", codes.PRODUCTCATEGORIE),
        ("LDT_Eenheid", codes.EENHEID),
        ("LDT_Frequentie", codes.FREQUENTIE),
        ("LDT_RedenWijziging", codes.REDEN_WIJZIGING),
        ("LDT_RedenBeeindiging", codes.REDEN_BEEINDIGING),
        ("LDT_StatusAanlevering", codes.STATUS_AANLEVERING),
        ("LDT_TypeVerwijzer", codes.VERWIJZER),
        ("LDT_Geslacht", codes.GESLACHT),
        ("LDT_RedenVerzoek", codes.REDEN_VERZOEK),
        ("LDT_RedenAfwijzingVerzoek", codes.REDEN_AFWIJZING_VERZOEK),
        ("LDT_VerzoekAntwoord", codes.VERZOEK_ANTWOORD),
        ("LDT_JuridischeStatus", codes.JURIDISCHE_STATUS),
        ("LDT_WettelijkeVertegenwoordiging", codes.WETTELIJKE_VERTEGENWOORDIGING),
        ("LDT_DebetCredit", codes.DEBET_CREDIT),
        ("LDT_SoortRelatie", codes.SOORT_RELATIE),
        ("LDT_AdresSoort", codes.SOORT_ADRES),
        ("LDT_NaamGebruik", codes.NAAMGEBRUIK),
    ],
)
def test_tables_match_the_schema_enumerations(xsd_type, table):
    assert set(table) == _xsd_enumeration(xsd_type)


def test_retourcode_meaning_and_explanation():
    assert codes.retourcode_meaning("9019") == (
        "Het regiebericht kan niet gekoppeld worden aan een toewijzing.")
    assert codes.retourcode_meaning("QQQQ") == ""
    # The explanation is a lazy msgid, rendered in the active language.
    with translation.override("en"):
        assert "toewijzing number" in str(codes.retourcode_explanation("9019"))
    with translation.override("nl"):
        assert "toewijzingnummer" in str(codes.retourcode_explanation("9019"))
    assert "WJ001" in str(codes.retourcode_explanation("QQQQ"))


def test_every_retourcode_has_an_explanation():
    for code, entry in codes.RETOURCODES.items():
        assert entry.code == code
        assert entry.meaning and str(entry.explanation), code


def test_ok_codes():
    # 0200 "no remarks" and 8001 "declaration fully granted" accept; 0001 rejects the whole
    # message and 0233 only says a part was not assessed.
    assert codes.is_ok_code("0200") and codes.is_ok_code("8001")
    assert not codes.is_ok_code("0001")
    assert not codes.is_ok_code("0233")
    assert not codes.is_ok_code("9019")


def test_rule_table_agrees_with_wj001():
    # WJ001 names the TR rule behind each code; our rule table must prescribe that same code.
    for code, entry in codes.RETOURCODES.items():
        if entry.rule:
            assert codes.rule_code(entry.rule).retourcode == code, entry.rule
    # ...and every code the rule table uses exists in WJ001.
    for rule, rule_code in codes.RULE_RETOURCODES.items():
        assert rule_code.retourcode in codes.RETOURCODES, rule
        assert rule_code.level in ("header", "declaratie", "client", "product")


def test_in_message_rules_reject_in_the_header_with_0001():
    # IV032 control level 2: a rule checked within the message gives 0001 in the header only.
    assert codes.rule_code("TR018") == codes.RuleCode("0001", "header")
    assert codes.rule_code("CS058") == codes.RuleCode("0001", "header")
    # Level 3/4 rules carry their own code on the class where the error is.
    assert codes.rule_code("TR135") == codes.RuleCode("8848", "header")
    assert codes.rule_code("TR019") == codes.RuleCode("9019", "product")
    assert codes.rule_code("TR304") == codes.RuleCode("8187", "client")


@pytest.mark.parametrize(
    ("list_name", "code", "expected"),
    [
        ("JZ020", "45", True),
        ("JZ020", "39", False),  # 39 was never a productcategorie
        ("ProductCategorie", "54", True),
        ("eenheid", "83", True),
        ("Eenheid", "02", False),
        ("WMO757", "3", False),  # frequentie skips 3 and 5
        ("reden_beeindiging", "20", True),
        ("RedenBeeindiging", "21", False),
        ("StatusAanlevering", "9", True),  # in the list; CS058 forbids it in JW305/JW307
        ("COD327", "07", False),
        ("WJ001", "S329", True),
        ("geslacht", None, False),
    ],
)
def test_is_valid_code(list_name, code, expected):
    assert codes.is_valid_code(list_name, code) is expected


def test_unknown_list_is_an_error():
    with pytest.raises(KeyError, match="unknown code list"):
        codes.is_valid_code("JZ999", "01")


def test_meaning():
    assert codes.meaning("JZ588", "20") == "Levering is tijdelijk beëindigd"
    assert codes.meaning("JZ588", "99") == ""
