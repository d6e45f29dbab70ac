"""Writes of care relations. Called by whatever establishes care (iJw processing, pathways)."""

from datetime import date

from openjeugd.registry.models import CareRelation


def keep(*, youth, provider, kind: str, source: str, valid_from: date,
         valid_to: date | None) -> CareRelation:
    """Create or update the one relation of this source (a toewijzing changes over time)."""
    relation, _created = CareRelation.objects.update_or_create(
        kind=kind, source=source,
        defaults={"youth": youth, "provider": provider, "valid_from": valid_from,
                  "valid_to": valid_to, "revoked": False},
    )
    return relation


def revoke(*, kind: str, source: str, on: date) -> int:
    """End a relation at once: no grace period, no access from `on` on."""
    return CareRelation.objects.filter(kind=kind, source=source).update(
        revoked=True, valid_to=on)


def end(*, kind: str, source: str, on: date) -> int:
    """End a relation with the usual grace period (care ended, e.g. a request answered)."""
    return CareRelation.objects.filter(kind=kind, source=source).update(valid_to=on)
