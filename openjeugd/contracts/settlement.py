"""Money between parties: prefinancing, year-end settlement and cost sharing.

Cost shares are divided to the cent by largest remainder, so the parties' shares always add up
to exactly the amount shared (rounding each share on its own could miss it by a cent or two).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.contracts.models import (
    CostShare,
    CostSharingKey,
    PrefinancingInstalment,
    Settlement,
    Tariff,
)
from openjeugd.contracts.sums import ZERO, money_sum, products_q
from openjeugd.ijw.models import Prestatie

PURPOSE = "contract management"


def add_instalment(*, user=None, contract, provider, municipality, due_date: date,
                   amount: Decimal) -> PrefinancingInstalment:
    if municipality.region_id != contract.region_id:
        raise ValidationError({"municipality": _("The municipality is outside the contract's "
                                                 "region.")})
    with transaction.atomic():
        instalment = PrefinancingInstalment(contract=contract, provider=provider,
                                            municipality=municipality, due_date=due_date,
                                            amount=amount)
        instalment.full_clean()
        instalment.save()
        _log(user, instalment, contract.region_id)
    return instalment


def realised(*, contract, provider, municipality, year: int) -> Decimal:
    """Granted declaration lines (credits subtract) of the provider for the municipality in
    the year, for the products tariffed under the contract."""
    products = products_q(Tariff.objects.filter(contract=contract).values_list(
        "product__product_categorie", "product__product_code").distinct())
    if products is None:
        return ZERO
    return money_sum(Prestatie.objects.filter(
        products, provider=provider, declaratie__municipality=municipality,
        begindatum__year=year), "toegekend")


def settle_year(*, user=None, contract, provider, municipality, year: int,
                settled_on: date) -> Settlement:
    """Year-end: the instalments due in the year against what was realised; a positive balance
    is owed to the provider, a negative one is paid back."""
    prefinanced = money_sum(PrefinancingInstalment.objects.filter(
        contract=contract, provider=provider, municipality=municipality, due_date__year=year,
    ), "amount")
    done = realised(contract=contract, provider=provider, municipality=municipality, year=year)
    with transaction.atomic():
        settlement = Settlement(contract=contract, provider=provider, municipality=municipality,
                                year=year, prefinanced=prefinanced, realised=done,
                                balance=done - prefinanced, settled_on=settled_on)
        settlement.full_clean()
        settlement.save()
        _log(user, settlement, contract.region_id)
    return settlement


@dataclass(frozen=True)
class Share:
    party: CostShare
    weight: Fraction
    owed: Decimal

    @property
    def balance(self) -> Decimal:
        """Positive: the party still owes this much; negative: it is owed this much."""
        return self.owed - self.party.paid


def cost_shares(key: CostSharingKey) -> list[Share]:
    """Who carries what of the key's amount, and who owes whom after what each paid."""
    parties = list(key.shares.select_related("municipality", "region").order_by("pk"))
    weights = [_weight(key, party) for party in parties]
    total = sum(weights, Fraction(0))
    if total == 0:
        raise ValidationError({"basis": _(
            "The key's basis gives every party zero weight (%(basis)s): nothing to divide by.")
            % {"basis": key.get_basis_display()}})
    cents = _largest_remainder(int(key.amount * 100), [w / total for w in weights])
    return [Share(party, weight / total, Decimal(c) / 100)
            for party, weight, c in zip(parties, weights, cents, strict=True)]


def _weight(key: CostSharingKey, party: CostShare) -> Fraction:
    if key.basis == CostSharingKey.Basis.FIXED:
        if party.fixed_share is None:
            raise ValidationError({"fixed_share": _("Every party of a fixed key needs its "
                                                    "share.")})
        return Fraction(party.fixed_share)
    municipalities = [party.municipality] if party.municipality else list(
        party.region.municipalities.all())
    if key.basis == CostSharingKey.Basis.POPULATION:
        if any(m.population_0_17 is None for m in municipalities):
            raise ValidationError({"basis": _("A party has no population aged 0-17 recorded.")})
        return Fraction(sum(m.population_0_17 for m in municipalities))
    return Fraction(_use(key, municipalities))


def _use(key: CostSharingKey, municipalities) -> Decimal:
    products = products_q(key.products.values_list("product_categorie", "product_code"))
    if products is None:
        return ZERO
    return money_sum(Prestatie.objects.filter(
        products, declaratie__municipality__in=municipalities, begindatum__year=key.year),
        "toegekend")


def _largest_remainder(total_cents: int, fractions: list[Fraction]) -> list[int]:
    exact = [total_cents * f for f in fractions]
    floors = [int(x) for x in exact]
    left = total_cents - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:left]:
        floors[i] += 1
    return floors


def _log(user, obj, region_id) -> None:
    audit.record_object(user, "create", obj, purpose=PURPOSE, owner_region_id=region_id,
                        system="" if user is not None else "contracts")
