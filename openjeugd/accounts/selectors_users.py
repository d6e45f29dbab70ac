"""Reads for the regional user administration: which users a regional admin manages."""

from django.db.models import QuerySet

from openjeugd.accounts.models import User
from openjeugd.registry.models import Municipality, Provider


def users_managed_by(admin) -> QuerySet:
    """The users of the admin's own region. Superusers and staff are never managed from a
    regional screen: they do not show up, so opening one answers 404 like a foreign user."""
    if admin.region_id is None:
        return User.objects.none()
    return (User.objects.filter(region_id=admin.region_id, is_superuser=False, is_staff=False)
            .select_related("region", "municipality", "provider"))


def search_users(admin, *, role: str = "", active: bool | None = None) -> QuerySet:
    found = users_managed_by(admin)
    if role:
        found = found.filter(role=role)
    if active is not None:
        found = found.filter(is_active=active)
    return found.order_by("username")


def municipalities_for_scope(admin) -> QuerySet:
    """Municipalities an admin may bind a user to: the active ones of the own region."""
    return Municipality.objects.filter(region_id=admin.region_id, active=True)


def providers_for_scope(admin) -> QuerySet:
    """Providers an admin may bind a user to: those registered for the own region."""
    return Provider.objects.filter(regions__id=admin.region_id)
