"""The admin logs what it shows and changes of youths and users: list, record, history,
delete confirmation as reads; saves and deletes as writes."""

import pytest

from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.registry.tests.factories import YouthFactory


@pytest.fixture
def root(client, db):
    user = User.objects.create_superuser("root", password="x")
    client.force_login(user)
    return user


def youth_log(youth):
    return list(AccessLogEntry.objects.filter(object_type="registry.Youth",
                                              object_id=str(youth.pk))
                .order_by("seq").values_list("action", "purpose"))


def test_history_and_delete_confirmation_are_reads(client, root):
    youth = YouthFactory()
    base = f"/admin/registry/youth/{youth.pk}"
    assert client.get(f"{base}/history/").status_code == 200
    assert client.get(f"{base}/delete/").status_code == 200
    assert youth_log(youth) == [("read", "youth_record_admin")] * 2


def test_delete_is_a_write_with_the_owner_region(client, root):
    youth = YouthFactory()
    region_id = youth.municipality.region_id
    client.post(f"/admin/registry/youth/{youth.pk}/delete/", {"post": "yes"})
    entry = AccessLogEntry.objects.get(action="delete")
    assert (entry.object_id, entry.owner_region_id) == (str(youth.pk), region_id)


def test_bulk_delete_from_the_list_logs_each_youth(client, root):
    youths = YouthFactory.create_batch(3)
    client.post("/admin/registry/youth/", {"action": "delete_selected", "post": "yes",
                                           "_selected_action": [y.pk for y in youths]})
    deleted = AccessLogEntry.objects.filter(action="delete").values_list("object_id", flat=True)
    assert sorted(deleted) == sorted(str(y.pk) for y in youths)


def test_admin_search_logs_the_number_of_hits_not_the_words(client, root):
    youth = YouthFactory()
    client.get("/admin/registry/youth/", {"q": youth.bsn})
    search = AccessLogEntry.objects.get(action="search")
    assert search.hits == 1
    assert youth.bsn not in str(AccessLogEntry.objects.values_list())


def test_user_admin_logs_list_view_and_change(client, root):
    staff = User.objects.create_user("collega", password="x")
    client.get("/admin/accounts/user/")
    client.get(f"/admin/accounts/user/{staff.pk}/change/")
    client.get(f"/admin/accounts/user/{staff.pk}/history/")
    logged = AccessLogEntry.objects.filter(object_type="accounts.User", object_id=str(staff.pk),
                                           purpose="user_admin")
    assert list(logged.order_by("seq").values_list("action", flat=True)) == ["read"] * 3


def test_registry_data_without_personal_data_logs_no_reads(client, root):
    client.get("/admin/registry/region/")
    assert not AccessLogEntry.objects.filter(object_type="registry.Region").exists()
