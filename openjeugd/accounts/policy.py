"""The one place that decides who may see and do what.

Views, API endpoints and commands ask here; nothing else checks roles. Reads of personal data
go through `read_youth` / `youths_visible_to`, which also write the access log.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from openjeugd.accounts import audit
from openjeugd.accounts.roles import Role, ScopeKind


class Perm(StrEnum):
    VIEW_REGISTRY = "registry.view"
    CHANGE_REGISTRY = "registry.change"
    MANAGE_USERS = "accounts.manage"
    VIEW_ACCESS_LOG = "accesslog.view"
    VIEW_YOUTH = "youth.view"  # personal data of individual youths
    VIEW_MESSAGES = "ijw.view"
    EXCHANGE_MESSAGES = "ijw.exchange"  # upload, answer, generate messages
    VIEW_REGION_FIGURES = "monitoring.view"  # aggregated, no personal data


_EVERYONE = {Perm.VIEW_REGISTRY}
ROLE_PERMS: dict[str, set[Perm]] = {
    Role.REGIONAL_ADMIN: _EVERYONE | {
        Perm.CHANGE_REGISTRY, Perm.MANAGE_USERS, Perm.VIEW_MESSAGES, Perm.VIEW_REGION_FIGURES,
    },
    Role.CONTRACT_MANAGER: _EVERYONE | {Perm.VIEW_MESSAGES, Perm.VIEW_REGION_FIGURES},
    Role.POLICY_ADVISOR: _EVERYONE | {Perm.VIEW_REGION_FIGURES},
    Role.ACCESS_WORKER: _EVERYONE | {
        Perm.VIEW_YOUTH, Perm.VIEW_MESSAGES, Perm.EXCHANGE_MESSAGES,
    },
    Role.RET_CHAIR: _EVERYONE | {Perm.VIEW_YOUTH, Perm.VIEW_REGION_FIGURES},
    Role.BRIGADE_MEMBER: _EVERYONE | {Perm.VIEW_YOUTH},
    Role.PROVIDER_STAFF: _EVERYONE | {
        Perm.VIEW_YOUTH, Perm.VIEW_MESSAGES, Perm.EXCHANGE_MESSAGES,
    },
    Role.AUDITOR: _EVERYONE | {Perm.VIEW_ACCESS_LOG, Perm.VIEW_MESSAGES, Perm.VIEW_REGION_FIGURES},
}


def has_perm(user, perm: Perm) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return perm in ROLE_PERMS.get(user.role, set())


def require(user, perm: Perm) -> None:
    if not has_perm(user, perm):
        raise PermissionDenied(f"Role {user.role or '-'} lacks {perm}.")


def municipality_codes_in_scope(user) -> list[str]:
    """Gemeentecodes whose data (youths, message traffic) this user works with."""
    from openjeugd.registry.models import Municipality

    if user.scope_kind == ScopeKind.MUNICIPALITY:
        return [user.municipality.code]
    if user.scope_kind == ScopeKind.REGION:
        return list(
            Municipality.objects.filter(region_id=user.region_id).values_list("code", flat=True)
        )
    return []


def youths_visible_to(user) -> QuerySet:
    """The youths whose record this user may open; empty for roles without VIEW_YOUTH."""
    from openjeugd.registry.models import Youth

    if not has_perm(user, Perm.VIEW_YOUTH):
        return Youth.objects.none()
    if user.scope_kind == ScopeKind.PROVIDER:
        # A provider sees the youths it was ever assigned care for (toewijzing).
        return Youth.objects.filter(toewijzingen__provider_id=user.provider_id).distinct()
    return Youth.objects.filter(municipality__code__in=municipality_codes_in_scope(user))


def read_youth(user, youth_id, *, purpose: str, request=None):
    """Open one youth's record: checks scope and logs the read (or the refusal)."""
    youth = youths_visible_to(user).filter(pk=youth_id).first()
    if youth is None:
        audit.record(user, "denied", "registry.Youth", youth_id, purpose=purpose, request=request)
        raise PermissionDenied("This youth is not in your scope.")
    audit.record(user, "read", "registry.Youth", youth.pk, purpose=purpose, request=request,
                 owner_region_id=youth.municipality.region_id)
    return youth


def log_youth_list(user, youths, *, purpose: str, request=None) -> None:
    """A list that shows personal data counts as a read of each youth on it."""
    # One insert for the whole page; the municipality comes with the youths (select_related).
    audit.record_many(user, "read", youths, purpose=purpose, request=request,
                      owner_region_of=lambda youth: youth.municipality.region_id)
