"""Stateless rules on JW315 (VOT), JW317 (VOW) and JW319 (antwoord)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec import samples
from openjeugd.ijw.codec.rules import check

TODAY = date(2026, 12, 31)


def found(msg, **kwargs) -> set[tuple[str, str]]:
    return {(f.rule, f.retourcode) for f in check(msg, today=TODAY, **kwargs)}


# --- JW315 -------------------------------------------------------------------------------------

def vot_product(**changes) -> m.AangevraagdProduct:
    return replace(samples.sample_jw315().client.aangevraagde_producten[0], **changes)


def vot(*products) -> m.JW315:
    msg = samples.sample_jw315()
    return replace(msg, client=replace(msg.client, aangevraagde_producten=list(products)))


def test_vot_with_gp_code_passes():
    # The sample's referrer is a GP (02) known by AGB code, so without a name (CD066).
    assert vot_product().verwijzer.zorgverlener_code == "01234567"
    assert found(vot(vot_product())) == set()


@pytest.mark.parametrize(
    ("verwijzer", "rule"),
    [
        (m.Verwijzer(type="02", naam="Dr. Jansen", zorgverlener_code="01234567"), "CD066"),
        (m.Verwijzer(type="02", naam=None, zorgverlener_code=None), "CD067"),  # who is it?
        (m.Verwijzer(type="02", naam="Dr. Jansen", zorgverlener_code=None), None),
        (m.Verwijzer(type="06", naam=None, zorgverlener_code="01234567"), "CD068"),
        (m.Verwijzer(type="06", naam=None, zorgverlener_code=None), None),
        (m.Verwijzer(type="07", naam=None, zorgverlener_code=None), "COD327"),
        (m.Verwijzer(type="05", naam=None, zorgverlener_code="1234"), "XSD"),  # not 8 digits
    ],
)
def test_verwijzer(verwijzer, rule):
    expected = {(rule, "0001")} if rule else set()
    assert found(vot(vot_product(verwijzer=verwijzer))) == expected


def test_beschikking_number_and_date_go_together_cd043():
    assert found(vot(vot_product(beschikking_nummer="77"))) == {("CD043", "0001")}
    assert found(vot(vot_product(beschikking_nummer="77",
                                 beschikking_ingangsdatum=date(2026, 1, 1)))) == set()


def test_vot_product_conditions():
    # Ingangsdatum 2026-01-12.
    assert found(vot(vot_product(toewijzing_einddatum=date(2026, 1, 11)))) == {("CS003", "0001")}
    category_only = m.Product(categorie="45", code=None)
    assert found(vot(vot_product(product=category_only))) == {("CD095", "0001")}
    per_day = m.Omvang(volume=1, eenheid="14", frequentie="1")
    assert found(vot(vot_product(omvang=per_day))) == {("CS343", "0001")}
    assert found(vot(vot_product(omvang=None))) == {("CD041", "0001")}
    assert found(vot(vot_product(product=category_only, omvang=None,
                                 budget=Decimal("2500.00")))) == set()


def test_referentie_aanbieder_unique_in_message_tr383():
    other = vot_product(product=m.Product(categorie="43", code="43A01"))
    assert found(vot(vot_product(), other)) == {("TR383", "0001")}
    assert found(vot(vot_product(), replace(other, referentie_aanbieder="VOT-0002"))) == set()


def test_stacked_request_tr386():
    # Same product 45A48, second request from 2026-06-01 overlaps 2026-01-12..2026-12-31.
    second = vot_product(referentie_aanbieder="VOT-0002", toewijzing_ingangsdatum=date(2026, 6, 1))
    assert found(vot(vot_product(), second)) == {("TR386", "0001")}
    first = vot_product(toewijzing_einddatum=date(2026, 5, 31))
    assert found(vot(first, second)) == set()


# --- JW317 -------------------------------------------------------------------------------------

def vow(**changes) -> m.JW317:
    msg = samples.sample_jw317()
    verzoek = replace(msg.client.verzoek, **changes)
    return replace(msg, client=replace(msg.client, verzoek=verzoek))


def te_wijzigen(**changes) -> m.TeWijzigenProduct:
    return replace(samples.sample_jw317().client.verzoek.te_wijzigen_producten[0], **changes)


def nieuw(**changes) -> m.NieuwProduct:
    base = m.NieuwProduct(product=m.Product(categorie="43", code="43A01"),
                          gewenste_ingangsdatum=date(2026, 4, 1), einddatum=date(2026, 9, 30),
                          omvang=m.Omvang(volume=10, eenheid="14", frequentie="4"))
    return replace(base, **changes)


def test_vow_needs_an_existing_product_tr352():
    assert found(vow(te_wijzigen_producten=[], nieuwe_producten=[nieuw()])) == {
        ("TR352", "0001")}
    assert found(vow(ongewijzigde_producten=[m.OngewijzigdProduct(toewijzing_nummer="1001")],
                     te_wijzigen_producten=[], nieuwe_producten=[nieuw()])) == set()


def test_vow_needs_a_change_tr353():
    unchanged = [m.OngewijzigdProduct(toewijzing_nummer="1001")]
    assert found(vow(ongewijzigde_producten=unchanged, te_wijzigen_producten=[])) == {
        ("TR353", "0001")}


def test_vow_same_toewijzing_twice_tr101():
    unchanged = [m.OngewijzigdProduct(toewijzing_nummer="1001")]  # also in TeWijzigen
    assert found(vow(ongewijzigde_producten=unchanged)) == {("TR101", "0001")}
    unchanged = [m.OngewijzigdProduct(toewijzing_nummer="1002")]
    assert found(vow(ongewijzigde_producten=unchanged)) == set()


def test_te_wijzigen_conditions():
    # Gewenste ingangsdatum 2026-04-01.
    assert found(vow(te_wijzigen_producten=[te_wijzigen(einddatum=date(2026, 3, 31))])) == {
        ("CS003", "0001")}
    assert found(vow(te_wijzigen_producten=[te_wijzigen(einddatum=None)])) == {
        ("CD076", "0001")}  # per week needs an end date
    assert found(vow(te_wijzigen_producten=[te_wijzigen(budget=Decimal("10.00"))])) == {
        ("CD077", "0001")}
    # A budget change without omvang passes here; TR373 (same start date) is for the app.
    assert found(vow(te_wijzigen_producten=[te_wijzigen(omvang=None,
                                                        budget=Decimal("10.00"))])) == set()


def test_nieuw_product_conditions():
    assert found(vow(nieuwe_producten=[nieuw()])) == set()
    assert found(vow(nieuwe_producten=[nieuw(product=None)])) == {
        ("CD079", "0001"), ("CD096", "0001")}
    per_day = m.Omvang(volume=1, eenheid="16", frequentie="1")
    assert found(vow(nieuwe_producten=[nieuw(omvang=per_day)])) == {("CS338", "0001")}


def test_nieuw_products_not_stacked_tr410():
    later = nieuw(gewenste_ingangsdatum=date(2026, 9, 1), einddatum=date(2026, 12, 31))
    assert found(vow(nieuwe_producten=[nieuw(), later])) == {("TR410", "0001")}
    after = replace(later, gewenste_ingangsdatum=date(2026, 10, 1))
    assert found(vow(nieuwe_producten=[nieuw(), after])) == set()


def test_reden_verzoek_code_list():
    assert found(vow(reden_verzoek="3")) == {("WJ758", "0001")}


# --- JW319 -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("antwoord", "reden", "gemeente", "rules"),
    [
        ("1", None, None, {"CD085"}),  # a rejection without a reason
        ("1", "3", None, set()),
        ("2", "3", None, {"CD086"}),  # 'under investigation' has no reason
        ("2", None, None, set()),
        ("1", "8", None, {"TR377"}),  # woonplaatsbeginsel without the municipality
        ("1", "8", "0363", set()),
        ("1", "5", "0363", {"TR409"}),  # a municipality without reason 8
        ("1", "8", "363", {"XSD"}),
        ("3", None, None, {"WJ760"}),
    ],
)
def test_antwoord(antwoord, reden, gemeente, rules):
    msg = samples.sample_jw319(verzoek_antwoord=antwoord, reden_afwijzing=reden,
                               woonplaatsbeginsel_gemeente=gemeente)
    assert found(msg) == {(rule, "0001") for rule in rules}


def test_woonplaatsbeginsel_gemeente_against_cbs_tr378():
    msg = samples.sample_jw319(verzoek_antwoord="1", reden_afwijzing="8",
                               woonplaatsbeginsel_gemeente="9999")
    findings = check(msg, today=TODAY, gemeentecodes={"0268", "0363"})
    assert [(f.rule, f.retourcode, f.ref, f.level) for f in findings] == [
        ("TR378", "S300", "woonplaatsbeginsel", "product")]
