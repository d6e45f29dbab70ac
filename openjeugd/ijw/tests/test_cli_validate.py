"""`ijw validate`: one line per file, exit code 0 only when every file is valid."""

from datetime import date, datetime

import pytest
import time_machine

from openjeugd import cli
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples


@pytest.fixture(autouse=True)
def today(db):  # the command runs the system checks, which look at the database
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
    import zipfile

    valid, broken, *_rest = files
    bundle = tmp_path / "bundle.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("z.xml", valid.read_bytes())
        archive.writestr("a.xml", broken.read_bytes())
    code, lines = _validate(capsys, bundle)
    assert code == 1
    assert [line.split(": ")[0] for line in lines] == [f"{bundle}/a.xml", f"{bundle}/z.xml"]
