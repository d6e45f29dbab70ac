"""Rules of JW301 toewijzingen, JW315/JW317 requests and JW319 answers (and the header rules of
any message), each produced through the real ingest path at its level, with nothing of the
refused message applied (IV032)."""

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Verzoek
from openjeugd.ijw.tests.rule_cases import assert_nothing_applied, found, produces, state
from openjeugd.registry.tests.factories import valid_bsn

OTHER_BSN = valid_bsn(5252)


@pytest.fixture
def assigned(deliver):
    deliver(samples.sample_jw301())


def second_toewijzing(deliver, **kwargs):
    """Toewijzing 1002 for the same youth (another product unless told otherwise)."""
    kwargs.setdefault("productcode", "45A49")
    deliver(samples.sample_jw301(identificatie="TW000002", toewijzing_nummer="1002", **kwargs))


def vow(**kwargs) -> m.JW317:
    return samples.sample_jw317(**kwargs)


# --- any message ------------------------------------------------------------------------------

@produces("TR056")
def test_identification_used_before(deliver):
    deliver(samples.sample_jw315())
    before = state()
    outcome = deliver(samples.sample_jw315(referentie_aanbieder="VOT-0002"))
    assert found(outcome) == [("TR056", "9056", "header")]
    assert_nothing_applied(outcome, before)


@produces("TR378")
def test_unknown_municipality(deliver):
    before = state()
    outcome = deliver(samples.sample_jw315(gemeente="0999"))
    assert ("TR378", "S300", "header") in found(outcome)
    assert_nothing_applied(outcome, before)


# --- JW301 ------------------------------------------------------------------------------------

@produces("TR332")
def test_toewijzing_number_of_another_youth(deliver, assigned):
    before = state()
    outcome = deliver(samples.sample_jw301(identificatie="TW000002", bsn=OTHER_BSN,
                                           reden_wijziging="02"))
    assert found(outcome) == [("TR332", "9332", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR379")
def test_reference_that_belongs_to_no_request(deliver):
    before = state()
    outcome = deliver(samples.sample_jw301(referentie_aanbieder="NOPE"))
    assert found(outcome) == [("TR379", "9379", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR385")
def test_toewijzing_with_granted_lines_cannot_be_deleted(deliver, assigned):
    deliver(samples.sample_jw323())  # 16 h x 85.50 = 1368.00 granted
    before = state()
    outcome = deliver(samples.sample_jw301(identificatie="TW000002", reden_wijziging="13",
                                           einddatum=date(2026, 1, 12),
                                           dagtekening=date(2026, 3, 5)))
    assert found(outcome) == [("TR385", "9385", "product")]
    assert_nothing_applied(outcome, before)


# --- JW315 ------------------------------------------------------------------------------------

@produces("TR347")
def test_request_reference_used_before(deliver):
    deliver(samples.sample_jw315())
    deliver(samples.sample_jw319(verzoek_antwoord="1", reden_afwijzing="3"))
    before = state()
    message = samples.sample_jw315(identificatie="VT000002")
    outcome = deliver(message)
    # IV028: on the AangevraagdProduct, the class that holds ReferentieAanbieder.
    ref = message.client.aangevraagde_producten[0].ref
    assert [(f.rule, f.retourcode, f.level, f.ref) for f in outcome.message.findings.all()] == [
        ("TR347", "9347", "product", ref)]
    assert_nothing_applied(outcome, before)


@produces("TR374")
def test_second_request_while_the_first_is_open(deliver):
    deliver(samples.sample_jw315())
    before = state()
    outcome = deliver(samples.sample_jw315(identificatie="VT000002",
                                           referentie_aanbieder="VOT-0002"))
    assert found(outcome) == [("TR374", "9374", "client")]
    assert_nothing_applied(outcome, before)


# --- JW317 ------------------------------------------------------------------------------------

@produces("TR304")
def test_change_request_naming_a_toewijzing_of_another_client(deliver, assigned):
    deliver(samples.sample_jw301(identificatie="TW000002", bsn=OTHER_BSN,
                                 toewijzing_nummer="2002"))
    before = state()
    outcome = deliver(vow(bsn=OTHER_BSN))  # names toewijzing 1001, of the first youth
    assert found(outcome) == [("TR304", "8187", "client")]
    assert_nothing_applied(outcome, before)


@produces("TR349")
def test_change_request_must_list_every_current_toewijzing(deliver, assigned):
    second_toewijzing(deliver)
    before = state()
    outcome = deliver(vow())  # lists 1001 only; 1002 runs until 31 December
    assert found(outcome) == [("TR349", "9349", "client")]
    assert_nothing_applied(outcome, before)


def test_change_request_listing_every_current_toewijzing_is_accepted(deliver, assigned):
    second_toewijzing(deliver)
    outcome = deliver(vow(ongewijzigd=("1002",)))
    assert found(outcome) == []
    assert Verzoek.objects.filter(kind=Verzoek.Kind.WIJZIGING).count() == 1


def test_an_ended_toewijzing_need_not_be_listed(deliver, assigned):
    # TR349: "current" is valid on or after today; 1002 ended in February.
    second_toewijzing(deliver, einddatum=date(2026, 2, 28))
    assert found(deliver(vow())) == []


@produces("TR350")
def test_unchanged_product_is_no_toewijzing(deliver, assigned):
    before = state()
    outcome = deliver(vow(ongewijzigd=("9999",)))
    assert found(outcome) == [("TR350", "9350", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR351")
def test_product_to_change_is_no_toewijzing(deliver, assigned):
    before = state()
    outcome = deliver(vow(toewijzing_nummer="9999"))
    assert found(outcome) == [("TR351", "9351", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR357")
def test_change_in_the_past_must_start_with_the_toewijzing(deliver, assigned):
    before = state()
    # Dated 2 March, wanted from 1 March (not ahead), but the toewijzing began 12 January.
    outcome = deliver(vow(gewenste_ingangsdatum=date(2026, 3, 1)))
    assert found(outcome) == [("TR357", "9357", "product")]
    assert_nothing_applied(outcome, before)


def test_change_in_the_past_from_the_toewijzing_start_is_accepted(deliver, assigned):
    assert found(deliver(vow(gewenste_ingangsdatum=date(2026, 1, 12)))) == []


@produces("TR361")
def test_same_product_twice_for_overlapping_periods(deliver, assigned):
    second_toewijzing(deliver, productcode="45A48", ingangsdatum=date(2026, 7, 1))
    before = state()
    # 1001 changed from 1 April to 31 December overlaps unchanged 1002 (45A48 from 1 July).
    outcome = deliver(vow(ongewijzigd=("1002",)))
    assert found(outcome) == [("TR361", "9361", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR373")
def test_changed_total_starts_with_the_toewijzing(deliver):
    deliver(samples.sample_jw301(volume=20, frequentie="6"))
    before = state()
    outcome = deliver(vow(volume=30, frequentie="6"))  # from 1 April, not from 12 January
    assert found(outcome) == [("TR373", "9373", "product")]
    assert_nothing_applied(outcome, before)


def without_omvang(message: m.JW317, budget=None) -> m.JW317:
    product = message.client.verzoek.te_wijzigen_producten[0]
    message.client.verzoek.te_wijzigen_producten = [
        dataclasses.replace(product, omvang=None, budget=budget)]
    return message


@produces("TR375")
def test_omvang_on_a_toewijzing_without_product(deliver):
    message = samples.sample_jw301(budget=Decimal("5000.00"))
    product = message.client.toegewezen_producten[0]
    message.client.toegewezen_producten = [dataclasses.replace(product, product=None)]
    deliver(message)
    before = state()
    outcome = deliver(vow())
    assert found(outcome) == [("TR375", "9375", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR411")
def test_no_omvang_on_a_toewijzing_with_a_product_code(deliver, assigned):
    before = state()
    outcome = deliver(without_omvang(vow(gewenste_ingangsdatum=date(2026, 1, 12)),
                                     budget=Decimal("2000.00")))
    assert found(outcome) == [("TR411", "9411", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR412")
def test_omvang_on_a_toewijzing_with_category_only(deliver):
    deliver(samples.sample_jw301(budget=Decimal("5000.00")))
    before = state()
    outcome = deliver(vow())
    assert found(outcome) == [("TR412", "9412", "product")]
    assert_nothing_applied(outcome, before)


# --- JW319 ------------------------------------------------------------------------------------

@pytest.fixture
def requested(deliver):
    deliver(samples.sample_jw315())


@produces("TR355")
def test_answer_to_an_unknown_reference(deliver, requested):
    before = state()
    outcome = deliver(samples.sample_jw319(referentie_aanbieder="VOT-9999"))
    assert found(outcome) == [("TR355", "9355", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR359")
def test_answer_after_the_toewijzing(deliver, requested):
    deliver(samples.sample_jw301(referentie_aanbieder="VOT-0001"))
    before = state()
    outcome = deliver(samples.sample_jw319(verzoek_antwoord="1", reden_afwijzing="3"))
    assert found(outcome) == [("TR359", "9359", "product")]
    assert_nothing_applied(outcome, before)


@produces("TR360")
def test_second_in_onderzoek(deliver, requested):
    deliver(samples.sample_jw319())
    before = state()
    outcome = deliver(samples.sample_jw319(identificatie="AW000002"))
    assert found(outcome) == [("TR360", "9360", "product")]
    assert_nothing_applied(outcome, before)


def test_final_answer_after_in_onderzoek(deliver, requested):
    deliver(samples.sample_jw319())
    outcome = deliver(samples.sample_jw319(identificatie="AW000002", verzoek_antwoord="1",
                                           reden_afwijzing="3"))
    assert found(outcome) == []
    assert outcome.message.status == Message.Status.SENT
    assert Verzoek.objects.get().state == Verzoek.State.AFGEWEZEN


@produces("TR365")
def test_answer_after_a_refusal(deliver, requested):
    deliver(samples.sample_jw319(verzoek_antwoord="1", reden_afwijzing="3"))
    before = state()
    outcome = deliver(samples.sample_jw319(identificatie="AW000002", verzoek_antwoord="1",
                                           reden_afwijzing="3"))
    assert found(outcome) == [("TR365", "9365", "product")]
    assert_nothing_applied(outcome, before)
