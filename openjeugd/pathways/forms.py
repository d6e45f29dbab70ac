"""Forms of the pathway screens. They check shape; the services check the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts import policy
from openjeugd.accounts.models import User
from openjeugd.accounts.policy import Perm
from openjeugd.ijw.codec import codes
from openjeugd.pathways import framework
from openjeugd.pathways.models import (
    LIFE_DOMAINS,
    Participant,
    Referral,
    RequestForHelp,
    RequestOutcome,
)
from openjeugd.pathways.services.cases import LEGAL_REFERRERS
from openjeugd.registry.models import Team

_TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
_AREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
_SELECT = {"class": "utrecht-select utrecht-select--html-select"}


def date_field(label, *, required=True, initial_today=False):
    return forms.DateField(label=label, required=required,
                           initial=timezone.localdate if initial_today else None,
                           widget=forms.DateInput(attrs={**_TEXT, "type": "date"},
                                                  format="%Y-%m-%d"))


def text(label, *, required=False, max_length=200):
    return forms.CharField(label=label, required=required, max_length=max_length,
                           widget=forms.TextInput(attrs=_TEXT))


def area(label, *, required=False):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs=_AREA))


def choice(label, choices, *, required=True):
    return forms.ChoiceField(label=label, required=required, choices=choices,
                             widget=forms.Select(attrs=_SELECT))


def checkboxes(label, choices, *, required=True):
    return forms.MultipleChoiceField(label=label, required=required, choices=choices,
                                     widget=forms.CheckboxSelectMultiple)


class VersionForm(forms.Form):
    """Carries the version the user read (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


DOMAIN_LABELS = {"support": _("Support"), "school_work": _("School & work"),
                 "housing": _("Housing"), "income": _("Income"), "wellbeing": _("Wellbeing"),
                 "safety": _("Safety")}


class NewCaseForm(forms.Form):
    """A new case with its request for help. The BSN finds a youth of the user's scope, or
    registers a new one (then the date of birth is needed)."""

    bsn = text(_("BSN"), required=True, max_length=9)
    birth_date = date_field(_("Date of birth (new youth)"), required=False)
    initials = text(_("Initials (new youth)"), max_length=10)
    surname = text(_("Surname (new youth)"))
    opened_on = date_field(_("Case opened on"), initial_today=True)
    channel = choice(_("Channel"), RequestForHelp.Channel.choices)
    received_on = date_field(_("Request received on"), initial_today=True)
    question = area(_("Request in the family's words"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in LIFE_DOMAINS:
            self.fields[name] = area(DOMAIN_LABELS[name])


class TriageForm(VersionForm):
    urgency = choice(_("Urgency"), RequestForHelp.Urgency.choices)
    speed = choice(_("Speed"), RequestForHelp.Speed.choices)
    assigned_to = forms.ModelChoiceField(label=_("Assigned professional"),
                                         queryset=User.objects.none(),
                                         widget=forms.Select(attrs=_SELECT))
    triaged_on = date_field(_("Triaged on"), initial_today=True)
    outcomes = checkboxes(_("Outcome (more than one allowed)"), RequestOutcome.Outcome.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        colleagues = User.objects.filter(is_active=True, region=case.municipality.region)
        self.fields["assigned_to"].queryset = colleagues.filter(pk__in=[
            u.pk for u in colleagues if policy.has_perm(u, Perm.WORK_CASES)
            and policy.youths_visible_to(u).filter(pk=case.youth_id).exists()])
        self.fields["assigned_to"].label_from_instance = lambda u: u.get_full_name() or u.username


class ReferralForm(forms.Form):
    referrer_code = choice(_("Referrer (iJw COD327)"), [
        (code, f"{code} {meaning}") for code, meaning in codes.code_list("COD327").items()
        if code in LEGAL_REFERRERS])
    referrer_name = text(_("Name of the referrer"), required=True)
    referred_on = date_field(_("Referred on"), initial_today=True)
    target = choice(_("Referred to"), Referral.Target.choices)
    product_categorie = choice(_("Product category (iJw JZ020)"), [("", "–")] + [
        (code, f"{code} {meaning}") for code, meaning in codes.code_list("JZ020").items()],
        required=False)
    product_code = text(_("Product code"), max_length=5)
    reason = area(_("Reason"))


class RegistrationForm(forms.Form):
    """The registration with its documents (seed 000: verklarende analyse, perspectiefplan with
    a clear goal, first signaleringsplan). Documents already on the case need not be repeated."""

    registered_on = date_field(_("Registered on"), initial_today=True)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), required=False,
                                  widget=forms.Select(attrs=_SELECT))
    va_dated = date_field(_("Verklarende analyse: date"), required=False)
    va_author = text(_("Verklarende analyse: author"))
    pp_dated = date_field(_("Perspectiefplan: date"), required=False)
    pp_author = text(_("Perspectiefplan: author"))
    pp_goal = area(_("Perspectiefplan: goal"))
    sp_dated = date_field(_("Signaleringsplan: date"), required=False)
    sp_author = text(_("Signaleringsplan: author"))

    DOCUMENTS = (("va", "verklarende_analyse"), ("pp", "perspectiefplan"),
                 ("sp", "signaleringsplan"))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(
            region=case.municipality.region, kind__in=[Team.Kind.RET, Team.Kind.SLT])

    def clean(self):
        data = super().clean()
        for prefix, _kind in self.DOCUMENTS:
            if data.get(f"{prefix}_dated") and not data.get(f"{prefix}_author"):
                self.add_error(f"{prefix}_author", _("Who wrote it?"))
        return data

    def documents(self) -> list[dict]:
        data = self.cleaned_data
        return [{"kind": kind, "dated": data[f"{prefix}_dated"],
                 "author": data[f"{prefix}_author"], "goal": data.get("pp_goal", "")
                 if prefix == "pp" else ""}
                for prefix, kind in self.DOCUMENTS if data.get(f"{prefix}_dated")]


class ParticipantForm(forms.Form):
    task_area = choice(_("Task area"), Participant.TaskArea.choices)
    name = text(_("Name"), required=True)
    organisation = text(_("Organisation"))


_ANSWERS = [("yes", _("yes")), ("partly", _("partly")), ("no", _("no"))]


class DecisionForm(VersionForm):
    decided_on = date_field(_("Decided on"), initial_today=True)
    task_areas = checkboxes(_("Task areas deployed"), Participant.TaskArea.choices)
    decision = area(_("Decision"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, question in framework.CRITERIA.items():
            self.fields[f"framework_{key}"] = forms.ChoiceField(
                label=_(question), choices=_ANSWERS, widget=forms.RadioSelect)

    def framework(self) -> dict:
        return {key: self.cleaned_data.get(f"framework_{key}") for key in framework.CRITERIA}


class ConsensusForm(forms.Form):
    held_on = date_field(_("Held on"), initial_today=True)
    chair_name = text(_("Independent chair"), required=True)
    chair_independent = forms.BooleanField(label=_("The chair is independent of the parties"),
                                           required=False)
    consensus = forms.BooleanField(label=_("Consensus reached"), required=False)
    outcome = area(_("Outcome"), required=True)
    referrer_decision = area(_("Referrer's decision (when there is no consensus)"))


class BrigadeForm(forms.Form):
    deployed_on = date_field(_("Deployed on"), initial_today=True)
    question = area(_("Question to the brigade"), required=True)


class BrigadeWorkForm(forms.Form):
    started_on = date_field(_("Started on"), required=False)
    advice = area(_("Advice"))
    working_hypothesis = area(_("Shared working hypothesis"))
    ended_on = date_field(_("Ended on"), required=False)


class SearchForm(forms.Form):
    q = text(_("BSN or surname"), max_length=200)
