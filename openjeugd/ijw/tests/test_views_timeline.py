"""A youth's timeline: what the messages say, read through the policy (logged)."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message
from openjeugd.registry.models import Youth


@pytest.fixture
def care_history(deliver):
    """Assigned in January, started, declared for February, stopped at the end of June."""
    outcomes = [deliver(samples.sample_jw301()), deliver(samples.sample_jw305()),
                deliver(samples.sample_jw323()),
                deliver(samples.sample_jw307(), on=datetime(2026, 7, 6, 10, 0))]
    assert [o.message.status for o in outcomes] == [
        Message.Status.SENT, Message.Status.ACCEPTED, Message.Status.ACCEPTED,
        Message.Status.ACCEPTED]
    return outcomes


def test_timeline_shows_each_step_linked_to_its_message(client, provider, care_history,
                                                        user_with):
    user = user_with("provider_staff", provider=provider)
    client.force_login(user)
    youth = Youth.objects.get(bsn=samples.BSN)
    response = client.get(reverse("ijw:youth-timeline", args=[youth.pk]))
    assert response.status_code == 200
    timeline = response.context["timeline"]
    jw301, jw305, jw323, jw307 = (o.message for o in care_history)
    assert [t.toewijzing_nummer for t in timeline.toewijzingen] == ["1001"]
    assert [v.message_id for v in timeline.toewijzingen[0].versions.all()] == [jw301.pk]
    assert [s.message_id for s in timeline.starts] == [jw305.pk]
    assert [(s.reden_beeindiging, s.message_id) for s in timeline.stops] == [("31", jw307.pk)]
    # 16 hours at 85.50 = 1368.00 declared, and all of it granted.
    assert [(p.ingediend, p.toegekend) for p in timeline.prestaties] == [
        (Decimal("1368.00"), Decimal("1368.00"))]
    html = response.content.decode()
    assert "Levering is volgens plan beëindigd" in html  # JZ588 31, the official meaning
    for message in (jw301, jw305, jw323, jw307):
        assert reverse("ijw:message-detail", args=[message.pk]) in html
    assert AccessLogEntry.objects.filter(user=user, action="read", object_type="registry.Youth",
                                         object_id=str(youth.pk)).count() == 1


def test_other_provider_cannot_open_the_timeline(client, other_provider, care_history,
                                                 user_with):
    user = user_with("provider_staff", provider=other_provider)
    client.force_login(user)
    youth = Youth.objects.get(bsn=samples.BSN)
    # Out of scope answers like a record that does not exist.
    assert client.get(reverse("ijw:youth-timeline", args=[youth.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(user=user, action="denied").count() == 1


def test_auditor_has_no_access_to_youth_records(client, care_history, user_with):
    client.force_login(user_with("auditor"))
    youth = Youth.objects.get(bsn=samples.BSN)
    assert client.get(reverse("ijw:youth-timeline", args=[youth.pk])).status_code == 403
