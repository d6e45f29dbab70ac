"""The rules table of the authorization matrix: what each route needs, asked of the policy.

Every web route (by URL name) and every API operation (by "METHOD /path" as the OpenAPI schema
spells it) has one `Rule`: the permissions it needs (`Perm`s from accounts.policy, or PUBLIC /
LOGIN), the kind of object in its URL or body, and for writes whether the user may act for that
object (is its own party). The expected answer is never written down per route; `expected()`
derives it from the policy at request time:

    not signed in                          → login redirect (web) or 401/403 (API)
    lacks a permission                     → 403
    object not visible to the user         → 404 (403 would reveal that it exists)
    visible, but not the user's to act on  → 403 or 404
    otherwise                              → allowed (2xx/3xx for reads; for writes anything
                                             but 401/403/404/5xx, e.g. 400 for a bad body)

Adding a route: add one line to WEB_RULES (by URL name) or API_RULES (by method and schema path);
if its object is of a new kind, add a `Kind` saying how to find one for a case and how the policy
decides whether a user may see it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from openjeugd.accounts import policy
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.roles import Role, ScopeKind
from openjeugd.ijw import selectors as ijw_selectors
from openjeugd.registry.models import CertifiedInstitution, Facility, Partnership, Team

from .world import (
    ANONYMOUS,
    FOREIGN_MUNICIPALITY,
    FOREIGN_PROVIDER,
    FOREIGN_REGION,
    MALFORMED,
    MISSING,
    OWN,
    SLOTS,
    Case,
    World,
)

PUBLIC, LOGIN = "public", "login"


# --- what the policy says a user may see ---------------------------------------------------------

def youth_visible(user, youth_id) -> bool:
    return policy.youths_visible_to(user).filter(pk=youth_id).exists()


def message_visible(user, message_id) -> bool:
    # Issue #7 moves the scope decisions into accounts.policy; ask there once it has them.
    visible_to = getattr(policy, "messages_visible_to", ijw_selectors.messages_visible_to)
    return visible_to(user).filter(pk=message_id).exists()


def user_visible(user, other) -> bool:
    """Users of the own region, for user management (issue #7, regional administration)."""
    if hasattr(policy, "users_visible_to"):
        return policy.users_visible_to(user).filter(pk=other.pk).exists()
    return policy.has_perm(user, Perm.MANAGE_USERS) and other.region_id == user.region_id


def _care_record_visible(user, record) -> bool:
    """A toewijzing, start or verzoek: the user sees its youth and the message it came from."""
    return youth_visible(user, record.youth_id) and message_visible(user, record.message_id)


def _registry_visible(user, _obj) -> bool:
    # Registry reference data (regions, providers, facilities, …) holds no personal data and is
    # readable region-wide for everyone with VIEW_REGISTRY; writes are scoped by `may_act`.
    return policy.has_perm(user, Perm.VIEW_REGISTRY)


def _message_content_visible(user, message) -> bool:
    """Issue #7: raw messages carry client data — only with youth access to that client."""
    return (message_visible(user, message.pk) and policy.has_perm(user, Perm.VIEW_YOUTH)
            and message.youth_id is not None and youth_visible(user, message.youth_id))


# --- whose organisation a user sends for (issue #7, "who may send what") --------------------------

def own_municipality_codes(user) -> set[str]:
    return set(policy.municipality_codes_in_scope(user))


def own_agb_codes(user) -> set[str]:
    if user.scope_kind == ScopeKind.PROVIDER and user.provider_id:
        return {user.provider.agb_code}
    return set()


def sends_for_municipality(user, obj) -> bool:
    if obj is None:
        return bool(own_municipality_codes(user))
    return obj.municipality.code in own_municipality_codes(user)


def sends_for_provider(user, obj) -> bool:
    if obj is None:
        return bool(own_agb_codes(user))
    return obj.provider.agb_code in own_agb_codes(user)


def changes_registry_of(user, municipality) -> bool:
    """A regional admin manages the registry of its own region, never another's (finding 8)."""
    codes = own_municipality_codes(user)
    return bool(codes) if municipality is None else municipality.code in codes


# --- kinds of objects in URLs --------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    of_case: Callable[[World, Case], object]   # the object of this kind in a case of care
    visible: Callable[[object, object], bool]  # (user, object): may the user know it exists?
    lookup: Callable[[object], str] = lambda obj: str(obj.pk)
    missing: str = "999999999"


def _first(model, filters):
    return lambda world, case: model.objects.filter(**filters(case)).order_by("pk").first()


KINDS: dict[str, Kind] = {
    "youth": Kind(lambda w, c: c.youth, lambda u, o: youth_visible(u, o.pk)),
    "message": Kind(lambda w, c: c.message, lambda u, o: message_visible(u, o.pk)),
    "message_content": Kind(lambda w, c: c.message, _message_content_visible),
    "toewijzing": Kind(lambda w, c: c.toewijzing, _care_record_visible),
    "start": Kind(lambda w, c: c.start, _care_record_visible),
    "verzoek": Kind(lambda w, c: c.verzoek, _care_record_visible),
    "municipality": Kind(lambda w, c: c.municipality, _registry_visible,
                         lookup=lambda o: o.code, missing="0000"),
    "region": Kind(lambda w, c: c.municipality.region, _registry_visible,
                   lookup=lambda o: o.slug, missing="no-such-region"),
    "provider": Kind(lambda w, c: c.provider, _registry_visible),
    "user": Kind(lambda w, c: c.colleague, user_visible),
    "facility": Kind(_first(Facility, lambda c: {"provider": c.provider}), _registry_visible),
    "team": Kind(_first(Team, lambda c: {"region": c.municipality.region}), _registry_visible),
    "partnership": Kind(_first(Partnership, lambda c: {"region": c.municipality.region}),
                        _registry_visible),
    "certified_institution": Kind(
        _first(CertifiedInstitution, lambda c: {"regions": c.municipality.region}),
        _registry_visible),
}


# --- rules ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    access: str | Perm | tuple[Perm, ...]  # PUBLIC, LOGIN, or the permission(s) all needed
    kind: str | None = None                # the object in the URL (or, for a body-only route,
                                           # the object the body refers to)
    may_act: Callable | None = None        # writes: (user, object or None) → acts for its party
    body: Callable | None = None           # (world, object or None, ref) → request body
    methods: tuple[str, ...] = ("GET",)    # web routes only; API rules take it from their key
    api: bool = False                      # a DRF view: anonymous gets 401/403
    ends_session: bool = False             # logout: runs on a client of its own
    probes: tuple[str, ...] = ()           # query parameters the schema does not document,
                                           # tried with a nonsense value: no 5xx

    @property
    def perms(self) -> tuple[Perm, ...]:
        if isinstance(self.access, Perm):
            return (self.access,)
        return self.access if isinstance(self.access, tuple) else ()


def _date_pair(first: str, last: str) -> dict:
    return {"begindatum": first, "einddatum": last}


def _assign_body(world, youth, ref):
    return {"youth": ref, "provider": world.providers[0].agb_code, "categorie": "45",
            "code": "45A48", "ingangsdatum": "2026-04-01", "einddatum": "2026-12-31",
            "volume": 4, "eenheid": "04", "frequentie": "2"}


def _declare_body(world, toewijzing, ref):
    municipality = toewijzing.municipality if toewijzing else world.municipalities[0]
    return {"municipality": municipality.code, **_date_pair("2026-02-01", "2026-02-28"),
            "lines": [{"toewijzing": ref, "referentie": "MATRIX-1", "volume": 4,
                       "tarief": "85.50"}]}


WEB_RULES: dict[str, Rule] = {
    "home": Rule(LOGIN),
    "health": Rule(PUBLIC),
    "login": Rule(PUBLIC),
    "logout": Rule(PUBLIC, methods=("POST",), ends_session=True),
    "set_language": Rule(PUBLIC, methods=("POST",),
                         body=lambda w, o, r: {"language": "en", "next": "/"}),
    # Issue #7: API docs (and the schema they show) behind login.
    "api-schema": Rule(LOGIN, api=True),
    "api-docs": Rule(LOGIN, api=True),
    "api-root": Rule(LOGIN, api=True),
    "accounts:access-log": Rule(Perm.VIEW_ACCESS_LOG, probes=("user", "date_from", "page")),
    "registry:region-list": Rule(Perm.VIEW_REGISTRY),
    "registry:region-detail": Rule(Perm.VIEW_REGISTRY, "region"),
    "registry:municipality-list": Rule(Perm.VIEW_REGISTRY, probes=("region",)),
    "registry:provider-list": Rule(Perm.VIEW_REGISTRY),
    "registry:provider-detail": Rule(Perm.VIEW_REGISTRY, "provider"),
    "registry:facility-list": Rule(Perm.VIEW_REGISTRY, probes=("kind", "page")),
    "registry:team-list": Rule(Perm.VIEW_REGISTRY, probes=("region", "kind")),
    "registry:youth-list": Rule(Perm.VIEW_YOUTH, probes=("q", "page")),
    "registry:youth-detail": Rule(Perm.VIEW_YOUTH, "youth"),
    "ijw:inbox": Rule(Perm.VIEW_MESSAGES, probes=("received_from", "status", "page")),
    "ijw:outbox": Rule(Perm.VIEW_MESSAGES, probes=("received_from", "status", "page")),
    "ijw:message-detail": Rule(Perm.VIEW_MESSAGES, "message"),
    "ijw:message-raw": Rule(Perm.VIEW_MESSAGES, "message_content"),
    "ijw:upload": Rule(Perm.EXCHANGE_MESSAGES, methods=("GET", "POST"),
                       body=lambda w, o, r: {}),
    "ijw:youth-timeline": Rule(Perm.VIEW_YOUTH, "youth"),
    "ijw:overview": Rule(Perm.VIEW_REGION_FIGURES),
}

API_RULES: dict[str, Rule] = {
    "GET /api/accounts/me/": Rule(LOGIN),
    "GET /api/accounts/access-log/": Rule(Perm.VIEW_ACCESS_LOG, probes=("user", "date_from")),
    "GET /api/registry/regions/": Rule(Perm.VIEW_REGISTRY),
    "GET /api/registry/regions/{slug}/": Rule(Perm.VIEW_REGISTRY, "region"),
    "GET /api/registry/municipalities/": Rule(Perm.VIEW_REGISTRY, probes=("region", "active")),
    "GET /api/registry/municipalities/{code}/": Rule(Perm.VIEW_REGISTRY, "municipality"),
    "PATCH /api/registry/municipalities/{code}/": Rule(
        Perm.CHANGE_REGISTRY, "municipality", may_act=changes_registry_of,
        body=lambda w, o, r: {"population_total": 123457, "population_0_17": 23457,
                              "population_source": "authorization matrix"}),
    "GET /api/registry/providers/": Rule(Perm.VIEW_REGISTRY),
    "GET /api/registry/providers/{id}/": Rule(Perm.VIEW_REGISTRY, "provider"),
    "GET /api/registry/partnerships/": Rule(Perm.VIEW_REGISTRY),
    "GET /api/registry/partnerships/{id}/": Rule(Perm.VIEW_REGISTRY, "partnership"),
    "GET /api/registry/facilities/": Rule(Perm.VIEW_REGISTRY, probes=("provider", "kind")),
    "GET /api/registry/facilities/{id}/": Rule(Perm.VIEW_REGISTRY, "facility"),
    "GET /api/registry/certified-institutions/": Rule(Perm.VIEW_REGISTRY),
    "GET /api/registry/certified-institutions/{id}/": Rule(Perm.VIEW_REGISTRY,
                                                           "certified_institution"),
    "GET /api/registry/teams/": Rule(Perm.VIEW_REGISTRY, probes=("region", "kind")),
    "GET /api/registry/teams/{id}/": Rule(Perm.VIEW_REGISTRY, "team"),
    "GET /api/registry/youths/": Rule(Perm.VIEW_YOUTH, probes=("q",)),
    "GET /api/registry/youths/{id}/": Rule(Perm.VIEW_YOUTH, "youth"),
    "GET /api/ijw/messages/": Rule(Perm.VIEW_MESSAGES),
    "GET /api/ijw/messages/{id}/": Rule(Perm.VIEW_MESSAGES, "message"),
    "GET /api/ijw/messages/{id}/raw/": Rule(Perm.VIEW_MESSAGES, "message_content"),
    "POST /api/ijw/messages/upload/": Rule(Perm.EXCHANGE_MESSAGES, body=lambda w, o, r: {}),
    "GET /api/ijw/youths/{id}/timeline/": Rule(Perm.VIEW_YOUTH, "youth"),
    "GET /api/ijw/overview/": Rule(Perm.VIEW_REGION_FIGURES),
    # Actions: the municipality assigns, changes and answers; the provider starts, stops and
    # declares — each only for its own organisation.
    "POST /api/ijw/actions/toewijzingen/": Rule(
        Perm.EXCHANGE_MESSAGES, "youth", may_act=sends_for_municipality, body=_assign_body),
    "POST /api/ijw/actions/toewijzingen/{id}/change/": Rule(
        Perm.EXCHANGE_MESSAGES, "toewijzing", may_act=sends_for_municipality,
        body=lambda w, o, r: {"einddatum": "2026-06-30", "reden_wijziging": "01"}),
    "POST /api/ijw/actions/verzoeken/{id}/answer/": Rule(
        Perm.EXCHANGE_MESSAGES, "verzoek", may_act=sends_for_municipality,
        body=lambda w, o, r: {"antwoord": "2"}),
    "POST /api/ijw/actions/toewijzingen/{id}/start/": Rule(
        Perm.EXCHANGE_MESSAGES, "toewijzing", may_act=sends_for_provider,
        body=lambda w, o, r: {"begindatum": "2026-01-14"}),
    "POST /api/ijw/actions/starts/{id}/stop/": Rule(
        Perm.EXCHANGE_MESSAGES, "start", may_act=sends_for_provider,
        body=lambda w, o, r: {"einddatum": "2026-02-28", "reden_beeindiging": "31"}),
    "POST /api/ijw/actions/declaraties/": Rule(
        Perm.EXCHANGE_MESSAGES, "toewijzing", may_act=sends_for_provider, body=_declare_body),
}


# --- expected outcomes ---------------------------------------------------------------------------

ALLOWED, FORBIDDEN, NOT_FOUND, DENIED, SIGN_IN = (
    "allowed", "403", "404", "403/404", "sign-in")


def expected(rule: Rule, user, obj, *, has_object: bool) -> str:
    """What the policy says this user gets for this route and object (None: no such object)."""
    if rule.access == PUBLIC:
        return ALLOWED
    if user is None:
        return SIGN_IN
    if rule.access == LOGIN:
        return ALLOWED
    if not all(policy.has_perm(user, perm) for perm in rule.perms):
        return FORBIDDEN
    if has_object and (obj is None or not KINDS[rule.kind].visible(user, obj)):
        # Where the user could not act on any such object anyway, 403 reveals nothing either.
        if obj is None and rule.may_act and not rule.may_act(user, None):
            return DENIED
        return NOT_FOUND
    if rule.may_act and not rule.may_act(user, obj):
        return DENIED
    return ALLOWED


# --- known gaps: cells where the code is wrong today ---------------------------------------------
# (route, role, slot). A listed cell must still fail; once it passes the matrix says so and the
# entry has to go (strict xfail, kept in this one place).

def _cells(routes, roles, slots) -> set[tuple[str, str, str]]:
    return set(product(routes, roles, slots))


_NO_YOUTH_ROLES = ("regional_admin", "contract_manager", "auditor")  # VIEW_MESSAGES, no VIEW_YOUTH
_NO_EXCHANGE_ROLES = ("regional_admin", "contract_manager", "policy_advisor", "ret_chair",
                      "brigade_member", "auditor", "superuser")
_YOUTH_READS = ("registry:youth-detail", "ijw:youth-timeline", "GET /api/registry/youths/{id}/",
                "GET /api/ijw/youths/{id}/timeline/")
_ACTIONS_ON_OBJECTS = ("POST /api/ijw/actions/toewijzingen/{id}/change/",
                       "POST /api/ijw/actions/toewijzingen/{id}/start/",
                       "POST /api/ijw/actions/verzoeken/{id}/answer/",
                       "POST /api/ijw/actions/starts/{id}/stop/")
_ASSIGN, _DECLARE = "POST /api/ijw/actions/toewijzingen/", "POST /api/ijw/actions/declaraties/"
_IN_REGION = (OWN, FOREIGN_MUNICIPALITY, FOREIGN_PROVIDER)
_OUT_OF_SCOPE = {  # what each youth-reading role of region A may not see
    "access_worker": (FOREIGN_MUNICIPALITY, FOREIGN_REGION, MISSING),
    "provider_staff": (FOREIGN_PROVIDER, FOREIGN_REGION, MISSING),
    "ret_chair": (FOREIGN_REGION, MISSING),
    "brigade_member": (FOREIGN_REGION, MISSING),
}

KNOWN_GAPS: set[tuple[str, str, str]] = (
    # Finding 4: roles without youth access download raw messages with the client's data.
    _cells(("ijw:message-raw", "GET /api/ijw/messages/{id}/raw/"), _NO_YOUTH_ROLES, _IN_REGION)
    # Finding 9: /api/ijw/messages/abc/raw/ and ?provider=abc answer 500.
    | _cells(("GET /api/ijw/messages/{id}/raw/",),
             ("regional_admin", "contract_manager", "access_worker", "provider_staff",
              "auditor"), (MALFORMED,))
    | _cells(("GET /api/registry/facilities/",),
             Role.values, ("?provider=abc",))
    # Finding 9: the API docs and schema are open to anonymous users.
    | _cells(("api-schema", "api-docs"), (ANONYMOUS,), ("-",))
    # Finding 9: 403 instead of 404 for a youth out of scope (or missing) reveals that it exists.
    | {cell for role, slots in _OUT_OF_SCOPE.items()
       for cell in _cells(_YOUTH_READS, (role,), slots)}
    # … and the same from the actions, which open the youth through policy.read_youth first.
    | _cells(_ACTIONS_ON_OBJECTS, ("access_worker",), (FOREIGN_MUNICIPALITY, FOREIGN_REGION))
    | _cells(_ACTIONS_ON_OBJECTS, ("provider_staff",), (FOREIGN_PROVIDER, FOREIGN_REGION))
    | _cells((_ASSIGN,), ("access_worker",), (FOREIGN_MUNICIPALITY, FOREIGN_REGION, MISSING))
    | _cells((_ASSIGN,), ("provider_staff",), (FOREIGN_PROVIDER, FOREIGN_REGION))
    # The action endpoints look the object up before checking the permission: a role without
    # EXCHANGE_MESSAGES gets 404 for a missing id and 403 for an existing one (an existence
    # oracle); the declaration endpoint answers 404 to every role without a provider.
    | _cells(_ACTIONS_ON_OBJECTS, _NO_EXCHANGE_ROLES, (MISSING,))
    | _cells((_DECLARE,), _NO_EXCHANGE_ROLES, (*_IN_REGION, FOREIGN_REGION, MISSING))
    # Finding 8: a regional admin changes another region's municipality figures.
    | _cells(("PATCH /api/registry/municipalities/{code}/",), ("regional_admin",),
             (FOREIGN_REGION,))
)

__all__ = ["ANONYMOUS", "FOREIGN_MUNICIPALITY", "FOREIGN_PROVIDER", "FOREIGN_REGION",
           "MALFORMED", "MISSING", "OWN", "SLOTS"]
