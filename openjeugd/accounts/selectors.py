from datetime import date

from django.db.models import Q, QuerySet

from openjeugd.accounts.models import AccessLogEntry

OWNER, READER = "owner", "reader"


def search_access_log(auditor, *, username: str = "", object_type: str = "",
                      object_id: str = "", action: str = "", purpose: str = "",
                      side: str = "", date_from: date | None = None,
                      date_to: date | None = None) -> QuerySet:
    """Access-log entries the auditor may see, narrowed by the given filters.

    An auditor sees what happened to its region's data (owner) and what its region's users did
    (reader): another region reading our youths, and a superuser (no region) reading them.
    side narrows to one of the two.
    """
    entries = AccessLogEntry.objects.filter(_visible_to(auditor, side))
    if username:
        entries = entries.filter(username__icontains=username)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    if action:
        entries = entries.filter(action=action)
    if purpose:
        entries = entries.filter(purpose=purpose)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries.select_related("user", "region", "owner_region")


def _visible_to(auditor, side: str) -> Q:
    if auditor.region_id is None:
        return Q(pk__in=[])
    as_owner = Q(owner_region_id=auditor.region_id)
    as_reader = Q(region_id=auditor.region_id)
    return {OWNER: as_owner, READER: as_reader}.get(side, as_owner | as_reader)
