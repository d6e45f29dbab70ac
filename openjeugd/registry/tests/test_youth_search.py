"""The youth search is a POST (CSRF): no BSN in any URL; every search is logged with its
number of hits, the youths shown as reads, written in one insert."""

import pytest
from django.test import Client
from django.urls import reverse

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Municipality, Region
from openjeugd.registry.tests.factories import UserFactory, YouthFactory, valid_bsn

URL = reverse("registry:youth-list")


@pytest.fixture
def worker(db):
    nijmegen = Municipality.objects.get(code="0268")
    return UserFactory(role="access_worker", region=Region.objects.get(name="Rijk van Nijmegen"),
                       municipality=nijmegen)


def logged(user, action):
    return AccessLogEntry.objects.filter(user=user, action=action)


def test_zero_hit_search_is_logged_with_no_bsn_anywhere(client, worker):
    bsn = valid_bsn(4242)
    client.force_login(worker)
    response = client.post(URL, {"q": bsn}, follow=True)
    assert response.status_code == 200 and not response.redirect_chain
    assert response.request["PATH_INFO"] == URL and not response.request["QUERY_STRING"]
    html = response.content.decode()
    assert f"?q={bsn}" not in html and f"={bsn}" not in html  # no link carries it on
    search = logged(worker, "search").get()
    assert (search.hits, search.object_repr, search.purpose) == (0, "by BSN", "youth_search")
    assert bsn not in str(AccessLogEntry.objects.values_list())
    assert not logged(worker, "read").exists()


def test_search_with_a_hit_logs_the_count_and_the_read(client, worker):
    youth = YouthFactory(municipality=worker.municipality, surname="Bakker")
    YouthFactory(municipality=worker.municipality, surname="Bakkeren")
    client.force_login(worker)
    response = client.post(URL, {"q": "Bakker"})
    assert {y.surname for y in response.context["page"]} == {"Bakker", "Bakkeren"}
    assert logged(worker, "search").get().hits == 2
    reads = logged(worker, "read").filter(purpose="youth_search")
    assert youth.pk in {int(r.object_id) for r in reads} and reads.count() == 2
    assert {r.owner_region_id for r in reads} == {worker.region_id}


def test_a_search_in_the_url_is_ignored(client, worker):
    # Old bookmarks or crafted links must not search (and so invite BSNs into URLs).
    youth = YouthFactory(municipality=worker.municipality)
    other = YouthFactory(municipality=worker.municipality)
    client.force_login(worker)
    response = client.get(URL, {"q": youth.bsn})
    assert {y.pk for y in response.context["page"]} == {youth.pk, other.pk}
    assert not logged(worker, "search").exists()


def test_the_search_form_needs_the_csrf_token(worker):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(worker)
    assert strict.post(URL, {"q": "Bakker"}).status_code == 403
    html = strict.get(URL).content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html


def test_a_list_of_fifty_youths_logs_in_a_bounded_number_of_queries(
        client, worker, django_assert_max_num_queries):
    YouthFactory.create_batch(50, municipality=worker.municipality)
    client.force_login(worker)
    # session+user, count, page, chain head (get, lock, save), one insert: not 50 inserts.
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert len(response.context["page"]) == 50
    assert logged(worker, "read").count() == 50


def test_api_search_is_a_post_and_a_bsn_in_the_query_string_is_refused(client, worker):
    youth = YouthFactory(municipality=worker.municipality, surname="Bakker")
    client.force_login(worker)
    refused = client.get("/api/registry/youths/", {"q": youth.bsn})
    assert refused.status_code == 400 and "q" in refused.json()
    assert not logged(worker, "read").exists()
    found = client.post("/api/registry/youths/search/", {"q": youth.bsn},
                        content_type="application/json").json()
    assert found["hits"] == 1 and [y["id"] for y in found["results"]] == [youth.pk]
    assert logged(worker, "search").get().hits == 1
    assert list(logged(worker, "read").values_list("object_id", flat=True)) == [str(youth.pk)]
