"""A role is bound to a scope; a user whose scope does not fit the role is refused."""

import pytest
from django.core.exceptions import ValidationError

from openjeugd.accounts.models import User
from openjeugd.accounts.roles import Role
from openjeugd.registry.models import Municipality, Provider, Region


@pytest.fixture
def region(db):
    return Region.objects.create(name="Testregio", slug="testregio")


def test_access_worker_needs_a_municipality(region):
    user = User(username="a", role=Role.ACCESS_WORKER, region=region)
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "municipality" in error.value.message_dict


def test_provider_staff_needs_a_provider(region):
    user = User(username="p", role=Role.PROVIDER_STAFF, region=region)
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "provider" in error.value.message_dict


def test_municipality_must_lie_in_the_users_region(region):
    elsewhere = Region.objects.create(name="Elders", slug="elders")
    municipality = Municipality.objects.create(code="9903", name="Verweg", province="Zeeland",
                                               region=elsewhere)
    user = User(username="a", role=Role.ACCESS_WORKER, region=region, municipality=municipality)
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "municipality" in error.value.message_dict


def test_a_well_scoped_provider_user_validates(region):
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code="12345678")
    User(username="p", password="x", role=Role.PROVIDER_STAFF, region=region,
         provider=provider).full_clean()
