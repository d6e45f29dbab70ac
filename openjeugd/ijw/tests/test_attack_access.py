"""Findings 4 and 5 of the trust review: personal data for roles without youth access, and a
provider's access that never ended."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw.codec import samples
from openjeugd.registry.models import Youth

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def assigned(deliver):
    """Nijmegen assigned the youth to the provider (12 Jan – 31 Dec 2026)."""
    return deliver(samples.sample_jw301()).message


@pytest.mark.parametrize("role", ["regional_admin", "contract_manager", "auditor"])
def test_metadata_roles_cannot_download_raw_messages(client, assigned, user_with, role):
    client.force_login(user_with(role))
    assert client.get(reverse("ijw:message-raw", args=[assigned.pk])).status_code == 404
    assert client.get(f"/api/ijw/messages/{assigned.pk}/raw/").status_code == 404
    # They still see the metadata, without the client.
    page = client.get(reverse("ijw:message-detail", args=[assigned.pk]))
    assert page.status_code == 200
    assert samples.BSN not in page.content.decode()
    api = client.get(f"/api/ijw/messages/{assigned.pk}/").json()
    assert samples.BSN not in str(api)


def test_party_with_youth_access_downloads_raw(client, assigned, user_with, nijmegen):
    client.force_login(user_with("access_worker", municipality=nijmegen))
    response = client.get(reverse("ijw:message-raw", args=[assigned.pk]))
    assert response.status_code == 200 and samples.BSN.encode() in response.content


def test_non_numeric_message_id_is_404_not_500(client, assigned, user_with, nijmegen):
    client.force_login(user_with("access_worker", municipality=nijmegen))
    assert client.get("/api/ijw/messages/abc/raw/").status_code == 404
    assert client.get("/api/ijw/messages/abc/").status_code == 404


def _timeline(client, youth, user=None):
    if user is not None:
        client.force_login(user)  # a session lasts hours; the clock jumps months
    return client.get(reverse("ijw:youth-timeline", args=[youth.pk])).status_code


@override_settings(CARE_RELATION_GRACE_DAYS=30)
def test_provider_access_ends_a_grace_period_after_the_toewijzing(client, assigned, user_with,
                                                                  provider):
    staff = user_with("provider_staff", provider=provider)
    youth = Youth.objects.get(bsn=samples.BSN)
    # Einddatum 31 December 2026 + 30 days of grace = 30 January 2027 is the last day.
    with time_machine.travel(datetime(2027, 1, 30, 12, tzinfo=AMS)):
        assert _timeline(client, youth, staff) == 200
    with time_machine.travel(datetime(2027, 1, 31, 12, tzinfo=AMS)):
        assert _timeline(client, youth, staff) == 404
    # Before the toewijzing was made (5 January 2026) the provider had no access either.
    with time_machine.travel(datetime(2026, 1, 4, 12, tzinfo=AMS)):
        assert _timeline(client, youth, staff) == 404


def test_withdrawal_sent_by_mistake_ends_access_at_once(client, assigned, user_with, provider,
                                                       deliver):
    staff = user_with("provider_staff", provider=provider)
    client.force_login(staff)
    youth = Youth.objects.get(bsn=samples.BSN)
    assert _timeline(client, youth) == 200
    # RedenWijziging 13: the toewijzing was sent by mistake and is to be treated as never sent.
    withdrawn = deliver(samples.sample_jw301(identificatie="TW000002", reden_wijziging="13",
                                             einddatum=date(2026, 1, 12)))
    assert withdrawn.status == "sent", list(withdrawn.message.findings.values("text"))
    assert _timeline(client, youth) == 404
    assert AccessLogEntry.objects.filter(user=staff, action="denied").count() == 1


def test_shortened_toewijzing_moves_the_end_of_access(client, assigned, user_with, provider,
                                                     deliver):
    staff = user_with("provider_staff", provider=provider)
    client.force_login(staff)
    youth = Youth.objects.get(bsn=samples.BSN)
    shortened = deliver(samples.sample_jw301(identificatie="TW000002", reden_wijziging="05",
                                             einddatum=date(2026, 3, 31)))
    assert shortened.status == "sent", list(shortened.message.findings.values("text"))
    # 31 March + 90 days (the default grace) = 29 June 2026: the pinned 15 June is inside it.
    assert _timeline(client, youth) == 200
    with time_machine.travel(datetime(2026, 6, 30, 12, tzinfo=AMS)):
        assert _timeline(client, youth, staff) == 404
