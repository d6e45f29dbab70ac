from django import forms
from django.utils.translation import gettext_lazy as _

from openjeugd.registry.models import Facility, Provider, Team

_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}


class FacilityFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("all types"))] + Facility.Kind.choices,
                             widget=forms.Select(attrs=_SELECT))


class TeamFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("all kinds"))] + Team.Kind.choices,
                             widget=forms.Select(attrs=_SELECT))


class YouthSearchForm(forms.Form):
    q = forms.CharField(label=_("BSN or surname"), required=False, max_length=200,
                        widget=forms.TextInput(attrs=_TEXTBOX))


# --- writes by the regional administrator ------------------------------------------------------

_NUMBER = {"class": "utrecht-textbox utrecht-textbox--html-input", "inputmode": "numeric"}
_CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}


def _number(label, *, required=False, min_value=0, **kwargs):
    return forms.IntegerField(label=label, required=required, min_value=min_value,
                              widget=forms.NumberInput(attrs=_NUMBER), **kwargs)


class PopulationForm(forms.Form):
    population_total = _number(_("Population"))
    population_0_17 = _number(_("Population aged 0-17"))
    population_source = forms.CharField(
        label=_("Source"), max_length=200, required=False, widget=forms.TextInput(attrs=_TEXTBOX),
        help_text=_("Where the population figures come from, e.g. 'CBS 2025' or 'demo estimate'."))
    population_is_estimate = forms.BooleanField(label=_("These figures are a demo estimate"),
                                                required=False,
                                                widget=forms.CheckboxInput(attrs=_CHECKBOX))


class ProviderRegisterForm(forms.Form):
    agb_code = forms.CharField(label=_("AGB code"), max_length=8,
                               widget=forms.TextInput(attrs=_TEXTBOX),
                               help_text=_("The provider's 8-digit AGB code."))

    def clean_agb_code(self):
        code = self.cleaned_data["agb_code"].strip()
        self.provider = Provider.objects.filter(agb_code=code).first()
        if self.provider is None:
            raise forms.ValidationError(_("No provider with this AGB code. Register it as a "
                                          "new provider."))
        return code


class ProviderCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs=_TEXTBOX))
    agb_code = forms.CharField(label=_("AGB code"), max_length=8,
                               widget=forms.TextInput(attrs=_TEXTBOX))
    kvk_number = forms.CharField(label=_("KvK number"), max_length=8, required=False,
                                 widget=forms.TextInput(attrs=_TEXTBOX))


class FacilityForm(forms.Form):
    """Provider and municipality choices are limited to the admin's own region."""

    provider = forms.ModelChoiceField(label=_("Provider"), queryset=None,
                                      widget=forms.Select(attrs=_SELECT))
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs=_TEXTBOX))
    kind = forms.ChoiceField(label=_("Type"), choices=Facility.Kind.choices,
                             widget=forms.Select(attrs=_SELECT))
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None,
                                          widget=forms.Select(attrs=_SELECT))
    places = _number(_("Places"), required=True)
    group_size = _number(_("Group size"), min_value=1)
    age_min = _number(_("Minimum age"), required=True)
    age_max = _number(_("Maximum age"), required=True)

    def __init__(self, *args, providers, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers
        self.fields["municipality"].queryset = municipalities


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs=_TEXTBOX))
    kind = forms.ChoiceField(label=_("Kind"), choices=Team.Kind.choices,
                             widget=forms.Select(attrs=_SELECT))
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities served"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOX))

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = municipalities
