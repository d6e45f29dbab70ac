"""The one place that decides who may see and do what.

Views, API endpoints and commands ask here; nothing else checks roles. Reads of personal data
go through `read_youth` / `youths_visible_to`, which also write the access log.
"""

from datetime import date, timedelta
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.accounts.roles import Role, ScopeKind
from openjeugd.registry.models import CareRelation, Municipality, Youth


class Perm(StrEnum):
    VIEW_REGISTRY = "registry.view"
    CHANGE_REGISTRY = "registry.change"
    MANAGE_USERS = "accounts.manage"
    VIEW_ACCESS_LOG = "accesslog.view"
    VIEW_YOUTH = "youth.view"  # personal data of individual youths
    VIEW_MESSAGES = "ijw.view"
    EXCHANGE_MESSAGES = "ijw.exchange"  # upload, answer, generate messages
    VIEW_REGION_FIGURES = "monitoring.view"  # aggregated, no personal data
    # Bulk delivery from the region's message channel (GGk/VECOZO), senders authenticated
    # upstream: a service account, never a person.
    DELIVER_CHANNEL = "ijw.channel"
    # Contracts, tariffs, budgets (#9): reading money figures and changing the arrangements.
    VIEW_CONTRACTS = "contracts.view"
    MANAGE_CONTRACTS = "contracts.change"
    # Casework of the care pathway (#10): requests, triage, expert team, brigade, placement.
    WORK_CASES = "pathways.work"
    # Seed 000 §6.1: the RET chair deploys the mobile brigade (directly, without the RET, the
    # casusregisseur may for a child already in essential residence: a rule of pathways).
    DEPLOY_BRIGADE = "pathways.brigade"
    # Monitoring (#11): the region's KPI/KRI, targets, strategy map and narratives
    # (configuration and commentary, never facts); seed 003 §10.3, seed 000 §13.
    MANAGE_MONITORING = "monitoring.change"


_EVERYONE = {Perm.VIEW_REGISTRY}
ROLE_PERMS: dict[str, set[Perm]] = {
    Role.REGIONAL_ADMIN: _EVERYONE | {
        Perm.CHANGE_REGISTRY, Perm.MANAGE_USERS, Perm.VIEW_MESSAGES, Perm.VIEW_REGION_FIGURES,
    },
    Role.CONTRACT_MANAGER: _EVERYONE | {
        Perm.VIEW_MESSAGES, Perm.VIEW_REGION_FIGURES, Perm.VIEW_CONTRACTS, Perm.MANAGE_CONTRACTS,
    },
    Role.POLICY_ADVISOR: _EVERYONE | {
        Perm.VIEW_REGION_FIGURES, Perm.VIEW_CONTRACTS, Perm.MANAGE_MONITORING,
    },
    Role.ACCESS_WORKER: _EVERYONE | {
        Perm.VIEW_YOUTH, Perm.VIEW_MESSAGES, Perm.EXCHANGE_MESSAGES, Perm.WORK_CASES,
    },
    Role.RET_CHAIR: _EVERYONE | {
        Perm.VIEW_YOUTH, Perm.VIEW_REGION_FIGURES, Perm.WORK_CASES, Perm.DEPLOY_BRIGADE,
    },
    Role.BRIGADE_MEMBER: _EVERYONE | {Perm.VIEW_YOUTH, Perm.WORK_CASES},
    Role.PROVIDER_STAFF: _EVERYONE | {
        Perm.VIEW_YOUTH, Perm.VIEW_MESSAGES, Perm.EXCHANGE_MESSAGES,
    },
    Role.AUDITOR: _EVERYONE | {
        Perm.VIEW_ACCESS_LOG, Perm.VIEW_MESSAGES, Perm.VIEW_REGION_FIGURES, Perm.VIEW_CONTRACTS,
    },
    Role.MESSAGE_CHANNEL: {Perm.VIEW_MESSAGES, Perm.DELIVER_CHANNEL},
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
    if user.scope_kind == ScopeKind.MUNICIPALITY:
        return [user.municipality.code]
    if user.scope_kind == ScopeKind.REGION:
        return list(
            Municipality.objects.filter(region_id=user.region_id).values_list("code", flat=True)
        )
    return []


def provider_agb(user) -> str | None:
    """The AGB code of the provider this user works for, if any."""
    if user.scope_kind == ScopeKind.PROVIDER and user.provider_id:
        return user.provider.agb_code
    return None


def party_codes(user) -> set[str]:
    """The codes (gemeentecodes or one AGB code) that stand for this user's organisation in the
    header of an iJw message."""
    agb = provider_agb(user)
    return {agb} if agb else set(municipality_codes_in_scope(user))


# --- scope of facts that name a municipality and a provider ----------------------------------

def scope_q(user, *, municipality: str = "municipality", provider: str = "provider") -> Q | None:
    """Rows about this user's organisation: its provider, or its municipalities. `municipality`
    and `provider` are the paths to those foreign keys in the queried model. None: nothing."""
    agb = provider_agb(user)
    if agb:
        return Q(**{provider + "__agb_code": agb})
    codes = municipality_codes_in_scope(user)
    if codes:
        return Q(**{municipality + "__code__in": codes})
    return None


def in_scope(queryset: QuerySet, user, **paths) -> QuerySet:
    q = scope_q(user, **paths)
    return queryset.none() if q is None else queryset.filter(q)


def message_q(user, *, figures: bool = False) -> Q | None:
    """iJw traffic this user may see (metadata): messages its organisation is a party to.
    With `figures`, the traffic its aggregated figures count (no single message is shown).

    A message whose parties could not be resolved (unknown code, unreadable header) still
    belongs to whoever its header names, so the sender can see why it was refused."""
    if not has_perm(user, Perm.VIEW_REGION_FIGURES if figures else Perm.VIEW_MESSAGES):
        return None
    resolved = scope_q(user)
    if resolved is None:
        return None
    parties = party_codes(user)
    return resolved | Q(afzender__in=parties) | Q(ontvanger__in=parties)


def may_read_message_content(user, message) -> bool:
    """Raw bytes and content name clients: only with youth access to the client the message is
    about, and only for a party to the message. Aggregate roles see metadata only."""
    if not has_perm(user, Perm.VIEW_YOUTH):
        return False
    q = message_q(user)
    if q is None or not type(message).objects.filter(q, pk=message.pk).exists():
        return False
    if message.youth_id is None:
        # A declaration names many clients; its parties handle all of them.
        return True
    return youths_visible_to(user).filter(pk=message.youth_id).exists()


# --- who may send what ------------------------------------------------------------------------

def sender_refusal(user, *, afzender: str, ontvanger: str) -> str:
    """Why this user may not deliver a message with this header, or "" when it may."""
    return sender_check(user)(afzender, ontvanger)


def sender_check(user):
    """The sender rule for one user as a function of (afzender, ontvanger) -> refusal or "";
    the user's codes are looked up once, so a bundle of messages costs no query per message.

    A message entering through a person carries that person's own organisation as Afzender:
    provider staff their provider's AGB code, an access worker their municipality. The message
    channel (GGk/VECOZO side, senders authenticated upstream) delivers traffic of its region's
    municipalities in both directions."""
    if has_perm(user, Perm.DELIVER_CHANNEL):
        region_codes = set(municipality_codes_in_scope(user))

        def channel(afzender: str, ontvanger: str) -> str:
            if region_codes & {afzender, ontvanger}:
                return ""
            return _("Afzender/Ontvanger: neither %(from)s nor %(to)s is a municipality of your "
                     "region.") % {"from": afzender or "-", "to": ontvanger or "-"}
        return channel
    if not has_perm(user, Perm.EXCHANGE_MESSAGES):
        return lambda afzender, ontvanger: _("Your role may not send iJw messages.")
    own = party_codes(user)

    def person(afzender: str, ontvanger: str) -> str:
        if afzender in own:
            return ""
        return _("Afzender %(code)s is not your organisation: you can only send messages as "
                 "yourself.") % {"code": afzender or "-"}
    return person


# --- personal data -----------------------------------------------------------------------------

def care_relations_active(today: date | None = None) -> Q:
    """Care relations that give access today: started, not revoked, and not ended longer ago
    than the grace period (declarations and corrections follow the end of care)."""
    today = today or timezone.localdate()
    grace = timedelta(days=settings.CARE_RELATION_GRACE_DAYS)
    return (Q(valid_from__lte=today, revoked=False)
            & (Q(valid_to__isnull=True) | Q(valid_to__gte=today - grace)))


# Issue #10: the expert team and the mobile brigade work region-wide, but see only the youths
# registered with them — a care relation of their kind (pathways keeps it), not the region.
CARE_RELATION_OF_ROLE = {
    Role.RET_CHAIR: CareRelation.Kind.EXPERT_TEAM,
    Role.BRIGADE_MEMBER: CareRelation.Kind.BRIGADE,
}


def youths_visible_to(user) -> QuerySet:
    """The youths whose record this user may open; empty for roles without VIEW_YOUTH."""
    if not has_perm(user, Perm.VIEW_YOUTH):
        return Youth.objects.none()
    if user.scope_kind == ScopeKind.PROVIDER:
        relations = CareRelation.objects.filter(
            care_relations_active(), provider_id=user.provider_id, youth_id=OuterRef("pk"))
        return Youth.objects.filter(Exists(relations))
    in_region = Youth.objects.filter(municipality__code__in=municipality_codes_in_scope(user))
    kind = CARE_RELATION_OF_ROLE.get(user.role)
    if kind is None:
        return in_region
    registered = CareRelation.objects.filter(care_relations_active(), kind=kind,
                                             youth_id=OuterRef("pk"))
    return in_region.filter(Exists(registered))


def read_youth(user, youth_id, *, purpose: str, request=None):
    """Open one youth's record: checks scope and logs the read (or the refusal). Out of scope
    answers 404, so nobody learns whether the record exists."""
    youth = youths_visible_to(user).filter(pk=youth_id).first() if _is_id(youth_id) else None
    if youth is None:
        # The owner's auditor sees refused attempts on its youths too.
        owner = _owner_region_of_youth(youth_id)
        audit.record(user, "denied", "registry.Youth", youth_id, purpose=purpose, request=request,
                     owner_region_id=owner)
        raise Http404("No such youth in your scope.")
    audit.record(user, "read", "registry.Youth", youth.pk, purpose=purpose, request=request,
                 owner_region_id=youth.municipality.region_id)
    return youth


def _owner_region_of_youth(youth_id) -> int | None:
    if not _is_id(youth_id):
        return None
    return Youth.objects.filter(pk=youth_id).values_list(
        "municipality__region_id", flat=True).first()


def _is_id(value) -> bool:
    return str(value).isdigit()


def log_youth_list(user, youths, *, purpose: str, request=None) -> None:
    """A list that shows personal data counts as a read of each youth on it."""
    # One insert for the whole page; the municipality comes with the youths (select_related).
    audit.record_many(user, "read", youths, purpose=purpose, request=request,
                      owner_region_of=lambda youth: youth.municipality.region_id)
