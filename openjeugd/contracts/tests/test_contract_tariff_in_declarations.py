"""TR418 through the real import path with the contracts app's own lookup: a declaration
line at a tariff other than the contract tariff gets 0611; at the contract tariff it is paid.

The samples: toewijzing 1001, 4 hours a week of 45A48 from 12 January 2026; a February line of
16 hours (28 days = 4 weeks x 4 h) at EUR 85.50 = EUR 1,368.00.
"""

from datetime import date
from decimal import Decimal

from openjeugd.contracts import services
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Declaratie, Message
from openjeugd.ijw.tests.rule_cases import found
from openjeugd.registry.models import Provider


def declare(deliver, *lines, nummer="D2026020001", ident="DC000001"):
    return deliver(samples.sample_jw323(identificatie=ident, declaratie_nummer=nummer,
                                        prestaties=list(lines) or None))


def granted(outcome) -> Decimal:
    return Declaratie.objects.get(message=outcome.message).totaal_toegekend


def test_line_at_the_contract_tariff_is_paid(deliver, contracted):
    assert deliver(samples.sample_jw301()).status == Message.Status.SENT
    outcome = declare(deliver)
    assert found(outcome) == []
    assert granted(outcome) == Decimal("1368.00")


def test_line_at_another_tariff_gets_0611(deliver, contracted):
    deliver(samples.sample_jw301())
    # 16 h at EUR 90.00 = EUR 1,440.00: a consistent line (TR346 holds for its own tariff),
    # but not the contract's EUR 85.50.
    outcome = declare(deliver, samples.sample_prestatie(tarief=Decimal("90.00")))
    assert found(outcome) == [("TR418", "0611", "product")]
    assert granted(outcome) == Decimal("0.00")
    assert outcome.message.status == Message.Status.PARTLY_GRANTED


def test_provider_tariff_takes_precedence_over_the_contract_wide_one(deliver, contracted,
                                                                      product, provider):
    # The provider negotiated EUR 90.00 for February onwards; the contract-wide EUR 85.50
    # remains for the others. So EUR 90.00 is paid and EUR 85.50 is refused.
    services.set_tariff(contract=contracted, product=product, provider=provider,
                        amount=Decimal("90.00"), valid_from=date(2026, 2, 1))
    deliver(samples.sample_jw301())
    refused = declare(deliver)
    assert found(refused) == [("TR418", "0611", "product")]
    paid = declare(deliver, samples.sample_prestatie(referentie="P000002",
                                                     tarief=Decimal("90.00")),
                   nummer="D2026020002", ident="DC000002")
    assert found(paid) == []
    assert granted(paid) == Decimal("1440.00")  # 16 h x EUR 90.00


def test_tariff_is_the_one_valid_in_the_product_period(deliver, contract, provider, product):
    # EUR 85.50 until February, EUR 87.21 from 1 March 2026 (85.50 + 2 %, a mid-year
    # renegotiation). February is declared at 85.50 and paid; March at 85.50 is refused,
    # March at 87.21 paid: 12 h (March 2026 touches ceil(31/7) = 5 weeks, 20 h allowed) x
    # 87.21 = EUR 1,046.52.
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 1, 1))
    services.set_tariff(contract=contract, product=product, amount=Decimal("85.50"),
                        valid_from=date(2026, 1, 1), valid_until=date(2026, 2, 28))
    services.set_tariff(contract=contract, product=product, amount=Decimal("87.21"),
                        valid_from=date(2026, 3, 1))
    deliver(samples.sample_jw301())
    assert found(declare(deliver)) == []
    march = {"begindatum": date(2026, 3, 1), "einddatum": date(2026, 3, 31), "volume": 12}
    old = deliver(samples.sample_jw323(
        identificatie="DC000002", declaratie_nummer="D2026030001", dagtekening=date(2026, 4, 3),
        periode=(date(2026, 3, 1), date(2026, 3, 31)),
        prestaties=[samples.sample_prestatie(referentie="P000002", **march)]))
    assert found(old) == [("TR418", "0611", "product")]
    new = deliver(samples.sample_jw323(
        identificatie="DC000003", declaratie_nummer="D2026030002", dagtekening=date(2026, 4, 3),
        periode=(date(2026, 3, 1), date(2026, 3, 31)),
        prestaties=[samples.sample_prestatie(referentie="P000003", tarief=Decimal("87.21"),
                                             **march)]))
    assert found(new) == []
    assert granted(new) == Decimal("1046.52")


# A product the provider's contract does not cover: TR418 ("het contractuele tarief van
# ProductCode") with IV081 ("in het contract een tarief voor het betreffende product te zijn
# vastgelegd") - no contract tariff, so no declared tariff can be the contractual one: 0611.

def test_product_without_a_contract_tariff_gets_0611(deliver, contract, provider, product):
    # Admitted to the running contract, but 45A48 has no tariff in it.
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 1, 1))
    deliver(samples.sample_jw301())
    outcome = declare(deliver)
    assert found(outcome) == [("TR418", "0611", "product")]
    assert granted(outcome) == Decimal("0.00")


def test_product_priced_for_another_provider_only_gets_0611(deliver, contract, provider,
                                                            product, nijmegen):
    # The contract prices 45A48 for Oost alone; De Linde is admitted but not covered.
    oost = Provider.objects.create(name="Kinderpraktijk Oost", agb_code="98771234")
    oost.regions.add(nijmegen.region)
    for partner in (provider, oost):
        services.award_contract(contract=contract, provider=partner,
                                start_date=date(2026, 1, 1))
    services.set_tariff(contract=contract, product=product, provider=oost,
                        amount=Decimal("85.50"), valid_from=date(2026, 1, 1))
    deliver(samples.sample_jw301())
    assert found(declare(deliver)) == [("TR418", "0611", "product")]


def test_a_region_without_contracts_judges_no_tariff(deliver, product):
    # The catalogue alone prices nothing: the line is paid as declared (16 h x 85.50).
    deliver(samples.sample_jw301())
    outcome = declare(deliver)
    assert found(outcome) == []
    assert granted(outcome) == Decimal("1368.00")
