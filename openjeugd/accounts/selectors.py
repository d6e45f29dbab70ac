from datetime import date

from django.db.models import QuerySet

from openjeugd.accounts.models import AccessLogEntry


def search_access_log(auditor, *, username: str = "", object_type: str = "", object_id: str = "",
                      action: str = "", date_from: date | None = None,
                      date_to: date | None = None) -> QuerySet:
    """Access-log entries in the auditor's region, narrowed by the given filters."""
    entries = AccessLogEntry.objects.filter(region_id=auditor.region_id)
    if username:
        entries = entries.filter(username__icontains=username)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    if action:
        entries = entries.filter(action=action)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries.select_related("user")
