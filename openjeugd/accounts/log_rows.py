"""The access log in readable words, shared by the screen, the API and the exports."""

from dataclasses import astuple, dataclass
from datetime import datetime

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts.purposes import purpose_label


@dataclass
class Row:
    id: int
    at: datetime
    user: str
    action: str
    object_type: str
    object: str
    purpose: str
    hits: int | None
    reader_region: str
    owner_region: str
    ip_address: str


HEADERS = [_("Entry"), _("When"), _("User"), _("Action"), _("Object type"), _("Object"),
           _("Purpose"), _("Hits"), _("Reader's region"), _("Owner's region"), _("IP address")]


def object_type_label(label: str) -> str:
    """"registry.Youth" -> "Youth" (translated); an unknown label is shown as it is."""
    try:
        return str(capfirst(apps.get_model(label)._meta.verbose_name))
    except (LookupError, ValueError):
        return label


def row(entry) -> Row:
    return Row(
        id=entry.pk, at=entry.at, user=entry.username,
        action=str(entry.get_action_display()),
        object_type=object_type_label(entry.object_type) if entry.object_type else "",
        object=entry.object_repr or (f"#{entry.object_id}" if entry.object_id else ""),
        purpose=purpose_label(entry.purpose), hits=entry.hits,
        reader_region=entry.region.name if entry.region_id else "",
        owner_region=entry.owner_region.name if entry.owner_region_id else "",
        ip_address=entry.ip_address or "",
    )


def as_tuple(entry) -> tuple:
    return astuple(row(entry))
