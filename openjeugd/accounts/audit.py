"""Writes the access log. Called by the policy and by services after every write."""

from openjeugd.accounts.models import AccessLogEntry


def _client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(user, action: str, object_type: str, object_id, *, purpose: str,
           request=None, object_repr: str = "") -> AccessLogEntry:
    authenticated = bool(user and user.is_authenticated)
    return AccessLogEntry.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "",
        action=action,
        object_type=object_type,
        object_id="" if object_id is None else str(object_id),
        object_repr=object_repr[:200],
        purpose=purpose[:200],
        region_id=getattr(user, "region_id", None) if authenticated else None,
        ip_address=_client_ip(request),
    )


def record_write(user, action: str, obj, *, purpose: str, request=None) -> AccessLogEntry:
    return record(user, action, obj._meta.label, obj.pk, purpose=purpose, request=request,
                  object_repr=str(obj))
