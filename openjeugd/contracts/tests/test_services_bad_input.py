"""Bad input is refused with the field and the rule named, and nothing is written."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from openjeugd.contracts import services
from openjeugd.contracts.models import (
    AwardRule,
    Contract,
    ContractPartner,
    FundingModel,
    Lot,
    Product,
    Tariff,
    Uitvoeringsvariant,
)
from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import ProviderFactory


def refused(call, field: str, words: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    assert field in caught.value.message_dict, caught.value.message_dict
    assert words in " ".join(caught.value.message_dict[field])
    return caught.value


# --- tariffs --------------------------------------------------------------------------------

def test_overlapping_tariff_period_is_refused(contracted, product):
    # 85.50 runs open-ended from 1 January 2026 (conftest); a second contract-wide tariff
    # from 1 July 2026 would give two prices for the same day.
    refused(lambda: services.set_tariff(contract=contracted, product=product,
                                        amount=Decimal("88.00"), valid_from=date(2026, 7, 1)),
            "valid_from", "may not overlap")
    assert Tariff.objects.count() == 1


def test_overlap_is_per_provider_and_touching_periods_are_fine(contracted, product, provider):
    # A provider's own tariff next to the contract-wide one is no overlap (it takes precedence);
    # two of its own that touch (31 Dec / 1 Jan) are fine, that overlap by a day are not.
    services.set_tariff(contract=contracted, product=product, provider=provider,
                        amount=Decimal("86.00"), valid_from=date(2026, 1, 1),
                        valid_until=date(2026, 12, 31))
    services.set_tariff(contract=contracted, product=product, provider=provider,
                        amount=Decimal("88.00"), valid_from=date(2027, 1, 1))
    refused(lambda: services.set_tariff(
        contract=contracted, product=product, provider=provider, amount=Decimal("1.00"),
        valid_from=date(2026, 12, 31), valid_until=date(2026, 12, 31)),
        "valid_from", "2026-01-01")
    assert Tariff.objects.count() == 3


def test_tariff_in_another_unit_than_the_product_is_refused(contract, product):
    # 45A48 is assigned per hour (04); a tariff per etmaal (14) cannot price it.
    refused(lambda: services.set_tariff(contract=contract, product=product, eenheid="14",
                                        amount=Decimal("250.00"), valid_from=date(2026, 1, 1)),
            "eenheid", "WJ756 04")
    assert not Tariff.objects.exists()


def test_tariff_amount_in_cents_and_decimal(contract, product):
    refused(lambda: services.set_tariff(contract=contract, product=product, amount=85.5,
                                        valid_from=date(2026, 1, 1)), "amount", "Decimal")
    refused(lambda: services.set_tariff(contract=contract, product=product,
                                        amount=Decimal("85.505"), valid_from=date(2026, 1, 1)),
            "amount", "whole cents")


def test_provider_tariff_needs_a_partner(contract, product):
    stranger = ProviderFactory()
    refused(lambda: services.set_tariff(contract=contract, product=product, provider=stranger,
                                        amount=Decimal("80.00"), valid_from=date(2026, 1, 1)),
            "provider", "not a partner")


def test_product_of_another_region_is_refused(contract):
    elsewhere = Region.objects.exclude(pk=contract.region_id).first()
    other = Product.objects.create(
        region=elsewhere, product_categorie="45", product_code="45A48", name="x", eenheid="04",
        uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT, funding_model=FundingModel.PXQ)
    refused(lambda: services.set_tariff(contract=contract, product=other,
                                        amount=Decimal("80.00"), valid_from=date(2026, 1, 1)),
            "product", "another region")


def test_indexation_closes_the_old_period_and_keeps_the_history(contract, product):
    # 85.50 from 2025 indexed 3.5 % for 2026: 85.50 x 1.035 = 88.4925 -> EUR 88.49 (half up).
    old = services.set_tariff(contract=contract, product=product, amount=Decimal("85.50"),
                              valid_from=date(2025, 1, 1))
    [new] = services.index_tariffs(contract=contract, year=2026, percentage=Decimal("3.5"))
    old.refresh_from_db()
    assert old.valid_until == date(2025, 12, 31)
    assert (new.amount, new.valid_from, new.valid_until) == (Decimal("88.49"),
                                                             date(2026, 1, 1), None)
    assert (new.indexed_from, new.index_percentage) == (old, Decimal("3.5"))


# --- contracts and awards -------------------------------------------------------------------

def test_extension_options_run_out(contract):
    # 5 + 2×1: 2026-2030, then 2031, then 2032; a third extension is refused.
    first = services.extend_contract(contract=contract, decided_on=date(2030, 3, 1))
    second = services.extend_contract(contract=contract, decided_on=date(2031, 3, 1))
    assert (first.new_end_date, second.new_end_date) == (date(2031, 12, 31), date(2032, 12, 31))
    refused(lambda: services.extend_contract(contract=contract, decided_on=date(2032, 3, 1)),
            "extension_options", "All 2 extension options")


def test_contract_reference_is_unique_per_region(contract):
    refused(lambda: services.create_contract(
        region=contract.region, reference=contract.reference, name="again",
        procedure=Contract.Procedure.OPEN_TENDER, start_date=date(2026, 1, 1),
        initial_end_date=date(2027, 12, 31)), "__all__", "already exists")


def test_contract_term_must_end_after_it_starts(region):
    refused(lambda: services.create_contract(
        region=region, reference="X", name="x", procedure=Contract.Procedure.OPEN_TENDER,
        start_date=date(2027, 1, 1), initial_end_date=date(2026, 12, 31)),
        "initial_end_date", "ends before the contract starts")


@pytest.fixture
def breda_lots(db):
    """Seed 003 §5.3.3 in miniature: Regio WBO's two Breda lots, each to a different party."""
    breda = Municipality.objects.get(name="Breda")
    contract = services.create_contract(
        region=breda.region, reference="WBO-SLT", name="Stevige Lokale Teams",
        procedure=Contract.Procedure.COMPETITIVE_DIALOGUE, start_date=date(2027, 1, 1),
        initial_end_date=date(2031, 12, 31), status=Contract.Status.AWARDED)
    north = Lot.objects.create(contract=contract, number=2, name="Breda Noordwest en Noordoost")
    south = Lot.objects.create(contract=contract, number=3, name="Breda Zuidwest en Zuidoost")
    rule = AwardRule.objects.create(contract=contract, kind=AwardRule.Kind.DIFFERENT_PARTIES,
                                    source="seed 003 §5.3.3")
    rule.lots.set([north, south])
    one = AwardRule.objects.create(contract=contract, kind=AwardRule.Kind.MAX_PARTNERS_PER_LOT,
                                   max_partners=1, source="seed 003 §5.3.4")
    one.lots.set([north, south])
    return contract, north, south


def test_both_breda_lots_to_one_party_is_refused(breda_lots):
    contract, north, south = breda_lots
    party = ProviderFactory()
    services.award_contract(contract=contract, lot=north, provider=party,
                            start_date=date(2027, 1, 1))
    refused(lambda: services.award_contract(contract=contract, lot=south, provider=party,
                                            start_date=date(2027, 1, 1)),
            "lot", "seed 003 §5.3.3")
    assert ContractPartner.objects.count() == 1


def test_a_partnership_led_by_the_same_provider_is_the_same_party(breda_lots):
    from openjeugd.registry.services import create_partnership

    contract, north, south = breda_lots
    party = ProviderFactory()
    services.award_contract(contract=contract, lot=north, provider=party,
                            start_date=date(2027, 1, 1))
    led = create_partnership(user=None, name="Breda Samen", region=contract.region,
                             hoofdaannemer=party, onderaannemers=[ProviderFactory()])
    refused(lambda: services.award_contract(contract=contract, lot=south, partnership=led,
                                            start_date=date(2027, 1, 1)),
            "lot", "already holds another")


def test_different_parties_and_one_per_lot(breda_lots):
    contract, north, south = breda_lots
    services.award_contract(contract=contract, lot=north, provider=ProviderFactory(),
                            start_date=date(2027, 1, 1))
    services.award_contract(contract=contract, lot=south, provider=ProviderFactory(),
                            start_date=date(2027, 1, 1))
    # "Per perceel contracteert Regio WBO Jeugd één contractpartner": a second one is refused.
    refused(lambda: services.award_contract(contract=contract, lot=north,
                                            provider=ProviderFactory(),
                                            start_date=date(2027, 1, 1)),
            "lot", "already has 1 partner")
    assert ContractPartner.objects.count() == 2


def test_a_lot_can_change_hands_after_its_partner_left(breda_lots):
    # One partner per lot counts the partners at the same time: once the first left (end
    # 2028), a successor from 2029 is allowed; one starting in 2028 is not.
    contract, north, _south = breda_lots
    services.award_contract(contract=contract, lot=north, provider=ProviderFactory(),
                            start_date=date(2027, 1, 1), end_date=date(2028, 12, 31))
    refused(lambda: services.award_contract(contract=contract, lot=north,
                                            provider=ProviderFactory(),
                                            start_date=date(2028, 7, 1)),
            "lot", "already has 1 partner")
    services.award_contract(contract=contract, lot=north, provider=ProviderFactory(),
                            start_date=date(2029, 1, 1))
    assert ContractPartner.objects.filter(lot=north).count() == 2


def test_award_needs_exactly_one_party(contract):
    refused(lambda: services.award_contract(contract=contract, start_date=date(2026, 1, 1)),
            "provider", "one")
