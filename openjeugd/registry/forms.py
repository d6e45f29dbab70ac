from django import forms
from django.utils.translation import gettext_lazy as _

from openjeugd.registry.models import Facility, Team

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
