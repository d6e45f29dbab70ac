"""Each main page costs the same number of queries for a region of 10 youths and one of 200
with a year of history (issue #14): nothing on a page grows with the data behind it.

Both regions are made by the demo generator through the ordinary import path, once for the
module, in one transaction rolled back at the end. Every page is asked as the role that uses
it, once in each region, with users scoped alike (region, its largest municipality, the
provider with the most traffic)."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from openjeugd.ijw.models import Message
from openjeugd.registry.models import Municipality, Provider, Region, Youth
from openjeugd.registry.tests.factories import UserFactory
from tests.security.world import signed_in_client

pytestmark = pytest.mark.django_db

END = date(2026, 6, 30)
SMALL, LARGE = ("Rijk van Nijmegen", 10), ("Food Valley", 200)


def _scoped_users(region: Region) -> dict:
    municipality = (Municipality.objects.filter(region=region, active=True)
                    .annotate(n=Count("youths")).order_by("-n", "code").first())
    provider = (Provider.objects.filter(regions=region)
                .annotate(n=Count("ijw_messages")).order_by("-n", "pk").first())
    youth = (Youth.objects.filter(municipality=municipality)
             .annotate(n=Count("ijw_messages")).order_by("-n", "pk").first())
    # A message with findings, the heaviest kind to show.
    message = (Message.objects.filter(municipality=municipality, findings__isnull=False)
               .order_by("-received_at").first()
               or Message.objects.filter(municipality=municipality).first())
    users = {
        role: UserFactory(role=role, region=region, **scope) for role, scope in {
            "access_worker": {"municipality": municipality},
            "provider_staff": {"provider": provider},
            "policy_advisor": {}, "auditor": {}, "regional_admin": {},
        }.items()}
    return {"users": users, "youth": youth, "message": message}


@pytest.fixture(scope="module")
def regions(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        made = {}
        for name, youths in (SMALL, LARGE):
            call_command("demo_data", region=name, youths=youths, years=1, seed=5, end=END,
                         stdout=StringIO())
            made[youths] = _scoped_users(Region.objects.get(name=name))
        yield made
        transaction.set_rollback(True)


# (page, role, url for a region's objects)
PAGES = [
    ("home", "access_worker", lambda r: "/"),
    ("youth list", "access_worker", lambda r: "/registry/youths/"),
    ("youth detail", "access_worker", lambda r: f"/registry/youths/{r['youth'].pk}/"),
    ("youth timeline", "access_worker", lambda r: f"/ijw/youths/{r['youth'].pk}/"),
    ("inbox", "access_worker", lambda r: "/ijw/"),
    ("outbox", "access_worker", lambda r: "/ijw/outbox/"),
    ("inbox (provider)", "provider_staff", lambda r: "/ijw/"),
    ("outbox (provider)", "provider_staff", lambda r: "/ijw/outbox/"),
    ("message detail", "access_worker", lambda r: f"/ijw/messages/{r['message'].pk}/"),
    ("overview", "policy_advisor", lambda r: "/monitoring/overview/"),  # moved from ijw (#11)
    ("access log", "auditor", lambda r: "/accounts/access-log/"),
    ("access log, filtered", "auditor",
     lambda r: "/accounts/access-log/?action=read&object_type=registry.Youth"),
    ("providers", "regional_admin", lambda r: "/registry/providers/"),
    ("facilities", "regional_admin", lambda r: "/registry/facilities/"),
    ("teams", "regional_admin", lambda r: "/registry/teams/"),
    ("municipalities", "regional_admin", lambda r: "/registry/municipalities/"),
    ("users", "regional_admin", lambda r: "/accounts/users/"),
    ("API messages", "access_worker", lambda r: "/api/ijw/messages/"),
    ("API messages (provider)", "provider_staff", lambda r: "/api/ijw/messages/"),
    ("API youths", "access_worker", lambda r: "/api/registry/youths/"),
    ("API access log", "auditor", lambda r: "/api/accounts/access-log/"),
]


def queries_for(region: dict, role: str, url: str) -> list[str]:
    client = signed_in_client(region["users"][role])
    client.get(url)  # warm: sessions, the two-factor device, caches of this process
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        transaction.set_rollback(True)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in queries.captured_queries]


# The tables that grow with every working day: their lists page by position, never COUNT(*).
# (The overview counts only the few messages still awaiting an answer.)
GROWING = ("ijw_message", "accounts_accesslogentry")
KEYSET_LISTS = {"inbox", "outbox", "inbox (provider)", "outbox (provider)", "access log",
                "access log, filtered", "API messages", "API messages (provider)",
                "API access log"}


@pytest.mark.parametrize(("page", "role", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_page_costs_the_same_queries_for_10_and_200_youths(regions, page, role, url):
    small, large = regions[10], regions[200]
    # The larger region really is larger, where the page reads.
    assert Youth.objects.filter(municipality__region=large["users"]["policy_advisor"].region
                                ).count() > 5 * Youth.objects.filter(
        municipality__region=small["users"]["policy_advisor"].region).count()
    few = queries_for(small, role, url(small))
    many = queries_for(large, role, url(large))
    print(f"QUERIES {page}: {len(few)} / {len(many)}")
    assert len(few) == len(many), f"{page}: {len(few)} queries with 10 youths, {len(many)} " \
                                  "with 200"
    counting = [sql for sql in many if page in KEYSET_LISTS and "COUNT(" in sql.upper()
                and any(f'"{table}"' in sql for table in GROWING)]
    assert not counting, f"{page} counts a growing table: {counting}"
