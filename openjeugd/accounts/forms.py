from django import forms
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.purposes import Purpose
from openjeugd.accounts.selectors import OWNER, READER


class AccessLogFilterForm(forms.Form):
    username = forms.CharField(
        label=_("User"), required=False,
        help_text=_("A whole user name finds that user only; part of a name finds every user "
                    "name that contains it (slower on a large log)."))
    object_type = forms.CharField(label=_("Object type"), required=False)
    object_id = forms.CharField(label=_("Object id"), required=False)
    action = forms.ChoiceField(
        label=_("Action"), required=False,
        choices=[("", _("all"))] + list(AccessLogEntry.Action.choices),
    )
    purpose = forms.ChoiceField(label=_("Purpose"), required=False,
                                choices=[("", _("all"))] + list(Purpose.choices))
    side = forms.ChoiceField(label=_("Region"), required=False, choices=[
        ("", _("our data or our users")),
        (OWNER, _("our data (owner's region)")),
        (READER, _("our users (reader's region)")),
    ])
    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("'Until' must not be before 'From'."))
        return data
