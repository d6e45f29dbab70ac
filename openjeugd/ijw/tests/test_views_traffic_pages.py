"""The inbox pages by position: newest first, "Older"/"Newer" links that keep the filters, no
count of the whole box, and the findings fetched for the rows shown only."""

import re
from datetime import datetime, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from openjeugd.ijw.codec import samples
from openjeugd.ijw.views import traffic

REQUESTS = 7


@pytest.fixture
def requests_in(deliver, provider):
    """Seven JW315 from our provider, one a day from 10 March, each answered by a JW316."""
    return [deliver(samples.sample_jw315(identificatie=f"VT{n:06d}",
                                         referentie_aanbieder=f"VOT-{n}"),
                    on=datetime(2026, 3, 10, 10, 0) + timedelta(days=n)).message
            for n in range(REQUESTS)]


@pytest.fixture(autouse=True)
def english(client):
    # The links are found by their (English) text; the UI is Dutch by default.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def _links(html: str) -> dict:
    nav = re.search(r'<nav aria-label="[^"]*" class="oj-pagination".*?</nav>', html, re.S)
    if nav is None:
        return {}
    return {text: unescape(href) for href, text in
            re.findall(r'<a class="utrecht-link"[^>]*href="([^"]+)">([^<]+)</a>', nav.group(0))}


def test_inbox_pages_by_position_both_ways(client, requests_in, user_with, monkeypatch):
    monkeypatch.setattr(traffic, "PAGE_SIZE", 3)
    client.force_login(user_with("access_worker"))
    newest_first = [m.pk for m in reversed(requests_in)]
    url = reverse("ijw:inbox")

    pages, query = [], "code=JW315"
    for _ in range(5):
        response = client.get(f"{url}?{query}")
        pages.append([m.pk for m in response.context["page"]])
        links = _links(response.content.decode())
        if "Older" not in links:
            break
        query = links["Older"].lstrip("?")
        assert "code=JW315" in query  # the filter travels with the position
    assert pages == [newest_first[:3], newest_first[3:6], newest_first[6:]]
    assert set(links) == {"Newer", "Newest"}

    response = client.get(url + links["Newer"])
    assert [m.pk for m in response.context["page"]] == newest_first[3:6]


def test_inbox_neither_counts_nor_reads_findings_beyond_the_page(client, requests_in,
                                                                  user_with, monkeypatch):
    monkeypatch.setattr(traffic, "PAGE_SIZE", 3)
    client.force_login(user_with("access_worker"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("ijw:inbox"))
    assert response.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert not [s for s in sql if "COUNT(" in s.upper() and '"ijw_message"' in s]
    findings = [s for s in sql if 'FROM "ijw_finding"' in s]
    shown = [m.pk for m in response.context["page"]]
    assert shown == [m.pk for m in requests_in[::-1][:3]]
    # One query, for the three message ids on the page (of seven in the box).
    assert len(findings) == 1
    asked = re.search(r'"message_id" IN \(([^)]*)\)', findings[0]).group(1)
    assert sorted(int(pk) for pk in asked.split(",")) == sorted(shown)
