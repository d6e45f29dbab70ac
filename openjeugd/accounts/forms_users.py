"""Forms for the regional user administration. Scope choices are limited to the admin's
own region; the service checks the same again, so a forged POST gets the same refusal."""

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts import selectors_users, services
from openjeugd.accounts.roles import Role

_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_TEXTBOX = {"class": "utrecht-textbox utrecht-textbox--html-input"}


class UserFilterForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), required=False,
                             choices=[("", _("all roles"))] + Role.choices,
                             widget=forms.Select(attrs=_SELECT))
    active = forms.ChoiceField(label=_("Status"), required=False,
                               widget=forms.Select(attrs=_SELECT),
                               choices=[("", _("all")), ("yes", _("active")),
                                        ("no", _("deactivated"))])

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        active = {"yes": True, "no": False}.get(self.cleaned_data["active"])
        return {"role": self.cleaned_data["role"], "active": active}


class UserForm(forms.Form):
    """Name, e-mail, role and scope; `username` only when creating."""

    username = forms.CharField(label=_("Username"), max_length=150,
                               widget=forms.TextInput(attrs={**_TEXTBOX, "autocomplete": "off"}))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False,
                                 widget=forms.TextInput(attrs=_TEXTBOX))
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False,
                                widget=forms.TextInput(attrs=_TEXTBOX))
    email = forms.EmailField(label=_("E-mail address"), required=False,
                             widget=forms.EmailInput(attrs=_TEXTBOX))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices,
                             widget=forms.Select(attrs=_SELECT))
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=None, widget=forms.Select(attrs=_SELECT),
        help_text=_("Only for municipal access workers."))
    provider = forms.ModelChoiceField(
        label=_("Provider"), required=False, queryset=None, widget=forms.Select(attrs=_SELECT),
        help_text=_("Only for provider staff; providers registered for your region."))

    def __init__(self, *args, admin, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = selectors_users.municipalities_for_scope(admin)
        self.fields["provider"].queryset = selectors_users.providers_for_scope(admin)
        if not creating:
            del self.fields["username"]

    @staticmethod
    def initial_for(user) -> dict:
        return {"first_name": user.first_name, "last_name": user.last_name,
                "email": user.email, "role": user.role,
                "municipality": user.municipality_id, "provider": user.provider_id}


class LinkSetPasswordForm(SetPasswordForm):
    """Django's set-password form, saving through the accounts service (access log)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.update(_TEXTBOX)

    def save(self, commit=True):
        return services.set_password(user=self.user,
                                     password=self.cleaned_data["new_password1"])
