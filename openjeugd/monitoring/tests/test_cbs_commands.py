"""`openjeugd monitoring cbs-file|statline` on facts that came in through the real iJw import
path; the clock is pinned at 15 July 2026 (conftest), so 2026-1 has ended."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw.codec import samples

AMBULANT = {"categorie": "32", "productcode": "32A01"}  # JZ020 32 -> CBS hulpvorm 02
TW = {"toewijzing_nummer": "1001", "toewijzing_ingangsdatum": date(2026, 1, 12), **AMBULANT}


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("monitoring", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def care(deliver):
    deliver_care(deliver)


def deliver_care(deliver):
    """A huisarts referral (JW315, COD327 02), the toewijzing answering it, a start on 14 Jan
    and a stop on 31 Mar 2026 by mutual decision (JZ588 34 -> §3.7 02)."""
    deliver(samples.sample_jw315(dagtekening=date(2026, 1, 2), categorie="32",
                                 productcode="32A01", verwijzer_type="02"))
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), referentie_aanbieder="VOT-0001",
                                 **AMBULANT))
    deliver(samples.sample_jw305(dagtekening=date(2026, 1, 14), begindatum=date(2026, 1, 14),
                                 **TW))
    deliver(samples.sample_jw307(dagtekening=date(2026, 3, 31), begindatum=date(2026, 1, 14),
                                 einddatum=date(2026, 3, 31), reden_beeindiging="34", **TW))


def test_cbs_file_writes_the_record_and_logs_the_read(care, tmp_path):
    target = tmp_path / "levering.txt"
    out, err = run("cbs-file", "--provider", samples.AGB, "--half-year", "2026-1",
                   "--output", str(target))
    # The youth of the samples: born 14 Mar 2012 (JW301), geslacht 2 -> V, Nijmegen 0268;
    # verwijzer huisarts 02, hulpvorm 02, no crisis (02), 14 Jan - 31 Mar, reden 02; no
    # outcome measured (8 blanks).
    assert target.read_bytes() == (
        f"{samples.AGB}2026-1{samples.BSN}20120314V0268  020202"
        "2026011420260331" "02" "        \r\n").encode("ascii")
    assert out == "" and "1 record(s) written" in err
    assert AccessLogEntry.objects.filter(purpose="monitoring_trajectories",
                                         action="read").count() == 1


def test_cbs_file_reports_products_without_hulpvorm(deliver):
    # The samples' default product 45A48 (JZ020 45) has no CBS hulpvorm in the catalogue: no
    # record, and the product is named with its one youth.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw305(dagtekening=date(2026, 1, 14)))
    out, err = run("cbs-file", "--provider", samples.AGB, "--half-year", "2026-1")
    assert out == ""
    assert "No CBS hulpvorm for product 45/45A48: 1 youth(s) left out" in err


@pytest.mark.parametrize(("args", "message"), [
    (("--provider", "1234", "--half-year", "2026-1"), "--provider: '1234' is not an AGB"),
    (("--provider", samples.AGB, "--half-year", "2026-3"), "--half-year: '2026-3'"),
    (("--provider", samples.AGB, "--half-year", "2026-2"), "--half-year: 2026-2 has not ended"),
    (("--provider", "87654321", "--half-year", "2026-1"), "--provider: no provider"),
])
def test_cbs_file_bad_arguments_name_the_field(provider, pinned_today, args, message):
    with pytest.raises(CommandError, match=message):
        run("cbs-file", *args)


def test_statline_per_municipality(care, nijmegen):
    out, _ = run("statline", "--region", nijmegen.region.name, "--from", "2026-01-01",
                 "--to", "2026-06-30", "--format", "json")
    rows = json.loads(out)
    # One trajectory: started (new) and ended in H1, 14 Jan - 31 Mar = 18 + 28 + 31 = 77 days,
    # reason §3.7 02. Nijmegen's row, then the region's total with the same figures.
    assert [row["gemeente"] for row in rows] == ["0268", "regio"]
    assert {key: rows[0][key] for key in ("gestart", "gestart_nieuw", "beeindigd",
                                          "gemiddelde_duur_dagen", "beeindigd_reden_02",
                                          "lopend_einde_periode")} == {
        "gestart": 1, "gestart_nieuw": 1, "beeindigd": 1, "gemiddelde_duur_dagen": 77,
        "beeindigd_reden_02": 1, "lopend_einde_periode": 0}
    suppressed, _ = run("statline", "--region", nijmegen.region.name, "--from", "2026-01-01",
                        "--to", "2026-06-30", "--suppress-small-cells")
    # One youth: every non-zero count is hidden in the CSV, zeros stay.
    header, first, *_ = suppressed.splitlines()
    cells = dict(zip(header.split(","), first.split(","), strict=True))
    assert (cells["gestart"], cells["gemiddelde_duur_dagen"], cells["gestart_herhaald_beroep"]) \
        == ("", "", "0")
