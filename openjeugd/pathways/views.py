"""Screens of the care pathway: thin — find the case in scope (404 otherwise), validate a form,
call one service, redirect to the case. The services decide the rules; their refusals show on
the form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openjeugd.accounts import policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.core.forms import add_service_errors
from openjeugd.ijw import selectors as ijw_selectors
from openjeugd.ijw.forms.actions import AssignForm
from openjeugd.ijw.services import actions
from openjeugd.ijw.views.acting import act
from openjeugd.pathways import forms, selectors
from openjeugd.pathways.models import (
    BrigadeDeployment,
    Case,
    ExpertTeamRegistration,
    RequestForHelp,
)
from openjeugd.pathways.services import base, care, cases, expert_team


def _case(request, pk, *, write=True) -> Case:
    return base.case_for(request.user, pk, request=request, write=write)


def _part(request, model, pk):
    """An object of a case (registration, request, deployment): 404 unless its case is in the
    user's scope."""
    case_id = (model.objects.filter(pk=pk).values_list("case_id", flat=True).first()
               if str(pk).isdigit() else None)
    case = _case(request, case_id if case_id is not None else "-")
    return model.objects.get(pk=pk, case=case), case


def _back(case) -> str:
    return reverse("pathways:case-detail", args=[case.pk])


def _form_page(request, form, save, *, title, case=None, about="", back=_back):
    """POST: valid form → save(data) → back to the case (or the page `back` names); a refusal
    shows on the form (400). Shared by the care screens (views_care)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            _show(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(back(saved if isinstance(saved, Case) else case))
    return render(request, "pathways/form.html", {
        "form": form, "title": title, "case": case, "about": about,
        "back": back(case) if case else reverse("pathways:work-list"),
    }, status=400 if form.errors else 200)


def _show(form, error: ValidationError) -> None:
    if isinstance(error, base.Conflict) or not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    add_service_errors(form, error)


# --- lists ---------------------------------------------------------------------------------------

@requires(Perm.WORK_CASES)
def work_list(request):
    items = selectors.work_list(request.user)
    _log_cases(request, {item.case for item in items})
    return render(request, "pathways/work_list.html", {
        "items": items, "overdue": sum(item.overdue for item in items)})


@requires(Perm.WORK_CASES)
def case_list(request):
    form = forms.SearchForm(request.POST or None)
    search = form.cleaned_data["q"].strip() if form.is_valid() else ""
    found = list(selectors.case_list(request.user, search=search)[:100])
    _log_cases(request, found)
    return render(request, "pathways/case_list.html", {"form": form, "cases": found,
                                                       "searched": bool(search)})


def _log_cases(request, found) -> None:
    # A list that names youths is a read of each of them.
    policy.log_youth_list(request.user, [case.youth for case in found],
                          purpose=Purpose.CASE_LIST, request=request)


# --- one case ------------------------------------------------------------------------------------

@requires(Perm.VIEW_YOUTH)
def case_detail(request, pk):
    case = _case(request, pk, write=False)
    facts = selectors.case_facts(request.user, case)
    return render(request, "pathways/case_detail.html", {
        "case": case, "facts": facts, "config": base.config_of(case),
        "requests": case.requests.prefetch_related("outcomes").select_related("assigned_to"),
        "referrals": case.referrals.all(), "documents": case.documents.all(),
        "registrations": case.registrations.prefetch_related("participants", "meetings",
                                                             "escalations__step"),
        "deployments": case.brigade_deployments.all(), "beschikkingen": case.beschikkingen.all(),
        "placements": case.placements.select_related("facility"),
        "may_work": policy.has_perm(request.user, Perm.WORK_CASES),
        "may_assign": policy.has_perm(request.user, Perm.EXCHANGE_MESSAGES),
        "may_deploy": policy.has_perm(request.user, Perm.DEPLOY_BRIGADE),
        "reden_beeindiging": ijw_selectors.reden_beeindiging_meaning,
    })


@requires(Perm.WORK_CASES)
def case_new(request):
    form = forms.NewCaseForm(request.POST or None)

    def save(data):
        youth = policy.youths_visible_to(request.user).filter(bsn=data["bsn"]).first()
        new_youth = None if youth else {
            "bsn": data["bsn"], "birth_date": data["birth_date"],
            "initials": data["initials"], "surname": data["surname"]}
        if new_youth and not data["birth_date"]:
            raise ValidationError({"birth_date": _("A new youth needs a date of birth.")})
        case = cases.open_case(request.user, opened_on=data["opened_on"],
                               youth_id=youth.pk if youth else None, new_youth=new_youth,
                               request=request)
        cases.record_request(request.user, case=case, channel=data["channel"],
                             received_on=data["received_on"], question=data["question"],
                             domains={name: data[name] for name in forms.LIFE_DOMAINS})
        return case

    return _form_page(request, form, save, title=_("New request for help"))


@requires(Perm.WORK_CASES)
def triage(request, pk):
    item, case = _part(request, RequestForHelp, pk)
    form = forms.TriageForm(request.POST or None, case=case, initial={"version": item.version})
    return _form_page(request, form, lambda data: cases.triage(
        request.user, item=item, **data), title=_("Triage"), case=case,
        about=_("Request of %(date)s") % {"date": item.received_on})


@requires(Perm.WORK_CASES)
def referral(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.ReferralForm(request.POST or None),
                      lambda data: cases.refer(request.user, case=case, **data),
                      title=_("Referral"), case=case)


@requires(Perm.WORK_CASES)
def registration(request, pk):
    case = _case(request, pk)
    form = forms.RegistrationForm(request.POST or None, case=case)

    def save(data):
        for document in form.documents():
            expert_team.add_document(request.user, case=case, **document)
        return expert_team.register(request.user, case=case,
                                    registered_on=data["registered_on"], team=data["team"],
                                    referral=case.referrals.filter(target="expert_team").last())

    return _form_page(request, form, save, case=case, title=_("Registration with the %(team)s")
                      % {"team": base.config_of(case).expert_team_label or _("expert team")})


@requires(Perm.WORK_CASES)
def participant(request, pk):
    item, case = _part(request, ExpertTeamRegistration, pk)
    return _form_page(request, forms.ParticipantForm(request.POST or None),
                      lambda data: expert_team.add_participant(request.user, registration=item,
                                                               **data),
                      title=_("Add a participant"), case=case)


@requires(Perm.WORK_CASES)
def decide(request, pk):
    item, case = _part(request, ExpertTeamRegistration, pk)
    form = forms.DecisionForm(request.POST or None, initial={"version": item.version})

    def save(data):
        return expert_team.decide(request.user, registration=item, version=data["version"],
                                  decided_on=data["decided_on"], framework=form.framework(),
                                  task_areas=data["task_areas"], decision=data["decision"])

    return _form_page(request, form, save, title=_("Decision of the expert team"), case=case)


@requires(Perm.WORK_CASES)
def consensus(request, pk):
    item, case = _part(request, ExpertTeamRegistration, pk)
    return _form_page(request, forms.ConsensusForm(request.POST or None),
                      lambda data: expert_team.hold_consensus_meeting(
                          request.user, registration=item, **data),
                      title=_("Consensus meeting"), case=case)


@require_POST
@requires(Perm.WORK_CASES)
def escalate(request, pk):
    item, case = _part(request, ExpertTeamRegistration, pk)
    try:
        escalation = expert_team.escalate(request.user, registration=item,
                                          started_on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back(case))
    messages.success(request, _("Escalated to %(step)s, decision due %(due)s.") % {
        "step": escalation.step, "due": escalation.due_on})
    return redirect(_back(case))


@requires(Perm.WORK_CASES)
def brigade(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.BrigadeForm(request.POST or None),
                      lambda data: care.deploy_brigade(request.user, case=case, **data),
                      title=_("Deploy the mobile brigade"), case=case)


@requires(Perm.WORK_CASES)
def brigade_work(request, pk):
    item, case = _part(request, BrigadeDeployment, pk)
    form = forms.BrigadeWorkForm(request.POST or None, initial={
        "started_on": item.started_on, "advice": item.advice,
        "working_hypothesis": item.working_hypothesis, "ended_on": item.ended_on})
    return _form_page(request, form, lambda data: care.record_brigade_work(
        request.user, deployment=item, **data), title=_("Brigade: advice and working "
                                                        "hypothesis"), case=case)


@requires(Perm.WORK_CASES)
def beschikking(request, pk):
    """Step 5: the same check → confirm flow as the JW301 screen of ijw; sending records the
    beschikking on the case."""
    policy.require(request.user, Perm.EXCHANGE_MESSAGES)
    case = _case(request, pk)
    actions.require_municipality_sender(request.user, case.municipality)
    form = AssignForm(request.POST or None,
                      providers=ijw_selectors.providers_for_assignment(case.municipality))

    def fields(data):
        return {key: value for key, value in data.items() if key != "referentie_aanbieder"}

    return act(request, form, title=_("Decision and assignment (JW301)"),
               about=str(case), back=_back(case),
               preview=lambda data: actions.preview_assign(
                   request.user, youth_id=case.youth_id, **fields(data)),
               send=lambda data: care.decide_and_assign(
                   request.user, case=case, **_assign_fields(fields(data))).message)


def _assign_fields(data: dict) -> dict:
    return {**data, "code": data.get("code") or ""}
