"""The user administration and the registry of the own region are in the menu of the roles
that may use them, and only theirs."""

import pytest

from openjeugd.core.navigation import menu_for
from openjeugd.registry.tests.factories import UserFactory

ADMIN_PAGES = {"accounts:user-list", "registry:manage"}


def test_regional_admin_sees_both(db):
    names = {item.url_name for item in menu_for(UserFactory(role="regional_admin"))}
    assert ADMIN_PAGES <= names


@pytest.mark.parametrize("role", ["contract_manager", "policy_advisor", "access_worker",
                                  "ret_chair", "brigade_member", "provider_staff", "auditor"])
def test_other_roles_do_not(db, role):
    names = {item.url_name for item in menu_for(UserFactory(role=role))}
    assert not ADMIN_PAGES & names
