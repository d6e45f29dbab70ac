"""Forms of the contract screens. They only parse input; the rules (award rules, tariff overlap
and unit, ceiling below committed ...) are the services', whose errors the views put back on
the field they name. Every choice is limited to the user's region."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from openjeugd.contracts.models import Ceiling, Contract, Lot, Product, TaskArea
from openjeugd.contracts.models.budgets import (
    PLANNED_BEDS_LEVELS,
    PLANNED_BEDS_REFUSAL,
    TARGETS,
)
from openjeugd.ijw.codec.codes import EENHEID
from openjeugd.registry.models import Municipality, Partnership, Provider


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, required=True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput())


def money_field(label, required=True) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=required, max_digits=14, decimal_places=2,
                              min_value=0)


class ContractForm(forms.Form):
    reference = forms.CharField(label=_("Reference"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=200)
    procedure = forms.ChoiceField(label=_("Procedure"), choices=Contract.Procedure.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Contract.Status.choices)
    start_date = date_field(_("Start date"))
    initial_end_date = date_field(_("End of the initial term"))
    extension_options = forms.IntegerField(label=_("Extension options"), min_value=0,
                                           max_value=20, initial=0)
    extension_months = forms.IntegerField(label=_("Months per extension"), min_value=1,
                                          max_value=120, initial=12)
    task_area = forms.ModelChoiceField(label=_("Task area"), queryset=TaskArea.objects.none(),
                                       required=False)
    parent = forms.ModelChoiceField(label=_("Koepelcontract"), queryset=Contract.objects.none(),
                                    required=False)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["task_area"].queryset = TaskArea.objects.filter(region=region)
        self.fields["parent"].queryset = Contract.objects.filter(region=region)


class ExtendForm(forms.Form):
    decided_on = date_field(_("Decided on"))


class AwardForm(forms.Form):
    lot = forms.ModelChoiceField(label=_("Lot"), queryset=Lot.objects.none(), required=False,
                                 help_text=_("Empty: the contract as a whole."))
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none(),
                                      required=False)
    partnership = forms.ModelChoiceField(label=_("Partnership"),
                                         queryset=Partnership.objects.none(), required=False)
    start_date = date_field(_("Admitted from"))
    end_date = date_field(_("Admitted until"), required=False)

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lot"].queryset = contract.lots.all()
        self.fields["provider"].queryset = Provider.objects.filter(
            regions=contract.region_id).order_by("name")
        self.fields["partnership"].queryset = Partnership.objects.filter(
            region=contract.region_id)


class TariffForm(forms.Form):
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=Provider.objects.none(), required=False,
        help_text=_("Empty: the tariff holds for every partner of the contract."))
    eenheid = forms.ChoiceField(
        label=_("Unit (WJ756)"), required=False,
        choices=[("", _("the product's unit")), *sorted(EENHEID.items())])
    amount = forms.DecimalField(label=_("Tariff (euro per unit)"), max_digits=12,
                                decimal_places=2, min_value=0)
    valid_from = date_field(_("Valid from"))
    valid_until = date_field(_("Valid until"), required=False)

    def __init__(self, *args, contract, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.filter(region=contract.region_id)
        self.fields["provider"].queryset = providers


class IndexForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    percentage = forms.DecimalField(label=_("Indexation (%)"), max_digits=6, decimal_places=3)


class CeilingForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    level = forms.ChoiceField(label=_("Level"), choices=Ceiling.Level.choices)
    municipality = forms.ModelChoiceField(label=_("Municipality"), required=False,
                                          queryset=Municipality.objects.none())
    provider = forms.ModelChoiceField(label=_("Provider"), required=False,
                                      queryset=Provider.objects.none())
    lot = forms.ModelChoiceField(label=_("Lot"), required=False, queryset=Lot.objects.none())
    product = forms.ModelChoiceField(label=_("Product"), required=False,
                                     queryset=Product.objects.none())
    task_area = forms.ModelChoiceField(label=_("Segment (task area)"), required=False,
                                       queryset=TaskArea.objects.none())
    amount = money_field(_("Budget"))
    ventiel = money_field(_("Ventiel"), required=False)
    efficiency_discount = forms.DecimalField(label=_("Efficiency discount (%)"), required=False,
                                             max_digits=5, decimal_places=2, min_value=0,
                                             max_value=100)
    warning_percent = forms.IntegerField(label=_("Warn at percentage used"), required=False,
                                         min_value=1, max_value=100)
    planned_beds = forms.IntegerField(
        label=_("Planned beds (residential)"), required=False, min_value=0,
        help_text=_("Region and segment ceilings only: the beds this year's budget was fixed "
                    "for."))

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(region=region,
                                                                           active=True)
        self.fields["provider"].queryset = Provider.objects.filter(regions=region)
        self.fields["lot"].queryset = Lot.objects.filter(contract__region=region)
        self.fields["product"].queryset = Product.objects.filter(region=region)
        self.fields["task_area"].queryset = TaskArea.objects.filter(region=region)

    def clean(self):
        data = super().clean()
        field = TARGETS.get(data.get("level"))
        if field and not data.get(field):
            self.add_error(field, _("A ceiling at this level names its %(field)s.")
                           % {"field": self.fields[field].label.lower()})
        level = data.get("level")
        if data.get("planned_beds") is not None and level and level not in PLANNED_BEDS_LEVELS:
            self.add_error("planned_beds", PLANNED_BEDS_REFUSAL % {
                "level": Ceiling.Level(level).label})
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        field = TARGETS.get(data["level"])
        return {"year": data["year"], "level": data["level"], "amount": data["amount"],
                "ventiel": data.get("ventiel") or Decimal("0"),
                "efficiency_discount": data.get("efficiency_discount") or Decimal("0"),
                "warning_percent": data.get("warning_percent"),
                "planned_beds": data.get("planned_beds"),
                **({field: data[field]} if field else {})}


class ConversionForm(forms.Form):
    on = date_field(_("Toewijzingen running on"))
