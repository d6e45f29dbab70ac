"""Inbox filters, deadlines and the message detail with explained return codes."""

from datetime import date, datetime

import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from openjeugd.ijw.codec import codes, samples
from openjeugd.ijw.models import Message


def _listed(client, **params):
    response = client.get(reverse("ijw:inbox"), params)
    assert response.status_code == 200
    return [m.pk for m in response.context["page"].object_list]


def test_filters_by_code_status_and_period(client, deliver, two_providers_traffic, user_with):
    ours, theirs = two_providers_traffic
    start = deliver(samples.sample_jw305(dagtekening=date(2026, 4, 1)),
                    on=datetime(2026, 4, 2, 10, 0))  # no toewijzing: rejected (IV032)
    client.force_login(user_with("access_worker"))
    assert _listed(client, code="JW305") == [start.message.pk]
    assert _listed(client, status="rejected") == [start.message.pk]
    # Newest first; March holds only the two requests.
    assert _listed(client, received_from="2026-03-01", received_to="2026-03-31") == [
        theirs.message.pk, ours.message.pk]


@time_machine.travel(datetime(2026, 4, 20, 12, 0), tick=False)
def test_overdue_filter_and_highlight(client, two_providers_traffic, user_with):
    ours, theirs = two_providers_traffic
    # Our request's answer (due 17 March) never went out; theirs was answered at once.
    Message.objects.filter(pk=ours.message.pk).update(answered_at=None)
    client.force_login(user_with("access_worker"))
    assert _listed(client, overdue="on") == [ours.message.pk]
    response = client.get(reverse("ijw:inbox"))
    states = {m.pk: m.deadline for m in response.context["page"].object_list}
    assert states == {ours.message.pk: "overdue", theirs.message.pk: "met"}
    assert response.content.decode().count('class="oj-overdue"') == 1


def test_detail_explains_each_return_code(client, deliver, user_with):
    start = deliver(samples.sample_jw305())  # no toewijzing 1001: TR019 → 9019
    client.force_login(user_with("access_worker"))
    with translation.override("en"):
        response = client.get(reverse("ijw:message-detail", args=[start.message.pk]),
                              HTTP_ACCEPT_LANGUAGE="en")
        explanation = str(codes.retourcode_explanation("9019"))
    html = response.content.decode()
    assert "9019" in html
    assert escape(codes.retourcode_meaning("9019")) in html
    assert escape(explanation) in html
    # The return that answered it is linked from the original.
    assert reverse("ijw:message-detail", args=[start.reply.pk]) in html
