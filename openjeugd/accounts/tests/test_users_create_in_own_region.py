"""A regional admin creates a user of its own region, on screen and through the API."""

from openjeugd.accounts.models import AccessLogEntry, User

URL = "/accounts/users/new/"


def test_create_access_worker_on_screen(admin_client, admin, own_region, nijmegen):
    response = admin_client.post(URL, {
        "username": "toegang-nijmegen", "first_name": "Sanne", "last_name": "de Vries",
        "email": "sanne@nijmegen.example", "role": "access_worker",
        "municipality": nijmegen.pk})
    user = User.objects.get(username="toegang-nijmegen")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/users/{user.pk}/"
    assert (user.role, user.region, user.municipality, user.provider) == (
        "access_worker", own_region, nijmegen, None)
    # No password yet: the admin issues a one-time link, nobody ever knows a first password.
    assert not user.has_usable_password()
    assert user.is_active and not user.is_staff and not user.is_superuser


def test_create_provider_staff_on_screen(admin_client, own_provider):
    admin_client.post(URL, {"username": "waal", "role": "provider_staff",
                            "provider": own_provider.pk})
    assert User.objects.get(username="waal").provider == own_provider


def test_unused_scope_fields_are_dropped(admin_client, nijmegen, own_provider):
    # A policy advisor works for the whole region; a municipality or provider sent along
    # must not be stored, or it could widen access later.
    admin_client.post(URL, {"username": "beleid", "role": "policy_advisor",
                            "municipality": nijmegen.pk, "provider": own_provider.pk})
    user = User.objects.get(username="beleid")
    assert (user.municipality, user.provider) == (None, None)


def test_forged_staff_and_region_fields_are_ignored(admin_client, own_region, other_region):
    admin_client.post(URL, {"username": "sluiproute", "role": "auditor",
                            "is_superuser": "on", "is_staff": "on",
                            "region": other_region.pk})
    user = User.objects.get(username="sluiproute")
    assert (user.is_superuser, user.is_staff, user.region) == (False, False, own_region)


def test_duplicate_username_names_the_field(admin_client, admin):
    response = admin_client.post(URL, {"username": admin.username, "role": "auditor"})
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert User.objects.filter(username=admin.username).count() == 1


def test_create_through_the_api(admin_client, own_region, nijmegen):
    response = admin_client.post("/api/accounts/users/", {
        "username": "api-toegang", "role": "access_worker", "municipality": "0268",
        "is_superuser": True, "region": "zuid-limburg"}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["region"], body["municipality"], body["is_active"]) == (
        "rijk-van-nijmegen", "0268", True)
    user = User.objects.get(username="api-toegang")
    assert (user.region, user.is_superuser) == (own_region, False)
    assert AccessLogEntry.objects.filter(action="create", object_id=str(user.pk)).exists()


def test_new_user_appears_in_the_list_with_filters(admin_client, admin, nijmegen):
    admin_client.post(URL, {"username": "toegang-2", "role": "access_worker",
                            "municipality": nijmegen.pk})
    listed = admin_client.get("/accounts/users/", {"role": "access_worker"})
    assert [u.username for u in listed.context["page"]] == ["toegang-2"]
    everyone = admin_client.get("/accounts/users/")
    assert {u.username for u in everyone.context["page"]} == {"toegang-2", admin.username}
    api = admin_client.get("/api/accounts/users/", {"role": "access_worker"}).json()
    assert [u["username"] for u in api["results"]] == ["toegang-2"]


def test_form_offers_only_own_region_scopes(admin_client, own_provider, foreign_provider):
    form = admin_client.get(URL).context["form"]
    assert {m.region.slug for m in form.fields["municipality"].queryset} == {"rijk-van-nijmegen"}
    assert list(form.fields["provider"].queryset) == [own_provider]
