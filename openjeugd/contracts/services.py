"""Writes: contracts, awards, tariffs and ceilings. Keyword-only arguments, validated, one
transaction each, an access-log entry, the object back. Bad input raises ValidationError
naming the field and the rule; nothing is half-written."""

import calendar
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.contracts import budget, selectors
from openjeugd.contracts.models import (
    AwardRule,
    Ceiling,
    Contract,
    ContractExtension,
    ContractPartner,
    Product,
    Tariff,
)
from openjeugd.lib.money import round_money
from openjeugd.registry.models import PartnershipMember

PURPOSE = "contract management"


def _log(user, action: str, obj, region_id: int) -> None:
    audit.record_object(user, action, obj, purpose=PURPOSE, owner_region_id=region_id,
                        system="" if user is not None else "contracts")


def _saved(user, obj, region_id: int, action: str = "create"):
    obj.full_clean()
    obj.save()
    _log(user, action, obj, region_id)
    return obj


# --- contracts ------------------------------------------------------------------------------

def create_contract(*, user=None, region, reference: str, name: str, procedure: str,
                    start_date: date, initial_end_date: date, extension_options: int = 0,
                    extension_months: int = 12, task_area=None, parent=None,
                    status: str = Contract.Status.DRAFT) -> Contract:
    if initial_end_date < start_date:
        raise ValidationError({"initial_end_date": _(
            "The initial term ends before the contract starts.")})
    if parent is not None and parent.region_id != region.pk:
        raise ValidationError({"parent": _("A koepelcontract belongs to the same region.")})
    if task_area is not None and task_area.region_id != region.pk:
        raise ValidationError({"task_area": _("The task area belongs to another region.")})
    with transaction.atomic():
        return _saved(user, Contract(
            region=region, reference=reference, name=name, procedure=procedure,
            start_date=start_date, initial_end_date=initial_end_date,
            extension_options=extension_options, extension_months=extension_months,
            task_area=task_area, parent=parent, status=status), region.pk)


def extend_contract(*, user=None, contract: Contract, decided_on: date) -> ContractExtension:
    """Take the next extension option: the term grows by ``extension_months``."""
    with transaction.atomic():
        contract = Contract.objects.select_for_update().get(pk=contract.pk)
        taken = contract.extensions.count()
        if taken >= contract.extension_options:
            raise ValidationError({"extension_options": _(
                "All %(n)s extension options of this contract have been taken.")
                % {"n": contract.extension_options}})
        new_end = add_months(selectors.current_end(contract), contract.extension_months)
        return _saved(user, ContractExtension(contract=contract, number=taken + 1,
                                              new_end_date=new_end, decided_on=decided_on),
                      contract.region_id)


def add_months(last_day: date, months: int) -> date:
    """The last day of a term ``months`` longer than one ending on ``last_day``: a term
    ending 31 December 2030 extended by 12 months ends 31 December 2031 (and 28 February
    2027 + 12 months ends 29 February 2028: ends of months stay ends of months)."""
    first_after = last_day + timedelta(days=1)
    month = first_after.month - 1 + months
    year, month = first_after.year + month // 12, month % 12 + 1
    day = min(first_after.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


# --- awards ---------------------------------------------------------------------------------

def award_contract(*, user=None, contract: Contract, start_date: date, lot=None, provider=None,
                   partnership=None, end_date: date | None = None) -> ContractPartner:
    """Award the contract (or a lot) to a provider or a partnership, keeping the contract's
    award rules."""
    if (provider is None) == (partnership is None):
        raise ValidationError({"provider": _("Award to a provider or to a partnership (one).")})
    if lot is not None and lot.contract_id != contract.pk:
        raise ValidationError({"lot": _("The lot belongs to another contract.")})
    if partnership is not None and partnership.region_id != contract.region_id:
        raise ValidationError({"partnership": _("The partnership belongs to another region.")})
    with transaction.atomic():
        # Awards of one contract are judged one at a time: the rules look at the others.
        contract = Contract.objects.select_for_update().get(pk=contract.pk)
        award = ContractPartner(contract=contract, lot=lot, provider=provider,
                                partnership=partnership, start_date=start_date,
                                end_date=end_date)
        for rule in contract.award_rules.prefetch_related("lots"):
            _keep(rule, award)
        return _saved(user, award, contract.region_id)


def _keep(rule: AwardRule, award: ContractPartner) -> None:
    lots = list(rule.lots.all())
    if award.lot is None or (lots and award.lot not in lots):
        return
    # Awards that ended before this one starts no longer count (a lot can change hands).
    others = ContractPartner.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=award.start_date),
        contract=award.contract, lot__isnull=False)
    if lots:
        others = others.filter(lot__in=lots)
    if rule.kind == AwardRule.Kind.DIFFERENT_PARTIES:
        taken = others.exclude(lot=award.lot)
        if _party(award) in {_party(a) for a in taken.select_related("partnership")}:
            raise ValidationError({"lot": _(
                "Award rule '%(rule)s' (%(source)s): this party already holds another of these "
                "lots.") % {"rule": rule.get_kind_display(), "source": rule.source or "-"}})
    elif rule.kind == AwardRule.Kind.MAX_PARTNERS_PER_LOT:
        if others.filter(lot=award.lot).count() >= rule.max_partners:
            raise ValidationError({"lot": _(
                "Award rule '%(rule)s' (%(source)s): lot %(lot)s already has %(n)s "
                "partner(s).") % {"rule": rule.get_kind_display(), "source": rule.source or "-",
                                  "lot": award.lot.number, "n": rule.max_partners}})


def _party(award: ContractPartner) -> int:
    """Who an award goes to, as the provider holding it: a partnership is its hoofdaannemer,
    so a provider cannot take a second lot by bidding once alone and once as lead."""
    if award.provider_id is not None:
        return award.provider_id
    return PartnershipMember.objects.get(
        partnership=award.partnership_id, role=PartnershipMember.Role.HOOFDAANNEMER).provider_id


# --- tariffs --------------------------------------------------------------------------------

def set_tariff(*, user=None, contract: Contract, product: Product, amount: Decimal,
               valid_from: date, valid_until: date | None = None, provider=None,
               eenheid: str | None = None, indexed_from: Tariff | None = None,
               index_percentage: Decimal | None = None) -> Tariff:
    """A tariff for a new period. Overlap is refused here, inside a transaction that locks the
    product row, so two concurrent writes for one product are judged one after the other (on
    SQLite the write lock serialises them anyway)."""
    eenheid = product.eenheid if eenheid is None else eenheid
    _check_tariff_input(contract, product, amount, eenheid, provider)
    with transaction.atomic():
        Product.objects.select_for_update().get(pk=product.pk)
        _refuse_overlap(contract, product, provider, valid_from, valid_until)
        return _saved(user, Tariff(
            contract=contract, product=product, provider=provider, valid_from=valid_from,
            valid_until=valid_until, eenheid=eenheid, amount=amount, indexed_from=indexed_from,
            index_percentage=index_percentage), contract.region_id)


def _check_tariff_input(contract, product, amount, eenheid, provider) -> None:
    if not isinstance(amount, Decimal):
        raise ValidationError({"amount": _("A tariff is a Decimal amount in euros.")})
    if amount != round_money(amount):
        raise ValidationError({"amount": _(
            "A tariff is in whole cents (ProductTarief is a number of eurocents).")})
    if product.region_id != contract.region_id:
        raise ValidationError({"product": _("The product belongs to another region.")})
    if eenheid != product.eenheid:
        raise ValidationError({"eenheid": _(
            "The tariff must be per %(unit)s, the product's unit (WJ756 %(code)s); IV081: a "
            "contract tariff is agreed in the unit the product is assigned in.")
            % {"unit": product.get_eenheid_display(), "code": product.eenheid}})
    if provider is not None and provider.pk not in selectors.partner_providers(contract):
        raise ValidationError({"provider": _(
            "%(provider)s is not a partner of contract %(ref)s.")
            % {"provider": provider, "ref": contract.reference}})


def _refuse_overlap(contract, product, provider, valid_from, valid_until) -> None:
    """One tariff per day for a product and a provider; a contract-wide tariff (no provider)
    is one per day for the product in the region, so the lookup never has to choose."""
    same = Tariff.objects.filter(product=product, provider=provider)
    clash = same.filter(valid_from__lte=valid_until or date.max).exclude(
        valid_until__lt=valid_from).first()
    if clash is not None:
        raise ValidationError({"valid_from": _(
            "The period overlaps the tariff of %(start)s – %(end)s (contract %(ref)s): tariff "
            "periods of a product for one provider may not overlap.")
            % {"start": clash.valid_from, "end": clash.valid_until or "…",
               "ref": clash.contract.reference}})


def index_tariffs(*, user=None, contract: Contract, year: int,
                  percentage: Decimal) -> list[Tariff]:
    """Yearly indexation: every tariff of the contract running into ``year`` is closed on 31
    December of the year before and continued from 1 January at amount × (1 + percentage /
    100), rounded to the cent (lib.money), with its source and percentage kept."""
    if not isinstance(percentage, Decimal):
        raise ValidationError({"percentage": _("The indexation is a Decimal percentage.")})
    first, last_before = date(year, 1, 1), date(year - 1, 12, 31)
    with transaction.atomic():
        # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of the provider join.
        running = Tariff.objects.select_for_update(of=("self",)).filter(
            contract=contract, valid_from__lte=last_before).exclude(valid_until__lt=first)
        new = []
        for tariff in running.select_related("product", "provider"):
            end = tariff.valid_until
            Tariff.objects.filter(pk=tariff.pk).update(valid_until=last_before)
            _log(user, "update", tariff, contract.region_id)
            new.append(set_tariff(
                user=user, contract=contract, product=tariff.product, provider=tariff.provider,
                amount=round_money(tariff.amount * (1 + percentage / 100)), valid_from=first,
                valid_until=end, indexed_from=tariff, index_percentage=percentage))
        return new


# --- ceilings -------------------------------------------------------------------------------

def set_ceiling(*, user=None, region, year: int, level: str, amount: Decimal,
                ventiel: Decimal = Decimal("0"), efficiency_discount: Decimal = Decimal("0"),
                warning_percent: int | None = None, planned_beds: int | None = None,
                as_of: date | None = None, **target) -> Ceiling:
    """Create or change the ceiling of ``level`` for ``target`` (municipality=, provider=,
    lot=, product= or task_area=). A budget below what is already committed and spent under
    the ceiling is refused: it would be exhausted the day it is set. Planned beds only on a
    region or segment ceiling (Ceiling.clean)."""
    with transaction.atomic():
        ceiling = Ceiling.objects.select_for_update().filter(
            region=region, year=year, level=level, **target).first() or Ceiling(
            region=region, year=year, level=level, **target)
        action = "update" if ceiling.pk else "create"
        ceiling.amount, ceiling.ventiel = amount, ventiel
        ceiling.efficiency_discount, ceiling.warning_percent = efficiency_discount, \
            warning_percent
        ceiling.planned_beds = planned_beds
        ceiling.full_clean(validate_unique=False)
        figures = budget.ceiling_figures(ceiling, as_of=as_of)
        used = figures.committed + figures.spent
        if figures.budget < used:
            raise ValidationError({"amount": _(
                "The budget %(budget)s (after efficiency discount, with ventiel) is below what "
                "is already committed and spent under this ceiling (%(used)s).")
                % {"budget": figures.budget, "used": used}})
        return _saved(user, ceiling, region.pk, action)
