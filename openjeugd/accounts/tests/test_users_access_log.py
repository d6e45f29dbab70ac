"""Every write of the user administration leaves an access-log entry naming the actor."""

from openjeugd.accounts.models import AccessLogEntry, User


def entries():
    return [(e.username, e.action, e.object_type, e.object_id, e.purpose)
            for e in AccessLogEntry.objects.exclude(action="login").order_by("id")]


def test_each_write_is_logged(admin_client, admin, client, nijmegen, own_region):
    admin_client.post("/accounts/users/new/", {"username": "toegang", "role": "access_worker",
                                               "municipality": nijmegen.pk})
    worker = User.objects.get(username="toegang")
    pk = str(worker.pk)
    admin_client.post(f"/accounts/users/{pk}/", {"first_name": "Sanne", "role": "policy_advisor"})
    admin_client.post(f"/accounts/users/{pk}/deactivate/")
    admin_client.post(f"/accounts/users/{pk}/reactivate/")
    link = admin_client.post(f"/accounts/users/{pk}/reset-password/").context["link"]
    form = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form, {"new_password1": "Wilgenlaan-17-Oost",
                       "new_password2": "Wilgenlaan-17-Oost"})

    me = admin.username
    assert entries() == [
        (me, "create", "accounts.User", pk, "user administration"),
        (me, "update", "accounts.User", pk, "user administration"),
        (me, "update", "accounts.User", pk, "user administration: deactivate"),
        (me, "update", "accounts.User", pk, "user administration: reactivate"),
        (me, "update", "accounts.User", pk, "user administration: password reset link"),
        ("toegang", "update", "accounts.User", pk, "user administration: password set via link"),
    ]
    logged = AccessLogEntry.objects.exclude(action="login")
    assert set(logged.values_list("region", flat=True)) == {own_region.pk}


def test_refused_write_is_not_logged_as_a_write(admin_client, maastricht):
    admin_client.post("/accounts/users/new/", {"username": "x", "role": "access_worker",
                                               "municipality": maastricht.pk})
    assert entries() == []
