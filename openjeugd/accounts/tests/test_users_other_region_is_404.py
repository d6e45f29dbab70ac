"""Users of another region, superusers and staff are invisible to a regional admin: every
page and API call about them answers 404 and changes nothing."""

import pytest

from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.registry.tests.factories import UserFactory


@pytest.fixture
def own_superuser(own_region):
    return UserFactory(username="root", role="regional_admin", region=own_region,
                       is_superuser=True, is_staff=True)


@pytest.fixture
def own_staff(own_region):
    return UserFactory(username="helpdesk", role="auditor", region=own_region, is_staff=True)


def snapshot(user):
    user.refresh_from_db()
    return (user.first_name, user.role, user.municipality_id, user.is_active, user.password)


WEB = [("get", "/accounts/users/{pk}/"), ("post", "/accounts/users/{pk}/"),
       ("post", "/accounts/users/{pk}/deactivate/"), ("post", "/accounts/users/{pk}/reactivate/"),
       ("post", "/accounts/users/{pk}/reset-password/")]
API = [("get", "/api/accounts/users/{pk}/"), ("patch", "/api/accounts/users/{pk}/"),
       ("post", "/api/accounts/users/{pk}/deactivate/"),
       ("post", "/api/accounts/users/{pk}/reactivate/"),
       ("post", "/api/accounts/users/{pk}/reset-password/")]


@pytest.mark.parametrize("target", ["foreign_user", "own_superuser", "own_staff"])
@pytest.mark.parametrize(("method", "url"), WEB + API)
def test_out_of_scope_user_is_404(request, admin_client, target, method, url):
    user = request.getfixturevalue(target)
    before = snapshot(user)
    data = {} if method == "get" else {"first_name": "Gekaapt", "role": "regional_admin"}
    kwargs = {"content_type": "application/json"} if url.startswith("/api/") else {}
    response = getattr(admin_client, method)(url.format(pk=user.pk), data, **kwargs)
    assert response.status_code == 404
    assert snapshot(user) == before
    assert not AccessLogEntry.objects.exclude(action="login").exists()


def test_list_shows_only_the_own_region(admin_client, admin, foreign_user, own_region):
    UserFactory(username="root", region=own_region, is_superuser=True)
    page = admin_client.get("/accounts/users/").context["page"]
    assert [u.username for u in page] == [admin.username]
    api = admin_client.get("/api/accounts/users/").json()
    assert [u["username"] for u in api["results"]] == [admin.username]


def test_unknown_user_answers_the_same_404(admin_client, foreign_user):
    # 404 for a foreign user and for one that does not exist: the answer reveals nothing.
    missing = User.objects.order_by("-pk").first().pk + 1000
    assert admin_client.get(f"/accounts/users/{missing}/").status_code == 404
    assert admin_client.get(f"/api/accounts/users/{missing}/").status_code == 404
    assert admin_client.get("/api/accounts/users/abc/").status_code == 404
