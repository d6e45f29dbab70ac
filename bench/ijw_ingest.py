"""How fast do iJw messages go in? Bare parse + XSD versus the full ingest path.

    .venv/bin/python bench/ijw_ingest.py --messages 3000

Generates N messages with the codec's sample builders (per youth a JW301 toewijzing, a JW305
start and a JW323 declaratie, so every message is accepted and does real work), writes them to
a temporary directory, then measures
  (a) lxml parse + XSD validation of each file, and
  (b) services.ingest of each file into a fresh database: SQLite in the temporary directory,
      or DATABASE_URL when set (it is migrated and written to; use an empty database).
Prints messages per second for both, and the peak resident memory of the process.
Not a test: numbers depend on the machine. See bench/README.md.
"""

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_XSD_DIR = ROOT.parent / "shared" / "ijw" / "xsd"
# Received on a Tuesday after every sample's dagtekening (TR135: not in the future).
RECEIVED = datetime(2026, 3, 10, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def main() -> None:
    args = _arguments()
    workdir = Path(tempfile.mkdtemp(prefix="ijw-bench-"))
    try:
        run(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args, workdir: Path) -> None:
    _configure_django(workdir, args.xsd_dir)
    from django.conf import settings

    files = generate(workdir / "messages", args.messages)
    print(f"messages: {len(files)} in {workdir / 'messages'}")
    print(f"peak memory after generating: {_peak_mb():.0f} MB")
    if settings.IJW_XSD_DIR:
        seconds = bare_parse_and_xsd(files, settings.IJW_XSD_DIR)
        _report("(a) lxml parse + XSD", len(files), seconds)
    else:
        print("(a) skipped: no XSD directory (set IJW_XSD_DIR or --xsd-dir)")
    seconds, statuses = full_ingest(files)
    _report("(b) services.ingest", len(files), seconds)
    print(f"    statuses: {statuses}; database: {settings.DATABASES['default']['NAME']}")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=300, help="how many messages (N)")
    parser.add_argument("--xsd-dir", default=os.environ.get("IJW_XSD_DIR", "")
                        or (str(DEFAULT_XSD_DIR) if DEFAULT_XSD_DIR.is_dir() else ""))
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated files and the SQLite database")
    args = parser.parse_args()
    if not 1 <= args.messages <= 3_000_000:
        parser.error("--messages must be between 1 and 3,000,000")
    return args


def _configure_django(workdir: Path, xsd_dir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")  # noqa: S105 - throwaway database
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["IJW_XSD_DIR"] = xsd_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def generate(folder: Path, count: int) -> list[Path]:
    """N message files: JW301, JW305, JW323 per youth, in the order they must arrive."""
    from openjeugd.ijw import codec
    from openjeugd.ijw.codec import samples

    folder.mkdir(parents=True)
    builders = [
        lambda n, bsn: samples.sample_jw301(bsn=bsn, identificatie=f"TW{n:08d}",
                                            toewijzing_nummer=str(n)),
        lambda n, bsn: samples.sample_jw305(bsn=bsn, identificatie=f"ST{n:08d}",
                                            toewijzing_nummer=str(n)),
        lambda n, bsn: samples.sample_jw323(
            bsn=bsn, identificatie=f"DC{n:08d}", declaratie_nummer=f"D{n:09d}",
            prestaties=[samples.sample_prestatie(referentie=f"P{n:08d}",
                                                 toewijzing_nummer=str(n))]),
    ]
    files = []
    for index in range(count):
        youth, step = divmod(index, len(builders))
        path = folder / f"{index:08d}.xml"
        path.write_bytes(codec.serialize(builders[step](youth + 1, _bsn(youth))))
        files.append(path)
    return files


def _bsn(n: int) -> str:
    """The n-th synthetic BSN passing the 11-proef: each n owns ten 8-digit prefixes from
    90000000 up, and at most one prefix in ten has no valid check digit."""
    from openjeugd.demo.identities import check_digit

    for prefix in range(90_000_000 + 10 * n, 90_000_000 + 10 * n + 10):
        digit = check_digit(str(prefix))
        if digit is not None:
            return f"{prefix}{digit}"
    raise AssertionError("unreachable")


def bare_parse_and_xsd(files: list[Path], xsd_dir: str) -> float:
    from lxml import etree

    from openjeugd.ijw.codec import schema_for

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for code in ("JW301", "JW305", "JW323"):
        schema_for(code, xsd_dir)  # compile once, outside the timing (cached afterwards)
    started = time.perf_counter()
    for path in files:
        root = etree.fromstring(path.read_bytes(), parser)
        code = etree.QName(root).namespace.rsplit("/", 2)[-2]  # .../3_2/jw301/schema
        if not schema_for(code, xsd_dir).validate(root):
            raise SystemExit(f"{path} fails its XSD: {schema_for(code, xsd_dir).error_log}")
    return time.perf_counter() - started


def full_ingest(files: list[Path]) -> tuple[float, dict[str, int]]:
    from openjeugd.ijw import clock, services
    from openjeugd.ijw.codec import samples
    from openjeugd.registry.models import Municipality, Provider

    provider, _ = Provider.objects.get_or_create(agb_code=samples.AGB,
                                                 defaults={"name": "Bench provider"})
    provider.regions.add(Municipality.objects.get(code=samples.GEMEENTE).region)
    statuses: dict[str, int] = {}
    started = time.perf_counter()
    with clock.at(RECEIVED):
        for path in files:
            outcome = services.ingest(path.read_bytes(), filename=path.name)
            status = str(outcome.status)
            statuses[status] = statuses.get(status, 0) + 1
    return time.perf_counter() - started, dict(sorted(statuses.items()))


def _report(label: str, count: int, seconds: float) -> None:
    rate = count / seconds if seconds else float("inf")
    print(f"{label}: {count} in {seconds:.2f} s = {rate:,.0f} messages/s; "
          f"peak memory so far {_peak_mb():.0f} MB")


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":
    main()
