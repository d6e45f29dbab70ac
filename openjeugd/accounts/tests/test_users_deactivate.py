"""Deactivating ends a user's access; an admin can neither deactivate nor demote itself."""

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.tests.factories import UserFactory


def test_deactivated_user_cannot_log_in_until_reactivated(admin_client, client, own_region):
    worker = UserFactory(username="beleid", role="policy_advisor", region=own_region)
    worker.set_password("Lange-Zin-123")
    worker.save()
    response = admin_client.post(f"/accounts/users/{worker.pk}/deactivate/")
    assert response.status_code == 302
    assert not client.login(username="beleid", password="Lange-Zin-123")
    listed = admin_client.get("/accounts/users/", {"active": "no"}).context["page"]
    assert [u.username for u in listed] == ["beleid"]

    admin_client.post(f"/accounts/users/{worker.pk}/reactivate/")
    assert client.login(username="beleid", password="Lange-Zin-123")


def test_deactivate_needs_post(admin_client, own_region):
    worker = UserFactory(role="auditor", region=own_region)
    assert admin_client.get(f"/accounts/users/{worker.pk}/deactivate/").status_code == 405
    worker.refresh_from_db()
    assert worker.is_active


def test_admin_cannot_deactivate_itself(admin_client, admin):
    response = admin_client.post(f"/accounts/users/{admin.pk}/deactivate/", follow=True)
    assert "You cannot deactivate yourself." in response.content.decode()
    api = admin_client.post(f"/api/accounts/users/{admin.pk}/deactivate/")
    assert api.status_code == 400 and "is_active" in api.json()
    admin.refresh_from_db()
    assert admin.is_active
    assert not AccessLogEntry.objects.exclude(action="login").exists()


def test_admin_cannot_change_its_own_role(admin_client, admin):
    response = admin_client.post(f"/accounts/users/{admin.pk}/", {"role": "auditor"})
    assert list(response.context["form"].errors) == ["role"]
    api = admin_client.patch(f"/api/accounts/users/{admin.pk}/", {"role": "auditor"},
                             content_type="application/json")
    assert api.status_code == 400 and "role" in api.json()
    admin.refresh_from_db()
    assert admin.role == "regional_admin"


def test_admin_may_change_its_own_name(admin_client, admin):
    admin_client.patch(f"/api/accounts/users/{admin.pk}/", {"first_name": "Joke"},
                       content_type="application/json")
    admin.refresh_from_db()
    assert (admin.first_name, admin.role) == ("Joke", "regional_admin")


def test_role_change_moves_the_scope(admin_client, own_region, own_provider):
    worker = UserFactory(role="policy_advisor", region=own_region)
    response = admin_client.patch(f"/api/accounts/users/{worker.pk}/",
                                  {"role": "provider_staff", "provider": own_provider.agb_code},
                                  content_type="application/json")
    assert response.status_code == 200, response.content
    worker.refresh_from_db()
    assert (worker.role, worker.provider) == ("provider_staff", own_provider)
