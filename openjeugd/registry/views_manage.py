"""The registry of the own region, on screen (Perm.CHANGE_REGISTRY).

Objects are fetched through `selectors_region`, so another region's municipality, facility,
team or provider registration answers 404; form choices are limited to the own region.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.core.forms import add_service_errors
from openjeugd.registry import selectors_region, services
from openjeugd.registry.forms import (
    FacilityForm,
    PopulationForm,
    ProviderCreateForm,
    ProviderRegisterForm,
    TeamForm,
)
from openjeugd.registry.models import Provider

FACILITY_FIELDS = ["provider", "name", "kind", "municipality", "places", "group_size",
                   "age_min", "age_max"]
POPULATION_FIELDS = ["population_total", "population_0_17", "population_source",
                     "population_is_estimate"]


def _saved(request, form, write) -> bool:
    """Validate the form and call `write(cleaned_data)`; service errors land on the form."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    messages.success(request, _("Changes saved."))
    return True


def _form_page(request, form, title, back="registry:manage"):
    return render(request, "registry/manage/form.html",
                  {"form": form, "title": title, "back": back})


@requires(Perm.CHANGE_REGISTRY)
def manage(request):
    user = request.user
    return render(request, "registry/manage/overview.html", {
        "region": user.region,
        "municipalities": selectors_region.active_municipalities_of(user),
        "providers": selectors_region.providers_of(user),
        "facilities": selectors_region.facilities_of(user),
        "teams": selectors_region.teams_of(user),
    })


@requires(Perm.CHANGE_REGISTRY)
def population_edit(request, code):
    municipality = get_object_or_404(selectors_region.municipalities_of(request.user), code=code)
    form = PopulationForm(request.POST or None,
                          initial={name: getattr(municipality, name) for name in POPULATION_FIELDS})
    if _saved(request, form, lambda data: services.update_population(
            user=request.user, municipality=municipality, request=request, **data)):
        return redirect("registry:manage")
    municipality.refresh_from_db()
    return _form_page(request, form, _("Population of %(name)s") % {"name": municipality})


@requires(Perm.CHANGE_REGISTRY)
def providers(request):
    form = ProviderRegisterForm(request.POST or None)
    if _saved(request, form, lambda data: services.register_provider(
            user=request.user, provider=form.provider, region=request.user.region,
            request=request)):
        return redirect("registry:manage-providers")
    return render(request, "registry/manage/providers.html", {
        "form": form, "region": request.user.region,
        "providers": selectors_region.providers_of(request.user)})


@requires(Perm.CHANGE_REGISTRY)
@require_POST
def provider_unregister(request, pk):
    provider = get_object_or_404(selectors_region.providers_of(request.user), pk=pk)
    services.unregister_provider(user=request.user, provider=provider,
                                 region=request.user.region, request=request)
    messages.success(request, _("%(provider)s is no longer registered for your region.")
                     % {"provider": provider})
    return redirect("registry:manage-providers")


@requires(Perm.CHANGE_REGISTRY)
def provider_create(request):
    form = ProviderCreateForm(request.POST or None)
    if _saved(request, form, lambda data: services.create_provider(
            user=request.user, regions=[request.user.region], request=request, **data)):
        return redirect("registry:manage-providers")
    return _form_page(request, form, _("New provider in your region"),
                      back="registry:manage-providers")


def _facility_form(request, facility=None):
    registered = selectors_region.providers_of(request.user)
    if facility is not None:  # keep the current provider choosable, even if unregistered since
        registered = registered | Provider.objects.filter(pk=facility.provider_id)
    initial = {name: getattr(facility, name) for name in FACILITY_FIELDS} if facility else None
    return FacilityForm(request.POST or None, initial=initial, providers=registered.distinct(),
                        municipalities=selectors_region.active_municipalities_of(request.user))


@requires(Perm.CHANGE_REGISTRY)
def facility_create(request):
    form = _facility_form(request)
    if _saved(request, form, lambda data: services.create_facility(
            user=request.user, request=request, **data)):
        return redirect("registry:manage")
    return _form_page(request, form, _("New facility"))


@requires(Perm.CHANGE_REGISTRY)
def facility_edit(request, pk):
    facility = get_object_or_404(selectors_region.facilities_of(request.user), pk=pk)
    form = _facility_form(request, facility)
    if _saved(request, form, lambda data: services.update_facility(
            user=request.user, facility=facility, request=request, **data)):
        return redirect("registry:manage")
    return _form_page(request, form, _("Facility %(name)s") % {"name": facility.name})


def _team_form(request, team=None):
    initial = None
    if team is not None:
        initial = {"name": team.name, "kind": team.kind,
                   "municipalities": list(team.municipalities.all())}
    return TeamForm(request.POST or None, initial=initial,
                    municipalities=selectors_region.active_municipalities_of(request.user))


@requires(Perm.CHANGE_REGISTRY)
def team_create(request):
    form = _team_form(request)
    if _saved(request, form, lambda data: services.create_team(
            user=request.user, region=request.user.region, request=request, **data)):
        return redirect("registry:manage")
    return _form_page(request, form, _("New team"))


@requires(Perm.CHANGE_REGISTRY)
def team_edit(request, pk):
    team = get_object_or_404(selectors_region.teams_of(request.user), pk=pk)
    form = _team_form(request, team)
    if _saved(request, form, lambda data: services.update_team(
            user=request.user, team=team, request=request, **data)):
        return redirect("registry:manage")
    return _form_page(request, form, _("Team %(name)s") % {"name": team.name})
