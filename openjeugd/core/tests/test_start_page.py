"""The start page shows each role what it works on, decided by the central policy."""

import pytest

from openjeugd.accounts.models import User
from openjeugd.accounts.roles import Role
from openjeugd.registry.models import Municipality, Region


@pytest.fixture
def region(db):
    region = Region.objects.create(name="Testregio", slug="testregio")
    Municipality.objects.create(code="9901", name="Oostdorp", province="Gelderland",
                                region=region)
    return region


def start_page_links(client, user) -> set[str]:
    client.force_login(user)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return {item.url_name for item in response.context["nav_items"]}


def test_access_worker_works_on_youths_not_on_the_access_log(client, region):
    worker = User.objects.create_user(
        username="toegang", password="x", role=Role.ACCESS_WORKER, region=region,
        municipality=Municipality.objects.get(code="9901"))
    links = start_page_links(client, worker)
    assert "registry:youth-list" in links
    assert "accounts:access-log" not in links


def test_auditor_works_on_the_access_log_not_on_youths(client, region):
    auditor = User.objects.create_user(username="auditor", password="x", role=Role.AUDITOR,
                                       region=region)
    links = start_page_links(client, auditor)
    assert "accounts:access-log" in links
    assert "registry:youth-list" not in links


def test_start_page_names_role_and_scope(client, region):
    worker = User.objects.create_user(
        username="toegang", password="x", role=Role.ACCESS_WORKER, region=region,
        municipality=Municipality.objects.get(code="9901"))
    client.force_login(worker)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Oostdorp (9901)" in html
