"""Writes the access log (NEN 7513). Called by the policy, by services after every write, by
the admin mixin and by the login receivers. Every entry is appended to the hash chain.

Names of data subjects never enter the log: a youth is logged by id and owning region only,
so auditors (who have no youth access) see who read which record, not whose it is.
"""

import ipaddress
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.utils.ipv6 import clean_ipv6_address

from openjeugd.accounts import chain
from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.accounts.purposes import Purpose

SYSTEM_IJW = "system:ijw-processing"
PERSONAL_DATA_TYPES = {"registry.Youth"}


def record(user, action: str, object_type: str, object_id, *, purpose: str, request=None,
           object_repr: str = "", owner_region_id: int | None = None, hits: int | None = None,
           system: str = "") -> AccessLogEntry:
    entry = _entry(user, action, object_type, object_id, purpose=purpose, request=request,
                   object_repr=object_repr, owner_region_id=owner_region_id, hits=hits,
                   system=system)
    return chain.append([entry])[0]


def record_object(user, action: str, obj, *, purpose: str, request=None,
                  owner_region_id: int | None = None, system: str = "") -> AccessLogEntry:
    """An entry about one object, read or written; its owning region comes from the object."""
    if owner_region_id is None:
        owner_region_id = owner_region_of(obj)
    return record(user, action, obj._meta.label, obj.pk, purpose=purpose, request=request,
                  object_repr=describe(obj), owner_region_id=owner_region_id, system=system)



def record_many(user, action: str, objects: Iterable, *, purpose: str, request=None,
                owner_region_of: Callable | None = None,
                system: str = "") -> list[AccessLogEntry]:
    """One entry per object, written in one insert (a list page must not cost a query per row).

    owner_region_of(obj) gives the owning region's id; by default it is derived from the
    object (pass a callable that reads select_related data to avoid a query per object).
    """
    region_of = owner_region_of or _default_owner_region_of
    entries = [
        _entry(user, action, obj._meta.label, obj.pk, purpose=purpose, request=request,
               object_repr=describe(obj), owner_region_id=region_of(obj), hits=None,
               system=system)
        for obj in objects
    ]
    return chain.append(entries) if entries else []


def record_login(user, request) -> AccessLogEntry:
    return record(user, AccessLogEntry.Action.LOGIN, user._meta.label, user.pk,
                  purpose=Purpose.LOGIN, request=request, object_repr=user.get_username(),
                  owner_region_id=user.region_id)


def record_login_failed(username: str, request) -> AccessLogEntry:
    """The name is kept as typed; no user is linked, so it can never pass for one. When the
    name is an existing account, its region's auditor sees the attempt."""
    target = User.objects.filter(username=username).first() if username else None
    entry = _entry(None, AccessLogEntry.Action.LOGIN_FAILED, User._meta.label,
                   target.pk if target else None, purpose=Purpose.LOGIN, request=request,
                   object_repr="", owner_region_id=target.region_id if target else None,
                   hits=None, system="")
    entry.username = (username or "")[:150]
    return chain.append([entry])[0]


def describe(obj) -> str:
    """Readable words for an object, without the name of a data subject."""
    if obj._meta.label in PERSONAL_DATA_TYPES:
        return ""
    return str(obj)[:200]


def owner_region_of(obj) -> int | None:
    """The region whose data this object is: its own region, or its municipality's."""
    if obj._meta.label == "registry.Region":
        return obj.pk
    if getattr(obj, "region_id", None):
        return obj.region_id
    if getattr(obj, "municipality_id", None):
        return obj.municipality.region_id
    return None


_default_owner_region_of = owner_region_of


def _entry(user, action, object_type, object_id, *, purpose, request, object_repr,
           owner_region_id, hits, system) -> AccessLogEntry:
    authenticated = bool(user and user.is_authenticated)
    if object_type in PERSONAL_DATA_TYPES and object_id is not None:
        object_repr = ""  # it would name the data subject; the id identifies it
    return AccessLogEntry(
        user=user if authenticated else None,
        username=(user.get_username() if authenticated else system)[:150],
        action=action,
        object_type=object_type[:100],
        object_id=("" if object_id is None else str(object_id))[:64],
        object_repr=(object_repr or "")[:200],
        purpose=str(purpose)[:200],
        hits=hits,
        region_id=getattr(user, "region_id", None) if authenticated else None,
        owner_region_id=owner_region_id,
        ip_address=client_ip(request),
    )


def client_ip(request) -> str | None:
    """REMOTE_ADDR in the form the database gives back (the hash must survive a round trip)."""
    address = request.META.get("REMOTE_ADDR") if request is not None else None
    if not address:
        return None
    try:
        if ":" in address:
            return clean_ipv6_address(address)
        return str(ipaddress.IPv4Address(address))
    except (ValidationError, ValueError):
        return None
