"""The region overview (moved from ijw, issue #11): volumes, rejection rates and overdue
answers, no personal data; the old address redirects; the chart in Dutch."""

from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message
from openjeugd.ijw.tests.conftest import OTHER_AGB, OTHER_BSN


@pytest.fixture
def traffic(deliver, two_providers_traffic):
    """March: a JW315 from each provider (each answered by a JW316). April: our provider
    starts care without any toewijzing, so the JW305 is rejected (9019) and answered
    by a JW306."""
    start = deliver(samples.sample_jw305(dagtekening=date(2026, 4, 1)),
                    on=datetime(2026, 4, 2, 10, 0))
    assert start.message.status == Message.Status.REJECTED
    return two_providers_traffic, start


@time_machine.travel(datetime(2026, 4, 20, 12, 0), tick=False)
def test_overview_figures(client, traffic, user_with):
    (ours, _theirs), _start = traffic
    # Imported history: the return on our JW315 never went out, so it still awaits an answer.
    Message.objects.filter(pk=ours.message.pk).update(answered_at=None)
    client.force_login(user_with("policy_advisor"))
    response = client.get(reverse("monitoring:overview"))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.codes == ["JW305", "JW306", "JW315", "JW316"]
    assert figures.volumes == [(date(2026, 3, 1), [0, 0, 2, 2], 4),
                               (date(2026, 4, 1), [1, 1, 0, 0], 2)]
    # Ours sent two messages (JW315, JW305), one partly rejected: 50 %; theirs one, none.
    assert [(r["agb_code"], r["total"], r["rejected"], r["rate"])
            for r in figures.provider_rejections] == [
        (samples.AGB, 2, 1, 50.0), (OTHER_AGB, 1, 0, 0.0)]
    # 9019 hit one of the six messages: 16.7 %.
    assert [(r["retourcode"], r["messages"], r["rate"]) for r in figures.retourcodes] == [
        ("9019", 1, 16.7)]
    # Both requests were received Tuesday 10 March, due 5 working days later (17 March), and
    # are still open on 20 April: 34 days late.
    assert sorted((r["count"], r["oldest_due"], r["days_late"])
                  for r in figures.overdue_verzoeken) == [
        (1, date(2026, 3, 17), 34), (1, date(2026, 3, 17), 34)]
    # The JW315 message itself must be returned (JW316) within 3 working days
    # (message_types deadline): Wed 11, Thu 12, Fri 13 March; on 20 April 38 days late.
    assert [(r["code"], r["count"], r["oldest_due"], r["days_late"])
            for r in figures.overdue_messages] == [("JW315", 1, date(2026, 3, 13), 38)]
    html = response.content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert samples.BSN not in html and OTHER_BSN not in html


def test_overview_of_another_region_is_empty(client, traffic):
    from openjeugd.registry.models import Municipality
    from openjeugd.registry.tests.factories import UserFactory

    utrecht = Municipality.objects.get(code="0344")
    client.force_login(UserFactory(role="policy_advisor", region=utrecht.region))
    figures = client.get(reverse("monitoring:overview")).context["figures"]
    assert (figures.total_messages, figures.volumes, figures.overdue_verzoeken) == (0, [], [])


def test_the_old_address_redirects_those_allowed(client, provider, user_with):
    client.force_login(user_with("policy_advisor"))
    response = client.get(reverse("ijw:overview"))
    assert (response.status_code, response["Location"]) == (301, "/monitoring/overview/")
    client.force_login(user_with("provider_staff", provider=provider))
    assert client.get(reverse("ijw:overview")).status_code == 403


def test_the_old_api_address_answers_the_same(client, traffic, user_with):
    client.force_login(user_with("policy_advisor"))
    old = client.get("/api/ijw/overview/")
    assert old.status_code == 200
    assert old.json() == client.get("/api/monitoring/overview/").json()
    assert old.json()["total_messages"] == 6


@time_machine.travel(datetime(2026, 4, 20, 12, 0), tick=False)
def test_overview_chart_coordinates_are_not_localised(client, deliver, user_with):
    deliver(samples.sample_jw315())
    deliver(samples.sample_jw305(dagtekening=date(2026, 4, 1)), on=datetime(2026, 4, 2, 10))
    client.force_login(user_with("policy_advisor"))
    with translation.override("nl"):
        html = client.get(reverse("monitoring:overview"),
                          HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    # Two months over 640 px: bars at x = 2.0 and 322.0, 316.0 wide — with a dot.
    assert 'x="2.0"' in html and 'width="316.0"' in html
    assert ',0"' not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
