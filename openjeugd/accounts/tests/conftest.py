import pytest
from django.contrib.auth.models import Permission

from openjeugd.core.testing import client, english  # noqa: F401 - shared fixtures
from openjeugd.registry.tests.factories import (
    MunicipalityFactory,
    RegionFactory,
    UserFactory,
    YouthFactory,
)


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
