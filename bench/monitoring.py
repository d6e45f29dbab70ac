"""How fast is the monitoring indicator set at regional scale? Ours next to DuckDB.

    .venv/bin/python bench/monitoring.py --youths 5000 --years 5

1. Generates a region ("Rijk van Nijmegen", its 7 municipalities, 60 providers) of N youths
   over Y years of iJw facts: toewijzingen (60% answering a JW315 with its verwijzer), starts,
   definitive stops, moves between municipalities, taakgericht care and one declaration line
   per month of care (4% refused, 1% credited). ~3 million lines at 50,000 youths x 5 years.
   The rows are written to Parquet files, column for column as in the fact tables, 10,000
   youths at a time (memory stays that of one chunk, so 500,000 youths fit).
2. For SQLite and for PostgreSQL (DATABASE_URL, dropped and created again) a child process
   fills the fact tables IN BULK from those rows (executemany / COPY) - the benchmark
   bypasses the iJw import path for speed; the demo never does - and times
   `monitoring.selectors.region_indicators` (the full indicator set, as the command and the
   dashboard compute it) for the whole period: in one process, and with --jobs (default 2:
   the trajectory figures in a forked second process, as the command does on two cores);
   and the part of the set DuckDB computes (selectors.trajectory_indicators).
3. DuckDB computes the same indicators in SQL on the Parquet files.
4. Checks that all three give equal figures and prints the times, the targets (<= 2 s at
   50,000 x 5; <= 3x DuckDB) and the ratios.
Not a test: numbers depend on the machine. See bench/README.md.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGION = "Rijk van Nijmegen"
TARGET_SECONDS_AT_50K_5Y = 2.0  # issue 11
TARGET_DUCKDB_RATIO = 3.0  # issue 11: <= 3x DuckDB
DEFAULT_PG = "postgres://openjeugd:dev@127.0.0.1:55432/oj_monbench"
PROVIDERS = 60
CATEGORY_WEIGHTS = {"31": 3, "32": 30, "33": 8, "34": 25, "35": 6, "36": 8, "37": 2, "38": 18}
TARIFF_CENTS = {"31": 6500, "32": 8550, "33": 9500, "34": 7800, "35": 4200, "36": 21000,
                "37": 52000, "38": 33000}
# JZ588 reasons of a definitive stop and how often (31 "volgens plan" most of the time).
REASONS = {"31": 55, "34": 10, "32": 8, "33": 7, "38": 5, "39": 5, "36": 5, "35": 4, "02": 1}
REFERRERS = ["02", "03", "04", "05", "06", "08"]
TABLES = ("youth", "toewijzing", "verzoek", "start", "stop", "declaratie", "prestatie")


def main() -> None:
    args = _arguments()
    if args.child:
        child(args)
        return
    if args.reuse:
        parent(args, Path(args.reuse))
        return
    workdir = Path(tempfile.mkdtemp(prefix="monitoring-bench-"))
    try:
        parent(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def parent(args, workdir: Path) -> None:
    first, last = date(2027 - args.years, 1, 1), date(2026, 12, 31)
    print(f"region {REGION!r}: {args.youths:,} youths over {args.years} years "
          f"({first} .. {last}), seed {args.seed}")
    if args.reuse:
        print(f"REUSING {workdir} and the databases a --keep run filled from it "
              "(youths/years/seed must match that run)")
    else:
        began = time.perf_counter()
        counts = generate(args.youths, first, last, random.Random(args.seed), workdir)
        print(f"(the generator's peak memory: {_peak_mb(resource.RUSAGE_SELF):,} MB)")
        print(f"generated in {time.perf_counter() - began:.1f} s: "
              + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
    print("NOTE: the fact tables are filled IN BULK (executemany / COPY), bypassing the iJw "
          "import path; the demo data never does this.")
    period = {"first": first.isoformat(), "last": last.isoformat()}
    results = {}
    backends = [] if args.postgres_only else [("SQLite",
                                                f"sqlite:///{workdir / 'bench.sqlite3'}")]
    if not args.sqlite_only:
        backends.append(("PostgreSQL", os.environ.get("DATABASE_URL") or DEFAULT_PG))
    for name, url in backends:
        results[name] = run_child(url, workdir, period, args)
        print(f"{name}: filled in {results[name]['fill_seconds']:.1f} s, summaries "
              f"{results[name]['summaries_seconds']:.1f} s; indicators "
              f"first {results[name]['first_seconds']:.2f} s, best of {args.repeat} "
              f"{results[name]['seconds']:.2f} s, with jobs={args.jobs} "
              f"{results[name]['jobs_seconds']:.2f} s")
    duck_seconds, duck_figures = duckdb_indicators(workdir, first, last, args.repeat)
    print(f"DuckDB on Parquet: best of {args.repeat} {duck_seconds:.2f} s; peak memory of "
          f"the fill-and-time children: {_peak_mb(resource.RUSAGE_CHILDREN):,} MB, of this "
          f"process (generator, DuckDB): {_peak_mb(resource.RUSAGE_SELF):,} MB")
    agree = True
    for name, result in results.items():
        ours = comparable(result["figures"])
        if ours != duck_figures:
            agree = False
            print(f"MISMATCH {name} vs DuckDB:")
            _print_differences(ours, duck_figures)
    print("figures equal: " + ("yes, " + " = ".join([*results, "DuckDB"]) if agree else "NO"))
    scale = args.youths / 50_000 * args.years / 5
    target = TARGET_SECONDS_AT_50K_5Y * scale
    # Each target judged on its own: the ratio can be met where the time is not.
    print(f"\n{'':12} {'ours (s)':>9} {'target (s)':>11} {'time':>8} {'DuckDB (s)':>11} "
          f"{'ratio':>7} {'target':>7} {'ratio':>8}")
    # DuckDB computes the trajectory figures and the costs per half year, not the
    # sturingsinformatie, process figures, themes and segments the full set adds: the same
    # work on both sides is our trajectory part (selectors.trajectory_indicators).
    for title, key, timed in (
            ("the full set, one process:", "seconds", True),
            (f"the full set, jobs={args.jobs} (the trajectory figures in a second process):",
             "jobs_seconds", True),
            ("the same work on both sides (the trajectory part: perioden, per_gemeente):",
             "part_seconds", False)):
        print(title)
        for name, result in results.items():
            seconds = result[key]
            ratio = seconds / duck_seconds
            print(f"{name:12} {seconds:9.2f} {f'{target:.2f}' if timed else '':>11} "
                  f"{_verdict(seconds <= target) if timed else '':>8} {duck_seconds:11.2f} "
                  f"{ratio:6.1f}x {TARGET_DUCKDB_RATIO:6.0f}x "
                  f"{_verdict(ratio <= TARGET_DUCKDB_RATIO):>8}")
    if scale != 1:
        print(f"(time target scaled linearly from 2 s at 50,000 x 5 to {target:.2f} s)")


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def _peak_mb(who) -> int:
    """Peak resident memory (Linux reports kilobytes); for RUSAGE_CHILDREN the largest child."""
    return resource.getrusage(who).ru_maxrss // 1024


def _print_differences(ours: dict, theirs: dict, path: str = "") -> None:
    for key in sorted(set(ours) | set(theirs)):
        a, b = ours.get(key), theirs.get(key)
        if isinstance(a, dict) and isinstance(b, dict):
            _print_differences(a, b, f"{path}/{key}")
        elif a != b:
            print(f"  {path}/{key}: ours {a!r}, DuckDB {b!r}")


# --- generation ------------------------------------------------------------------------------

def bsn_numbers(n: int) -> list[str]:
    """Demo BSNs (9999..., then 999... and 99... once those run out) passing the 11-proef,
    each once: a wider range skips the numbers of the narrower ones before it (999 9...
    are 9999...), which only a run past ~100,000 youths reaches."""
    found = []
    prefixes = ("9999", "999", "99")
    for n_prefix, prefix in enumerate(prefixes):
        width = 8 - len(prefix)
        for serial in range(10 ** width):
            digits = prefix + str(serial).zfill(width)
            if digits.startswith(prefixes[:n_prefix]):
                continue
            total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
            check = total % 11
            if check < 10:
                found.append(digits + str(check))
                if len(found) == n:
                    return found
    raise ValueError("too many youths for the demo BSN ranges")


# The fact tables' columns and their Parquet types; "?" marks a column that may be empty.
COLUMNS = {
    "youth": "id bsn:s birth_date:d municipality_id",
    "toewijzing": "id toewijzing_nummer:s municipality_id provider_id youth_id "
                  "referentie_aanbieder:s product_categorie:s product_code:s ingangsdatum:d "
                  "einddatum:d?",
    "verzoek": "id municipality_id provider_id youth_id referentie_aanbieder:s verwijzer:s "
               "answer_due:d",
    "start": "id toewijzing_id? youth_id provider_id municipality_id product_categorie:s "
             "product_code:s begindatum:d",
    "stop": "id toewijzing_id? youth_id provider_id municipality_id product_categorie:s "
            "product_code:s begindatum:d einddatum:d reden_beeindiging:s",
    "declaratie": "id municipality_id provider_id declaratie_nummer:s periode_begin:d "
                  "periode_eind:d totaal_ingediend:m",
    "prestatie": "id declaratie_id provider_id youth_id toewijzing_id? product_referentie:s "
                 "vorig_product_referentie:s product_categorie:s product_code:s begindatum:d "
                 "einddatum:d volume ingediend:m toegekend:m refused:b",
}
# Youths generated between two writes of the rows to Parquet: the generator's memory stays
# that of one chunk, whatever --youths is (500,000 youths held at once needed ~37 GB).
CHUNK_YOUTHS = 10_000


def generate(youths: int, first: date, last: date, rnd: random.Random,
             workdir: Path) -> dict[str, int]:
    """The fact tables' rows as Parquet files in workdir, CHUNK_YOUTHS at a time; the rows
    written per table (the ids are the rows' primary keys)."""
    with _ParquetTables(workdir) as tables:
        g = _Generator(tables, first, last, rnd)
        for n, bsn in enumerate(bsn_numbers(youths), start=1):
            g.youth(bsn)
            if n % CHUNK_YOUTHS == 0:
                tables.write()
        g.finish_declarations()
    return tables.written


class _ParquetTables:
    """Column lists per fact table, appended to a Parquet file per table on write()."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.specs = {name: _spec(name) for name in COLUMNS}
        self.columns = {name: {column: [] for column, _, _ in spec}
                        for name, spec in self.specs.items()}
        self.written = dict.fromkeys(COLUMNS, 0)
        self.writers = {}

    def __enter__(self):
        return self

    def __exit__(self, *failure):
        if failure[0] is None:
            self.write()
        for writer in self.writers.values():
            writer.close()

    def next_id(self, table: str) -> int:
        return self.written[table] + len(self.columns[table]["id"]) + 1

    def write(self) -> None:
        """Every table's rows so far to its file; the lists start empty again."""
        for name, columns in self.columns.items():
            if not columns["id"]:
                continue
            self.append(name, columns)
            self.written[name] += len(columns["id"])
            for values in columns.values():
                values.clear()

    def append(self, name: str, columns: dict[str, list]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        spec = self.specs[name]
        batch = pa.table({column: [Decimal(v).scaleb(-2) for v in values]
                          if kind == "m" else values
                          for (column, kind, _), values in zip(spec, columns.values(),
                                                               strict=True)},
                         schema=parquet_schema(spec))
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.workdir / f"{name}.parquet",
                                                  batch.schema)
        self.writers[name].write_table(batch)


def _spec(table: str) -> list[tuple[str, str, bool]]:
    """(column, kind, may be empty) per column of a table, in order."""
    out = []
    for column in COLUMNS[table].split():
        name, _, kind = column.partition(":")
        nullable = column.endswith("?")
        out.append((name.rstrip("?"), kind.rstrip("?"), nullable))
    return out


def parquet_schema(spec: list[tuple[str, str, bool]]):
    import pyarrow as pa

    types = {"": pa.int64(), "s": pa.string(), "d": pa.date32(), "b": pa.bool_(),
             # Cents as exact decimals, as the DecimalField columns hold them.
             "m": pa.decimal128(14, 2)}
    return pa.schema([pa.field(name, types[kind], nullable=nullable)
                      for name, kind, nullable in spec])


class _Generator:
    def __init__(self, tables: _ParquetTables, first, last, rnd):
        self.tables, self.first, self.last, self.rnd = tables, first, last, rnd
        self.municipalities = list(range(1, 8))  # indexes into the region's municipalities
        self.categories = list(CATEGORY_WEIGHTS)
        self.category_weights = list(CATEGORY_WEIGHTS.values())
        self.reasons, self.reason_weights = list(REASONS), list(REASONS.values())
        self.declarations: dict[tuple, list] = {}  # (provider, municipality, month) -> [id, sum]

    def _row(self, table: str, **values) -> int:
        columns = self.tables.columns[table]
        row_id = self.tables.next_id(table)
        columns["id"].append(row_id)
        for name, value in values.items():
            columns[name].append(value)
        return row_id

    def _new_youth(self, bsn: str, municipality: int) -> int:
        born = date(2005, 1, 1) + timedelta(days=self.rnd.randrange(17 * 365))
        return self._row("youth", bsn=bsn, birth_date=born, municipality_id=municipality)

    def youth(self, bsn: str) -> None:
        rnd = self.rnd
        municipality = rnd.choice(self.municipalities)
        youth_id = self._new_youth(bsn, municipality)
        span = (self.last - self.first).days
        begin = self.first + timedelta(days=rnd.randrange(int(span * 0.5)))
        provider = category = None
        episodes = 1 + sum(rnd.random() < p for p in (0.9, 0.7, 0.5, 0.3, 0.15))
        moves = rnd.random() < 0.05
        for episode in range(episodes):
            if provider is None or rnd.random() >= 0.3:
                provider = 1 + min(int(rnd.paretovariate(1.2)) - 1, PROVIDERS - 1)
                category = rnd.choices(self.categories, self.category_weights)[0]
            if moves and episode == 1:
                # A move: the old municipality's toewijzing ended the day before (JZ002 07).
                municipality = 1 + municipality % len(self.municipalities)
                youth_id = self._new_youth(bsn, municipality)
            end = begin + timedelta(days=rnd.randrange(90, 1800))
            running = end > self.last
            self.episode(youth_id, municipality, provider, category, begin,
                         None if running else end)
            if rnd.random() < 0.55:
                # A second product alongside (another provider, another category).
                self.episode(youth_id, municipality,
                             1 + min(int(rnd.paretovariate(1.2)) - 1, PROVIDERS - 1),
                             rnd.choices(self.categories, self.category_weights)[0], begin,
                             None if running else end)
            if running:
                return
            if moves and episode == 0:
                begin = end + timedelta(days=1)
            else:
                begin = end + timedelta(days=rnd.randrange(-45, 300))
            if begin > self.last:
                return

    def episode(self, youth_id, municipality, provider, category, begin, end) -> None:
        rnd = self.rnd
        code = f"{category}A01"
        toewijzing_id = None
        if category != "31" or rnd.random() < 0.5:
            toewijzing_id = self.tables.next_id("toewijzing")
            reference = f"R{toewijzing_id}" if rnd.random() < 0.6 else ""
            self._row("toewijzing", toewijzing_nummer=str(toewijzing_id),
                      municipality_id=municipality, provider_id=provider,
                      youth_id=youth_id, referentie_aanbieder=reference,
                      product_categorie=category, product_code=code, ingangsdatum=begin,
                      einddatum=end)
            if reference:
                self._row("verzoek", municipality_id=municipality, provider_id=provider,
                          youth_id=youth_id, referentie_aanbieder=reference,
                          verwijzer=rnd.choice(REFERRERS), answer_due=begin)
        # else: taakgericht wijkteam care, no toewijzing (JW305 without ToewijzingNummer).
        common = {"toewijzing_id": toewijzing_id, "youth_id": youth_id, "provider_id": provider,
                  "municipality_id": municipality, "product_categorie": category,
                  "product_code": code, "begindatum": begin}
        self._row("start", **common)
        if end is not None:
            self._row("stop", **common, einddatum=end,
                      reden_beeindiging=rnd.choices(self.reasons, self.reason_weights)[0])
        self.lines(youth_id, municipality, provider, toewijzing_id, category, code, begin,
                   min(end or self.last, self.last))

    def lines(self, youth_id, municipality, provider, toewijzing_id, category, code, begin,
              end) -> None:
        rnd = self.rnd
        month = begin.replace(day=1)
        while month <= end:
            following = (month + timedelta(days=32)).replace(day=1)
            volume = rnd.randrange(1, 21)
            cents = volume * TARIFF_CENTS[category]
            refused = rnd.random() < 0.04
            line = {"declaratie_id": self._declaration(provider, municipality, month, cents),
                    "provider_id": provider, "youth_id": youth_id,
                    "toewijzing_id": toewijzing_id, "product_categorie": category,
                    "product_code": code, "begindatum": max(begin, month),
                    "einddatum": min(end, following - timedelta(days=1)), "volume": volume}
            row_id = self._row("prestatie", **line,
                               product_referentie=f"P{self.tables.next_id('prestatie')}",
                               vorig_product_referentie="", ingediend=cents,
                               toegekend=0 if refused else cents, refused=refused)
            if not refused and rnd.random() < 0.01:
                # A credit line cancelling the debit (granted as a negative amount).
                self._row("prestatie", **line,
                          product_referentie=f"P{self.tables.next_id('prestatie')}",
                          vorig_product_referentie=f"P{row_id}", ingediend=-cents,
                          toegekend=-cents, refused=False)
            month = following

    def _declaration(self, provider, municipality, month, cents) -> int:
        key = (provider, municipality, month)
        found = self.declarations.get(key)
        if found is None:
            found = self.declarations[key] = [len(self.declarations) + 1, 0]
        found[1] += cents
        return found[0]

    def finish_declarations(self) -> None:
        d = self.tables.columns["declaratie"]
        for (provider, municipality, month), (row_id, cents) in self.declarations.items():
            d["id"].append(row_id)
            d["municipality_id"].append(municipality)
            d["provider_id"].append(provider)
            d["declaratie_nummer"].append(f"D{row_id}")
            d["periode_begin"].append(month)
            d["periode_eind"].append((month + timedelta(days=32)).replace(day=1)
                                     - timedelta(days=1))
            d["totaal_ingediend"].append(cents)


# --- Parquet ---------------------------------------------------------------------------------

def read_parquet(workdir: Path, name: str, rows: int = 500_000):
    """A Parquet file's rows as column lists, at most `rows` rows at a time."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(workdir / f"{name}.parquet").iter_batches(batch_size=rows):
        yield batch.to_pydict()


# --- the child: fill one database and time our code ----------------------------------------

def run_child(url: str, workdir: Path, period: dict, args) -> dict:
    command = [sys.executable, __file__, "--child", "--workdir", str(workdir),
               "--from", period["first"], "--to", period["last"], "--repeat", str(args.repeat),
               "--jobs", str(args.jobs)]
    if args.profile:
        command.append("--profile")
    if args.reuse:
        command.append("--reuse-db")
    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(command, env=env, capture_output=True, text=True,  # noqa: S603
                          check=False)
    sys.stderr.write(done.stderr)
    if done.returncode:
        raise SystemExit(f"child for {url} failed")
    *profile, result = done.stdout.rstrip("\n").split("\n")
    if profile:
        print("\n".join(profile))
    return json.loads(result)


def child(args) -> None:
    workdir = Path(args.workdir)
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres") and not args.reuse_db:
        _recreate_postgres(url)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SECRET_KEY", "benchmark-only")  # noqa: S105 - throwaway database
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # A bulk load's COPY of millions of rows is one statement: no page timeout for it.
    os.environ.setdefault("DB_STATEMENT_TIMEOUT_MS", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
    import django
    from django.core.management import call_command

    django.setup()
    if args.reuse_db:
        from openjeugd.registry.models import Region

        region = Region.objects.get(name=REGION)
        fill_seconds = summaries_seconds = 0.0
    else:
        call_command("migrate", verbosity=0, interactive=False)
        began = time.perf_counter()
        region = fill(workdir)
        fill_seconds = time.perf_counter() - began
        # The summaries ijw keeps in step with each message, computed here in one pass over
        # the bulk-filled facts (the same recount as `manage.py ijw summaries --rebuild`).
        from openjeugd.ijw.services import summaries

        began = time.perf_counter()
        summaries.rebuild()
        _analyze()
        summaries_seconds = time.perf_counter() - began

    from openjeugd.monitoring import selectors

    first, last = date.fromisoformat(args.first), date.fromisoformat(args.last)
    times, part_times, jobs_times = [], [], []
    for _ in range(args.repeat):
        began = time.perf_counter()
        figures = selectors.region_indicators(region, first, last, today=last)
        times.append(time.perf_counter() - began)
    for _ in range(args.repeat):
        began = time.perf_counter()
        on_cores = selectors.region_indicators(region, first, last, today=last,
                                               jobs=args.jobs)
        jobs_times.append(time.perf_counter() - began)
    if on_cores != figures:
        raise SystemExit(f"region_indicators(jobs={args.jobs}) differs from jobs=1")
    for _ in range(args.repeat):
        began = time.perf_counter()
        part = selectors.trajectory_indicators(region, first, last, today=last)
        part_times.append(time.perf_counter() - began)
    if part != {key: figures[key] for key in part}:
        raise SystemExit("trajectory_indicators differs from its part of region_indicators")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        selectors.region_indicators(region, first, last, today=last)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
        sys.stdout.write("\n")
    print(json.dumps({"fill_seconds": fill_seconds, "summaries_seconds": summaries_seconds,
                      "first_seconds": times[0],
                      "seconds": min(times), "part_seconds": min(part_times),
                      "jobs_seconds": min(jobs_times),
                      "figures": figures}))


def _recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def fill(workdir: Path):
    """The generated rows into the fact tables in bulk; returns the region."""
    from django.db import connection, transaction

    from openjeugd.ijw.models import (
        Declaratie,
        Message,
        Prestatie,
        Start,
        Stop,
        Toewijzing,
        Verzoek,
    )
    from openjeugd.registry.models import Municipality, Provider, Region, Youth

    region = Region.objects.get(name=REGION)
    municipalities = list(Municipality.objects.filter(region=region).order_by("code")
                          .values_list("pk", flat=True))
    message = Message.objects.create(direction="in", code="BENCH", afzender="bench",
                                     ontvanger="bench", identificatie="bench", raw=b"",
                                     sha256="0" * 64, filename="")
    providers = Provider.objects.bulk_create(
        Provider(name=f"Aanbieder {n}", agb_code=f"9{n:07d}") for n in range(1, PROVIDERS + 1))
    for provider in providers:
        provider.regions.add(region)
    provider_pk = {n: p.pk for n, p in enumerate(providers, start=1)}
    municipality_pk = {n: pk for n, pk in enumerate(municipalities, start=1)}
    fixed = {
        Youth: {"initials": "", "surname": "", "geslacht": "0"},
        Toewijzing: {"toewijzing_datum_tijd": datetime(2020, 1, 1, tzinfo=UTC),
                     "reden_wijziging": "", "eenheid": "04", "frequentie": "2",
                     "message_id": message.pk},
        Verzoek: {"kind": "toewijzing", "state": "answered", "reden_afwijzing": "",
                  "message_id": message.pk},
        Start: {"message_id": message.pk},
        Stop: {"message_id": message.pk},
        Declaratie: {"totaal_toegekend": Decimal("0.00"), "message_id": message.pk},
        Prestatie: {"eenheid": "04", "repeats_reference": False},
    }
    models = dict(zip(TABLES, (Youth, Toewijzing, Verzoek, Start, Stop, Declaratie, Prestatie),
                      strict=True))
    with transaction.atomic():
        for name, model in models.items():
            for columns in read_parquet(workdir, name):
                _bulk_insert(connection, model._meta.db_table,
                             _as_stored(name, model, columns, fixed[model], municipality_pk,
                                        provider_pk))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in models.values():
                table = model._meta.db_table
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - our table names
                               f"(SELECT max(id) FROM {table}))")
    return region


def _as_stored(name, model, columns, fixed, municipality_pk, provider_pk) -> dict[str, list]:
    """A batch of generated rows as the fact table's columns hold them."""
    from django.db import connection

    if "municipality_id" in columns:
        columns["municipality_id"] = [municipality_pk[n] for n in columns["municipality_id"]]
    if "provider_id" in columns:
        columns["provider_id"] = [provider_pk[n] for n in columns["provider_id"]]
    if name == "prestatie":
        refused = columns.pop("refused")
        columns["retourcodes"] = ['["8001"]' if r else "[]" for r in refused]
    for column, value in fixed.items():
        columns[column] = [value] * len(columns["id"])
    for field in model._meta.concrete_fields:
        # Everything else at its model default, prepared once for the database.
        if field.attname not in columns:
            value = field.get_db_prep_save(field.get_default(), connection)
            columns[field.attname] = [value] * len(columns["id"])
    return columns


def _analyze() -> None:
    """Statistics for the planner; on PostgreSQL also VACUUM, as a database in use has had:
    without it autovacuum takes on the freshly copied tables (millions of rows) while the
    indicators are being timed, and the first reads set every row's hint bits."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _bulk_insert(connection, table: str, columns: dict[str, list]) -> None:
    names = list(columns)
    rows = zip(*columns.values(), strict=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in names)
            cursor.cursor.executemany(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",  # noqa: S608
                rows)


# --- DuckDB ----------------------------------------------------------------------------------

def duckdb_indicators(workdir: Path, first: date, last: date, repeat: int) -> tuple[float, dict]:
    import duckdb

    sys.path.insert(0, str(ROOT))
    from openjeugd.monitoring.cbs import codes
    from openjeugd.monitoring.cbs.periods import half_years

    best, figures = None, None
    for _ in range(repeat):
        began = time.perf_counter()
        db = duckdb.connect()
        for name in TABLES:
            db.execute(f"CREATE VIEW {name} AS SELECT * FROM "  # noqa: S608 - our file names
                       f"read_parquet('{workdir / (name + '.parquet')}')")
        db.execute("CREATE TABLE hulpvorm (categorie VARCHAR, hulpvorm VARCHAR)")
        db.executemany("INSERT INTO hulpvorm VALUES (?, ?)",
                       list(codes.HULPVORM_BY_CATEGORY.items()))
        db.execute("CREATE TABLE reden (jz588 VARCHAR, cbs VARCHAR)")
        db.executemany("INSERT INTO reden VALUES (?, ?)", list(codes.REDEN_BY_JZ588.items()))
        db.execute("CREATE TABLE periods (label VARCHAR, pfirst DATE, plast DATE, known_on DATE)")
        periods = [(p.label, max(first, p.first), min(last, p.last)) for p in
                   half_years(first, last)]
        db.executemany("INSERT INTO periods VALUES (?, ?, ?, ?)",
                       [(label, a, b, b) for label, a, b in periods]
                       + [("today", first, last, last)])
        db.execute(DUCKDB_TRAJECTORIES)
        figures = _duckdb_figures(db, periods, last)
        took = time.perf_counter() - began
        best = took if best is None else min(best, took)
        threads = db.execute("SELECT current_setting('threads')").fetchone()[0]
        db.close()
    print(f"DuckDB ran with {threads} threads")
    return best, figures


# Deliveries as known on each period's last day (and "today"), merged into CBS trajectories
# exactly as monitoring/cbs does: per BSN, provider, hulpvorm; a start on or before the
# running maximum end (running = no end) continues; so does a start the day after in another
# municipality (a move). Ties (two products of one hulpvorm starting the same day) are broken
# as Python's stable sort does, by the start's id. The generated data has no temporary stops
# (JZ588 20). Two definitive stops of one start (a key the generator may repeat: two
# products of one provider and category from the same day without toewijzing) give the
# latest end, and of equal ends the first stop by id, as deliveries._delivery takes them in
# Stop's ordering (einddatum, id); a 500,000-youth run showed DuckDB's arg_max otherwise
# picks either.
DUCKDB_TRAJECTORIES = """
CREATE TABLE sf AS
SELECT coalesce('t' || s.toewijzing_id, 'g' || s.youth_id || '-' || s.provider_id || '-'
                || s.municipality_id || '-' || s.product_categorie) AS link,
       s.id AS sid, y.bsn, s.provider_id AS provider, s.municipality_id AS gemeente,
       h.hulpvorm, s.begindatum,
       CASE WHEN s.toewijzing_id IS NULL THEN NULL ELSE coalesce(v.verwijzer, '01') END
         AS verwijzer
FROM start s JOIN youth y ON y.id = s.youth_id
JOIN hulpvorm h ON h.categorie = s.product_categorie
LEFT JOIN toewijzing t ON t.id = s.toewijzing_id
LEFT JOIN verzoek v ON v.provider_id = s.provider_id AND v.municipality_id = s.municipality_id
  AND v.referentie_aanbieder = t.referentie_aanbieder AND t.referentie_aanbieder <> '';

CREATE TABLE stf AS
SELECT coalesce('t' || toewijzing_id, 'g' || youth_id || '-' || provider_id || '-'
                || municipality_id || '-' || product_categorie) AS link,
       id AS stid, begindatum, einddatum, reden_beeindiging AS reden
FROM stop WHERE reden_beeindiging <> '20';

CREATE TABLE d AS
SELECT p.label, p.pfirst, p.plast, s.sid, s.bsn, s.provider, s.hulpvorm, s.gemeente, s.verwijzer,
       s.begindatum AS dstart, e.dend, e.reden
FROM periods p JOIN sf s ON s.begindatum <= p.known_on
LEFT JOIN LATERAL (
  SELECT max(st.einddatum) AS dend,
         arg_max(st.reden, [st.einddatum - DATE '1970-01-01', -st.stid]) AS reden FROM stf st
  WHERE st.link = s.link AND st.begindatum = s.begindatum AND st.einddatum <= p.known_on
) e ON true;

CREATE TABLE d2 AS
SELECT *, sum(CASE WHEN prev_end IS NULL OR NOT (dstart <= prev_end
             OR (dstart = prev_end + 1 AND gemeente <> prev_gemeente)) THEN 1 ELSE 0 END)
          OVER (PARTITION BY label, bsn, provider, hulpvorm ORDER BY dstart, coalesce(dend, DATE
                '9999-12-31'), sid ROWS UNBOUNDED PRECEDING) AS grp
FROM (
  SELECT *,
    max(coalesce(dend, DATE '9999-12-31')) OVER w AS prev_end,
    arg_max(gemeente, [coalesce(dend, DATE '9999-12-31') - DATE '1970-01-01',
                       DATE '1970-01-01' - dstart, -sid]) OVER w AS prev_gemeente
  FROM d
  WINDOW w AS (PARTITION BY label, bsn, provider, hulpvorm ORDER BY dstart,
               coalesce(dend, DATE '9999-12-31'), sid
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
);

CREATE TABLE t0 AS
SELECT label, any_value(pfirst) AS pfirst, any_value(plast) AS plast, bsn, provider,
       hulpvorm, grp,
       min(dstart) AS tstart,
       CASE WHEN bool_or(dend IS NULL) THEN NULL ELSE max(dend) END AS tend,
       first(reden ORDER BY dend DESC, dstart, sid) AS reden_jz,
       first(verwijzer ORDER BY dstart, coalesce(dend, DATE '9999-12-31'), sid) AS verwijzer,
       first(gemeente ORDER BY dstart DESC, coalesce(dend, DATE '9999-12-31'), sid)
         AS gemeente
FROM d2 GROUP BY label, bsn, provider, hulpvorm, grp;

CREATE TABLE t AS
SELECT t0.*, r.cbs AS reden,
  EXISTS (SELECT 1 FROM t0 o WHERE o.label = t0.label AND o.bsn = t0.bsn
          AND o.tend BETWEEN CAST(t0.tstart - INTERVAL 5 YEAR AS DATE) AND t0.tstart - 2)
    AS herhaald
FROM t0 LEFT JOIN reden r ON r.jz588 = t0.reden_jz;
"""

DUCKDB_PERIOD = """
WITH inp AS (SELECT * FROM t WHERE label = $label AND tstart <= plast
             AND (tend IS NULL OR tend >= pfirst)),
started AS (SELECT * FROM inp WHERE tstart >= pfirst),
ended AS (SELECT * FROM t WHERE label = $label AND tend BETWEEN pfirst AND plast)
SELECT
  (SELECT count(DISTINCT bsn) FROM inp), (SELECT count(*) FROM inp),
  (SELECT count(*) FROM started), (SELECT count(*) FILTER (herhaald) FROM started),
  (SELECT count(*) FROM ended), (SELECT sum(tend - tstart + 1) FROM ended),
  (SELECT count(*) FROM t WHERE label = $label AND tstart <= plast AND tend IS NULL)
"""

VOORTIJDIG_SQL = "('02', '03', '04', '05')"


def _duckdb_figures(db, periods, today: date) -> dict:
    out = {}
    for label, pfirst, plast in periods:
        args = {"label": label}
        (youths, total, started, herhaald, ended, duration, running) = db.execute(
            DUCKDB_PERIOD, args).fetchone()

        def grouped(sql, args=args):
            return dict(sorted(db.execute(sql, args).fetchall()))

        inp = ("FROM t WHERE label = $label AND tstart <= plast AND (tend IS NULL OR tend >= "
               "pfirst)")
        reasons = grouped("SELECT reden, count(*) FROM t WHERE label = $label AND tend "
                          "BETWEEN pfirst AND plast AND reden IS NOT NULL GROUP BY 1")
        follow = db.execute("""
            SELECT count(*) FILTER (until <= $today),
                   count(*) FILTER (until <= $today AND NOT EXISTS (
                     SELECT 1 FROM t o WHERE o.label = 'today' AND o.bsn = e.bsn
                     AND o.tstart > e.tend AND o.tstart <= e.until)),
                   count(*) FILTER (until > $today)
            FROM (SELECT bsn, tend, CASE WHEN month(tend) <= 6
                    THEN make_date(year(tend), 12, 31)
                    ELSE make_date(year(tend) + 1, 6, 30) END AS until
                  FROM t WHERE label = 'today' AND tend BETWEEN $first AND $last) e
            """, {"today": today, "first": pfirst, "last": plast}).fetchone()
        money = db.execute("""
            SELECT coalesce(sum(g), 0), coalesce(sum(i), 0), coalesce(sum(c), 0),
                   count(*) FILTER (g <> 0)
            FROM (SELECT y.bsn, sum(p.toegekend) AS g, sum(p.ingediend) AS i,
                         coalesce(sum(p.toegekend) FILTER (p.toegekend < 0), 0) AS c
                  FROM prestatie p JOIN youth y ON y.id = p.youth_id
                  WHERE p.begindatum BETWEEN $first AND $last GROUP BY y.bsn)
            """, {"first": pfirst, "last": plast}).fetchone()
        voortijdig = sum(n for reason, n in reasons.items() if reason in VOORTIJDIG_SQL)
        out[label] = {
            "jeugdigen": youths, "trajecten": total, "gestart": started,
            "gestart_herhaald_beroep": herhaald, "beeindigd": ended,
            "gemiddelde_duur_dagen": round(duration / ended) if ended else None,
            "lopend_einde_periode": running,
            "per_hulpvorm": grouped(f"SELECT hulpvorm, count(*) {inp} AND tstart >= pfirst "
                                    "GROUP BY 1"),
            "per_verwijzer": grouped(f"SELECT coalesce(verwijzer, 'onbekend'), count(*) {inp} "
                                     "AND tstart >= pfirst GROUP BY 1"),
            "jeugdigen_per_hulpvorm": grouped(f"SELECT hulpvorm, count(DISTINCT bsn) {inp} "
                                              "GROUP BY 1"),
            "uitval": [voortijdig, sum(reasons.values()), reasons],
            "geen_nieuwe_start": list(follow),
            "kosten": [str(money[0]), str(money[1]), str(money[2]), money[3]],
            "per_gemeente_trajecten": grouped(f"SELECT gemeente, count(*) {inp} GROUP BY 1"),
        }
    return out


def comparable(figures: dict) -> dict:
    """The figures both sides compute, keyed by half year; amounts as strings to the cent."""
    codes = MUNICIPALITY_NUMBERS
    out = {}
    for p in figures["perioden"]:
        cost = p["kosten"]
        out[p["periode"]] = {
            **{key: p[key] for key in ("jeugdigen", "trajecten", "gestart",
                                       "gestart_herhaald_beroep", "beeindigd",
                                       "gemiddelde_duur_dagen", "lopend_einde_periode",
                                       "per_hulpvorm", "per_verwijzer",
                                       "jeugdigen_per_hulpvorm")},
            "uitval": [p["uitval"]["numerator"], p["uitval"]["denominator"],
                       p["uitval"]["per_reden"]],
            "geen_nieuwe_start": [p["geen_nieuwe_start"]["denominator"],
                                  p["geen_nieuwe_start"]["numerator"],
                                  p["geen_nieuwe_start"]["window_not_passed"]],
            "kosten": [cost["toegekend"], cost["ingediend"], cost["gecrediteerd"],
                       cost["jeugdigen"]],
            "per_gemeente_trajecten": {codes[code]: row["trajecten"] for code, row in
                                       figures["per_gemeente"][p["periode"]].items()},
        }
    return out


# Rijk van Nijmegen's municipalities in code order (registry migration 0002), numbered as the
# generator numbers them.
MUNICIPALITY_NUMBERS = {code: n for n, code in enumerate(
    sorted(["1945", "0209", "0225", "0252", "0944", "0268", "0296"]), start=1)}


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--youths", type=int, default=5000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best counts")
    parser.add_argument("--jobs", type=int, default=2,
                        help="processes for the full set's second timing (region_indicators' "
                             "jobs; DuckDB runs one thread per core)")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile of one run of our indicators per database")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres-only", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the Parquet and SQLite files")
    parser.add_argument("--reuse", metavar="DIR",
                        help="time again on a --keep run's directory and databases, without "
                             "generating or filling (same --youths/--years/--seed)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reuse-db", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    parser.add_argument("--from", dest="first", help=argparse.SUPPRESS)
    parser.add_argument("--to", dest="last", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    main()
