"""Resetting a password gives a one-time link, shown once, that works once."""

import pytest

from openjeugd.accounts.models import User

NEW_PASSWORD = "Wilgenlaan-17-Oost"


@pytest.fixture
def worker(admin_client, nijmegen):
    admin_client.post("/accounts/users/new/", {"username": "toegang", "role": "access_worker",
                                               "municipality": nijmegen.pk})
    return User.objects.get(username="toegang")


def issue_link(admin_client, worker) -> str:
    response = admin_client.post(f"/accounts/users/{worker.pk}/reset-password/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    link = response.context["link"]
    assert link.startswith("http://testserver/accounts/set-password/")
    return link.removeprefix("http://testserver")


def set_password(client, link, password=NEW_PASSWORD):
    """Follow the link as the user would: Django moves the token into the session first."""
    response = client.get(link, follow=True)
    if not response.context["validlink"]:
        return response
    return client.post(response.redirect_chain[-1][0],
                       {"new_password1": password, "new_password2": password}, follow=True)


def test_link_sets_the_password_once(admin_client, client, worker):
    link = issue_link(admin_client, worker)
    admin_client.logout()
    response = set_password(client, link)
    assert response.redirect_chain[-1][0] == "/accounts/set-password/done/"
    assert client.login(username="toegang", password=NEW_PASSWORD)
    client.logout()

    again = set_password(client, link, "Iemand-Anders-99")
    assert again.context["validlink"] is False
    assert b'data-testid="invalid-link"' in again.content
    assert client.login(username="toegang", password=NEW_PASSWORD)


def test_reset_makes_the_old_password_unusable(admin_client, worker):
    worker.set_password("Oud-Wachtwoord-1")
    worker.save()
    issue_link(admin_client, worker)
    worker.refresh_from_db()
    assert not worker.check_password("Oud-Wachtwoord-1")


def test_a_newer_link_replaces_the_older(admin_client, client, worker):
    first = issue_link(admin_client, worker)
    second = issue_link(admin_client, worker)
    assert set_password(client, first).context["validlink"] is False
    assert set_password(client, second).redirect_chain[-1][0] == "/accounts/set-password/done/"


def test_a_deactivated_users_link_does_not_work(admin_client, client, worker):
    link = issue_link(admin_client, worker)
    admin_client.post(f"/accounts/users/{worker.pk}/deactivate/")
    assert set_password(client, link).context["validlink"] is False
    worker.refresh_from_db()
    assert not worker.has_usable_password()


def test_a_weak_password_is_refused(admin_client, client, worker):
    link = issue_link(admin_client, worker)
    response = set_password(client, link, "12345678")
    assert "new_password2" in response.context["form"].errors
    worker.refresh_from_db()
    assert not worker.has_usable_password()


def test_forged_token_does_not_work(client, worker):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(worker.pk))
    response = set_password(client, f"/accounts/set-password/{uid}/abc-123/")
    assert response.context["validlink"] is False


def test_api_reset_answers_the_link(admin_client, client, worker):
    response = admin_client.post(f"/api/accounts/users/{worker.pk}/reset-password/")
    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    link = response.json()["set_password_link"].removeprefix("http://testserver")
    assert set_password(client, link).redirect_chain[-1][0] == "/accounts/set-password/done/"
