"""How fast do iJw messages go in? Bare parse + XSD versus the full ingest path.

    .venv/bin/python bench/ijw_ingest.py --prestaties 500 --months 3

Generates realistic traffic with the codec's sample builders: per provider N youths, each
with a JW301 toewijzing, a JW305 start and, at the end, a JW307 stop; and per provider per
month one JW323 carrying N prestaties (one per youth, on its toewijzing). Every message is
accepted and does real work. The files go to a temporary directory, then we measure
  (a) lxml parse + XSD validation of each file, and
  (b) services.ingest of each file into a fresh database: SQLite in the temporary directory,
      or DATABASE_URL when set (it is migrated and written to; use an empty database).
Prints messages/s and prestaties/s for both, their ratio, and the peak resident memory.
--count-queries adds the database queries per message type; --profile a cProfile of (b).
Not a test: numbers depend on the machine. See bench/README.md.
"""

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from calendar import monthrange
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_XSD_DIR = ROOT.parent / "shared" / "ijw" / "xsd"
FIRST_MONTH = date(2026, 2, 1)  # the samples' toewijzing runs 12 January – 31 December 2026
TARGET = 0.25  # issue 8: ingest ≥ 0.25 × bare parse + XSD, in prestaties per second


@dataclass(frozen=True)
class File:
    path: Path
    code: str
    prestaties: int


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

    files, received = generate(workdir / "messages", prestaties=args.prestaties,
                               months=args.months, providers=args.providers)
    kinds = Counter(f.code for f in files)
    total_prestaties = sum(f.prestaties for f in files)
    mix = ", ".join(f"{n} {code}" for code, n in sorted(kinds.items()))
    print(f"traffic: {len(files)} messages ({mix}), {total_prestaties} prestaties; "
          f"database {settings.DATABASES['default']['ENGINE']}")
    print(f"peak memory after generating: {_peak_mb():.0f} MB")
    bare = None
    if settings.IJW_XSD_DIR:
        bare = bare_parse_and_xsd(files, settings.IJW_XSD_DIR)
        _report("(a) lxml parse + XSD", files, bare)
    else:
        print("(a) skipped: no XSD directory (set IJW_XSD_DIR or --xsd-dir)")
    full, statuses, queries = full_ingest(files, received, providers=args.providers,
                                          profile=args.profile,
                                          count_queries=args.count_queries)
    _report("(b) services.ingest", files, full)
    print(f"    statuses: {statuses}")
    if queries:
        _report_queries(files, queries)
    if bare:
        _report_ratio(files, bare, full)


def _report_ratio(files, bare: dict[str, float], full: dict[str, float]) -> None:
    whole = sum(bare.values()) / sum(full.values())
    print(f"ratio (b)/(a), whole traffic (messages/s = prestaties/s): {whole:.3f}x "
          f"(target >= {TARGET}x: {'met' if whole >= TARGET else 'NOT met'})")
    if "JW323" in full:
        print(f"ratio (b)/(a), JW323 files only (prestaties/s): "
              f"{bare['JW323'] / full['JW323']:.3f}x")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prestaties", type=int, default=500,
                        help="prestaties per JW323 = youths per provider (N)")
    parser.add_argument("--months", type=int, default=3,
                        help="months declared, one JW323 per provider per month (from Feb 2026)")
    parser.add_argument("--providers", type=int, default=1, help="how many providers")
    parser.add_argument("--count-queries", action="store_true",
                        help="count database queries per message type during (b)")
    parser.add_argument("--profile", action="store_true",
                        help="run (b) under cProfile and print the top functions")
    parser.add_argument("--xsd-dir", default=os.environ.get("IJW_XSD_DIR", "")
                        or (str(DEFAULT_XSD_DIR) if DEFAULT_XSD_DIR.is_dir() else ""))
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated files and the SQLite database")
    args = parser.parse_args()
    if not 1 <= args.prestaties <= 100_000:
        parser.error("--prestaties must be between 1 and 100,000")
    if not 1 <= args.months <= 10:  # February to November 2026, inside the toewijzing
        parser.error("--months must be between 1 and 10")
    if not 1 <= args.providers <= 100:
        parser.error("--providers must be between 1 and 100")
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


def generate(folder: Path, *, prestaties: int, months: int,
             providers: int) -> tuple[list[File], datetime]:
    """The traffic in the order it must arrive: all JW301s, all JW305s, the monthly JW323s
    (one per provider), then the JW307s; and the moment all of it is received."""
    from openjeugd.ijw import build, codec
    from openjeugd.ijw.codec import model as m
    from openjeugd.ijw.codec import samples

    folder.mkdir(parents=True)
    agbs = [_agb(p) for p in range(providers)]
    youths = [(agb, n, _bsn(n)) for p, agb in enumerate(agbs)
              for n in range(p * prestaties, (p + 1) * prestaties)]
    periods = [_month(FIRST_MONTH, k) for k in range(months)]
    stop = periods[-1][1]
    messages: list[tuple[m.Message, int]] = []
    messages += [(samples.sample_jw301(agb=agb, bsn=bsn, identificatie=f"TW{n:08d}",
                                       toewijzing_nummer=str(n + 1)), 0)
                 for agb, n, bsn in youths]
    messages += [(samples.sample_jw305(agb=agb, bsn=bsn, identificatie=f"ST{n:08d}",
                                       toewijzing_nummer=str(n + 1)), 0)
                 for agb, n, bsn in youths]
    for k, (first, last) in enumerate(periods):
        for p, agb in enumerate(agbs):
            # 16 hours in each month: within 4 hours a week over at least four weeks.
            clients = {bsn: [samples.sample_prestatie(
                referentie=f"P{k:02d}{n:08d}", toewijzing_nummer=str(n + 1), begindatum=first,
                einddatum=last)] for owner, n, bsn in youths if owner == agb}
            head = m.make_header("JW323", afzender=agb, ontvanger=samples.GEMEENTE,
                                 identificatie=f"DC{k:02d}{p:06d}",
                                 dagtekening=last + timedelta(days=3))
            messages.append((build.jw323(head, nummer=f"D{k:02d}{p:07d}", periode=(first, last),
                                         clients=clients), len(clients)))
    messages += [(samples.sample_jw307(agb=agb, bsn=bsn, identificatie=f"SP{n:08d}",
                                       toewijzing_nummer=str(n + 1), einddatum=stop,
                                       dagtekening=stop + timedelta(days=3)), 0)
                 for agb, n, bsn in youths]
    files = []
    for index, (message, count) in enumerate(messages):
        path = folder / f"{index:08d}.xml"
        path.write_bytes(codec.serialize(message))
        files.append(File(path, message.code, count))
    # Received after every dagtekening (TR135: a message is never from the future).
    received = datetime.combine(stop + timedelta(days=10), datetime.min.time()).replace(
        hour=10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    return files, received


def _month(first: date, k: int) -> tuple[date, date]:
    year, month = divmod(first.month - 1 + k, 12)
    start = date(first.year + year, month + 1, 1)
    return start, start.replace(day=monthrange(start.year, start.month)[1])


def _agb(p: int) -> str:
    from openjeugd.ijw.codec import samples

    return samples.AGB if p == 0 else f"{97000000 + p:08d}"


def _bsn(n: int) -> str:
    """The n-th synthetic BSN passing the 11-proef: each n owns ten 8-digit prefixes from
    90000000 up, and at most one prefix in ten has no valid check digit."""
    from openjeugd.demo.identities import check_digit

    for prefix in range(90_000_000 + 10 * n, 90_000_000 + 10 * n + 10):
        digit = check_digit(str(prefix))
        if digit is not None:
            return f"{prefix}{digit}"
    raise AssertionError("unreachable")


def bare_parse_and_xsd(files: list[File], xsd_dir: str) -> dict[str, float]:
    """Seconds per message type."""
    from lxml import etree

    from openjeugd.ijw.codec import schema_for

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for code in {f.code for f in files}:
        schema_for(code, xsd_dir)  # compile once, outside the timing (cached afterwards)
    seconds: Counter = Counter()
    for file in files:
        started = time.perf_counter()
        root = etree.fromstring(file.path.read_bytes(), parser)
        code = etree.QName(root).namespace.rsplit("/", 2)[-2]  # .../3_2/jw301/schema
        if not schema_for(code, xsd_dir).validate(root):
            raise SystemExit(f"{file.path} fails its XSD: {schema_for(code, xsd_dir).error_log}")
        seconds[file.code] += time.perf_counter() - started
    return dict(seconds)


def full_ingest(files: list[File], received: datetime, *, providers: int, profile: bool = False,
                count_queries: bool = False) -> tuple[dict[str, float], dict, dict]:
    """Seconds per message type, the statuses, and the queries per message type."""
    from contextlib import nullcontext

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from openjeugd.ijw import clock, services
    from openjeugd.ijw.codec import samples
    from openjeugd.registry.models import Municipality, Provider

    region = Municipality.objects.get(code=samples.GEMEENTE).region
    for p in range(providers):
        provider, _ = Provider.objects.get_or_create(agb_code=_agb(p),
                                                     defaults={"name": f"Bench provider {p}"})
        provider.regions.add(region)
    statuses: Counter = Counter()
    seconds: Counter = Counter()
    queries: Counter = Counter()
    shapes: Counter = Counter()
    profiler = cProfile.Profile() if profile else None
    with clock.at(received):
        for file in files:
            raw = file.path.read_bytes()
            # The query log keeps 9,000 entries; CaptureQueriesContext counts by position in it.
            connection.queries_log.clear()
            capture = CaptureQueriesContext(connection) if count_queries else nullcontext()
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            with capture:
                outcome = services.ingest(raw, filename=file.path.name)
            if profiler:
                profiler.disable()
            seconds[file.code] += time.perf_counter() - started
            if count_queries:
                queries[file.code] += len(capture.captured_queries)
                if file.code == "JW323":
                    shapes.update(_shape(q["sql"]) for q in capture.captured_queries)
            statuses[f"{file.code} {outcome.status}"] += 1
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    if shapes:
        queries["JW323 shapes"] = shapes
    return dict(seconds), dict(sorted(statuses.items())), dict(queries)


def _shape(sql: str) -> str:
    """A query without its values and column lists: which statement on which table."""
    import re

    sql = re.sub(r"'[^']*'|\b\d+(\.\d+)?\b", "?", sql)
    verb = sql.split(None, 1)[0].upper()
    tables = re.findall(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?(\w+)"?', sql, flags=re.I)
    where = re.search(r"WHERE (.{0,110})", sql)
    cols = re.findall(r'"(\w+)" (?:=|IN|>|<|IS)', where.group(1)) if where else []
    return f"{verb} {'/'.join(dict.fromkeys(tables))} [{', '.join(cols)}]"


def _report(label: str, files: list[File], seconds: dict[str, float]) -> None:
    total = sum(seconds.values())
    prestaties = sum(f.prestaties for f in files)
    on_323 = seconds.get("JW323", 0.0)
    print(f"{label}: {len(files)} messages in {total:.2f} s = "
          f"{len(files) / total:,.1f} messages/s, {prestaties / total:,.1f} prestaties/s "
          f"(JW323 files alone: {prestaties / on_323 if on_323 else 0:,.1f} prestaties/s); "
          f"peak memory so far {_peak_mb():.0f} MB")
    print("    seconds per type: " + ", ".join(f"{c} {s:.2f}" for c, s in sorted(seconds.items())))


def _report_queries(files: list[File], queries: dict[str, int]) -> None:
    kinds = Counter(f.code for f in files)
    prestaties = sum(f.prestaties for f in files)
    shapes = queries.pop("JW323 shapes", Counter())
    parts = [f"{code} {queries[code] / kinds[code]:.1f}/message" for code in sorted(queries)]
    print("    queries: " + ", ".join(parts))
    if prestaties and "JW323" in queries:
        print(f"    JW323: {queries['JW323'] / prestaties:.2f} queries per prestatie; by kind:")
        for shape, count in shapes.most_common(14):
            print(f"      {count / prestaties:5.2f} per prestatie  {shape}")


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


if __name__ == "__main__":
    main()
