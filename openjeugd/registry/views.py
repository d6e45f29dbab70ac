"""Read-only registry pages. Youth pages read through accounts.policy, which logs each read."""


from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from openjeugd.accounts import policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.registry import selectors
from openjeugd.registry.forms import FacilityFilterForm, TeamFilterForm, YouthSearchForm
from openjeugd.registry.models import Region


def _chosen_region(request) -> Region | None:
    """?region=<slug> if given, else the user's own region."""
    slug = request.GET.get("region")
    if slug:
        return get_object_or_404(Region, slug=slug)
    return request.user.region


@requires(Perm.VIEW_REGISTRY)
def region_list(request):
    return render(request, "registry/region_list.html", {"regions": selectors.regions()})


@requires(Perm.VIEW_REGISTRY)
def region_detail(request, slug):
    return _region_overview(request, get_object_or_404(Region, slug=slug))


@requires(Perm.VIEW_REGISTRY)
def municipality_list(request):
    region = _chosen_region(request)
    if region is None:
        return redirect("registry:region-list")
    return _region_overview(request, region)


def _region_overview(request, region):
    active = selectors.municipalities(region=region)
    return render(request, "registry/region_detail.html", {
        "region": region,
        "municipalities": active,
        "totals": selectors.population_totals(active),
        "former": selectors.municipalities(region=region, active=False),
        "can_change": policy.has_perm(request.user, Perm.CHANGE_REGISTRY),
    })


@requires(Perm.VIEW_REGISTRY)
def provider_list(request):
    return render(request, "registry/provider_list.html",
                  {"providers": selectors.providers()})


@requires(Perm.VIEW_REGISTRY)
def provider_detail(request, pk):
    provider = get_object_or_404(selectors.providers_with_details(), pk=pk)
    return render(request, "registry/provider_detail.html", {"provider": provider})


@requires(Perm.VIEW_REGISTRY)
def facility_list(request):
    form = FacilityFilterForm(request.GET or None)
    kind = form.cleaned_data["kind"] if form.is_valid() else ""
    page = Paginator(selectors.facilities(kind=kind), 50).get_page(request.GET.get("page"))
    return render(request, "registry/facility_list.html", {"form": form, "page": page})


@requires(Perm.VIEW_REGISTRY)
def team_list(request):
    region = _chosen_region(request)
    form = TeamFilterForm(request.GET or None)
    kind = form.cleaned_data["kind"] if form.is_valid() else ""
    teams = selectors.teams(region=region, kind=kind)
    return render(request, "registry/team_list.html", {
        "form": form, "region": region, "groups": selectors.teams_by_kind(teams)})


@requires(Perm.VIEW_YOUTH)
@require_http_methods(["GET", "POST"])
def youth_list(request):
    """GET lists the youths in scope; a search is POSTed, so no BSN or name enters a URL
    (and with it web-server logs and browser history)."""
    if request.method == "POST":
        return _youth_search(request)
    page = Paginator(selectors.youths_for(request.user), 50).get_page(request.GET.get("page"))
    policy.log_youth_list(request.user, page.object_list, purpose=Purpose.YOUTH_LIST,
                          request=request)
    return render(request, "registry/youth_list.html", {"form": YouthSearchForm(), "page": page})


def _youth_search(request):
    form = YouthSearchForm(request.POST)
    search = form.cleaned_data["q"] if form.is_valid() else ""
    shown, hits = selectors.search_youths(request.user, search, request=request)
    return render(request, "registry/youth_list.html", {
        "form": form, "page": shown, "hits": hits, "searched": True})


@requires(Perm.VIEW_YOUTH)
def youth_detail(request, pk):
    youth = policy.read_youth(request.user, pk, purpose=Purpose.YOUTH_RECORD, request=request)
    return render(request, "registry/youth_detail.html", {"youth": youth})
