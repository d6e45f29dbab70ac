"""Findings 1 and 2 of the trust review, tried as an attacker would: a provider forging a
municipality's toewijzing, and anyone who may exchange messages taking over a youth's record.
Each attempt must be refused before processing, leave no trace in the facts, and show up in the
access log."""

import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from openjeugd.accounts import audit
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Declaratie, Message, Toewijzing, Verzoek
from openjeugd.registry.models import CareRelation, Municipality, Youth

AMSTERDAM, BEUNINGEN = "0363", "0209"  # another region; Nijmegen's own region


def _upload_web(client, message) -> list:
    raw = codec.serialize(message)
    response = client.post(reverse("ijw:upload"),
                           {"file": SimpleUploadedFile("message.xml", raw)})
    assert response.status_code == 200
    return response.context["results"]


def _upload_api(client, message):
    return client.post("/api/ijw/messages/upload/", codec.serialize(message),
                       content_type="application/xml")


def _nothing_processed():
    assert not Message.objects.filter(code="JW301").exists()
    assert not Toewijzing.objects.exists()
    assert not CareRelation.objects.exists()


@pytest.mark.parametrize("gemeente", [samples.GEMEENTE, AMSTERDAM])
def test_provider_cannot_upload_a_municipalitys_toewijzing_on_screen(
        client, provider, user_with, gemeente):
    staff = user_with("provider_staff", provider=provider)
    client.force_login(staff)
    results = _upload_web(client, samples.sample_jw301(gemeente=gemeente))
    assert results[0].status == "refused"
    assert "Afzender" in results[0].refused and gemeente in results[0].refused
    _nothing_processed()
    assert not Youth.objects.filter(bsn=samples.BSN).exists()
    assert AccessLogEntry.objects.filter(user=staff, action="denied",
                                         object_type="ijw.Message").count() == 1


def test_provider_cannot_upload_a_toewijzing_through_the_api_and_then_get_paid(
        client, provider, user_with):
    staff = user_with("provider_staff", provider=provider)
    client.force_login(staff)
    response = _upload_api(client, samples.sample_jw301())
    assert response.status_code == 200
    assert response.json()[0]["status"] == "refused"
    _nothing_processed()
    # The declaration that followed the forged toewijzing in the attack: nothing to pay.
    declared = _upload_api(client, samples.sample_jw323()).json()[0]
    assert declared["status"] == "rejected"
    assert Declaratie.objects.filter(totaal_toegekend__gt=0).count() == 0


def test_forged_toewijzing_cannot_mark_the_providers_own_request_granted(
        client, provider, user_with):
    staff = user_with("provider_staff", provider=provider)
    client.force_login(staff)
    assert _upload_api(client, samples.sample_jw315()).json()[0]["status"] == "accepted"
    forged = samples.sample_jw301(referentie_aanbieder="VOT-0001")
    assert _upload_api(client, forged).json()[0]["status"] == "refused"
    assert Verzoek.objects.get().state == Verzoek.State.OPEN


def test_access_worker_cannot_send_as_a_provider(client, provider, user_with, deliver):
    deliver(samples.sample_jw301())  # Nijmegen's real toewijzing for the youth
    beuningen = Municipality.objects.get(code=BEUNINGEN)
    worker = user_with("access_worker", municipality=beuningen)
    client.force_login(worker)
    # A JW315 "from" the provider, addressed to the worker's own municipality, to pull the
    # youth over to Beuningen.
    request = samples.sample_jw315(gemeente=BEUNINGEN)
    assert _upload_api(client, request).json()[0]["status"] == "refused"
    youth = Youth.objects.get(bsn=samples.BSN)
    assert youth.municipality.code == samples.GEMEENTE
    assert not Youth.objects.filter(municipality=beuningen).exists()
    assert AccessLogEntry.objects.filter(user=worker, action="denied").exists()


def test_provider_message_never_rewrites_identity(deliver):
    deliver(samples.sample_jw301())
    youth = Youth.objects.get(bsn=samples.BSN)
    before = (youth.surname, youth.initials, youth.birth_date, youth.municipality_id)
    start = samples.sample_jw305()
    start.client.geboortedatum = date(2001, 1, 1)
    start.client.naam.achternaam = "Overschreven"
    assert deliver(start).status == Message.Status.ACCEPTED
    youth.refresh_from_db()
    assert (youth.surname, youth.initials, youth.birth_date, youth.municipality_id) == before


def test_municipalitys_own_message_corrects_its_record(deliver):
    deliver(samples.sample_jw301())
    deliver(samples.sample_jw301(identificatie="TW000002", toewijzing_nummer="1002",
                                 geboortedatum=date(2012, 3, 15)))
    assert Youth.objects.get(bsn=samples.BSN).birth_date == date(2012, 3, 15)
    # Processing's own write is in the access log.
    assert AccessLogEntry.objects.filter(action="update", object_type="registry.Youth").exists()


def test_same_bsn_in_two_municipalities_is_two_records(deliver, provider):
    deliver(samples.sample_jw301())
    nijmegen_youth = Youth.objects.get(bsn=samples.BSN)
    other = samples.sample_jw301(gemeente=BEUNINGEN, identificatie="TW000009",
                                 geboortedatum=date(2012, 9, 9))
    assert deliver(other).status == Message.Status.SENT  # the municipality's own outgoing
    records = Youth.objects.filter(bsn=samples.BSN)
    assert records.count() == 2
    nijmegen_youth.refresh_from_db()
    assert nijmegen_youth.birth_date == date(2012, 3, 14)
    assert nijmegen_youth.municipality.code == samples.GEMEENTE


def test_provider_of_another_region_is_refused_at_the_header(deliver, db):
    # The provider is registered for Rijk van Nijmegen only; Amsterdam has no contract with it.
    outcome = deliver(samples.sample_jw315(gemeente=AMSTERDAM))
    assert outcome.status == Message.Status.REJECTED
    assert [(f.level, f.retourcode) for f in outcome.message.findings.all()] == [
        ("header", "0001")]
    assert not Youth.objects.exists() and not Verzoek.objects.exists()


def test_municipality_no_longer_existing_cannot_assign(deliver):
    Municipality.objects.filter(code=samples.GEMEENTE).update(active=False)
    outcome = deliver(samples.sample_jw301())
    assert outcome.status == Message.Status.REJECTED
    assert [(f.rule, f.retourcode) for f in outcome.message.findings.all()] == [
        ("TR378", "S300")]
    assert not Toewijzing.objects.exists()


def test_channel_account_delivers_its_regions_traffic_only(client, provider, user_with):
    channel = user_with("message_channel")
    client.force_login(channel)
    assert _upload_api(client, samples.sample_jw301()).json()[0]["status"] == "sent"
    assert Message.objects.get(code="JW301").uploaded_by == channel
    foreign = samples.sample_jw301(gemeente=AMSTERDAM, identificatie="TW000077")
    assert _upload_api(client, foreign).json()[0]["status"] == "refused"
    assert AccessLogEntry.objects.filter(user=channel, action="upload",
                                         object_type="ijw.Message").count() == 1
    assert AccessLogEntry.objects.filter(user=channel, action="denied").count() == 1


@pytest.mark.parametrize("role", ["auditor", "contract_manager", "policy_advisor"])
def test_roles_without_exchange_cannot_upload(client, provider, user_with, role):
    client.force_login(user_with(role))
    assert _upload_api(client, samples.sample_jw301()).status_code == 403
    assert not Message.objects.exists()


def test_zip_of_junk_stores_nothing(client, provider, user_with):
    """Finding 10: 1,500 unreadable entries used to become 1,500 archive rows no one sees."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for n in range(1500):
            bundle.writestr(f"junk-{n:04}.xml", b"not xml at all " * 8)
    client.force_login(user_with("provider_staff", provider=provider))
    response = client.post("/api/ijw/messages/upload/", buffer.getvalue(),
                           content_type="application/zip")
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 1500 and {r["status"] for r in body} == {"refused"}
    assert Message.objects.count() == 0
    # The attempt is in the access log once, with the number of files refused: junk must not
    # flood the log either.
    denied = AccessLogEntry.objects.get(action="denied", object_type="ijw.Message")
    assert denied.hits == 1500


def test_bsn_of_a_youth_in_another_municipality_stays_separate_for_requests(deliver):
    """A provider's request to Beuningen about a BSN Nijmegen knows creates Beuningen's own
    record; Nijmegen's stays as it was and Beuningen's worker cannot see Nijmegen's."""
    deliver(samples.sample_jw301())
    request = samples.sample_jw315(gemeente=BEUNINGEN, bsn=samples.BSN,
                                   referentie_aanbieder="VOT-B")
    request.client.naam.achternaam = "Anders"
    assert deliver(request).status == Message.Status.ACCEPTED
    assert Youth.objects.get(municipality__code=samples.GEMEENTE).surname == "van den Berg"
    assert Youth.objects.get(municipality__code=BEUNINGEN).surname.endswith("Anders")


def test_processing_writes_are_logged_for_the_owning_region(deliver, nijmegen):
    deliver(samples.sample_jw301())
    entry = AccessLogEntry.objects.get(action="create", object_type="registry.Youth")
    # No person delivered it (the test delivers like the channel's import): the system acts.
    assert entry.username == audit.SYSTEM_IJW
    assert entry.owner_region_id == nijmegen.region_id


def test_command_line_import_is_logged_with_its_operator(tmp_path, provider):
    path = tmp_path / "jw301.xml"
    path.write_bytes(codec.serialize(samples.sample_jw301()))
    call_command("ijw", "import", str(path), stdout=io.StringIO())
    upload = AccessLogEntry.objects.get(action="upload", object_type="ijw.Message")
    assert upload.user is None and upload.username.startswith("command line")
