"""A user can only be bound to a municipality or provider of the admin's own region; any
other is refused with an error naming the field, and nothing is written."""

import pytest

from openjeugd.accounts.models import AccessLogEntry, User


def nothing_written(username):
    return (not User.objects.filter(username=username).exists()
            and not AccessLogEntry.objects.exclude(action="login").exists())


def test_screen_refuses_another_regions_municipality(admin_client, maastricht):
    response = admin_client.post("/accounts/users/new/", {
        "username": "indringer", "role": "access_worker", "municipality": maastricht.pk})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["municipality"]
    assert nothing_written("indringer")


def test_screen_refuses_a_provider_not_registered_here(admin_client, foreign_provider):
    response = admin_client.post("/accounts/users/new/", {
        "username": "indringer", "role": "provider_staff", "provider": foreign_provider.pk})
    assert list(response.context["form"].errors) == ["provider"]
    assert nothing_written("indringer")


@pytest.mark.parametrize(("field", "value", "role"), [
    ("municipality", "0935", "access_worker"),
    ("provider", None, "provider_staff"),
])
def test_api_refuses_foreign_scope(admin_client, foreign_provider, field, value, role):
    value = value or foreign_provider.agb_code
    response = admin_client.post("/api/accounts/users/", {
        "username": "indringer", "role": role, field: value}, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert "your region" in response.json()[field][0]
    assert nothing_written("indringer")


def test_api_refuses_moving_a_user_to_a_foreign_municipality(admin_client, nijmegen):
    admin_client.post("/accounts/users/new/", {"username": "toegang", "role": "access_worker",
                                               "municipality": nijmegen.pk})
    user = User.objects.get(username="toegang")
    entries = AccessLogEntry.objects.exclude(action="login").count()
    response = admin_client.patch(f"/api/accounts/users/{user.pk}/", {"municipality": "0935"},
                                  content_type="application/json")
    assert response.status_code == 400
    assert "municipality" in response.json()
    user.refresh_from_db()
    assert user.municipality == nijmegen
    assert AccessLogEntry.objects.exclude(action="login").count() == entries


def test_screen_refuses_a_scope_the_role_needs_but_lacks(admin_client):
    response = admin_client.post("/accounts/users/new/", {"username": "leeg",
                                                          "role": "access_worker"})
    assert list(response.context["form"].errors) == ["municipality"]
    assert nothing_written("leeg")
