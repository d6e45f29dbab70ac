"""Every list, web page and API operation, asked for a huge page, a page far beyond the end, a
page that is not a number, a negative one or a forged position: the allowed maximum or an
empty/last page, never a server error (issue #14, "Bad input and overload"). The routes come
from the URL configuration and the OpenAPI schema, as in the authorization matrix; each is
asked as the first role the policy lets in."""

import base64

import pytest
from django.db import transaction

from openjeugd.core.pagination import MAX_PAGE_SIZE

from . import routes
from .rules import ALLOWED, API_RULES, WEB_RULES, expected
from .world import ROLES

pytestmark = pytest.mark.django_db

HUGE = str(10**9)
PROBES = [
    f"page_size={HUGE}", f"page={HUGE}", "page=abc", "page=-3", "page=0", "page_size=-5",
    "page_size=abc", f"page={HUGE}&page_size={HUGE}", f"older={HUGE}.{HUGE}", "older=abc",
    f"newer=-{HUGE}.1", "newer=1.99999999999999999999999", f"older={'9' * 30}.1",
    "cursor=abc", "cursor=%C3%A9",
    "cursor=" + base64.b64encode(b"p=not-a-time&r=0").decode(),
    "cursor=" + base64.b64encode(b"o=-1&p=2026-01-01+00%3A00%3A00%2B00%3A00").decode(),
]
RULES = {**WEB_RULES, **API_RULES}


def _list_routes():
    """GET routes without an object in the URL: every list, and pages that merely ignore it."""
    for route in routes.web_routes() + routes.api_operations():
        rule = RULES.get(route.key)
        methods = (route.method,) if route.api else (rule.methods if rule else ())
        if rule is not None and rule.kind is None and "GET" in methods:
            yield route


def _shown(response) -> int | None:
    """How many rows the page or the API response holds, when it is a list."""
    if response.get("Content-Type", "").startswith("application/json"):
        body = response.json()
        return len(body["results"]) if isinstance(body, dict) and "results" in body else None
    page = (response.context or {}).get("page") if hasattr(response, "context") else None
    return len(page.object_list) if page is not None and hasattr(page, "object_list") else None


@pytest.mark.parametrize("route", list(_list_routes()), ids=lambda route: route.key)
def test_page_parameters_never_break_a_list(route, world, clients):
    rule = RULES[route.key]
    role = next((r for r in ROLES if r in world.users
                 and expected(rule, world.users[r], None, has_object=False) == ALLOWED), None)
    if role is None:  # public pages: anonymous
        role = ROLES[0]
    problems = []
    for probe in PROBES:
        with transaction.atomic():
            response = clients[role].get(f"{route.template}?{probe}")
            transaction.set_rollback(True)
        shown = _shown(response)
        if response.status_code >= 500 or (shown is not None and shown > MAX_PAGE_SIZE):
            problems.append(f"{role} ?{probe}: {response.status_code}, {shown} rows")
    assert not problems, "\n".join(problems)
