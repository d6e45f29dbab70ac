"""The write screens call the services and show their refusals on the field they name, in
the page (status 400), with nothing written."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from openjeugd.contracts.models import (
    AwardRule,
    Ceiling,
    Contract,
    ContractExtension,
    ConversionRule,
    ConversionTable,
    FundingModel,
    Lot,
    Product,
    Tariff,
    ToewijzingConversion,
    Uitvoeringsvariant,
)


def errors_of(response, field):
    return " ".join(response.context["form"].errors.get(field, []))


def test_create_contract_and_take_an_extension(manager_client, region):
    response = manager_client.post(reverse("contracts:contract-create"), {
        "reference": "RvN-2027-02", "name": "Verblijf", "procedure": "open_tender",
        "status": "active", "start_date": "2027-01-01", "initial_end_date": "2028-12-31",
        "extension_options": 2, "extension_months": 12})
    contract = Contract.objects.get(reference="RvN-2027-02")
    assert response.status_code == 302 and contract.region == region
    extend = reverse("contracts:contract-extend", args=[contract.pk])
    assert manager_client.post(extend, {"decided_on": "2028-06-01"}).status_code == 302
    # 2 + 1: 31 December 2028 + 12 months = 31 December 2029.
    assert ContractExtension.objects.get(contract=contract).new_end_date == date(2029, 12, 31)


def test_contract_ending_before_it_starts_is_refused_on_the_field(manager_client):
    response = manager_client.post(reverse("contracts:contract-create"), {
        "reference": "X", "name": "X", "procedure": "open_tender", "status": "draft",
        "start_date": "2027-01-01", "initial_end_date": "2026-12-31",
        "extension_options": 0, "extension_months": 12})
    assert response.status_code == 400
    assert "ends before the contract starts" in errors_of(response, "initial_end_date")
    assert not Contract.objects.filter(reference="X").exists()


def test_extension_beyond_the_options_is_refused(manager_client, contract):
    extend = reverse("contracts:contract-extend", args=[contract.pk])
    for _ in range(2):  # 5 + 2x1: two options
        manager_client.post(extend, {"decided_on": "2030-06-01"})
    response = manager_client.post(extend, {"decided_on": "2030-06-01"})
    assert response.status_code == 400
    assert "All 2 extension options" in " ".join(response.context["form"].non_field_errors())
    assert contract.extensions.count() == 2


def test_award_breaking_an_award_rule_is_shown_on_the_lot(manager_client, contract, provider):
    # seed 003: the two Breda lots go to different parties.
    lots = [Lot.objects.create(contract=contract, number=n, name=f"Breda {n}") for n in (1, 2)]
    rule = AwardRule.objects.create(contract=contract, kind=AwardRule.Kind.DIFFERENT_PARTIES,
                                    source="seed 003 §5.3.3")
    rule.lots.set(lots)
    url = reverse("contracts:contract-award", args=[contract.pk])
    first = manager_client.post(url, {"lot": lots[0].pk, "provider": provider.pk,
                                      "start_date": "2026-01-01"})
    assert first.status_code == 302
    second = manager_client.post(url, {"lot": lots[1].pk, "provider": provider.pk,
                                       "start_date": "2026-01-01"})
    assert second.status_code == 400
    assert "each lot to a different party" in errors_of(second, "lot")
    assert contract.partners.count() == 1


def test_overlapping_tariff_is_refused_on_valid_from(manager_client, care, product):
    url = reverse("contracts:tariff-create", args=[care.pk])
    response = manager_client.post(url, {"product": product.pk, "amount": "88.00",
                                         "valid_from": "2026-07-01"})
    assert response.status_code == 400
    assert "may not overlap" in errors_of(response, "valid_from")
    assert "2026-01-01" in errors_of(response, "valid_from")
    assert Tariff.objects.count() == 1


def test_tariff_in_another_unit_is_refused_on_the_unit(manager_client, care, product):
    url = reverse("contracts:tariff-create", args=[care.pk])
    response = manager_client.post(url, {"product": product.pk, "amount": "250.00",
                                         "eenheid": "14", "valid_from": "2027-01-01"})
    assert response.status_code == 400
    assert "WJ756 04" in errors_of(response, "eenheid")


def test_provider_tariff_and_indexation_through_the_screens(manager_client, care, product,
                                                            oost):
    url = reverse("contracts:tariff-create", args=[care.pk])
    response = manager_client.post(url, {"product": product.pk, "provider": oost.pk,
                                         "amount": "90.00", "valid_from": "2026-01-01"})
    assert response.status_code == 302
    index = reverse("contracts:tariff-index", args=[care.pk])
    assert manager_client.post(index, {"year": 2027, "percentage": "3.5"}).status_code == 302
    # 85.50 x 1.035 = 88.4925 -> 88.49; 90.00 x 1.035 = 93.15.
    new = Tariff.objects.filter(valid_from=date(2027, 1, 1))
    assert sorted(t.amount for t in new) == [Decimal("88.49"), Decimal("93.15")]
    assert all(t.index_percentage == Decimal("3.5") for t in new)


def test_ceiling_below_committed_is_refused_on_the_budget(manager_client, care):
    # Committed + spent for the region on 15 June 2026: 14,657.14 + 1,368.00 = 16,025.14.
    url = reverse("contracts:ceiling-set")
    response = manager_client.post(url, {"year": 2026, "level": "region", "amount": "16000.00"})
    assert response.status_code == 400
    assert "16025.14" in errors_of(response, "amount")
    assert not Ceiling.objects.exists()
    ok = manager_client.post(url, {"year": 2026, "level": "region", "amount": "16025.14"})
    assert ok.status_code == 302 and Ceiling.objects.get().amount == Decimal("16025.14")


def test_ceiling_level_needs_its_target(manager_client, care):
    response = manager_client.post(reverse("contracts:ceiling-set"), {
        "year": 2026, "level": "municipality", "amount": "1000.00"})
    assert response.status_code == 400
    assert "names its municipality" in errors_of(response, "municipality")


def test_apply_a_conversion_table_and_read_its_report(manager_client, care, region, product):
    # seed 003 style: 45A48 split 60/40 over two new products; toewijzing 1001 has 4 h a
    # week -> 2.40 and 1.60; 1002 (2 h) -> 1.20 and 0.80.
    new = [Product.objects.create(
        region=region, product_categorie="45", product_code=code, name=code, eenheid="04",
        uitvoeringsvariant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        funding_model=FundingModel.PXQ) for code in ("45A50", "45A51")]
    table = ConversionTable.objects.create(region=region, name="Vertaaltabel 2027",
                                           effective_date=date(2026, 7, 1))
    for target, share in zip(new, ("0.6", "0.4"), strict=True):
        ConversionRule.objects.create(table=table, old_categorie="45", old_code="45A48",
                                      new_product=target, share=Decimal(share))
    response = manager_client.post(reverse("contracts:conversion-apply", args=[table.pk]),
                                   {"on": "2026-07-01"})
    assert response.status_code == 302
    report = manager_client.get(response["Location"])
    assert report.context["report"]["split"] == 2
    assert report.context["report"]["volume"] == {"45A50": Decimal("3.60"),
                                                  "45A51": Decimal("2.40")}
    assert ToewijzingConversion.objects.count() == 4
    assert "1001" in report.content.decode()

