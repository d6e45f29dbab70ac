"""`ijw import`: sorted, resumable, and a second run over the same files changes nothing."""

import hashlib
import io
import zipfile
from datetime import datetime

import pytest
import time_machine
from django.core.management import call_command

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Finding, Message, Start, Toewijzing, Verzoek


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 3, 10, 12, 0), tick=False):
        yield


@pytest.fixture
def inbox(tmp_path, provider):
    """01 assigns, 02 starts on it (so order matters), a zip holds a request, 04 is broken."""
    (tmp_path / "01-toewijzing.xml").write_bytes(codec.serialize(samples.sample_jw301()))
    (tmp_path / "02-start.xml").write_bytes(codec.serialize(samples.sample_jw305()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("request.xml", codec.serialize(samples.sample_jw315(
            referentie_aanbieder="VOT-0002")))
    (tmp_path / "03-bundle.zip").write_bytes(buffer.getvalue())
    (tmp_path / "04-broken.xml").write_bytes(b"<Bericht>")
    return tmp_path


def _import(*paths) -> list[str]:
    out = io.StringIO()
    call_command("ijw", "import", *map(str, paths), stdout=out)
    return out.getvalue().splitlines()


def _row_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Message, Finding, Toewijzing, Start,
                                                     Verzoek))


def test_import_then_reimport_reports_duplicates_and_changes_nothing(inbox):
    first = _import(inbox)
    # JW301 is ours (sent); the JW305 and the zipped JW315 are accepted (the start could
    # only be accepted because 01 came before 02); the broken file is rejected as a whole.
    assert first == ["Imported 4 file(s):", "  accepted: 2", "  rejected: 1", "  sent: 1"]
    assert Start.objects.get().message.filename == "02-start.xml"
    counts = _row_counts()
    second = _import(inbox)
    assert second == ["Imported 4 file(s):", "  duplicate: 4"]
    assert _row_counts() == counts


def test_import_first_finishes_what_an_earlier_run_left(inbox, provider):
    # A crash after archiving: the row exists with status "received", never processed.
    raw = (inbox / "02-start.xml").read_bytes()
    call_command("ijw", "import", str(inbox / "01-toewijzing.xml"), stdout=io.StringIO())
    Message.objects.create(direction="in", code="JW305", afzender=samples.AGB,
                           ontvanger=samples.GEMEENTE, identificatie="ST000001", raw=raw,
                           sha256=hashlib.sha256(raw).hexdigest(), filename="02-start.xml")
    lines = _import(inbox / "02-start.xml")
    assert lines == ["Processed 1 message(s) left from an earlier run.",
                     "Imported 1 file(s):", "  duplicate: 1"]
    assert Message.objects.get(code="JW305").status == Message.Status.ACCEPTED
    assert Start.objects.count() == 1


def test_process_pending_command(provider):
    raw = codec.serialize(samples.sample_jw315())
    Message.objects.create(direction="in", code="JW315", afzender=samples.AGB,
                           ontvanger=samples.GEMEENTE, identificatie="VT000001", raw=raw,
                           sha256=hashlib.sha256(raw).hexdigest())
    out = io.StringIO()
    call_command("ijw", "process-pending", stdout=out)
    assert out.getvalue().splitlines() == ["Processed 1 message(s) left from an earlier run."]
    assert Verzoek.objects.count() == 1
