"""Stateless rules on JW305 start and JW307 stop messages."""

from dataclasses import replace
from datetime import date

import pytest

from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec import samples
from openjeugd.ijw.codec.rules import check

TODAY = date(2026, 12, 31)


def found(msg) -> set[tuple[str, str]]:
    return {(f.rule, f.retourcode) for f in check(msg, today=TODAY)}


def start(**changes) -> m.JW305:
    msg = samples.sample_jw305()
    product = replace(msg.client.start_producten[0], **changes)
    return replace(msg, client=replace(msg.client, start_producten=[product]))


def stop(**changes) -> m.JW307:
    msg = samples.sample_jw307()
    product = replace(msg.client.stop_producten[0], **changes)
    return replace(msg, client=replace(msg.client, stop_producten=[product]))


@pytest.mark.parametrize(("status", "refused"), [("1", False), ("3", False), ("2", True),
                                                 ("9", True)])
def test_status_aanlevering_only_1_or_3_cs058(status, refused):
    # OP033x2: a change is a delete (3) plus a new delivery (1), never status 2.
    assert (("CS058", "0001") in found(start(status_aanlevering=status))) is refused
    assert (("CS058", "0001") in found(stop(status_aanlevering=status))) is refused


def test_missing_toewijzingnummer_tr019():
    findings = check(start(toewijzing_nummer=None), today=TODAY)
    assert [(f.rule, f.retourcode, f.level) for f in findings] == [("TR019", "9019", "product")]
    assert found(stop(toewijzing_nummer=None)) == {("TR019", "9019")}


def test_start_not_after_dagtekening_tr134():
    # Dagtekening 2026-01-20: a start on the 21st has not happened yet (OP011).
    assert found(start(begindatum=date(2026, 1, 21))) == {("TR134", "0001")}
    assert found(start(begindatum=date(2026, 1, 20))) == set()


def test_stop_not_before_start_tr018():
    # Begindatum 2026-01-14.
    assert found(stop(einddatum=date(2026, 1, 13))) == {("TR018", "0001")}
    assert found(stop(einddatum=date(2026, 1, 14))) == set()


def test_reden_beeindiging_code_list_and_required():
    assert found(stop(reden_beeindiging="21")) == {("JZ588", "0001")}
    assert found(stop(reden_beeindiging="")) == {("XSD", "0001")}
    assert found(stop(reden_beeindiging="20")) == set()  # a temporary stop


def test_duplicate_start_in_one_message_tr101():
    msg = samples.sample_jw305()
    product = msg.client.start_producten[0]
    twice = replace(msg, client=replace(msg.client, start_producten=[product, product]))
    assert found(twice) == {("TR101", "0001")}
    # A delete of the old start and a new start with another date is the OP033 correction.
    corrected = [replace(product, status_aanlevering="3"),
                 replace(product, begindatum=date(2026, 1, 15))]
    assert found(replace(msg, client=replace(msg.client, start_producten=corrected))) == set()


def test_product_category_checked_on_start():
    assert found(start(product=m.Product(categorie="99", code="X"))) == {("JZ020", "0001")}
