"""Forms for the actions that send a message (services.actions). Codes are offered from the
official code lists with their meaning; checks that need the stored context are the service's
and the rules' (shown in the preview)."""

from calendar import monthrange
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from openjeugd.ijw.codec import codes
from openjeugd.registry.models import Provider

_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}
_DATE = {**_TEXT, "type": "date"}


def _code_choices(list_name: str, *, blank: bool = False) -> list[tuple[str, str]]:
    choices = [(code, f"{code} {meaning}") for code, meaning in codes.code_list(list_name).items()]
    return [("", "–")] + choices if blank else choices


def _codes(label, list_name: str, *, required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=required, widget=forms.Select(attrs=_SELECT),
                             choices=_code_choices(list_name, blank=not required))


def _date_field(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required,
                           widget=forms.DateInput(attrs=_DATE, format="%Y-%m-%d"))


def _text(label, max_length: int, *, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, max_length=max_length, required=required,
                           widget=forms.TextInput(attrs=_TEXT))


class AssignForm(forms.Form):
    """JW301 for one product."""

    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none(),
                                      widget=forms.Select(attrs=_SELECT))
    categorie = _codes(_("Product category"), "JZ020")
    code = _text(_("Product code"), 5)
    ingangsdatum = _date_field(_("Start date"))
    einddatum = _date_field(_("End date"), required=False)
    volume = forms.IntegerField(label=_("Volume"), required=False, min_value=1,
                                widget=forms.NumberInput(attrs=_TEXT))
    eenheid = _codes(_("Unit"), "WJ756", required=False)
    frequentie = _codes(_("Frequency"), "WMO757", required=False)
    budget = forms.DecimalField(label=_("Budget (euro)"), required=False, min_value=0,
                                max_digits=12, decimal_places=2,
                                widget=forms.NumberInput(attrs={**_TEXT, "step": "0.01"}))
    referentie_aanbieder = _text(_("Provider reference (of a request)"), 40)

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers

    def clean(self):
        data = super().clean()
        start, end = data.get("ingangsdatum"), data.get("einddatum")
        if start and end and end < start:
            self.add_error("einddatum", _("The end date lies before the start date."))
        # An Omvang has all three parts or none (iJw CDT_Omvang).
        parts = [data.get("volume"), data.get("eenheid"), data.get("frequentie")]
        if any(parts) and not all(parts):
            for name, value in zip(("volume", "eenheid", "frequentie"), parts, strict=True):
                if not value:
                    self.add_error(name, _("Volume, unit and frequency go together."))
        return data


class ChangeForm(forms.Form):
    """JW301 with RedenWijziging: a new end date; withdrawing is reason 13 "Verwijderd"."""

    einddatum = _date_field(_("New end date"))
    reden_wijziging = _codes(_("Reason for change"), "JZ002")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # condities-constraints CS335: RedenWijziging 13 needs Einddatum = Ingangsdatum.
        self.fields["reden_wijziging"].help_text = _(
            "To withdraw the assignment, choose 13 (Verwijderd) and its start date as end date.")


class AnswerForm(forms.Form):
    """JW319: reject the request or say it is being investigated (WJ760)."""

    antwoord = _codes(_("Answer"), "WJ760")
    reden_afwijzing = _codes(_("Reason for rejection"), "WJ759", required=False)
    woonplaats_gemeente = _text(_("Municipality responsible (woonplaatsbeginsel)"), 4)

    def clean(self):
        data = super().clean()
        if data.get("antwoord") == codes.VERZOEK_AFGEWEZEN and not data.get("reden_afwijzing"):
            self.add_error("reden_afwijzing", _("A rejection needs a reason."))
        return data


class RequestForm(forms.Form):
    """JW315 for one product."""

    referentie_aanbieder = _text(_("Your reference for this request"), 40, required=True)
    categorie = _codes(_("Product category"), "JZ020")
    ingangsdatum = _date_field(_("Requested start date"))
    verwijzer_type = _codes(_("Referred by"), "COD327")
    verwijzer_naam = _text(_("Name of the referrer"), 35)
    verwijzer_agb = _text(_("AGB code of the referrer"), 8)


class StartForm(forms.Form):
    begindatum = _date_field(_("Start of care"))


class StopForm(forms.Form):
    einddatum = _date_field(_("End of care"))
    reden_beeindiging = _codes(_("Reason for ending"), "JZ588")

    def __init__(self, *args, start, **kwargs):
        super().__init__(*args, **kwargs)
        self.start = start

    def clean_einddatum(self):
        end = self.cleaned_data["einddatum"]
        if end < self.start.begindatum:
            raise forms.ValidationError(_("The end of care lies before its start."))
        return end


class DeclareForm(forms.Form):
    """JW323 with one prestatie for one toewijzing over one calendar month."""

    maand = forms.DateField(label=_("Month"), input_formats=["%Y-%m"],
                            widget=forms.DateInput(attrs={**_TEXT, "type": "month"},
                                                   format="%Y-%m"))
    referentie = _text(_("Reference number of the prestatie"), 20, required=True)
    volume = forms.IntegerField(label=_("Delivered volume"), min_value=1,
                                widget=forms.NumberInput(attrs=_TEXT))
    tarief = forms.DecimalField(label=_("Tariff per unit (euro)"), min_value=0, max_digits=12,
                                decimal_places=2,
                                widget=forms.NumberInput(attrs={**_TEXT, "step": "0.01"}))

    @staticmethod
    def period_of(maand: date) -> tuple[date, date]:
        first = maand.replace(day=1)
        return first, first.replace(day=monthrange(first.year, first.month)[1])


class RequestChangeForm(forms.Form):
    """JW317 (VOW) for one youth: every current toewijzing of the provider is on the form,
    prefilled, so the request lists them all (TR349) and the user only marks what changes."""

    referentie_aanbieder = _text(_("Your reference for this request"), 40, required=True)
    reden_verzoek = _codes(_("Reason for the request"), "WJ758")

    def __init__(self, *args, toewijzingen, first_possible: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.toewijzingen = list(toewijzingen)
        for t in self.toewijzingen:
            self._add_line(t, first_possible)

    def _add_line(self, t, first_possible: date) -> None:
        nr = t.toewijzing_nummer
        about = _("assignment %(nr)s (%(product)s, %(start)s – %(end)s)") % {
            "nr": nr, "product": f"{t.product_categorie or '–'}/{t.product_code or '–'}",
            "start": t.ingangsdatum.isoformat(),
            "end": t.einddatum.isoformat() if t.einddatum else "…"}
        # TR357: a change that does not lie ahead starts on the toewijzing's own start date,
        # so offer the later of that and the first day that still lies ahead.
        start = max(t.ingangsdatum, first_possible)
        fields = {
            "change": forms.BooleanField(label=_("Change %(about)s") % {"about": about},
                                         required=False,
                                         widget=forms.CheckboxInput(
                                             attrs={"class": "utrecht-checkbox"})),
            "ingangsdatum": _date_field(_("Desired start of the change (%(nr)s)") % {"nr": nr},
                                        required=False),
            "einddatum": _date_field(_("End date (%(nr)s)") % {"nr": nr}, required=False),
            "volume": forms.IntegerField(label=_("Volume (%(nr)s)") % {"nr": nr},
                                         required=False, min_value=1,
                                         widget=forms.NumberInput(attrs=_TEXT)),
            "eenheid": _codes(_("Unit (%(nr)s)") % {"nr": nr}, "WJ756", required=False),
            "frequentie": _codes(_("Frequency (%(nr)s)") % {"nr": nr}, "WMO757",
                                 required=False),
            "budget": forms.DecimalField(label=_("Budget in euro (%(nr)s)") % {"nr": nr},
                                         required=False, min_value=0, max_digits=12,
                                         decimal_places=2,
                                         widget=forms.NumberInput(
                                             attrs={**_TEXT, "step": "0.01"})),
        }
        initial = {"ingangsdatum": start, "einddatum": t.einddatum, "volume": t.volume,
                   "eenheid": t.eenheid, "frequentie": t.frequentie, "budget": t.budget}
        for part, field in fields.items():
            field.initial = initial.get(part)
            self.fields[self._name(nr, part)] = field

    @staticmethod
    def _name(nr: str, part: str) -> str:
        return f"t{nr}_{part}"

    def clean(self):
        data = super().clean()
        changed = [t for t in self.toewijzingen if data.get(self._name(t.toewijzing_nummer,
                                                                       "change"))]
        if not changed:  # TR353: a VOW changes (or adds) at least one product
            raise forms.ValidationError(_("Mark at least one assignment to change."))
        for t in changed:
            self._clean_line(data, t.toewijzing_nummer)
        return data

    def _value(self, data, nr: str, part: str):
        return data.get(self._name(nr, part))

    def _clean_line(self, data, nr: str) -> None:
        start, end = self._value(data, nr, "ingangsdatum"), self._value(data, nr, "einddatum")
        if not start:
            self.add_error(self._name(nr, "ingangsdatum"),
                           _("A change needs its desired start date."))
        if start and end and end < start:
            self.add_error(self._name(nr, "einddatum"),
                           _("The end date lies before the start date."))
        omvang = ("volume", "eenheid", "frequentie")
        parts = [self._value(data, nr, part) for part in omvang]
        if any(parts) and not all(parts):  # iJw CDT_Omvang: all three parts or none
            for part, value in zip(omvang, parts, strict=True):
                if not value:
                    self.add_error(self._name(nr, part),
                                   _("Volume, unit and frequency go together."))

    def request_fields(self, data) -> dict:
        """The service's te_wijzigen / ongewijzigd from the cleaned values."""
        te_wijzigen, ongewijzigd = [], []
        for t in self.toewijzingen:
            nr = t.toewijzing_nummer
            if not data.get(self._name(nr, "change")):
                ongewijzigd.append(nr)
                continue
            value = {part: self._value(data, nr, part) for part in (
                "ingangsdatum", "einddatum", "volume", "eenheid", "frequentie", "budget")}
            te_wijzigen.append({
                "toewijzing_nummer": nr, "gewenste_ingangsdatum": value["ingangsdatum"],
                "einddatum": value["einddatum"], "volume": value["volume"],
                "eenheid": value["eenheid"] or "", "frequentie": value["frequentie"] or "",
                "budget": value["budget"]})
        return {"referentie_aanbieder": data["referentie_aanbieder"],
                "reden_verzoek": data["reden_verzoek"], "te_wijzigen": te_wijzigen,
                "ongewijzigd": ongewijzigd}
