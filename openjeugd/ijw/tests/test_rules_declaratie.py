"""Stateless rules on JW323 declarations and JW325 answers.

The sample declaration is February 2026, dated 2026-03-04, with one prestatie: 16 hours of
45A48 at EUR 85.50 = EUR 1368.00.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec import samples
from openjeugd.ijw.codec.rules import check

TODAY = date(2026, 12, 31)
FEB = (date(2026, 2, 1), date(2026, 2, 28))


def found(msg) -> set[tuple[str, str]]:
    return {(f.rule, f.retourcode) for f in check(msg, today=TODAY)}


def prestatie(**changes) -> m.Prestatie:
    return replace(samples.sample_prestatie(), **changes)


def declaratie(*prestaties, **changes) -> m.JW323:
    msg = samples.sample_jw323(prestaties=list(prestaties) or None)
    return replace(msg, declaratie=replace(msg.declaratie, **changes))


def period(begin: date, end: date) -> m.Periode:
    return m.Periode(begindatum=begin, einddatum=end)


def test_sample_declaration_passes():
    assert found(declaratie()) == set()


def test_declaratienummer_letters_and_digits_cs319():
    assert found(declaratie(declaratie_nummer="D 2026-02")) == {("CS319", "0001")}
    assert found(declaratie(declaratie_nummer="D202602")) == set()


def test_declaration_period_is_one_calendar_month_cs340():
    # One day too long, one day shifted:
    assert found(declaratie(declaratie_periode=period(date(2026, 2, 1), date(2026, 3, 1)))) == {
        ("CS340", "0001")}
    assert found(declaratie(declaratie_periode=period(date(2026, 2, 2), date(2026, 3, 1)))) == {
        ("CS340", "0001")}
    # January 2026 (the prestatie of February then lies after it: TR319).
    assert found(declaratie(declaratie_periode=period(date(2026, 1, 1), date(2026, 1, 31)))) == {
        ("TR319", "9319")}


def test_declarations_start_in_2021_cs100():
    # December 2020 declared on 2021-01-05: the period and the prestatie are both too early.
    dec_2020 = (date(2020, 12, 1), date(2020, 12, 31))
    msg = samples.sample_jw323(dagtekening=date(2021, 1, 5), periode=dec_2020, prestaties=[
        samples.sample_prestatie(begindatum=dec_2020[0], einddatum=dec_2020[1])])
    findings = check(msg, today=TODAY)
    assert sorted((f.rule, f.ref) for f in findings) == [
        ("CS100", "declaratie"), ("CS100", "prestatie:ReferentieNummer=P000001")]


def test_declaratie_dagtekening_in_the_future_tr135():
    findings = check(declaratie(declaratie_dagtekening=date(2027, 1, 1)), today=TODAY)
    assert [(f.rule, f.retourcode, f.level) for f in findings] == [("TR135", "8848", "header")]


def test_total_is_the_sum_tr358():
    # 1368.00 declared; a total of 1368.01 does not add up.
    assert found(declaratie(totaal_ingediend_bedrag=Decimal("1368.01"))) == {("TR358", "0001")}


def test_total_counts_credits_negative_tr358():
    debit = prestatie()
    credit = prestatie(product_referentie="P000002", vorig_product_referentie="P000000",
                       ingediend_bedrag=Decimal("-1368.00"))
    # 1368.00 - 1368.00 = 0.00; the sample builder sums the same way.
    msg = declaratie(debit, credit)
    assert msg.declaratie.totaal_ingediend_bedrag == Decimal("0.00")
    assert found(msg) == set()
    assert found(declaratie(debit, credit, totaal_ingediend_bedrag=Decimal("2736.00"))) == {
        ("TR358", "0001")}


def test_zero_amount_is_debit_cs325():
    zero_credit = prestatie(geleverd_volume=0, ingediend_bedrag=Decimal("-0.00"),
                            vorig_product_referentie="P000000")
    assert found(declaratie(zero_credit)) == {("CS325", "0001")}
    zero_debit = prestatie(geleverd_volume=0, ingediend_bedrag=Decimal("0.00"))
    assert found(declaratie(zero_debit)) == set()


def test_product_period_within_one_month_cs337():
    assert found(declaratie(prestatie(product_periode=period(date(2026, 1, 20),
                                                             date(2026, 2, 10))))) == {
        ("CS337", "0001")}


def test_product_period_order_and_dagtekening_tr137():
    backwards = prestatie(product_periode=period(date(2026, 2, 10), date(2026, 2, 5)))
    assert found(declaratie(backwards)) == {("TR137", "0001")}
    # Declared on 2026-02-20 for care up to 2026-02-28: it has not all happened yet.
    assert found(declaratie(declaratie_dagtekening=date(2026, 2, 20))) == {("TR137", "0001")}


def test_product_period_at_most_five_years_old_tr335():
    feb_2021 = (date(2021, 2, 1), date(2021, 2, 28))
    old = samples.sample_prestatie(begindatum=feb_2021[0], einddatum=feb_2021[1])
    # 5 years before 2026-03-04 is 2021-03-04; the period ended on 2021-02-28, before it.
    msg = samples.sample_jw323(periode=feb_2021, prestaties=[old])
    assert found(msg) == {("TR335", "0001")}
    # Dated 2026-02-27, the limit is 2021-02-27 and the period (ending 02-28) is still in.
    assert found(replace(msg, declaratie=replace(
        msg.declaratie, declaratie_dagtekening=date(2026, 2, 27)))) == set()


def test_product_period_after_declaration_period_tr319():
    march = prestatie(product_periode=period(date(2026, 3, 1), date(2026, 3, 31)))
    msg = declaratie(march, declaratie_dagtekening=date(2026, 4, 2))
    findings = check(msg, today=TODAY)
    assert [(f.rule, f.retourcode, f.level) for f in findings] == [("TR319", "9319", "product")]
    # Care of an earlier month may be declared late (OP354).
    january = prestatie(product_periode=period(date(2026, 1, 1), date(2026, 1, 31)))
    assert found(declaratie(january)) == set()


def test_credit_names_the_debit_cd060():
    credit = prestatie(ingediend_bedrag=Decimal("-1368.00"))
    assert found(declaratie(credit)) == {("CD060", "0001")}
    assert found(declaratie(replace(credit, vorig_product_referentie="P000000"))) == set()
    assert found(declaratie(prestatie(vorig_product_referentie="P000000"))) == {
        ("CD060", "0001")}


def test_tariff_unless_euros_cd087():
    assert found(declaratie(prestatie(product_tarief=None))) == {("CD087", "0001")}
    euros = prestatie(eenheid="83", geleverd_volume=1368, product_tarief=Decimal("1.00"))
    assert found(declaratie(euros)) == {("CD087", "0001")}
    assert found(declaratie(replace(euros, product_tarief=None))) == set()


def test_euro_amount_equals_volume_cs339():
    euros = prestatie(eenheid="83", geleverd_volume=1000, product_tarief=None)
    assert found(declaratie(euros)) == {("CS339", "0001")}  # 1000 volume, 1368.00 amount


@pytest.mark.parametrize(
    ("eenheid", "volume", "tarief", "bedrag", "ok"),
    [
        ("04", 16, "85.50", "1368.00", True),  # 16 x 85.50
        ("04", 16, "85.50", "1368.01", False),
        # 50 minutes on an hour tariff of 85.50: the message carries 85.50 / 60 = 1.425,
        # rounded 1.43; the amount is 85.50 x 50 / 60 = 71.25 (IV081).
        ("01", 50, "1.43", "71.25", True),
        ("01", 50, "1.43", "71.50", True),  # a real per-minute tariff: 50 x 1.43
        # Hour tariffs rounding to 1.43 run from 85.50 to 86.09, so 50 minutes cost at most
        # 86.09 x 50 / 60 = 71.74: 72.00 fits no tariff at all.
        ("01", 50, "1.43", "72.00", False),
    ],
)
def test_amount_is_volume_times_tariff_tr346(eenheid, volume, tarief, bedrag, ok):
    p = prestatie(eenheid=eenheid, geleverd_volume=volume, product_tarief=Decimal(tarief),
                  ingediend_bedrag=Decimal(bedrag))
    findings = check(declaratie(p, totaal_ingediend_bedrag=Decimal(bedrag)), today=TODAY)
    assert [(f.rule, f.retourcode, f.level) for f in findings] == (
        [] if ok else [("TR346", "9346", "product")])


def test_duplicate_references_tr101():
    assert found(declaratie(prestatie(), prestatie(
        product_periode=period(date(2026, 1, 1), date(2026, 1, 31))))) == {("TR101", "0001")}


def test_duplicate_client_tr101():
    msg = declaratie()
    client = msg.declaratie.clienten[0]
    other = replace(client, prestaties=[prestatie(product_referentie="P000002", product_periode=(
        period(date(2026, 1, 1), date(2026, 1, 31))))])
    doubled = replace(msg.declaratie, clienten=[client, other],
                      totaal_ingediend_bedrag=Decimal("2736.00"))
    assert found(replace(msg, declaratie=doubled)) == {("TR101", "0001")}


def test_credit_twice_in_one_message_tr315():
    credit = prestatie(product_referentie="C1", vorig_product_referentie="P000000",
                       ingediend_bedrag=Decimal("-1368.00"))
    again = replace(credit, product_referentie="C2")
    assert found(declaratie(credit, again)) == {("TR315", "0001")}


def test_no_credit_of_a_debit_in_the_same_message_tr316():
    debit = prestatie()
    credit = prestatie(product_referentie="C1", vorig_product_referentie="P000001",
                       ingediend_bedrag=Decimal("-1368.00"))
    assert found(declaratie(debit, credit)) == {("TR316", "0001")}


def test_one_debit_per_product_and_period_tr416():
    second = prestatie(product_referentie="P000002")
    assert found(declaratie(prestatie(), second)) == {("TR416", "0001")}
    other_month = replace(second, product_periode=period(date(2026, 1, 1), date(2026, 1, 31)))
    assert found(declaratie(prestatie(), other_month)) == set()


def test_prestatie_code_lists():
    assert found(declaratie(prestatie(product_categorie="30"))) == {("JZ020", "0001")}
    assert found(declaratie(prestatie(eenheid="02"))) == {("WJ756", "0001")}


# --- JW325 --------------------------------------------------------------------------------------

def test_answer_lists_exactly_the_rejected_amount_tr342():
    answer = samples.sample_jw325()  # the one prestatie of 1368.00 rejected, 0.00 granted
    assert found(answer) == set()
    body = answer.declaratie_antwoord
    wrong = replace(body, totaal_toegekend_bedrag=Decimal("100.00"))
    # 1368.00 - 100.00 = 1268.00 would have to be explained by the listed 1368.00.
    assert found(replace(answer, declaratie_antwoord=wrong)) == {("TR342", "0001")}


def test_answer_zero_total_is_debit_cs325():
    answer = samples.sample_jw325()
    body = replace(answer.declaratie_antwoord, totaal_toegekend_bedrag=Decimal("-0.00"))
    assert found(replace(answer, declaratie_antwoord=body)) == {("CS325", "0001")}
