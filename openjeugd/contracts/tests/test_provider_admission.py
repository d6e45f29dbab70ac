"""Which provider may exchange messages with a municipality follows from contracts: a running
contract in the municipality's region on the message's dagtekening (new care), or one that
began before it (messages about existing care). A region without any contract keeps the
registry's Provider.regions."""

from datetime import date

import pytest

from openjeugd.contracts import services
from openjeugd.contracts.lookups import admitted_provider
from openjeugd.contracts.models import Contract, Lot
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message
from openjeugd.ijw.tests.rule_cases import found
from openjeugd.registry.models import Municipality
from openjeugd.registry.tests.factories import ProviderFactory

AGB_REFUSED = [("AGB", "0001", "header")]


def test_region_without_contracts_keeps_the_registry(deliver, provider):
    # No contract in the region: Provider.regions decides, as before contracts existed.
    assert deliver(samples.sample_jw301()).status == Message.Status.SENT


def test_contracts_in_the_region_replace_the_registry(deliver, provider, contract):
    # The region now has a contract, but the provider holds no award under it: refused,
    # although the registry still lists it in the region.
    outcome = deliver(samples.sample_jw301())
    assert found(outcome) == AGB_REFUSED
    assert outcome.message.provider is None


def test_partner_of_a_running_contract_is_admitted(deliver, provider, contract):
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 1, 1))
    assert deliver(samples.sample_jw301()).status == Message.Status.SENT


def test_admission_needs_the_contract_to_be_active(nijmegen, provider, contract):
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 1, 1))
    Contract.objects.filter(pk=contract.pk).update(status=Contract.Status.DRAFT)
    assert admitted_provider(agb=provider.agb_code, municipality=nijmegen,
                             on=date(2026, 3, 3), new_care=True) is None


def test_open_house_admission_date_counts(nijmegen, provider, contract):
    # Admitted to the open house from 1 April 2026: not yet on 3 March, yes on 1 April.
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 4, 1))
    ask = {"agb": provider.agb_code, "municipality": nijmegen, "new_care": True}
    assert admitted_provider(on=date(2026, 3, 3), **ask) is None
    assert admitted_provider(on=date(2026, 4, 1), **ask) == provider


def test_ended_contract_no_new_care_but_existing_care_goes_on(nijmegen, provider, contract):
    # The term 2026-2030 has ended on 2 January 2031: no new toewijzing, but a declaration
    # for December 2030 (existing care) is still accepted from its partner.
    services.award_contract(contract=contract, provider=provider, start_date=date(2026, 1, 1))
    after = {"agb": provider.agb_code, "municipality": nijmegen, "on": date(2031, 1, 2)}
    assert admitted_provider(new_care=True, **after) is None
    assert admitted_provider(new_care=False, **after) == provider
    # An extension (option 1 of 2) makes it run through 2031.
    services.extend_contract(contract=contract, decided_on=date(2030, 6, 1))
    assert admitted_provider(new_care=True, **after) == provider


def test_partnership_hoofdaannemer_is_admitted_onderaannemer_not(nijmegen, contract):
    from openjeugd.registry.services import create_partnership

    lead, member = ProviderFactory(), ProviderFactory()
    partnership = create_partnership(user=None, name="Samen Sterk", region=nijmegen.region,
                                     hoofdaannemer=lead, onderaannemers=[member])
    services.award_contract(contract=contract, partnership=partnership,
                            start_date=date(2026, 1, 1))
    ask = {"municipality": nijmegen, "on": date(2026, 3, 3), "new_care": True}
    assert admitted_provider(agb=lead.agb_code, **ask) == lead
    assert admitted_provider(agb=member.agb_code, **ask) is None


@pytest.mark.parametrize("code, admitted", [("0268", True), ("0209", False)])
def test_a_lot_covers_only_its_municipalities(nijmegen, provider, contract, code, admitted):
    # A lot for Nijmegen only: the partner of that lot is admitted in Nijmegen, not in
    # another municipality of the region (Beuningen, 0209).
    lot = Lot.objects.create(contract=contract, number=1, name="Nijmegen")
    lot.municipalities.add(nijmegen)
    services.award_contract(contract=contract, lot=lot, provider=provider,
                            start_date=date(2026, 1, 1))
    municipality = Municipality.objects.get(code=code)
    assert municipality.region_id == nijmegen.region_id
    result = admitted_provider(agb=provider.agb_code, municipality=municipality,
                               on=date(2026, 3, 3), new_care=True)
    assert (result == provider) is admitted
