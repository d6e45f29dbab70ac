"""The contract manager's write screens (Perm.MANAGE_CONTRACTS): each validates its form, calls
one service and puts the service's refusal on the field it names (an award rule on the lot, a
tariff overlap on "valid from", a ceiling below committed on the budget)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.contracts import conversion, services
from openjeugd.contracts import selectors_screens as screens
from openjeugd.contracts.forms import (
    AwardForm,
    CeilingForm,
    ContractForm,
    ConversionForm,
    ExtendForm,
    IndexForm,
    TariffForm,
)
from openjeugd.contracts.selectors_screens import get_in
from openjeugd.core.forms import saved


def _page(request, form, title, back, **extra):
    status = 400 if request.method == "POST" else 200
    return render(request, "contracts/form.html",
                  {"form": form, "title": title, "back": back, **extra}, status=status)


def _contract(request, pk):
    return get_in(screens.contracts_of(request.user), pk)


@requires(Perm.MANAGE_CONTRACTS)
def contract_create(request):
    region = request.user.region
    form = ContractForm(request.POST or None, region=region)
    contract = saved(request, form, lambda data: services.create_contract(
        user=request.user, region=region, **data))
    if contract:
        messages.success(request, _("Contract %(ref)s created.") % {"ref": contract.reference})
        return redirect("contracts:contract-detail", contract.pk)
    return _page(request, form, _("New contract"), "contracts:contract-list")


@requires(Perm.MANAGE_CONTRACTS)
def contract_extend(request, pk):
    contract = _contract(request, pk)
    form = ExtendForm(request.POST or None)
    extension = saved(request, form, lambda data: services.extend_contract(
        user=request.user, contract=contract, **data))
    if extension:
        messages.success(request, _("Extended until %(end)s.") % {"end": extension.new_end_date})
        return redirect("contracts:contract-detail", contract.pk)
    return _page(request, form, _("Take the next extension option of %(ref)s")
                 % {"ref": contract.reference}, "contracts:contract-detail", object=contract)


@requires(Perm.MANAGE_CONTRACTS)
def contract_award(request, pk):
    contract = _contract(request, pk)
    form = AwardForm(request.POST or None, contract=contract)
    if saved(request, form, lambda data: services.award_contract(
            user=request.user, contract=contract, **data)):
        messages.success(request, _("Award saved."))
        return redirect("contracts:contract-detail", contract.pk)
    return _page(request, form, _("Award %(ref)s") % {"ref": contract.reference},
                 "contracts:contract-detail", object=contract)


@requires(Perm.MANAGE_CONTRACTS)
def tariff_create(request, pk):
    contract = _contract(request, pk)
    form = TariffForm(request.POST or None, contract=contract,
                      providers=screens.partners_for_choice(contract))

    def write(data):
        return services.set_tariff(user=request.user, contract=contract,
                                   **{**data, "eenheid": data["eenheid"] or None})
    if saved(request, form, write):
        messages.success(request, _("Tariff saved."))
        return redirect("contracts:contract-detail", contract.pk)
    return _page(request, form, _("New tariff under %(ref)s") % {"ref": contract.reference},
                 "contracts:contract-detail", object=contract)


@requires(Perm.MANAGE_CONTRACTS)
def tariff_index(request, pk):
    contract = _contract(request, pk)
    form = IndexForm(request.POST or None)
    indexed = saved(request, form, lambda data: services.index_tariffs(
        user=request.user, contract=contract, **data))
    if indexed is not None:
        messages.success(request, _("%(n)s tariff(s) indexed.") % {"n": len(indexed)})
        return redirect("contracts:contract-detail", contract.pk)
    return _page(request, form, _("Index the tariffs of %(ref)s") % {"ref": contract.reference},
                 "contracts:contract-detail", object=contract)


@requires(Perm.MANAGE_CONTRACTS)
def ceiling_set(request):
    region = request.user.region
    form = CeilingForm(request.POST or None, region=region,
                       initial={"year": screens.year_from(request.GET.get("year"))})
    ceiling = saved(request, form, lambda data: services.set_ceiling(
        user=request.user, region=region, **form.service_kwargs()))
    if ceiling:
        messages.success(request, _("Ceiling saved."))
        return redirect("contracts:ceiling-detail", ceiling.pk)
    return _page(request, form, _("Set a ceiling"), "contracts:ceiling-overview")


@requires(Perm.MANAGE_CONTRACTS)
@require_POST
def conversion_apply(request, pk):
    table = get_in(screens.conversion_tables_of(request.user), pk)
    form = ConversionForm(request.POST)
    run = saved(request, form, lambda data: conversion.apply_conversion(
        user=request.user, table=table, **data))
    if run:
        messages.success(request, _("Conversion table applied; the report follows."))
        return redirect("contracts:conversion-run", run.pk)
    for error in form.errors.values():
        messages.error(request, " ".join(error))
    return redirect("contracts:conversion-list")
