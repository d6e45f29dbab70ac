"""Only a regional admin manages users: every other role gets 403, anonymous must log in."""

import pytest

from openjeugd.accounts.models import User
from openjeugd.registry.tests.factories import UserFactory

OTHER_ROLES = ["contract_manager", "policy_advisor", "access_worker", "ret_chair",
               "brigade_member", "provider_staff", "auditor"]


def urls(pk):
    return [("get", "/accounts/users/"), ("get", "/accounts/users/new/"),
            ("post", "/accounts/users/new/"), ("get", f"/accounts/users/{pk}/"),
            ("post", f"/accounts/users/{pk}/"), ("post", f"/accounts/users/{pk}/deactivate/"),
            ("post", f"/accounts/users/{pk}/reset-password/"),
            ("get", "/api/accounts/users/"), ("post", "/api/accounts/users/"),
            ("get", f"/api/accounts/users/{pk}/"), ("patch", f"/api/accounts/users/{pk}/"),
            ("post", f"/api/accounts/users/{pk}/deactivate/"),
            ("post", f"/api/accounts/users/{pk}/reset-password/")]


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_are_refused(client, own_region, admin, role):
    client.force_login(UserFactory(role=role, region=own_region))
    for method, url in urls(admin.pk):
        response = getattr(client, method)(url, {"username": "nieuw", "role": "auditor"},
                                           content_type="application/json")
        assert response.status_code == 403, (method, url)
    assert not User.objects.filter(username="nieuw").exists()
    admin.refresh_from_db()
    assert admin.is_active and admin.has_usable_password()


def test_a_user_without_a_role_is_refused(client, admin):
    client.force_login(User.objects.create_user(username="zonderrol", password="x"))
    assert client.get("/accounts/users/").status_code == 403
    assert client.get("/api/accounts/users/").status_code == 403


def test_anonymous_is_sent_to_login(client, admin):
    response = client.get("/accounts/users/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert client.post(f"/accounts/users/{admin.pk}/deactivate/").status_code == 302
    assert client.get("/api/accounts/users/").status_code == 403
    admin.refresh_from_db()
    assert admin.is_active
