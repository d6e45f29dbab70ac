"""JW323 rules, each produced through the real ingest path at its level (IV087/IV088: a
declaration is judged line by line, so the good lines of a message still stand).

The toewijzing of the samples: 1001, 4 hours a week of 45A48, 12 January - 31 December 2026.
February 2026 has 28 days: ceil(28/7) = 4 weeks x 4 h = 16 h allowed; 16 h x EUR 85.50 =
EUR 1,368.00.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Declaratie, Message, Prestatie
from openjeugd.ijw.services.handlers.declaratie import NOT_CONTRACTED
from openjeugd.ijw.tests.rule_cases import found, produces
from openjeugd.lib.money import round_money
from openjeugd.registry.tests.factories import valid_bsn

FEB = (date(2026, 2, 1), date(2026, 2, 28))
MAR = (date(2026, 3, 1), date(2026, 3, 31))
OTHER_BSN = valid_bsn(5151)


@pytest.fixture
def assigned(deliver):
    deliver(samples.sample_jw301())


def line(referentie="P000001", **kwargs) -> m.Prestatie:
    return samples.sample_prestatie(referentie=referentie, **kwargs)


def declare(deliver, *lines, nummer="D2026020001", ident="DC000001", periode=FEB,
            dagtekening=date(2026, 3, 4), bsn=samples.BSN):
    return deliver(samples.sample_jw323(
        identificatie=ident, declaratie_nummer=nummer, periode=periode, dagtekening=dagtekening,
        bsn=bsn, prestaties=list(lines) or None))


def in_march(deliver, *lines):
    """A second declaration, for March 2026 (TR318: the period after February)."""
    return declare(deliver, *lines, nummer="D2026030001", ident="DC000002", periode=MAR,
                   dagtekening=date(2026, 4, 3))


def codes_of(referentie: str) -> list[str]:
    return Prestatie.objects.get(product_referentie=referentie, repeats_reference=False) \
        .retourcodes


def granted(outcome) -> Decimal:
    return Declaratie.objects.get(message=outcome.message).totaal_toegekend


# --- the declaration itself (DeclaratieAntwoord) ----------------------------------------------

@produces("TR333")
def test_declaration_number_used_twice(deliver, assigned):
    declare(deliver)
    second = declare(deliver, line("P000002"), ident="DC000002")
    assert found(second) == [("TR333", "9333", "declaratie")]
    assert second.message.status == Message.Status.REJECTED
    assert Declaratie.objects.count() == 1  # nothing of the second one stored


@produces("TR318")
def test_declaration_period_before_the_last_declared_one(deliver, assigned):
    in_march(deliver, line("P000002", begindatum=MAR[0], einddatum=MAR[1], volume=12))
    # February after March: refused on the DeclaratieAntwoord (8214), nothing stored.
    late = declare(deliver, ident="DC000003", nummer="D2026020009")
    assert found(late) == [("TR318", "8214", "declaratie")]
    assert not Prestatie.objects.filter(product_referentie="P000001").exists()


def test_same_period_again_is_allowed_for_corrections(deliver, assigned):
    # OP284: overlap with the latest declared period is allowed (corrections).
    declare(deliver)
    again = declare(deliver, line("P000002", credit=True), ident="DC000002",
                    nummer="D2026020002")
    assert [rule for rule, _code, _level in found(again)] != ["TR318"]


# --- the client -----------------------------------------------------------------------------

@produces("TR304")
def test_bsn_of_another_client(deliver, assigned):
    # Another youth of the same provider has toewijzing 2002; declaring 1001 under that
    # youth's BSN names a toewijzing of another client: 8187 on the Client, its lines unassessed.
    deliver(samples.sample_jw301(bsn=OTHER_BSN, toewijzing_nummer="2002",
                                 identificatie="TW000002"))
    outcome = declare(deliver, bsn=OTHER_BSN)
    assert found(outcome) == [("TR304", "8187", "client")]
    assert not Prestatie.objects.exists()
    assert granted(outcome) == Decimal("0.00")


def test_unknown_bsn_is_8187_on_the_client(deliver, assigned):
    outcome = declare(deliver, bsn=OTHER_BSN)
    assert found(outcome) == [("TR304", "8187", "client")]


# --- prestaties -------------------------------------------------------------------------------

@produces("TR338")
def test_line_on_a_toewijzing_never_assigned(deliver, assigned):
    outcome = declare(deliver, line(toewijzing_nummer="9999"))
    assert found(outcome) == [("TR338", "9338", "product")]


@produces("TR384")
def test_line_on_a_toewijzing_deleted_with_reden_13(deliver, assigned):
    deliver(samples.sample_jw301(identificatie="TW000002", reden_wijziging="13",
                                 einddatum=date(2026, 1, 12), dagtekening=date(2026, 1, 6)))
    outcome = declare(deliver)
    assert found(outcome) == [("TR384", "9384", "product")]
    assert granted(outcome) == Decimal("0.00")


@produces("TR314")
def test_reference_declared_before(deliver, assigned):
    declare(deliver)
    again = in_march(deliver, line(begindatum=MAR[0], einddatum=MAR[1]))
    assert found(again) == [("TR314", "8021", "product")]


@produces("TR339")
def test_category_differs(deliver, assigned):
    outcome = declare(deliver, line(categorie="43", productcode="43A48"))
    assert ("TR339", "9339", "product") in found(outcome)


@produces("TR340")
def test_code_differs(deliver, assigned):
    outcome = declare(deliver, line(productcode="45A49"))
    assert found(outcome) == [("TR340", "9340", "product")]


@produces("TR341")
def test_unit_differs(deliver, assigned):
    # 14 = etmaal on a toewijzing in hours.
    outcome = declare(deliver, line(eenheid="14"))
    assert found(outcome) == [("TR341", "9341", "product")]


def minutes(volume: int, referentie="P000001") -> m.Prestatie:
    # IV081: minutes on an hour tariff: the message carries the minute tariff 85.50 / 60 =
    # 1.425 -> 1.43, and the amount is 85.50 x minutes / 60, rounded to the cent.
    amount = round_money(Decimal("85.50") * volume / 60)
    return replace(line(referentie), eenheid="01", geleverd_volume=volume,
                   product_tarief=Decimal("1.43"), ingediend_bedrag=amount)


def test_minutes_on_an_hours_toewijzing_are_granted(deliver, assigned):
    # TR341 allows minutes on hours; 960 min = 16 h, within the 16 h of February;
    # 85.50 x 960 / 60 = EUR 1,368.00.
    outcome = declare(deliver, minutes(960))
    assert found(outcome) == []
    assert granted(outcome) == Decimal("1368.00")


@produces("TR321")
def test_minutes_above_the_hours_are_refused(deliver, assigned):
    # TR321 in the toewijzing's unit: 961 min = 16.02 h > 16 h.
    outcome = declare(deliver, minutes(961))
    assert found(outcome) == [("TR321", "9321", "product")]
    assert granted(outcome) == Decimal("0.00")


@produces("TR307")
def test_period_starts_before_the_toewijzing(deliver, assigned):
    # January 1-31 while the toewijzing starts on the 12th: TR307, and TR387 (it should start
    # on the 12th, the toewijzing's start in that month).
    outcome = declare(deliver, line(begindatum=date(2026, 1, 1), einddatum=date(2026, 1, 31),
                                    volume=8), periode=(date(2026, 1, 1), date(2026, 1, 31)),
                      dagtekening=date(2026, 2, 3))
    assert set(found(outcome)) == {("TR307", "9307", "product"), ("TR387", "9387", "product")}


@produces("TR308")
def test_period_ends_after_the_toewijzing(deliver):
    deliver(samples.sample_jw301(einddatum=date(2026, 2, 20)))
    outcome = declare(deliver, line(volume=12))
    # Ends on the 28th, after the toewijzing's 20th: TR308, and TR388 (it should end on the
    # 20th, the toewijzing's end in that month).
    assert set(found(outcome)) == {("TR308", "9308", "product"), ("TR388", "9388", "product")}


@produces("TR387")
def test_period_not_starting_on_the_first(deliver, assigned):
    # TR387: February 2-28; the toewijzing started before February, so it must start on the 1st.
    outcome = declare(deliver, line(begindatum=date(2026, 2, 2)))
    assert found(outcome) == [("TR387", "9387", "product")]


def test_period_starting_with_the_toewijzing_is_right(deliver, assigned):
    # TR387's exception: the toewijzing starts on 12 January, so January's period starts then.
    # 12-31 January = 20 days: ceil(20/7) = 3 weeks x 4 h = 12 h allowed; 12 x 85.50 = 1026.00.
    outcome = declare(deliver, line(begindatum=date(2026, 1, 12), einddatum=date(2026, 1, 31),
                                    volume=12), periode=(date(2026, 1, 1), date(2026, 1, 31)),
                      dagtekening=date(2026, 2, 3))
    assert found(outcome) == []
    assert granted(outcome) == Decimal("1026.00")


@produces("TR388")
def test_period_not_ending_on_the_last_day(deliver, assigned):
    outcome = declare(deliver, line(einddatum=date(2026, 2, 27)))
    assert found(outcome) == [("TR388", "9388", "product")]


@produces("TR322")
def test_total_volume_over_the_whole_toewijzing(deliver):
    # 20 hours in total (frequentie 6): 16 h in February, then 8 h in March = 24 h > 20 h.
    deliver(samples.sample_jw301(volume=20, frequentie="6"))
    declare(deliver)
    march = in_march(deliver, line("P000002", begindatum=MAR[0], einddatum=MAR[1], volume=8))
    assert found(march) == [("TR322", "9322", "product")]
    assert granted(march) == Decimal("0.00")


def test_total_volume_counts_minutes_as_hours(deliver):
    # TR322 in the toewijzing's unit: 16 h granted, then 240 min = 4 h: 20 h, exactly the total.
    # 85.50 x 240 / 60 = EUR 342.00.
    deliver(samples.sample_jw301(volume=20, frequentie="6"))
    declare(deliver)
    march = in_march(deliver, replace(minutes(240, "P000002"),
                                      product_periode=m.Periode(begindatum=MAR[0],
                                                                einddatum=MAR[1])))
    assert found(march) == []
    assert granted(march) == Decimal("342.00")


@produces("TR369")
def test_budget_exceeded(deliver):
    # A budget of EUR 1,000.00; 16 h x 85.50 = EUR 1,368.00 is more.
    deliver(samples.sample_jw301(budget=Decimal("1000.00")))
    outcome = declare(deliver)
    assert found(outcome) == [("TR369", "9369", "product")]


# --- money: never paid twice, never credited without a granted debit ---------------------------

@produces("TR389")
def test_second_debit_for_the_same_period_is_refused(deliver, assigned):
    first = declare(deliver)
    assert granted(first) == Decimal("1368.00")
    # The same February period, product and toewijzing again, under a new reference.
    again = in_march(deliver, line("P000002"))
    assert found(again) == [("TR389", "9389", "product")]
    assert granted(again) == Decimal("0.00")
    # Paid once: 1368.00 in total.
    assert sum(Declaratie.objects.values_list("totaal_toegekend", flat=True)) == Decimal(
        "1368.00")


def test_debit_after_a_credit_is_granted(deliver, assigned):
    declare(deliver)
    # Credit P000001 (-1368.00) and declare 12 h again (12 x 85.50 = 1026.00): net -342.00.
    credit = replace(line("P000002", credit=True), vorig_product_referentie="P000001")
    outcome = in_march(deliver, credit, line("P000003", volume=12))
    assert found(outcome) == []
    assert granted(outcome) == Decimal("-342.00")
    # Over both: 1368.00 - 1368.00 + 1026.00 = 1026.00 paid for February.
    assert sum(Declaratie.objects.values_list("totaal_toegekend", flat=True)) == Decimal(
        "1026.00")


@produces("TR323")
def test_credit_of_a_refused_debit_is_refused(deliver, assigned):
    # 17 h is above the 16 h allowed: refused (9321), nothing paid.
    declare(deliver, line(volume=17))
    assert codes_of("P000001") == ["9321"]
    credit = replace(line("P000002", volume=17, credit=True), vorig_product_referentie="P000001")
    outcome = in_march(deliver, credit)
    assert found(outcome) == [("TR323", "8017", "product")]
    # No negative grant: 0.00, not -1453.50 (17 x 85.50).
    assert granted(outcome) == Decimal("0.00")
    assert Prestatie.objects.get(product_referentie="P000002").toegekend == Decimal("0.00")


def test_credit_without_any_debit_is_refused(deliver, assigned):
    credit = replace(line("P000002", credit=True), vorig_product_referentie="P009999")
    outcome = declare(deliver, credit)
    assert found(outcome) == [("TR323", "8017", "product")]


@pytest.mark.parametrize("differs", [
    {"productcode": "45A49"},                                   # another product
    {"volume": 8},                                              # half the volume: 8 x 85.50
    {"begindatum": MAR[0], "einddatum": MAR[1]},                # another period
])
def test_credit_that_is_not_its_debit_is_refused(deliver, assigned, differs):
    # The debit P000001: 16 h of 45A48 in February, 1368.00 granted. A credit naming it but
    # differing in a key field (IV091: identical but for the references and DebetCredit) is
    # related to no debit (TR323, 8017): nothing is paid back and the debit stays uncredited.
    declare(deliver)
    wrong = replace(line("P000002", credit=True, **differs), vorig_product_referentie="P000001")
    outcome = in_march(deliver, wrong)
    assert found(outcome) == [("TR323", "8017", "product")]
    assert granted(outcome) == Decimal("0.00")
    # The right credit is still accepted afterwards (the wrong one did not use up TR390):
    # -1368.00 paid back.
    right = replace(line("P000003", credit=True), vorig_product_referentie="P000001")
    again = declare(deliver, right, ident="DC000003", nummer="D2026030002", periode=MAR,
                    dagtekening=date(2026, 4, 4))
    assert found(again) == []
    assert granted(again) == Decimal("-1368.00")


@produces("TR390")
def test_second_credit_is_refused(deliver, assigned):
    declare(deliver)
    credit = replace(line("P000002", credit=True), vorig_product_referentie="P000001")
    in_march(deliver, credit)
    again = declare(deliver, replace(credit, product_referentie="P000003"), ident="DC000003",
                    nummer="D2026030002", periode=MAR, dagtekening=date(2026, 4, 4))
    assert found(again) == [("TR390", "9390", "product")]


def contract_tariff_per_hour(amount):
    """A stand-in for the contracts app's lookup (settings.IJW_CONTRACT_TARIFF), so these
    tests keep ijw independent of it: every product costs ``amount`` an hour."""
    def factory(*, municipality, provider):
        return lambda toewijzing, prestatie: (Decimal(amount), "04")
    return factory


EIGHTY_AN_HOUR = contract_tariff_per_hour("80.00")
SAMPLE_TARIFF = contract_tariff_per_hour("85.50")
HERE = "openjeugd.ijw.tests.test_rules_applied_declaratie"


def not_contracted(*, municipality, provider):
    """A stand-in lookup whose contracts cover no product for the provider."""
    return lambda toewijzing, prestatie: NOT_CONTRACTED


def test_no_contract_tariff_refuses_nothing(deliver, assigned, settings):
    settings.IJW_CONTRACT_TARIFF = "openjeugd.ijw.services.handlers.declaratie.no_tariffs"
    assert found(declare(deliver)) == []


@produces("TR418")
def test_tariff_other_than_the_contract_tariff(deliver, assigned, settings):
    # A contract tariff of EUR 80.00 an hour refuses a line at EUR 85.50 (0611).
    settings.IJW_CONTRACT_TARIFF = f"{HERE}.EIGHTY_AN_HOUR"
    outcome = declare(deliver)
    assert found(outcome) == [("TR418", "0611", "product")]
    assert granted(outcome) == Decimal("0.00")


def test_a_product_the_contract_does_not_cover_gets_0611(deliver, assigned, settings):
    settings.IJW_CONTRACT_TARIFF = f"{HERE}.not_contracted"
    outcome = declare(deliver)
    assert found(outcome) == [("TR418", "0611", "product")]
    assert granted(outcome) == Decimal("0.00")


@produces("TR346")
def test_amount_above_volume_times_the_contract_tariff(deliver, assigned, settings):
    # 960 minutes (16 h) on the EUR 85.50 hour tariff: ProductTarief 85.50 / 60 = 1.425 ->
    # 1.43 (IV081), amount 85.50 x 960 / 60 = EUR 1,368.00. Claimed instead: EUR 1,376.00,
    # what an hour tariff of EUR 86.00 would give (86.00 / 60 = 1.4333 -> also 1.43), so the
    # message alone cannot tell (check() accepts it) but the contract tariff can: 9346.
    settings.IJW_CONTRACT_TARIFF = f"{HERE}.SAMPLE_TARIFF"
    above = replace(line(volume=960, eenheid="01", tarief=Decimal("1.43")),
                    ingediend_bedrag=Decimal("1376.00"))
    exact = replace(line("P000002", volume=960, eenheid="01", tarief=Decimal("1.43")),
                    ingediend_bedrag=Decimal("1368.00"))
    outcome = declare(deliver, above)
    assert found(outcome) == [("TR346", "9346", "product")]
    assert found(in_march(deliver, replace(exact, product_periode=m.Periode(
        begindatum=MAR[0], einddatum=MAR[1])))) == []
