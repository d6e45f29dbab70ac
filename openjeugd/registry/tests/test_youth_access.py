"""Youth pages and API: only youths in scope, only for roles with VIEW_YOUTH, every read logged."""

from datetime import date

import pytest
from django.urls import reverse

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.purposes import Purpose
from openjeugd.registry import care_relations
from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import UserFactory, YouthFactory


@pytest.fixture
def setup(db):
    region = Region.objects.get(name="Rijk van Nijmegen")
    nijmegen = Municipality.objects.get(code="0268")
    wijchen = Municipality.objects.get(code="0296")
    neighbour = YouthFactory(municipality=wijchen, surname="Visser")
    # Issue #10: the RET chair sees the youths registered with the expert team, not the region.
    care_relations.keep(youth=neighbour, provider=None, kind="expert_team",
                        source="pathways.Case:test", valid_from=date(2020, 1, 1), valid_to=None)
    return {
        "own": YouthFactory(municipality=nijmegen, surname="Bakker"),
        "neighbour": neighbour,
        "worker": UserFactory(role="access_worker", region=region, municipality=nijmegen),
        "chair": UserFactory(role="ret_chair", region=region),
        "advisor": UserFactory(role="policy_advisor", region=region),
    }


def reads(user):
    return AccessLogEntry.objects.filter(user=user, action="read", object_type="registry.Youth")


def test_access_worker_lists_only_youths_of_own_municipality(client, setup):
    client.force_login(setup["worker"])
    response = client.get(reverse("registry:youth-list"))
    assert [y.pk for y in response.context["page"]] == [setup["own"].pk]
    assert "Visser" not in response.content.decode()
    # The list shows personal data: one read per youth on it.
    assert list(reads(setup["worker"]).values_list("object_id", flat=True)) == [
        str(setup["own"].pk)]


def test_ret_chair_lists_only_youths_registered_with_the_expert_team(client, setup):
    client.force_login(setup["chair"])
    response = client.get(reverse("registry:youth-list"))
    assert {y.surname for y in response.context["page"]} == {"Visser"}
    assert reads(setup["chair"]).count() == 1


def test_detail_in_scope_is_shown_and_logged(client, setup):
    client.force_login(setup["worker"])
    response = client.get(reverse("registry:youth-detail", args=[setup["own"].pk]))
    assert response.status_code == 200
    assert setup["own"].bsn in response.content.decode()
    entry = reads(setup["worker"]).get()
    assert entry.purpose == "youth_record"


def test_detail_outside_scope_is_refused_and_logged(client, setup):
    client.force_login(setup["worker"])
    response = client.get(reverse("registry:youth-detail", args=[setup["neighbour"].pk]))
    assert response.status_code == 404  # as if it did not exist
    assert setup["neighbour"].bsn not in response.content.decode()
    logged = AccessLogEntry.objects.exclude(action="login").get(user=setup["worker"])
    assert logged.action == "denied"


@pytest.mark.parametrize("url", [reverse("registry:youth-list"), "/api/registry/youths/"])
def test_policy_advisor_gets_403(client, setup, url):
    client.force_login(setup["advisor"])
    assert client.get(url).status_code == 403
    assert not AccessLogEntry.objects.exclude(action="login").exists()


def test_policy_advisor_gets_403_on_detail(client, setup):
    client.force_login(setup["advisor"])
    assert client.get(reverse("registry:youth-detail", args=[setup["own"].pk])).status_code == 403
    assert client.get(f"/api/registry/youths/{setup['own'].pk}/").status_code == 403


def test_search_by_bsn(client, setup):
    client.force_login(setup["chair"])
    response = client.post(reverse("registry:youth-list"), {"q": setup["neighbour"].bsn})
    assert [y.pk for y in response.context["page"]] == [setup["neighbour"].pk]


def test_api_list_is_scoped_and_logged(client, setup):
    client.force_login(setup["worker"])
    response = client.get("/api/registry/youths/")
    assert response.status_code == 200
    body = response.json()
    assert [y["bsn"] for y in body["results"]] == [setup["own"].bsn]
    assert body["results"][0]["municipality"] == "0268"
    assert reads(setup["worker"]).get().purpose == Purpose.YOUTH_LIST_API


def test_api_detail_outside_scope_is_refused_and_logged(client, setup):
    client.force_login(setup["worker"])
    assert client.get(f"/api/registry/youths/{setup['neighbour'].pk}/").status_code == 404
    logged = AccessLogEntry.objects.exclude(action="login").get(user=setup["worker"])
    assert logged.action == "denied"


def test_api_detail_in_scope_is_logged(client, setup):
    client.force_login(setup["chair"])
    response = client.get(f"/api/registry/youths/{setup['neighbour'].pk}/")
    assert response.json()["surname"] == "Visser"
    assert reads(setup["chair"]).get().object_id == str(setup["neighbour"].pk)


def test_api_detail_with_a_non_numeric_id_is_404(client, setup):
    client.force_login(setup["chair"])
    assert client.get("/api/registry/youths/abc/").status_code == 404
