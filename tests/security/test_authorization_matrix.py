"""Authorization matrix (issue #7, proof a): every route × every role × an object of the own
scope, of a foreign municipality, a foreign provider and a foreign region, plus a missing and a
malformed id. The expected answer comes from the policy (rules.expected); a route without a
rule fails. Mismatches are reported one line each, once per route, at the end."""

import json
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse

from openjeugd.ijw.models import Declaratie, Message, Start, Stop, Toewijzing, Verzoek
from openjeugd.registry.models import Facility, Provider, Team, Youth

from . import routes
from .rules import (
    ALLOWED,
    API_RULES,
    DENIED,
    FORBIDDEN,
    KINDS,
    KNOWN_GAPS,
    NOT_FOUND,
    PUBLIC,
    SIGN_IN,
    WEB_RULES,
    expected,
)
from .world import ANONYMOUS, MALFORMED, MISSING, ROLES, SLOTS, SUPERUSER, signed_in_client

# The world is built once per module (conftest); this marker makes pytest-django set up the
# test database and wrap each test in a savepoint of the world's transaction.
pytestmark = pytest.mark.django_db

ALL_ROUTES = routes.web_routes() + routes.api_operations()
RULES = {**WEB_RULES, **API_RULES}


# --- running one cell ---------------------------------------------------------------------------

def _targets(rule, route, world):
    """(slot, object, value for the URL or body): one per distinct object, then the probes."""
    if rule.kind is None:
        yield "-", None, None
        return
    kind, seen = KINDS[rule.kind], set()
    for slot in SLOTS:
        obj = kind.of_case(world, world.case(slot))
        ref = kind.lookup(obj)
        if str(ref) not in seen:
            seen.add(str(ref))
            yield slot, obj, ref
    yield from ((slot, obj, kind.lookup(obj)) for slot, obj in
                (kind.extras(world) if kind.extras else {}).items())
    yield MISSING, None, kind.missing
    yield MALFORMED, None, "abc"


def _query_probes(rule, route):
    """Every query parameter, documented or named in the rule, with a nonsense value."""
    if rule.kind is None and "GET" in ((route.method,) if route.api else rule.methods):
        for name in dict.fromkeys((*route.query, *rule.probes)):
            yield f"?{name}=abc"


def _send(client, method, url, body, *, api):
    if method == "GET":
        return client.get(url)
    if api:
        return client.generic(method, url, json.dumps(body or {}),
                              content_type="application/json")
    if method == "POST":
        return client.post(url, body or {})
    return client.generic(method, url, urlencode(body or {}),
                          content_type="application/x-www-form-urlencoded")


def _state(obj):
    """What a refused write must leave as it was: the object and the message-driven tables."""
    row = type(obj).objects.filter(pk=obj.pk).values().first() if obj is not None else None
    counts = [model.objects.count()
              for model in (Message, Toewijzing, Start, Stop, Verzoek, Declaratie, Youth,
                            get_user_model(), Provider, Facility, Team)]
    return row, counts


def _to_login(response, login_url) -> bool:
    return response.status_code == 302 and response["Location"].startswith(login_url)


def _fits(outcome, response, *, method, api, public) -> bool:
    status = response.status_code
    if status >= 500:
        return False
    if outcome == ALLOWED:
        sent_to_login = _to_login(response, _login_url()) and not public
        return (status not in (401, 403, 404) and not sent_to_login
                and (method != "GET" or status < 400))
    if outcome == SIGN_IN:
        return _to_login(response, _login_url()) or (api and status in (401, 403))
    return status in {FORBIDDEN: (403,), NOT_FOUND: (404,), DENIED: (403, 404)}[outcome]


def _login_url() -> str:
    return resolve_url(settings.LOGIN_URL)


def _cell_route(route, method) -> str:
    return route.key if route.api or method == "GET" else f"{method} {route.key}"


# --- the matrix ---------------------------------------------------------------------------------

def _methods(route, rule) -> tuple[str, ...]:
    return (route.method,) if route.api else rule.methods


def _cells(route, rule, world):
    """(method, slot, object, url, body) for every cell of this route, roles aside."""
    for method in _methods(route, rule):
        probes = [(query, None, None) for query in _query_probes(rule, route)]
        for slot, obj, ref in [*_targets(rule, route, world), *(probes if method == "GET" else [])]:
            url = route.url(ref) if route.params else route.template
            url += slot if slot.startswith("?") else ""
            yield method, slot, obj, url, rule.body(world, obj, ref) if rule.body else None


def _run(route, rule, role, user, client, cell) -> tuple[bool, str]:
    """One request in a savepoint that is rolled back: (fits the policy, report line)."""
    method, slot, obj, url, body = cell
    outcome = expected(rule, user, obj, has_object=rule.kind is not None)
    api = route.api or rule.api
    with transaction.atomic():
        client = signed_in_client(user) if rule.ends_session else client
        before = _state(obj) if method != "GET" else None
        response = _send(client, method, url, body, api=api)
        changed = before is not None and _state(obj) != before
        transaction.set_rollback(True)
    if slot == MALFORMED or slot.startswith("?"):  # a probe: only no server error
        outcome = "no 5xx"
        ok = response.status_code < 500 and not (changed and rule.never_writes)
    else:
        ok = (_fits(outcome, response, method=method, api=api, public=rule.access == PUBLIC)
              and not (changed and (outcome != ALLOWED or rule.never_writes)))
    return ok, (f"{role:17} {method:5} {url:48} {slot:21} expected {outcome:8} got "
                f"{response.status_code}{' and it WROTE' if changed else ''}")


@pytest.mark.parametrize("route", ALL_ROUTES, ids=lambda route: route.key)
def test_route_answers_as_the_policy_says(route, world, clients):
    rule = RULES.get(route.key)
    assert rule is not None, (
        f"{route.key} ({route.template}) has no rule: add one to tests/security/rules.py")
    assert bool(route.params) <= bool(rule.kind), (
        f"{route.key}: the URL has {route.params} but the rule names no kind of object")
    problems, visited = [], set()
    for cell in _cells(route, rule, world):
        for role in ROLES:
            ok, line = _run(route, rule, role, world.users.get(role), clients[role], cell)
            key = (_cell_route(route, cell[0]), role, cell[1])
            visited.add(key)
            if ok and key in KNOWN_GAPS:
                problems.append(f"known gap passes now, remove {key} from KNOWN_GAPS")
            elif not ok and key not in KNOWN_GAPS:
                problems.append(line)
    own_ids = {_cell_route(route, method) for method in _methods(route, rule)}
    problems += [f"KNOWN_GAPS has {gap} but there is no such cell"
                 for gap in KNOWN_GAPS if gap[0] in own_ids and gap not in visited]
    assert not problems, f"{route.key}: {len(problems)} cells off the policy:\n" + "\n".join(
        problems)


def test_known_gaps_name_real_routes_roles_and_slots():
    route_ids = {_cell_route(route, method) for route in ALL_ROUTES if route.key in RULES
                 for method in _methods(route, RULES[route.key])}
    slots = {*SLOTS, MISSING, MALFORMED, "-"}
    wrong = [gap for gap in KNOWN_GAPS if gap[0] not in route_ids or gap[1] not in ROLES
             or (gap[2] not in slots and not gap[2].startswith("?"))]
    assert not wrong, f"KNOWN_GAPS entries that name no cell: {wrong}"


def test_every_rule_names_a_route_that_exists():
    keys = {route.key for route in ALL_ROUTES}
    assert not set(RULES) - keys, f"rules for routes that no longer exist: {set(RULES) - keys}"


# --- the admin: only at the "staff or superuser" level ----------------------------------------

def _admin_models():
    return {f"{m._meta.app_label}_{m._meta.model_name}_": m for m in admin.site._registry}


def _admin_urls(pattern, world):
    """(slot, url) for an admin pattern; object ids: an existing one, a missing, a malformed."""
    if pattern.name is None:
        return [("-", pattern.template.replace("{url}", "matrix-no-such-page/"))]
    name = pattern.name.removeprefix("admin:")
    model = next((m for prefix, m in _admin_models().items() if name.startswith(prefix)), None)
    kwargs, probes = {}, [("-", None)]
    for param in pattern.params:
        if param == "app_label":
            kwargs[param] = pattern.regex.split("(?P<app_label>")[1].split("|")[0].strip(")")
        elif param == "object_id":
            existing = model.objects.order_by("pk").first() if model else None
            kwargs[param] = str(existing.pk) if existing else "1"
            probes = [("-", None), (MISSING, "999999999"), (MALFORMED, "abc")]
        else:
            kwargs[param] = str(world.cases[(0, 0)].youth.pk)
    urls = []
    for slot, object_id in probes:
        values = {**kwargs, **({"object_id": object_id} if object_id else {})}
        try:
            urls.append((slot, reverse(pattern.name, kwargs=values)))
        except NoReverseMatch:
            urls.append((slot, pattern.template.format(**values)))
    return urls


def test_admin_needs_staff(world, clients):
    """Everybody who is not staff is sent to the admin login; staff gets no server error."""
    admin_login, admin_index = reverse("admin:login"), reverse("admin:index")
    failures = []
    for pattern in routes.admin_patterns():
        for slot, url in _admin_urls(pattern, world):
            for role in ROLES:
                user = world.users.get(role)
                staff = user is not None and user.is_active and user.is_staff
                if slot != "-" and not staff:
                    continue
                with transaction.atomic():
                    response = clients[role].get(url)
                    transaction.set_rollback(True)
                status = response.status_code
                if staff or pattern.name == "admin:login":
                    ok, wanted = status < 500, "no 5xx"
                else:
                    ok = status == 302 and response["Location"].startswith(
                        (admin_login, admin_index))
                    wanted = "admin login"
                if not ok:
                    failures.append(f"{role:17} GET   {url:48} {slot:8} expected {wanted} "
                                    f"got {status}")
    assert not failures, "admin off the staff rule:\n" + "\n".join(failures)


def test_world_has_every_role_and_slot(world):
    assert set(world.users) == set(ROLES) - {ANONYMOUS}
    assert world.users[SUPERUSER].is_superuser
    assert all(world.case(slot) for slot in SLOTS)
