"""`ijw validate`: one line per file, exit code 0 only when every file is valid; it runs
without a database or a SECRET_KEY (a provider's back office checks its files before sending).
"""

import os
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command

import openjeugd
from openjeugd import cli
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples

PROJECT_ROOT = Path(openjeugd.__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime(2026, 3, 10, 12, 0), tick=False):
        yield


def _validate(capsys, *paths) -> tuple[int, list[str]]:
    # Through the `openjeugd` console script: it exits with the command's return code on
    # failure and returns normally on success.
    try:
        cli.main(["openjeugd", "ijw", "validate", *map(str, paths)])
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def files(tmp_path):
    valid = tmp_path / "a-valid.xml"
    valid.write_bytes(codec.serialize(samples.sample_jw301()))
    broken = tmp_path / "b-broken.xml"
    broken.write_bytes(b"<Bericht><Header>")
    # 30 February does not exist: the schema refuses the date.
    impossible = tmp_path / "c-impossible-date.xml"
    impossible.write_bytes(codec.serialize(samples.sample_jw305()).replace(
        b"2026-01-14", b"2026-02-30"))
    # A dagtekening after today (10 March 2026) breaks TR135, retourcode 8848.
    future = tmp_path / "d-future-dagtekening.xml"
    future.write_bytes(codec.serialize(samples.sample_jw305(dagtekening=date(2026, 3, 11))))
    return valid, broken, impossible, future


def test_valid_file_exits_zero(capsys, files):
    valid, *_rest = files
    code, lines = _validate(capsys, valid)
    assert (code, lines) == (0, [f"{valid}: valid"])


def test_invalid_files_exit_one_with_retourcode_per_line(capsys, files):
    valid, broken, impossible, future = files
    code, lines = _validate(capsys, valid.parent)
    assert code == 1
    technical = "0001 " + codec.codes.retourcode_meaning("0001")
    assert lines == [
        f"{valid}: valid",
        f"{broken}: invalid — {technical} (XSD)",
        f"{impossible}: invalid — {technical} (XSD)",
        f"{future}: invalid — 8848 {codec.codes.retourcode_meaning('8848')} (TR135)",
    ]


def test_zip_members_are_validated_in_name_order(capsys, files, tmp_path):
    valid, broken, *_rest = files
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("z.xml", valid.read_bytes())
        archive.writestr("a.xml", broken.read_bytes())
    code, lines = _validate(capsys, bundle)
    assert code == 1
    assert [line.split(": ")[0] for line in lines] == [f"{bundle}/a.xml", f"{bundle}/z.xml"]


def _run_bare(*args, xsd_dir: str | None) -> subprocess.CompletedProcess:
    # Nothing but PATH (and the XSDs): no DJANGO_SETTINGS_MODULE, SECRET_KEY or DATABASE_URL.
    env = {"PATH": os.environ["PATH"]}
    if xsd_dir:
        env["IJW_XSD_DIR"] = xsd_dir
    return subprocess.run(  # noqa: S603 - our own interpreter and module, fixed arguments
        [sys.executable, "-m", "openjeugd.cli", "ijw", "validate", *map(str, args)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_runs_without_database_or_secret_key(tmp_path):
    valid = tmp_path / "a-valid.xml"
    valid.write_bytes(codec.serialize(samples.sample_jw301()))
    bad_date = tmp_path / "b-impossible-date.xml"
    bad_date.write_bytes(codec.serialize(samples.sample_jw305()).replace(
        b"2026-01-14", b"2026-02-30"))
    # Dated far after any real today: TR135 (dagtekening not in the future) gives 8848.
    future = tmp_path / "c-future.xml"
    future.write_bytes(codec.serialize(samples.sample_jw305(dagtekening=date(2999, 1, 1))))
    done = _run_bare(tmp_path, "--details", xsd_dir=settings.IJW_XSD_DIR)
    assert "SECRET_KEY" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert lines[0] == f"{valid}: valid"
    assert lines[1].startswith(f"{bad_date}: invalid — 0001 ") and lines[1].endswith("(XSD)")
    # The XSD's own message names the impossible date.
    assert "2026-02-30" in lines[2]
    assert lines[3].startswith(f"{future}: invalid — 8848 ")
    assert "1 of" not in done.stderr and "2 of 3 file(s) invalid." in done.stderr


def test_without_xsds_it_says_so_instead_of_passing_silently(tmp_path):
    valid = tmp_path / "a-valid.xml"
    valid.write_bytes(codec.serialize(samples.sample_jw301()))
    done = _run_bare(valid, xsd_dir=None)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [f"{valid}: valid"]
    assert "XSDs were NOT checked" in done.stderr


def test_the_management_command_gives_the_same_answer(files):
    valid, broken, *_rest = files
    with pytest.raises(CommandError):
        call_command("ijw", "validate", str(valid), str(broken))
