"""Stateless rules on JW301 toewijzingen: product conditions, reden wijziging, contacts, names."""

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


def with_client(msg, **changes):
    return replace(msg, client=replace(msg.client, **changes))


def with_products(msg, *products):
    return with_client(msg, toegewezen_producten=list(products))


def product(msg=None, **changes) -> m.ToegewezenProduct:
    base = (msg or samples.sample_jw301()).client.toegewezen_producten[0]
    return replace(base, **changes)


def one(**changes) -> set[tuple[str, str]]:
    """Findings for the sample toewijzing with one product changed."""
    return found(with_products(samples.sample_jw301(), product(**changes)))


OMVANG_4_UUR_PER_WEEK = m.Omvang(volume=4, eenheid="04", frequentie="2")


def test_all_findings_are_product_records_with_0001_in_the_header():
    findings = check(with_products(samples.sample_jw301(), product(einddatum=date(2026, 1, 1))),
                     today=TODAY)
    assert [(f.rule, f.retourcode, f.ref, f.level) for f in findings] == [
        ("CS003", "0001", "product:ToewijzingNummer=1001", "header")]


def test_einddatum_before_ingangsdatum_cs003():
    # Ingangsdatum 2026-01-12: an end one day earlier is refused, the same day is allowed.
    assert one(einddatum=date(2026, 1, 11)) == {("CS003", "0001")}
    assert one(einddatum=date(2026, 1, 12)) == set()


CATEGORY_45 = m.Product(categorie="45", code=None)


def test_budget_and_omvang_exclude_each_other_cd077():
    # A budget toewijzing names at most a category: with a product code CD041 would demand the
    # omvang that CD077 forbids.
    # (The omvang next to a category-only product also breaks CD080.)
    assert one(product=CATEGORY_45, budget=Decimal("1000.00")) == {
        ("CD077", "0001"), ("CD080", "0001")}
    assert one(product=CATEGORY_45, budget=Decimal("1000.00"), omvang=None) == set()
    assert one(budget=Decimal("1000.00"), omvang=None) == {("CD041", "0001")}


def test_budget_needs_einddatum_cd075():
    assert one(product=CATEGORY_45, budget=Decimal("1000.00"), omvang=None,
               einddatum=None) == {("CD075", "0001")}


def test_per_week_needs_einddatum_cd076():
    assert one(einddatum=None) == {("CD076", "0001")}
    # Per month (4) may run open-ended.
    assert one(einddatum=None, omvang=replace(OMVANG_4_UUR_PER_WEEK, frequentie="4")) == set()


def test_product_required_without_budget_cd079():
    # No product at all, no budget: the toewijzing says nothing about what is assigned. (The
    # omvang is then refused too: without a product code it must be left out, CD080.)
    assert one(product=None) == {("CD079", "0001"), ("CD080", "0001")}
    assert one(product=None, omvang=None, budget=Decimal("500.00")) == set()


def test_product_code_needs_omvang_cd041():
    assert one(omvang=None) == {("CD041", "0001")}


def test_category_only_toewijzing_has_no_omvang_cd080():
    category_only = m.Product(categorie="45", code=None)
    assert one(product=category_only) == {("CD080", "0001")}
    assert one(product=category_only, omvang=None, budget=Decimal("800.00")) == set()
    # Toewijzingen that ended by 31-12-2020 predate this condition.
    assert one(product=category_only, ingangsdatum=date(2020, 1, 1),
               einddatum=date(2020, 12, 31)) == set()


@pytest.mark.parametrize(
    ("eenheid", "frequentie", "refused"),
    [
        ("14", "1", True),  # etmalen per dag
        ("14", "2", False),  # etmalen per week
        ("84", "1", True),
        ("84", "6", False),
        ("04", "1", False),  # hours may be given per day
    ],
)
def test_frequency_fits_unit_cs338(eenheid, frequentie, refused):
    omvang = m.Omvang(volume=3, eenheid=eenheid, frequentie=frequentie)
    assert (("CS338", "0001") in one(omvang=omvang)) is refused


def test_code_lists_on_the_product():
    assert one(product=m.Product(categorie="39", code=None), omvang=None,
               budget=Decimal("1.00")) == {("JZ020", "0001")}
    assert one(omvang=replace(OMVANG_4_UUR_PER_WEEK, eenheid="05")) == {("WJ756", "0001")}
    assert one(omvang=replace(OMVANG_4_UUR_PER_WEEK, frequentie="3")) == {("WMO757", "0001")}
    assert one(reden_wijziging="15") == {("JZ002", "0001")}


def test_product_code_list_hook_tr381():
    def fits(categorie, code):
        return code.startswith(categorie)

    assert found(samples.sample_jw301(), product_code_fits=fits) == set()
    msg = samples.sample_jw301(productcode="54A01")  # a jeugd-ggz code under category 45
    findings = check(msg, today=TODAY, product_code_fits=fits)
    assert [(f.rule, f.retourcode, f.level) for f in findings] == [("TR381", "S329", "product")]


def test_reden_wijziging_01_is_withdrawn_cs336():
    assert one(reden_wijziging="01") == {("CS336", "0001")}
    assert one(reden_wijziging="14") == set()


def test_verwijderd_only_with_equal_dates_cs335():
    assert one(reden_wijziging="13") == {("CS335", "0001")}
    assert one(reden_wijziging="13", einddatum=date(2026, 1, 12)) == set()


def test_duplicate_toewijzingnummer_tr101():
    msg = samples.sample_jw301()
    # Same number twice (second one another product, so TR302 stays quiet).
    other = product(msg, product=m.Product(categorie="43", code="43A01"))
    assert found(with_products(msg, product(msg), other)) == {("TR101", "0001")}
    assert found(with_products(msg, product(msg), replace(other, toewijzing_nummer="1002"))) == (
        set())


def test_stacking_same_product_tr302():
    msg = samples.sample_jw301()
    # 1001 runs 2026-01-12..2026-12-31; 1002 for the same code from 2026-06-01 overlaps.
    second = product(msg, toewijzing_nummer="1002", ingangsdatum=date(2026, 6, 1))
    first = product(msg)
    assert found(with_products(msg, first, second)) == {("TR302", "0001")}
    # Shortened first toewijzing ending 2026-05-31: consecutive, no overlap.
    first_short = product(msg, einddatum=date(2026, 5, 31), reden_wijziging="05")
    assert found(with_products(msg, first_short, second)) == set()
    # A deleted toewijzing (reden 13, einddatum = ingangsdatum) does not count.
    deleted = product(msg, einddatum=date(2026, 1, 12), reden_wijziging="13")
    assert found(with_products(msg, deleted,
                               replace(second, ingangsdatum=date(2026, 1, 12)))) == set()


def test_stacking_compares_categories_when_a_code_is_missing_tr302():
    msg = samples.sample_jw301()
    coded = product(msg)  # 45 / 45A48
    category_wide = product(msg, toewijzing_nummer="1002", product=m.Product(categorie="45"),
                            omvang=None, budget=Decimal("900.00"))
    assert found(with_products(msg, coded, category_wide)) == {("TR302", "0001")}
    other_category = replace(category_wide, product=m.Product(categorie="43"))
    assert found(with_products(msg, coded, other_category)) == set()


def test_client_needs_a_main_address_tr061():
    msg = samples.sample_jw301()
    temporary = replace(msg.client.contactgegevens[0], soort="04")
    assert found(with_client(msg, contactgegevens=[temporary])) == {("TR061", "0001")}


def test_contact_conditions():
    msg = samples.sample_jw301()
    contact = msg.client.contactgegevens[0]
    adres = contact.adres

    def contact_findings(**changes):
        return found(with_client(msg, contactgegevens=[replace(contact, **changes)]))

    # CS089: a Dutch postcode is four digits (not starting with 0) and two letters.
    assert contact_findings(adres=replace(adres, postcode="0511AB")) == {("CS089", "0001")}
    # CD034: a BRP address needs a postcode (and then CD005: no LandCode without postcode).
    assert contact_findings(adres=replace(adres, postcode=None)) == {
        ("CD034", "0001"), ("CD005", "0001")}
    # CD005: LandCode goes with a postcode.
    assert contact_findings(adres=replace(adres, land_code=None)) == {("CD005", "0001")}
    # CD025: a Dutch address has a house number.
    assert contact_findings(adres=replace(adres, huisnummer=None)) == {("CD025", "0001")}
    # CD009: only a temporary address has a period (the BRP address stays for TR061).
    extra = replace(contact, soort="02", periode=m.OpenPeriode(begindatum=date(2026, 1, 1)))
    assert found(with_client(msg, contactgegevens=[contact, extra])) == {("CD009", "0001")}
    temporary = replace(extra, soort="04")
    assert found(with_client(msg, contactgegevens=[contact, temporary])) == set()
    # CS003 on the contact period.
    backwards = replace(temporary, periode=m.OpenPeriode(begindatum=date(2026, 2, 1),
                                                         einddatum=date(2026, 1, 1)))
    assert found(with_client(msg, contactgegevens=[contact, backwards])) == {("CS003", "0001")}


def test_naam_gebruik_cs050_cs318():
    msg = samples.sample_jw301()
    naam = msg.client.naam
    assert found(with_client(msg, naam=replace(naam, naam_gebruik="2"))) == {("CS050", "0001")}
    with_partner = replace(naam, naam_gebruik="2", partnernaam_achternaam="Jansen")
    assert found(with_client(msg, naam=with_partner)) == set()
    assert found(with_client(msg, naam=replace(naam, naam_gebruik="6"))) == {("CS318", "0001")}


def test_communicatie_taal_cd007():
    msg = samples.sample_jw301()
    interpreter = m.Communicatie(vorm="1", taal=None)
    assert found(with_client(msg, communicatie=interpreter)) == {("CD007", "0001")}
    assert found(with_client(msg, communicatie=replace(interpreter, taal="ar"))) == set()
    sign_language = m.Communicatie(vorm="2", taal="nl")
    assert found(with_client(msg, communicatie=sign_language)) == {("CD007", "0001")}


def test_relaties():
    msg = samples.sample_jw301()
    relatie = m.Relatie(nummer="R1", soort="10", naam=msg.client.naam,
                        contact=msg.client.contactgegevens[0])
    assert found(with_client(msg, relaties=[relatie])) == set()
    # OP071 / TR101: a relation number occurs once per client.
    assert found(with_client(msg, relaties=[relatie, relatie])) == {("TR101", "0001")}
    assert found(with_client(msg, relaties=[replace(relatie, soort="02")])) == {
        ("COD472", "0001")}


def test_client_code_lists():
    msg = samples.sample_jw301()
    assert found(with_client(msg, juridische_status="06")) == {("WJ232", "0001")}
    assert found(with_client(msg, wettelijke_vertegenwoordiging="05")) == {("WJ003", "0001")}
    assert found(with_client(msg, wettelijke_vertegenwoordiging="06")) == set()
