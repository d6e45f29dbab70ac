"""Reads for the registry pages and API. Youth reads go through accounts.policy."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from openjeugd.accounts import audit, policy
from openjeugd.accounts.purposes import Purpose
from openjeugd.registry.models import (
    Facility,
    Municipality,
    PartnershipMember,
    Provider,
    Region,
    Team,
)


def regions() -> QuerySet:
    # Meta.ordering does not apply to a GROUP BY query: order explicitly, or pages may repeat.
    return Region.objects.annotate(
        municipality_count=Count("municipalities", filter=Q(municipalities__active=True))
    ).order_by("name")


def municipalities(*, region: Region | None = None, active: bool | None = True) -> QuerySet:
    found = Municipality.objects.select_related("region")
    if region is not None:
        found = found.filter(region=region)
    if active is not None:
        found = found.filter(active=active)
    return found


@dataclass(frozen=True)
class PopulationTotals:
    total: int | None
    aged_0_17: int | None
    has_estimates: bool
    complete: bool  # every municipality has both figures


def population_totals(region_municipalities: QuerySet) -> PopulationTotals:
    figures = region_municipalities.aggregate(
        total=Sum("population_total"), aged_0_17=Sum("population_0_17"),
        estimates=Count("pk", filter=Q(population_is_estimate=True)),
        missing=Count("pk", filter=Q(population_total=None) | Q(population_0_17=None)),
    )
    return PopulationTotals(total=figures["total"], aged_0_17=figures["aged_0_17"],
                            has_estimates=figures["estimates"] > 0,
                            complete=figures["missing"] == 0)


def providers(*, region: Region | None = None) -> QuerySet:
    found = Provider.objects.prefetch_related("regions").annotate(
        facility_count=Count("facilities", distinct=True),
        place_count=Sum("facilities__places"),
    )
    if region is not None:
        found = found.filter(regions=region)
    return found


def providers_with_details() -> QuerySet:
    """Providers with their facilities and partnerships (all members) loaded."""
    memberships = PartnershipMember.objects.select_related("partnership__region").prefetch_related(
        Prefetch("partnership__members",
                 queryset=PartnershipMember.objects.select_related("provider"))
    )
    return Provider.objects.prefetch_related(
        "regions",
        Prefetch("facilities", queryset=Facility.objects.select_related("municipality")),
        Prefetch("memberships", queryset=memberships),
    )


def facilities(*, kind: str = "", provider_id=None) -> QuerySet:
    found = Facility.objects.select_related("provider", "municipality")
    if kind:
        found = found.filter(kind=kind)
    if provider_id:
        found = found.filter(provider_id=provider_id)
    return found


def teams(*, region: Region | None = None, kind: str = "") -> QuerySet:
    found = Team.objects.select_related("region").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
    )
    if region is not None:
        found = found.filter(region=region)
    if kind:
        found = found.filter(kind=kind)
    return found


def teams_by_kind(team_list) -> list[tuple[str, list[Team]]]:
    """[(kind label, teams)] in the order of Team.Kind, leaving out kinds without teams."""
    grouped = {kind: [] for kind in Team.Kind}
    for team in team_list:
        grouped[team.kind].append(team)
    return [(Team.Kind(kind).label, found) for kind, found in grouped.items() if found]


SEARCH_LIMIT = 50  # a search shows one page; more hits ask for a sharper search


def search_youths(user, search: str, *, request=None) -> tuple[list, int]:
    """A search for youths by BSN or surname (screen and API, always POSTed so no BSN lands
    in a URL): logged as a search with its number of hits, and each youth shown as a read.
    Returns the youths shown (at most SEARCH_LIMIT) and the number of hits."""
    found = youths_for(user, search=search)
    shown = list(found[:SEARCH_LIMIT])
    hits = len(shown) if len(shown) < SEARCH_LIMIT else found.count()
    # The search words are personal data: the log keeps what kind of search it was.
    audit.record(user, "search", "registry.Youth", None, purpose=Purpose.YOUTH_SEARCH,
                 request=request, hits=hits, object_repr=_search_kind(search))
    policy.log_youth_list(user, shown, purpose=Purpose.YOUTH_SEARCH, request=request)
    return shown, hits


def _search_kind(search: str) -> str:
    search = search.strip()
    return "by BSN" if search.isdigit() else "by surname" if search else "all"


def youths_for(user, *, search: str = "") -> QuerySet:
    """Youths this user may open (the policy decides), optionally by BSN or surname."""
    found = policy.youths_visible_to(user).select_related("municipality")
    search = search.strip()
    if search.isdigit():
        found = found.filter(bsn=search)
    elif search:
        found = found.filter(surname__icontains=search)
    return found
