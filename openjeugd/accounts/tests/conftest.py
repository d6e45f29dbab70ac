"""Fixtures for the accounts tests: two real regions from the bundled division (user
administration) and three synthetic regions with auditors (the access log)."""

import pytest
from django.contrib.auth.models import Permission

from openjeugd.core.testing import client, english  # noqa: F401 - shared fixtures
from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import (
    MunicipalityFactory,
    ProviderFactory,
    RegionFactory,
    UserFactory,
    YouthFactory,
)


@pytest.fixture
def own_region(db):
    return Region.objects.get(name="Rijk van Nijmegen")


@pytest.fixture
def other_region(db):
    return Region.objects.get(name="Zuid-Limburg")


@pytest.fixture
def nijmegen(own_region):
    return Municipality.objects.get(code="0268")


@pytest.fixture
def maastricht(other_region):
    return Municipality.objects.get(code="0935")


@pytest.fixture
def own_provider(own_region):
    provider = ProviderFactory(name="Jeugdhulp Waal")
    provider.regions.add(own_region)
    return provider


@pytest.fixture
def foreign_provider(other_region):
    provider = ProviderFactory(name="Jeugdhulp Maas")
    provider.regions.add(other_region)
    return provider


@pytest.fixture
def admin(own_region):
    return UserFactory(username="beheer-nijmegen", role="regional_admin", region=own_region)


@pytest.fixture
def admin_client(client, admin):  # noqa: F811 - the shared English client
    client.force_login(admin)
    return client


@pytest.fixture
def foreign_user(other_region, maastricht):
    return UserFactory(username="toegang-maastricht", role="access_worker",
                       region=other_region, municipality=maastricht)


@pytest.fixture
def regions(db):
    """Three regions, A owning a youth; an auditor in each; a staff member of B with admin
    access to youths (the admin does not scope by region)."""
    a, b, c = RegionFactory(name="Regio A"), RegionFactory(name="Regio B"), RegionFactory(
        name="Regio C")
    reader = UserFactory(username="b-beheer", role="regional_admin", region=b, is_staff=True)
    reader.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_youth", "change_youth", "delete_youth"]))
    return {
        "a": a, "b": b, "c": c,
        "youth": YouthFactory(municipality=MunicipalityFactory(region=a), surname="Geheim"),
        "reader": reader,
        "auditor_a": UserFactory(username="audit-a", role="auditor", region=a),
        "auditor_b": UserFactory(username="audit-b", role="auditor", region=b),
        "auditor_c": UserFactory(username="audit-c", role="auditor", region=c),
    }
