"""The iJw API: same scope, permissions and logging as the pages."""

from datetime import datetime

import time_machine
from django.utils import translation

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw import codec
from openjeugd.ijw.codec import codes, samples
from openjeugd.ijw.models import Message
from openjeugd.ijw.tests.conftest import OTHER_AGB, OTHER_BSN
from openjeugd.registry.models import Youth

API = "/api/ijw"



def test_provider_lists_only_its_own_messages(client, provider, two_providers_traffic,
                                              user_with):
    ours, theirs = two_providers_traffic
    client.force_login(user_with("provider_staff", provider=provider))
    body = client.get(f"{API}/messages/", {"direction": "in"}).json()
    assert [m["id"] for m in body["results"]] == [ours.message.pk]
    assert client.get(f"{API}/messages/{theirs.message.pk}/").status_code == 404
    assert client.get(f"{API}/messages/{theirs.message.pk}/raw/").status_code == 404


def test_findings_inline_with_meaning(client, deliver, user_with):
    start = deliver(samples.sample_jw305())  # no toewijzing: 9019 on the product
    client.force_login(user_with("access_worker"))
    with translation.override("en"):
        body = client.get(f"{API}/messages/{start.message.pk}/",
                          HTTP_ACCEPT_LANGUAGE="en").json()
        explanation = str(codes.retourcode_explanation("9019"))
    assert (body["code"], body["status"], body["replies"]) == (
        "JW305", "rejected", [start.reply.pk])
    assert [(f["retourcode"], f["rule"], f["meaning"], f["explanation"])
            for f in body["findings"]] == [
        ("9019", "TR019", codes.retourcode_meaning("9019"), explanation)]


def test_filters_and_bad_filter(client, two_providers_traffic, user_with):
    client.force_login(user_with("auditor"))
    body = client.get(f"{API}/messages/", {"code": "JW316"}).json()
    # Each JW315 got a JW316 return.
    assert [m["code"] for m in body["results"]] == ["JW316", "JW316"]
    bad = client.get(f"{API}/messages/", {"received_from": "not-a-date"})
    assert bad.status_code == 400 and "received_from" in bad.json()


def test_raw_download_is_logged_as_export(client, two_providers_traffic, user_with):
    ours, _theirs = two_providers_traffic
    user = user_with("provider_staff", provider=ours.message.provider)
    client.force_login(user)
    response = client.get(f"{API}/messages/{ours.message.pk}/raw/")
    assert response.content == bytes(ours.message.raw)
    assert AccessLogEntry.objects.filter(user=user, action="export",
                                         object_id=str(ours.message.pk)).count() == 1


def test_policy_advisor_gets_overview_but_not_messages(client, two_providers_traffic,
                                                       user_with):
    client.force_login(user_with("policy_advisor"))
    assert client.get(f"{API}/messages/").status_code == 403
    body = client.get(f"{API}/overview/").json()
    # Two JW315s and their two JW316 returns, all in one month.
    assert body["total_messages"] == 4
    assert [(v["month"], v["total"]) for v in body["volumes"]] == [("2026-03", 4)]


def test_upload_raw_xml_body(client, provider, user_with):
    client.force_login(user_with("provider_staff", provider=provider))
    raw = codec.serialize(samples.sample_jw315())
    response = client.post(f"{API}/messages/upload/", raw, content_type="application/xml")
    assert response.status_code == 200
    [result] = response.json()
    assert (result["status"], result["duplicate"], result["message"]["code"]) == (
        "accepted", False, "JW315")
    again = client.post(f"{API}/messages/upload/", raw, content_type="application/xml").json()
    assert [r["duplicate"] for r in again] == [True]
    assert Message.objects.filter(code="JW315").count() == 1


def test_upload_multipart_and_scope(client, provider, other_provider, user_with):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user_with("provider_staff", provider=provider))
    theirs = codec.serialize(samples.sample_jw315(agb=OTHER_AGB, bsn=OTHER_BSN))
    response = client.post(f"{API}/messages/upload/",
                           {"file": SimpleUploadedFile("theirs.xml", theirs)})
    assert [r["status"] for r in response.json()] == ["refused"]
    assert not Message.objects.exists()


def test_auditor_cannot_upload(client, user_with):
    client.force_login(user_with("auditor"))
    raw = codec.serialize(samples.sample_jw315())
    response = client.post(f"{API}/messages/upload/", raw, content_type="application/xml")
    assert response.status_code == 403


@time_machine.travel(datetime(2026, 7, 10, 12, 0), tick=False)
def test_youth_timeline(client, deliver, provider, other_provider, user_with):
    jw301 = deliver(samples.sample_jw301()).message
    deliver(samples.sample_jw305())
    stop = deliver(samples.sample_jw307(), on=datetime(2026, 7, 6, 10, 0)).message
    youth = Youth.objects.get(bsn=samples.BSN)
    client.force_login(user_with("provider_staff", provider=provider))
    body = client.get(f"{API}/youths/{youth.pk}/timeline/").json()
    assert [(t["toewijzing_nummer"], [v["message"] for v in t["versions"]])
            for t in body["toewijzingen"]] == [("1001", [jw301.pk])]
    assert [(s["reden_beeindiging"], s["reden_beeindiging_meaning"], s["message"])
            for s in body["stops"]] == [("31", "Levering is volgens plan beëindigd", stop.pk)]
    client.force_login(user_with("provider_staff", provider=other_provider))
    assert client.get(f"{API}/youths/{youth.pk}/timeline/").status_code == 404
