"""A demo region's year of messages, written as files, imports through `openjeugd ijw import`."""

from datetime import date
from io import StringIO

from django.core.management import call_command

from openjeugd.ijw import codec
from openjeugd.ijw.models import Message, Toewijzing


def test_a_year_of_demo_messages_imports_through_the_cli(db, tmp_path):
    out = StringIO()
    call_command("demo_data", region="Rijk van Nijmegen", youths=15, years=1, seed=11,
                 end=date(2026, 6, 30), export=str(tmp_path), stdout=out)
    files = sorted(tmp_path.glob("*.xml"))
    assert files, out.getvalue()
    assert not Message.objects.exists()  # exporting wrote files, not rows

    call_command("ijw", "import", str(tmp_path), "--history", stdout=StringIO())
    # Every file became exactly one archived message, none left unprocessed, none refused.
    assert Message.objects.filter(filename__in=[f.name for f in files]).count() == len(files)
    assert not Message.objects.filter(status__in=["received", "rejected"]).exists()
    # Received on their dagtekening: the archive spans months, not the moment of import.
    months = {m.received_at.strftime("%Y-%m") for m in Message.objects.all()}
    assert len(months) > 3
    # The toewijzingen are exactly those the JW301 files assign.
    assigned = {product.toewijzing_nummer for f in files if "-JW301-" in f.name
                for product in codec.parse(f.read_bytes()).client.toegewezen_producten}
    assert set(Toewijzing.objects.values_list("toewijzing_nummer", flat=True)) == assigned

    rows = Message.objects.count()
    again = StringIO()
    call_command("ijw", "import", str(tmp_path), "--history", stdout=again)
    assert Message.objects.count() == rows  # a rerun changes nothing
    assert f"duplicate: {len(files)}" in again.getvalue()


def test_export_contains_the_messages_the_events_ask_for(db, tmp_path):
    call_command("demo_data", region="Rijk van Nijmegen", youths=8, years=1, seed=5,
                 end=date(2026, 6, 30), export=str(tmp_path), stdout=StringIO())
    names = [f.name for f in tmp_path.glob("*.xml")]
    # Each toewijzing (and change) is a JW301 answered by the provider's JW302.
    assert sum("-JW301-" in n for n in names) == sum("-JW302-" in n for n in names) > 0
    # Only what municipality and provider send themselves; returns on 305/307/315 and the
    # JW325 answers are made by the import, not shipped in the files.
    assert {n.split("-")[1] for n in names} <= {"JW301", "JW302", "JW305", "JW307", "JW315",
                                                "JW323"}
