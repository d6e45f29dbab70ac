"""Stateless rules on the header, the client's identity and return messages."""

from dataclasses import replace
from datetime import date

import pytest
from django.utils import translation

from openjeugd.ijw.codec import samples
from openjeugd.ijw.codec.rules import Finding, check

TODAY = date(2026, 12, 31)


def found(msg, **kwargs) -> set[tuple[str, str]]:
    return {(f.rule, f.retourcode) for f in check(msg, today=TODAY, **kwargs)}


def with_header(msg, **changes):
    return replace(msg, header=replace(msg.header, **changes))


def with_client(msg, **changes):
    return replace(msg, client=replace(msg.client, **changes))


@pytest.mark.parametrize("code", sorted(samples.SAMPLES))
def test_samples_pass(code):
    assert check(samples.sample(code), today=TODAY) == []


def test_finding_shape():
    msg = with_header(samples.sample_jw305(), berichtversie=2)
    with translation.override("en"):
        findings = check(msg, today=TODAY)
    assert findings == [Finding(
        rule="CS025", retourcode="0001", ref="header", level="header",
        text="BerichtVersie must be 3.")]


def test_dagtekening_in_the_future_tr135():
    # Sample JW305 is dated 2026-01-20. Checked on 2026-01-19 it lies one day ahead.
    msg = samples.sample_jw305()
    findings = check(msg, today=date(2026, 1, 19))
    assert [(f.rule, f.retourcode, f.level) for f in findings] == [("TR135", "8848", "header")]
    # On the day itself it is fine.
    assert check(msg, today=date(2026, 1, 20)) == []


def test_dagtekening_retour_in_the_future_tr135():
    ret = samples.sample_jw306()
    assert ("TR135", "8848") in found(with_header(ret, dagtekening_retour=date(2027, 1, 1)))
    assert ("TR135", "8848") not in found(with_header(ret, dagtekening_retour=TODAY))


def test_today_defaults_to_the_real_date():
    # A message dated far ahead is always in the future, whatever day the test runs.
    msg = with_header(samples.sample_jw305(), dagtekening=date(2999, 1, 1))
    assert ("TR135", "8848") in {(f.rule, f.retourcode) for f in check(msg)}


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"berichtversie": 2}, "CS025"),
        ({"berichtsubversie": 1}, "CS015"),
        ({"berichtcode": 437}, "XSD"),  # JW302's code on a JW301
    ],
)
def test_header_versions_and_code(changes, rule):
    assert found(with_header(samples.sample_jw301(), **changes)) == {(rule, "0001")}


def test_afzender_and_ontvanger_formats():
    # JW301 goes from municipality (4 digits) to provider (AGB, 8 digits); JW305 the other way.
    assert found(with_header(samples.sample_jw301(), afzender="268")) == {("XSD", "0001")}
    assert found(with_header(samples.sample_jw301(), ontvanger="1234567")) == {("XSD", "0001")}
    assert found(with_header(samples.sample_jw305(), afzender="0268")) == {("XSD", "0001")}
    assert found(with_header(samples.sample_jw305(), ontvanger="12345678")) == {("XSD", "0001")}
    # A return copies the original's parties: JW302 keeps the municipality as sender.
    assert found(samples.sample_jw302()) == set()


def test_gemeentecode_against_cbs_list_tr378():
    msg = samples.sample_jw305()  # ontvanger 0268
    assert found(msg, gemeentecodes={"0363"}) == {("TR378", "S300")}
    assert found(msg, gemeentecodes={"0268", "0363"}) == set()
    # Without a list TR378 is left to the app.
    assert found(msg) == set()


@pytest.mark.parametrize(
    ("bsn", "ok"),
    [
        ("999993653", True),  # 9*9+8*9+7*9+6*9+5*9+4*3+3*6+2*5-1*3 = 352 = 32*11
        ("999993654", False),  # last digit +1 makes the sum 351, not a multiple of 11
        ("000000000", False),  # passes the arithmetic but is no BSN
        ("99999365", False),  # eight digits
    ],
)
def test_bsn_11_proef_cs002(bsn, ok):
    msg = with_client(samples.sample_jw305(), bsn=bsn)
    assert (("CS002", "0001") in found(msg)) is not ok


def test_bsn_checked_in_vow_and_declaratie_clients():
    vow = samples.sample_jw317()
    assert found(with_client(vow, bsn="123456789")) == {("CS002", "0001")}
    decl = samples.sample_jw323(bsn="123456789")
    assert found(decl) == {("CS002", "0001")}


@pytest.mark.parametrize(
    ("born", "gebruik", "rule"),
    [
        (date(2012, 3, 14), "1", "CS139"),  # day unknown must be written as the 1st
        (date(2012, 3, 1), "1", None),
        (date(2012, 3, 1), "2", "CS139"),  # day and month unknown: 1 January
        (date(2012, 1, 1), "2", None),
        (date(2012, 1, 1), "3", "CS139"),  # fully unknown is 01-01-1900
        (date(1900, 1, 1), "3", None),  # ...and then TR002's 120 years do not apply
        (date(1900, 1, 1), None, "TR002"),  # 126 years before the 2026 dagtekening
        (date(1906, 1, 5), None, None),  # exactly 120 years before 2026-01-05... not more
        (date(1906, 1, 4), None, "TR002"),  # one day more than 120 years
        (date(2026, 1, 6), None, "TR134"),  # born the day after the dagtekening
        (date(2026, 1, 5), None, None),  # born on the dagtekening
    ],
)
def test_geboortedatum(born, gebruik, rule):
    msg = samples.sample_jw301(geboortedatum=born)  # dagtekening 2026-01-05
    msg = with_client(msg, geboortedatum_gebruik=gebruik)
    expected = {(rule, "0001")} if rule else set()
    assert found(msg) == expected


def test_geslacht_code_list():
    msg = samples.sample_jw305()
    assert found(with_client(msg, geslacht="3")) == {("COD046", "0001")}
    assert found(with_client(msg, geslacht="0")) == set()


def test_return_with_unknown_retourcode():
    ret = samples.sample_jw306()
    product = ret.client.start_producten[0]
    bad = with_client(ret, start_producten=[replace(product, retourcodes=["9999"])])
    assert found(bad) == {("WJ001", "0001")}
    assert found(ret) == set()
