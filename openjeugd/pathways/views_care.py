"""Screens of steps 6–11: placement, moves, 1-op-1 begeleiding, hypermaatwerk, crisis, support
profiles and their switches, regie roles, outflow and measurements. Thin, like views.py: find
the object through its case in the user's scope (404 otherwise), validate the form, call one
service; its refusal (naming the rule) or a version conflict shows on the form, nothing saved."""

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
from openjeugd.pathways import forms_care as forms
from openjeugd.pathways import selectors_care, views
from openjeugd.pathways.models import CrisisEpisode, Placement, ProfileSwitchRequest, SupportProfile
from openjeugd.pathways.services import care, cases, crisis, outflow, profile

_case = views._case  # the case in the user's scope (404 otherwise), as on the case screens


def _part(request, queryset, pk, case_path="case", *, write=True):
    """An object of a case: 404 unless its case is in the user's scope."""
    case_id = (queryset.filter(pk=pk).values_list(f"{case_path}_id", flat=True).first()
               if str(pk).isdigit() else None)
    case = _case(request, case_id if case_id is not None else "-", write=write)
    return queryset.get(pk=pk, **{case_path: case}), case


def _care(case) -> str:
    return reverse("pathways:care", args=[case.pk])


def _form_page(request, form, save, *, title, case, about=""):
    """The case screens' form page, coming back to the care page."""
    return views._form_page(request, form, save, title=title, case=case, about=about,
                            back=_care)


# --- the care page -------------------------------------------------------------------------------

@requires(Perm.VIEW_YOUTH)
def overview(request, pk):
    case = _case(request, pk, write=False)
    user = request.user
    return render(request, "pathways/care/overview.html", {
        "case": case, **selectors_care.care_overview(case, timezone.localdate()),
        "may_work": policy.has_perm(user, Perm.WORK_CASES),
        "provider_agb": policy.provider_agb(user),
    })


# --- step 6: placement ---------------------------------------------------------------------------

@requires(Perm.WORK_CASES)
def placement(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.PlacementForm(request.POST or None, case=case),
                      lambda data: care.place(request.user, case=case, **data),
                      title=_("Placement in a facility"), case=case)


@requires(Perm.WORK_CASES)
def move(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.MoveForm(request.POST or None, case=case),
                      lambda data: care.move(request.user, case=case, **data),
                      title=_("Move to another facility"), case=case)


_PLACEMENTS = Placement.objects.select_related("facility")


@requires(Perm.WORK_CASES)
def end_placement(request, pk):
    item, case = _part(request, _PLACEMENTS, pk)
    return _form_page(request, forms.EndPlacementForm(request.POST or None),
                      lambda data: care.end_placement(request.user, placement=item, **data),
                      title=_("End the placement"), case=case, about=str(item.facility))


@requires(Perm.WORK_CASES)
def one_on_one(request, pk):
    item, case = _part(request, _PLACEMENTS, pk)
    return _form_page(request, forms.OneOnOneForm(request.POST or None),
                      lambda data: care.add_one_on_one(request.user, placement=item, **data),
                      title=_("1-op-1 begeleiding"), case=case, about=str(item.facility))


@requires(Perm.WORK_CASES)
def hypermaatwerk(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.HypermaatwerkForm(request.POST or None),
                      lambda data: care.record_hypermaatwerk(request.user, case=case, **data),
                      title=_("Hypermaatwerk (last resort)"), case=case)


# --- step 7: crisis ------------------------------------------------------------------------------

@requires(Perm.WORK_CASES)
def crisis_new(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.CrisisForm(request.POST or None),
                      lambda data: care.record_crisis(request.user, case=case, **data),
                      title=_("Crisis"), case=case)


@requires(Perm.WORK_CASES)
def intervention(request, pk):
    item, case = _part(request, CrisisEpisode.objects.all(), pk)
    return _form_page(request, forms.InterventionForm(request.POST or None),
                      lambda data: crisis.record_intervention(request.user, episode=item, **data),
                      title=_("Crisis intervention"), case=case,
                      about=_("reported %(at)s") % {
                          "at": timezone.localtime(item.reported_at).strftime("%Y-%m-%d %H:%M")})


# --- step 8: support profile and intensity -------------------------------------------------------

@requires(Perm.WORK_CASES)
def profile_new(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.ProfileForm(request.POST or None, case=case),
                      lambda data: profile.assign_profile(request.user, case=case, **data),
                      title=_("Support profile and intensity"), case=case)


@requires(Perm.VIEW_YOUTH)
def switch_request(request, pk):
    """The hoofdaannemer asks (seed 004 "De bewijslast ... ligt bij de aanbieder"): its staff
    see the case as their current client; the service refuses anyone else (403)."""
    item, case = _part(request, SupportProfile.objects.select_related("hoofdaannemer"), pk,
                       write=False)
    profile.must_act_as_provider(request.user, item.hoofdaannemer)
    return _form_page(request, forms.SwitchRequestForm(request.POST or None),
                      lambda data: profile.request_switch(request.user, current=item, **data),
                      title=_("Request a switch of profile or intensity"), case=case,
                      about=str(item))


@requires(Perm.WORK_CASES)
def switch_decision(request, pk):
    item, case = _part(request, ProfileSwitchRequest.objects.select_related("current"), pk,
                       "current__case")
    return _form_page(request, forms.SwitchDecisionForm(request.POST or None),
                      lambda data: profile.decide_switch(request.user, switch=item, **data),
                      title=_("Decide on the switch request"), case=case,
                      about=_("%(current)s → profile %(profile)s / %(intensity)s: %(evidence)s")
                      % {"current": item.current, "profile": item.profile,
                         "intensity": item.get_intensity_display(), "evidence": item.evidence})


# --- step 9: regie roles -------------------------------------------------------------------------

@requires(Perm.WORK_CASES)
def regie(request, pk):
    case = _case(request, pk)
    form = forms.RegieForm(request.POST or None, case=case, initial={"phase": case.phase})
    return _form_page(request, form, lambda data: cases.assign_regie(request.user, case=case,
                                                                     **data),
                      title=_("Regie role or hand-over"), case=case)


# --- step 10: outflow and aftercare --------------------------------------------------------------

@requires(Perm.WORK_CASES)
def outflow_plan(request, pk):
    case = _case(request, pk)
    plan = selectors_care.outflow_of(case)
    initial = {"version": plan.version if plan else 1}
    if plan:
        initial.update({name: getattr(plan, name) for name in forms.OutflowForm.base_fields
                        if name != "version"})
    return _form_page(request, forms.OutflowForm(request.POST or None, initial=initial),
                      lambda data: outflow.plan_outflow(request.user, case=case, **data),
                      title=_("Outflow and aftercare"), case=case)


@require_POST
@requires(Perm.WORK_CASES)
def outflow_registration(request, pk):
    """seed 000 §8: no suitable follow-up → a new registration with the expert team."""
    case = _case(request, pk)
    try:
        outflow.register_without_follow_up(request.user, case=case,
                                           registered_on=timezone.localdate())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Registered again with the expert team: no suitable "
                                    "follow-up place."))
    return redirect(_care(case))


# --- step 11: measurements -----------------------------------------------------------------------

@requires(Perm.WORK_CASES)
def measurement(request, pk):
    case = _case(request, pk)
    return _form_page(request, forms.MeasurementForm(request.POST or None),
                      lambda data: outflow.record_measurement(
                          request.user, case=case, **{**data, "doelrealisatie":
                                                      data["doelrealisatie"] or ""}),
                      title=_("Measurement (outcome indicators)"), case=case)
