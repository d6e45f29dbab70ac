"""The indicator set cached per scope, filters and data version (monitoring.cache): a repeated
view is served from the cache with the same page; a new fact through the real import path, a
casework change, a deletion or an edited name gives a new key and recomputed figures."""

import base64
import re
from datetime import date

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import cache, selectors, views_overview
from openjeugd.monitoring.overview import region_overview
from openjeugd.pathways.models import Case
from openjeugd.registry.models import Municipality, Youth

from .test_command import AMBULANT, start, stop

H1 = {"van": "2026-01-01", "tot": "2026-06-30"}


@pytest.fixture
def cached(settings):
    settings.MONITORING_CACHE_SECONDS = 900
    caches[settings.MONITORING_CACHE].clear()
    yield
    caches[settings.MONITORING_CACHE].clear()


@pytest.fixture
def computed(monkeypatch):
    """How often the indicator set was really computed."""
    calls = []
    real = selectors.indicators_for

    def counting(*args, **kwargs):
        calls.append(args[2:4])
        return real(*args, **kwargs)

    monkeypatch.setattr(selectors, "indicators_for", counting)
    return calls


@pytest.fixture
def running(deliver, nijmegen):
    # One ambulant trajectory from 14 Jan 2026, running on today (15 Jul 2026).
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))


def _page(response) -> str:
    """The page less what differs between any two responses: the CSRF token (masked anew for
    every response) and the random id pygal gives each drawing of a chart."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", _chart, html)


def _chart(match) -> str:
    svg = base64.b64decode(match.group(1)).decode()
    return re.sub(r"chart-[0-9a-f]{8}-[0-9a-f-]{27}", "chart-ID", svg)


def _h1(response) -> dict:
    (period,) = response.context["periods"]
    return period


def test_a_repeated_view_is_served_from_the_cache_with_the_same_page(
        client, cached, computed, running, user_with, settings):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    first = client.get(reverse("monitoring:dashboard"), H1)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(reverse("monitoring:dashboard"), H1)
    # Computed once; the second view read the key's data version, not the facts.
    assert len(computed) == 1
    assert not any("ijw_careepisode" in q["sql"] and "SELECT MAX" not in q["sql"]
                   for q in queries.captured_queries)
    assert _page(second) == _page(first)
    # Exactly the page the uncached path draws.
    settings.MONITORING_CACHE_SECONDS = 0
    assert _page(client.get(reverse("monitoring:dashboard"), H1)) == _page(first)
    # Another period is another key.
    client.get(reverse("monitoring:dashboard"), {"van": "2026-01-01", "tot": "2026-03-31"})
    assert len(computed) == 3


def test_a_stop_imported_through_the_real_path_is_shown_at_once(
        client, cached, computed, running, deliver, user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    before = _h1(client.get(reverse("monitoring:dashboard"), H1))
    # 1 trajectory started in 2026-H1, none ended yet.
    assert (before["gestart"], before["beeindigd"]) == (1, 0)
    # The provider stops the care on 31 May (JW307, JZ588 31): now 1 ended in 2026-H1.
    deliver(stop(1, date(2026, 1, 14), date(2026, 5, 31)))
    after = _h1(client.get(reverse("monitoring:dashboard"), H1))
    assert (after["gestart"], after["beeindigd"]) == (1, 1)
    assert len(computed) == 2


def test_a_deleted_start_is_shown_at_once(client, cached, computed, running, deliver,
                                         user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    assert _h1(client.get(reverse("monitoring:dashboard"), H1))["gestart"] == 1
    # OP033: the start is withdrawn (status 3): "als niet verzonden", no trajectory left.
    deliver(start(2, date(2026, 1, 14), status="3"))
    assert _h1(client.get(reverse("monitoring:dashboard"), H1))["gestart"] == 0


def test_a_casework_change_is_shown_at_once(client, cached, computed, running, nijmegen,
                                           user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    response = client.get(reverse("monitoring:dashboard"), H1)
    assert response.context["figures"]["themes"]["regio"]["kosten_en_omvang"]["omvang"] == {
        "casussen": 0, "jeugdigen": 0}
    # A case opened on 2 Jan for the youth in care: one case, one youth in the G7 themes.
    Case.objects.create(youth=Youth.objects.get(bsn=samples.BSN), municipality=nijmegen,
                        opened_on=date(2026, 1, 2))
    response = client.get(reverse("monitoring:dashboard"), H1)
    assert response.context["figures"]["themes"]["regio"]["kosten_en_omvang"]["omvang"] == {
        "casussen": 1, "jeugdigen": 1}
    assert len(computed) == 2


def test_the_data_version_moves_with_inserts_deletes_and_edited_names(running, nijmegen):
    region = nijmegen.region
    before = cache.data_version(region)
    assert cache.data_version(region) == before  # nothing changed: the same version
    case = Case.objects.create(youth=Youth.objects.get(bsn=samples.BSN),
                               municipality=nijmegen, opened_on=date(2026, 1, 2))
    inserted = cache.data_version(region)
    assert inserted != before
    case.delete()
    deleted = cache.data_version(region)
    # The facts are as before the insert again, and so is their version.
    assert deleted != inserted and deleted == before
    Municipality.objects.filter(pk=nijmegen.pk).update(name="Nijmegen-Noord")
    renamed = cache.data_version(region)
    assert renamed != deleted
    # A birth date corrected in the registry (registry.services.update_youth: in place, no
    # message): the casework's ages read it.
    Youth.objects.filter(bsn=samples.BSN).update(birth_date=date(2012, 3, 4))
    assert cache.data_version(region) != renamed


def test_scopes_never_share_an_entry(cached, running, nijmegen, provider, user_with):
    today = date(2026, 7, 15)
    advisor = user_with(Role.POLICY_ADVISOR)
    colleague = user_with(Role.POLICY_ADVISOR)
    staff = user_with(Role.PROVIDER_STAFF, provider=provider)
    key = {user: cache.cache_key(user, nijmegen.region, *_H1_DATES, today=today)
           for user in (advisor, colleague, staff)}
    # The same scope (the whole region) shares; a provider's scope has its own entry.
    assert key[advisor] == key[colleague] != key[staff]
    # Suppressed small cells are another entry too.
    assert cache.cache_key(advisor, nijmegen.region, *_H1_DATES, today=today,
                           leaves_region=True) != key[advisor]


def test_the_access_checks_run_on_every_cached_view(client, cached, running, user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    assert client.get(reverse("monitoring:dashboard"), H1).status_code == 200
    client.force_login(user_with(Role.ACCESS_WORKER))
    assert client.get(reverse("monitoring:dashboard"), H1).status_code == 403


def test_the_message_overview_is_kept_until_a_message_arrives(
        client, cached, running, deliver, user_with, monkeypatch):
    computed = []
    monkeypatch.setattr(views_overview, "region_overview",
                        lambda user: computed.append(user) or region_overview(user))
    advisor = user_with(Role.POLICY_ADVISOR)
    client.force_login(advisor)
    first = client.get(reverse("monitoring:overview")).context["figures"]
    again = client.get(reverse("monitoring:overview")).context["figures"]
    assert len(computed) == 1 and again == first == region_overview(advisor)
    # The provider's stop of care (JW307) and its answer: new traffic, new figures, equal to
    # what the overview computes without the cache.
    deliver(stop(1, date(2026, 1, 14), date(2026, 5, 31)))
    after = client.get(reverse("monitoring:overview")).context["figures"]
    assert len(computed) == 2
    assert after.total_messages > first.total_messages
    assert after == region_overview(advisor)
    # The API serves the same cached figures.
    assert client.get("/api/monitoring/overview/").json()["total_messages"] == \
        after.total_messages
    assert len(computed) == 2


_H1_DATES = (date(2026, 1, 1), date(2026, 6, 30))
