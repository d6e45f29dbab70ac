"""Two real regions from the bundled division: the admin's own and a foreign one."""

import pytest

from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import ProviderFactory, UserFactory


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
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def foreign_user(other_region, maastricht):
    return UserFactory(username="toegang-maastricht", role="access_worker",
                       region=other_region, municipality=maastricht)
