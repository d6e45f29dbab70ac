"""Reporting reads on the read replica, everything else and every write on default.

In the tests "replica" is a second connection to the test database (TEST MIRROR), so what it
reads is real; which connection ran which statement is what is asserted.
"""

import pytest
from django.db import connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from openjeugd.core.db_router import REPORTING_VIEWS, reporting_db, reporting_reads
from openjeugd.registry.models import Region
from openjeugd.registry.tests.factories import MunicipalityFactory, RegionFactory, UserFactory

# serialized_rollback: the flush after each test would otherwise drop what the migrations load
# (and break the serialized tests after it).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True,
                                   databases=["default", "replica"])


@pytest.fixture
def with_replica(settings):
    settings.REPORTING_DATABASE = "replica"


@pytest.fixture
def advisor_client():
    user = UserFactory(role="policy_advisor")
    MunicipalityFactory(region=user.region)  # figures are over the region's municipalities
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def statements(context) -> list[str]:
    return [query["sql"].upper() for query in context.captured_queries]


def capture_both():
    return CaptureQueriesContext(connections["default"]), CaptureQueriesContext(
        connections["replica"])


@pytest.mark.parametrize("path", ["/monitoring/overview/", "/api/monitoring/overview/",
                                  "/api/ijw/overview/"])
def test_the_region_figures_are_read_from_the_replica(with_replica, advisor_client, path):
    default, replica = capture_both()
    with default, replica:
        response = advisor_client.get(path)
    assert response.status_code == 200
    assert any("IJW_MESSAGE" in sql for sql in statements(replica))
    # default only answered who is asking (session and user, before the view ran).
    assert all("DJANGO_SESSION" in sql or "ACCOUNTS_USER" in sql for sql in statements(default))
    assert all(sql.lstrip().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
               for sql in statements(replica)), statements(replica)


def test_other_pages_read_from_default(with_replica, advisor_client):
    default, replica = capture_both()
    with default, replica:
        assert advisor_client.get("/registry/providers/").status_code == 200
    assert statements(default) and not statements(replica)


def test_writes_in_a_reporting_context_go_to_default(with_replica):
    default, replica = capture_both()
    with default, replica, reporting_reads():
        region = RegionFactory()
        Region.objects.filter(pk=region.pk).update(name="Gewijzigd")
        assert Region.objects.get(pk=region.pk).name == "Gewijzigd"  # read: replica
    assert not any(sql.startswith(("INSERT", "UPDATE", "DELETE")) for sql in statements(replica))
    assert any(sql.startswith("INSERT") for sql in statements(default))
    assert any("REGISTRY_REGION" in sql and sql.startswith("SELECT")
               for sql in statements(replica))


def test_inside_a_transaction_reads_stay_on_default(with_replica):
    replica = CaptureQueriesContext(connections["replica"])
    with replica, reporting_reads(), transaction.atomic():
        region = RegionFactory()
        assert Region.objects.get(pk=region.pk) == region  # sees its own uncommitted write
    assert not statements(replica)


def test_without_a_replica_everything_stays_on_default(advisor_client):
    replica = CaptureQueriesContext(connections["replica"])
    with replica:
        assert advisor_client.get("/monitoring/overview/").status_code == 200
    assert not statements(replica)
    assert reporting_db() == "default"


def test_reporting_db_names_the_replica_when_configured(with_replica):
    assert reporting_db() == "replica"


def test_the_reporting_views_exist():
    from django.urls import reverse

    for name in REPORTING_VIEWS:
        assert reverse(name)
