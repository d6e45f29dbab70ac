"""Forms of the screens of steps 6–11 (placement to measurements). They check shape; the
services check the rules (a reason, a justification, the evidence are left to them, so the
refusal names the rule and its seed)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.models import User
from openjeugd.pathways.forms import _SELECT, _TEXT, VersionForm, area, choice, date_field, text
from openjeugd.pathways.models import (
    Case,
    CrisisEpisode,
    Intensity,
    Measurement,
    RegieRole,
)
from openjeugd.registry.models import Facility, PartnershipMember, Provider


def datetime_field(label, *, required=True):
    return forms.DateTimeField(
        label=label, required=required, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={**_TEXT, "type": "datetime-local"},
                                   format="%Y-%m-%dT%H:%M"))


def yes_no(label):
    """An explicit answer: a voluntary move is never assumed by an unticked box."""
    return forms.TypedChoiceField(label=label, choices=[("yes", _("yes")), ("no", _("no"))],
                                  coerce=lambda value: value == "yes",
                                  widget=forms.RadioSelect)


def facilities_of(case: Case):
    region = case.municipality.region_id
    return (Facility.objects.filter(Q(municipality__region_id=region)
                                    | Q(provider__regions=region))
            .select_related("provider").distinct().order_by("name"))


class _FacilityForm(forms.Form):
    facility = forms.ModelChoiceField(label=_("Facility"), queryset=Facility.objects.none(),
                                      widget=forms.Select(attrs=_SELECT))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = facilities_of(case)
        self.fields["facility"].label_from_instance = lambda f: (
            f"{f.name} ({f.get_kind_display()}, {f.age_min}–{f.age_max})")


class PlacementForm(_FacilityForm):
    started_on = date_field(_("Placed on"), initial_today=True)
    planned_end_on = date_field(_("Planned outflow on"), required=False)


class MoveForm(_FacilityForm):
    moved_on = date_field(_("Moved on"), initial_today=True)
    voluntary = yes_no(_("Does the youth move voluntarily?"))
    reason = area(_("Reason of the move"))


class EndPlacementForm(forms.Form):
    ended_on = date_field(_("Ended on"), initial_today=True)


class OneOnOneForm(forms.Form):
    started_on = date_field(_("Started on"), initial_today=True)
    ended_on = date_field(_("Ended on"), required=False)
    reason = area(_("Why 1-op-1 begeleiding is needed"))


class HypermaatwerkForm(forms.Form):
    decided_on = date_field(_("Decided on"), initial_today=True)
    justification = area(_("Justification (why only hypermaatwerk fits)"))
    alternatives_tried = area(_("Alternatives tried before"))


class CrisisForm(forms.Form):
    reported_at = datetime_field(_("Crisis reported at"))
    intervened_at = datetime_field(_("Intervention at (when it took place)"), required=False)
    acuut_from = date_field(_("Acuut from"), initial_today=True)
    acuut_to = date_field(_("Acuut to (at most 14 days)"))
    crisis_stay = forms.BooleanField(label=_("Crisis stay"), required=False)
    spoedhulp = choice(_("Ambulante spoedhulp"), CrisisEpisode.Spoedhulp.choices,
                       required=False)
    summary = area(_("Summary"))


class InterventionForm(forms.Form):
    intervened_at = datetime_field(_("Intervention at"))


_PROFILES = [(n, str(n)) for n in range(1, 11)]


def hoofdaannemers(case: Case):
    """The region's hoofdaannemers (partnership members in that role); a region without
    partnerships offers its providers."""
    region = case.municipality.region_id
    main = Provider.objects.filter(
        memberships__role=PartnershipMember.Role.HOOFDAANNEMER,
        memberships__partnership__region_id=region).distinct()
    return (main if main.exists() else Provider.objects.filter(regions=region)).order_by("name")


class ProfileForm(forms.Form):
    profile = forms.TypedChoiceField(label=_("Support profile (1–10)"), choices=_PROFILES,
                                     coerce=int, widget=forms.Select(attrs=_SELECT))
    intensity = choice(_("Intensity"), Intensity.choices)
    hoofdaannemer = forms.ModelChoiceField(label=_("Hoofdaannemer"),
                                           queryset=Provider.objects.none(),
                                           widget=forms.Select(attrs=_SELECT))
    valid_from = date_field(_("From"), initial_today=True)
    valid_to = date_field(_("To (required for Acuut)"), required=False)
    stacking_consent_by = text(_("A second profile: agreed by the regisseur (name)"))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hoofdaannemer"].queryset = hoofdaannemers(case)


class SwitchRequestForm(forms.Form):
    requested_on = date_field(_("Requested on"), initial_today=True)
    profile = forms.TypedChoiceField(label=_("Requested support profile (1–10)"),
                                     choices=_PROFILES, coerce=int,
                                     widget=forms.Select(attrs=_SELECT))
    intensity = choice(_("Requested intensity"), Intensity.choices)
    evidence = area(_("Evidence (the hoofdaannemer's burden of proof)"))


class SwitchDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision of the regisseur"), coerce=lambda value: value == "approve",
        choices=[("approve", _("approve")), ("refuse", _("refuse"))],
        widget=forms.RadioSelect)
    decided_on = date_field(_("Decided on"), initial_today=True)
    reason = area(_("Reason (required for a refusal)"))
    acuut_to = date_field(_("Acuut to (only for a switch to Acuut)"), required=False)


class RegieForm(forms.Form):
    kind = choice(_("Role"), RegieRole.Kind.choices)
    phase = choice(_("Phase"), [(v, label) for v, label in Case.Phase.choices
                                if v != Case.Phase.CLOSED])
    holder_name = text(_("Holder (name)"), required=True)
    organisation = text(_("Organisation"))
    holder = forms.ModelChoiceField(label=_("Holder's account (optional)"), required=False,
                                    queryset=User.objects.none(),
                                    widget=forms.Select(attrs=_SELECT))
    valid_from = date_field(_("From (the hand-over date)"), initial_today=True)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = User.objects.filter(
            is_active=True, region=case.municipality.region).order_by("username")


class OutflowForm(VersionForm):
    planned_outflow_on = date_field(_("Planned outflow on"), required=False)
    follow_up_place = text(_("Follow-up place"))
    follow_up_arranged_on = date_field(_("Follow-up place arranged on"), required=False)
    toekomstplan_on = date_field(_("Toekomstplan made on"), required=False)
    mdo_informed_on = date_field(_("MDO last informed on"), required=False)
    outflowed_on = date_field(_("Outflow on"), required=False)


class MeasurementForm(forms.Form):
    moment = choice(_("Moment"), Measurement.Moment.choices)
    informant = choice(_("Type informant"), Measurement.Informant.choices)
    measured_on = date_field(_("Measured on"), initial_today=True)
    tevredenheid = forms.IntegerField(
        label=_("Satisfaction (report mark 1–10)"), required=False,
        widget=forms.NumberInput(attrs={**_TEXT, "inputmode": "numeric"}))
    doelrealisatie = choice(_("Goal realisation (CBS 3.1)"),
                            [("", "–"), *Measurement.Doelrealisatie.choices], required=False)
