"""The registry objects a regional administrator may change: those of its own region.

Screens and API endpoints that write fetch their object through these querysets, so an object
of another region answers 404, exactly like one that does not exist.
"""

from django.db.models import Prefetch, QuerySet

from openjeugd.registry.models import Facility, Municipality, Provider, Team


def municipalities_of(user) -> QuerySet:
    return Municipality.objects.filter(region_id=user.region_id).select_related("region")


def active_municipalities_of(user) -> QuerySet:
    return municipalities_of(user).filter(active=True)


def providers_of(user) -> QuerySet:
    """Providers registered for the user's region (Provider.regions)."""
    return Provider.objects.filter(regions__id=user.region_id)


def facilities_of(user) -> QuerySet:
    """Facilities located in a municipality of the user's region."""
    return (Facility.objects.filter(municipality__region_id=user.region_id)
            .select_related("provider", "municipality"))


def teams_of(user) -> QuerySet:
    return Team.objects.filter(region_id=user.region_id).prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))
