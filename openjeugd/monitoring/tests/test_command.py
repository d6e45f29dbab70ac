"""`openjeugd monitoring trajectories|indicators` on facts that came in through the real
iJw import path (JW315 -> JW301 -> JW305/JW307, corrections with StatusAanlevering 3)."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from openjeugd import cli
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw.codec import samples
from openjeugd.monitoring.cbs.trajectories import RECORD_KEYS

AMBULANT = {"categorie": "32", "productcode": "32A01"}  # JZ020 32 -> CBS hulpvorm 02
TW = {"toewijzing_nummer": "1001", "toewijzing_ingangsdatum": date(2026, 1, 12),
      **AMBULANT}


def run(*args, region) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("monitoring", *args, "--region", region.name, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def trajectories(region, first="2026-01-01", last="2026-06-30", fmt="json"):
    out, err = run("trajectories", "--from", first, "--to", last, "--format", fmt,
                   region=region)
    return (json.loads(out) if fmt == "json" else out), err


@pytest.fixture
def toewijzing(deliver):
    """A huisarts (COD327 02) referral asked for by the provider (JW315 VOT-0001), assigned
    by Nijmegen (JW301 answering it) for 12 Jan - 31 Dec 2026."""
    deliver(samples.sample_jw315(dagtekening=date(2026, 1, 2), categorie="32",
                                 productcode="32A01", verwijzer_type="02"))
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), referentie_aanbieder="VOT-0001",
                                 **AMBULANT))


def start(n, begindatum, status="1", **kwargs):
    return samples.sample_jw305(identificatie=f"ST{n:06d}", dagtekening=begindatum,
                                begindatum=begindatum, status_aanlevering=status,
                                **{**TW, **kwargs})


def stop(n, begindatum, einddatum, reden="31", status="1", **kwargs):
    return samples.sample_jw307(identificatie=f"SP{n:06d}", dagtekening=einddatum,
                                begindatum=begindatum, einddatum=einddatum,
                                reden_beeindiging=reden, status_aanlevering=status,
                                **{**TW, **kwargs})


def test_a_corrected_start_moves_datum_aanvang(toewijzing, deliver, nijmegen):
    # The provider reported a start on 14 Jan, then corrected it per OP033: delete (status 3)
    # and a new start on 20 Jan. The deleted start is "als niet verzonden": one trajectory
    # from 20 Jan, running. Verwijzer: the JW315's huisarts (COD327 02 = CBS §3.2 02).
    deliver(start(1, date(2026, 1, 14)))
    deliver(start(2, date(2026, 1, 14), status="3"))
    deliver(start(3, date(2026, 1, 20)))
    rows, err = trajectories(nijmegen.region)
    assert rows == [{
        "bsn": samples.BSN, "aanbieder": samples.AGB, "gemeente": "0268", "hulpvorm": "02",
        "verwijzer": "02", "datum_aanvang": "2026-01-20", "datum_einde": None,
        "reden_beeindiging": None, "herhaald_beroep": False}]
    assert err == ""


def test_a_deleted_stop_reopens_the_trajectory(toewijzing, deliver, nijmegen):
    # Stopped volgens plan (JZ588 31 -> §3.7 01) on 30 Jun; then that stop is deleted
    # (status 3): the care has not ended after all.
    deliver(start(1, date(2026, 1, 14)))
    deliver(stop(1, date(2026, 1, 14), date(2026, 6, 30)))
    (ended,), _ = trajectories(nijmegen.region)
    assert (ended["datum_einde"], ended["reden_beeindiging"]) == ("2026-06-30", "01")
    deliver(stop(2, date(2026, 1, 14), date(2026, 6, 30), status="3"))
    (reopened,), _ = trajectories(nijmegen.region)
    assert (reopened["datum_einde"], reopened["reden_beeindiging"]) == (None, None)


def test_a_temporary_stop_through_the_import_is_not_an_end(toewijzing, deliver, nijmegen):
    # 14 Jan start; JZ588 20 on 1 Mar; resumed 1 Apr; ended in overleg (34 -> §3.7 02) on
    # 30 Jun: one trajectory 14 Jan - 30 Jun. As known on 31 Mar (a period ending then) it
    # is running: the temporary stop did not end it.
    deliver(start(1, date(2026, 1, 14)))
    deliver(stop(1, date(2026, 1, 14), date(2026, 3, 1), reden="20"))
    deliver(start(2, date(2026, 4, 1)))
    deliver(stop(2, date(2026, 4, 1), date(2026, 6, 30), reden="34"))
    (whole,), _ = trajectories(nijmegen.region)
    (first_quarter,), _ = trajectories(nijmegen.region, last="2026-03-31")
    assert (whole["datum_aanvang"], whole["datum_einde"], whole["reden_beeindiging"]) == (
        "2026-01-14", "2026-06-30", "02")
    assert (first_quarter["datum_aanvang"], first_quarter["datum_einde"]) == (
        "2026-01-14", None)


def test_without_a_request_the_municipality_referred(deliver, nijmegen):
    # A toewijzing no JW315 preceded is the college's own verleningsbeslissing: §3.2 01.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))
    (row,), _ = trajectories(nijmegen.region)
    assert row["verwijzer"] == "01"


def test_a_product_without_hulpvorm_is_reported_not_listed(deliver, nijmegen):
    # The samples' 45A48 (category 45, Jeugdhulp ambulant) has no one-to-one CBS hulpvorm and
    # the default lookup has no catalogue: no record, one line on stderr with the count.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw305(dagtekening=date(2026, 1, 14), begindatum=date(2026, 1, 14)))
    rows, err = trajectories(nijmegen.region)
    assert rows == []
    assert "45/45A48: 1 start(s), 1 youth(s) left out" in err


def test_csv_has_exactly_the_keys_and_the_read_is_logged(toewijzing, deliver, nijmegen):
    deliver(start(1, date(2026, 1, 14)))
    text, _ = trajectories(nijmegen.region, fmt="csv")
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames) == RECORD_KEYS
    (row,) = list(reader)
    assert (row["bsn"], row["datum_einde"], row["herhaald_beroep"]) == (
        samples.BSN, "", "false")
    entry = AccessLogEntry.objects.get(purpose="monitoring_trajectories")
    assert entry.object_type == "registry.Youth" and entry.user is None
    assert entry.username.startswith("command line")
    assert entry.owner_region_id == nijmegen.region_id


def test_indicators_per_half_year(toewijzing, deliver, nijmegen):
    # One trajectory 14 Jan - 30 Jun 2026, ended volgens plan: in 2026-H1 one started, one
    # ended after 168 days (18 + 28 + 31 + 30 + 31 + 30), uitval 0 of 1; 2026-H2 is empty
    # (a period without data: zeros). 3.2: its window runs to 31 Dec 2026, after today
    # (15 Jul 2026): pending, not measured.
    deliver(start(1, date(2026, 1, 14)))
    deliver(stop(1, date(2026, 1, 14), date(2026, 6, 30)))
    out, _ = run("indicators", "--from", "2026-01-01", "--to", "2026-12-31",
                 "--format", "json", region=nijmegen.region)
    data = json.loads(out)
    h1, h2 = data["perioden"]
    assert (h1["periode"], h1["gestart"], h1["beeindigd"], h1["gemiddelde_duur_dagen"]) == (
        "2026-H1", 1, 1, 168)
    assert h1["uitval"]["numerator"] == 0 and h1["uitval"]["denominator"] == 1
    assert h1["geen_nieuwe_start"]["window_not_passed"] == 1
    assert (h2["trajecten"], h2["gestart"], h2["beeindigd"]) == (0, 0, 0)
    assert data["per_gemeente"]["2026-H1"] == {"0268": {"gestart": 1, "beeindigd": 1,
                                                        "trajecten": 1}}
    assert AccessLogEntry.objects.filter(purpose="monitoring_indicators").count() == 1


def test_bad_arguments_are_named(nijmegen, db):
    with pytest.raises(CommandError, match="--region"):
        call_command("monitoring", "trajectories", "--region", "Nergens", "--from",
                     "2026-01-01", "--to", "2026-06-30")
    with pytest.raises(CommandError, match="--to"):
        run("trajectories", "--from", "2026-06-30", "--to", "2026-01-01",
            region=nijmegen.region)
    with pytest.raises(CommandError, match="--jobs"):
        run("indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--jobs", "0",
            region=nijmegen.region)


def test_the_openjeugd_command_reaches_it(toewijzing, deliver, nijmegen, capsys):
    # `openjeugd monitoring trajectories ...` (cli.py) is the same management command.
    deliver(start(1, date(2026, 1, 14)))
    cli.main(["openjeugd", "monitoring", "trajectories", "--region", nijmegen.region.name,
              "--from", "2026-01-01", "--to", "2026-06-30", "--format", "json"])
    (row,) = json.loads(capsys.readouterr().out)
    assert row["datum_aanvang"] == "2026-01-14"
