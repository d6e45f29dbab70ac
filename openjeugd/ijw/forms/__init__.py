from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from openjeugd.ijw import uploads
from openjeugd.ijw.codec.message_types import MESSAGE_TYPES
from openjeugd.ijw.models import Message

_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_DATE = {"class": "utrecht-textbox utrecht-textbox--html-input", "type": "date"}
_CHECKBOX = {"class": "utrecht-checkbox utrecht-checkbox--html-input"}
DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024


def upload_max_bytes() -> int:
    return getattr(settings, "IJW_UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES)


class MessageFilterForm(forms.Form):
    code = forms.ChoiceField(
        label=_("Message"), required=False,
        choices=[("", _("all messages"))]
        + [(c, f"{c} {t.name}") for c, t in MESSAGE_TYPES.items()],
        widget=forms.Select(attrs=_SELECT))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("all statuses"))] + Message.Status.choices,
                               widget=forms.Select(attrs=_SELECT))
    received_from = forms.DateField(label=_("Received from"), required=False,
                                    widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"))
    received_to = forms.DateField(label=_("Received until"), required=False,
                                  widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"))
    overdue = forms.BooleanField(label=_("Only answers past their deadline"), required=False,
                                 widget=forms.CheckboxInput(attrs=_CHECKBOX))

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("The end of the period lies before its start."))
        return data

    def filters(self) -> dict:
        """Keyword arguments for selectors.message_list; no filter when the form is invalid."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Message file"),
        widget=forms.ClearableFileInput(attrs={
            "class": "utrecht-textbox utrecht-textbox--html-input",
            "accept": ".xml,.zip,application/xml,text/xml,application/zip",
            "aria-describedby": "id_file-help"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries: list[uploads.Entry] = []
        self.fields["file"].help_text = _(
            "One iJw message (.xml) or a .zip with many; at most %(size)s.") % {
            "size": filesizeformat(upload_max_bytes())}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = upload_max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the maximum is %(max)s."),
                params={"size": filesizeformat(upload.size), "max": filesizeformat(limit)})
        try:
            self.entries = uploads.unpack(upload.name, upload.read(), max_total=limit * 5)
        except uploads.BundleError as error:
            raise forms.ValidationError(str(error)) from error
        if not self.entries:
            raise forms.ValidationError(_("The zip file holds no .xml messages."))
        return upload


class MessageSearchForm(forms.Form):
    """Sent as POST: a BSN never goes into a URL (and so never into a server log)."""

    q = forms.CharField(label=_("BSN or surname of the client"), min_length=2, max_length=200,
                        widget=forms.TextInput(attrs={
                            "class": "utrecht-textbox utrecht-textbox--html-input",
                            "autocomplete": "off"}))
