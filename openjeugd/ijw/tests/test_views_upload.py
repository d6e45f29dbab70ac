"""Uploading message files on the page: each file through ingest, results listed per file."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Verzoek
from openjeugd.ijw.tests.conftest import OTHER_AGB, OTHER_BSN


def _zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _upload(client, name: str, data: bytes):
    return client.post(reverse("ijw:upload"), {"file": SimpleUploadedFile(name, data)})


def test_zip_with_a_good_and_a_malformed_file_shows_both(client, provider, user_with):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the assertions read English msgids
    client.force_login(user_with("provider_staff", provider=provider))
    bundle = _zip(**{"a-request.xml": codec.serialize(samples.sample_jw315()),
                     "b-broken.xml": b"<Bericht><Header>"})
    response = _upload(client, "batch.zip", bundle)
    assert response.status_code == 200
    results = response.context["results"]
    # Zip members in name order; the good one is accepted. The broken one has no readable
    # header, so nobody can tell who sent it: refused and not stored at all.
    assert [r.name for r in results] == ["batch.zip/a-request.xml", "batch.zip/b-broken.xml"]
    assert [r.status for r in results] == [Message.Status.ACCEPTED, "refused"]
    assert "not a readable iJw message" in results[1].refused
    assert Message.objects.filter(code="").count() == 0
    assert Verzoek.objects.filter(referentie_aanbieder="VOT-0001").count() == 1
    html = response.content.decode()
    assert "batch.zip/a-request.xml" in html and "batch.zip/b-broken.xml" in html
    assert "0001" in html


def test_uploading_the_same_file_twice_is_a_duplicate(client, provider, user_with):
    client.force_login(user_with("provider_staff", provider=provider))
    raw = codec.serialize(samples.sample_jw315())
    _upload(client, "request.xml", raw)
    count = Message.objects.count()
    second = _upload(client, "request.xml", raw).context["results"]
    assert [r.duplicate for r in second] == [True]
    assert Message.objects.count() == count


def test_provider_cannot_upload_another_providers_message(client, provider, other_provider,
                                                          user_with):
    client.force_login(user_with("provider_staff", provider=provider))
    raw = codec.serialize(samples.sample_jw315(agb=OTHER_AGB, bsn=OTHER_BSN))
    results = _upload(client, "theirs.xml", raw).context["results"]
    assert [r.status for r in results] == ["refused"]
    assert not Message.objects.exists()


def test_too_big_a_file_is_refused_with_a_message(client, provider, user_with, settings):
    settings.IJW_UPLOAD_MAX_BYTES = 100
    client.force_login(user_with("provider_staff", provider=provider))
    response = _upload(client, "request.xml", codec.serialize(samples.sample_jw315()))
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not Message.objects.exists()


def test_a_damaged_zip_is_refused(client, provider, user_with):
    client.force_login(user_with("provider_staff", provider=provider))
    response = _upload(client, "batch.zip", b"PK\x03\x04 this is not really a zip")
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_upload_form_has_a_labelled_file_field(client, provider, user_with):
    client.force_login(user_with("provider_staff", provider=provider))
    html = client.get(reverse("ijw:upload")).content.decode()
    assert '<label class="utrecht-form-label" for="id_file">' in html
    assert 'aria-describedby="id_file-help"' in html and 'id="id_file-help"' in html
