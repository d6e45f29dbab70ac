"""Load test of one region: a demo region in PostgreSQL, `openjeugd serve`, locust headless.

See bench/README.md. Prints per page p50/p95/p99 and errors against the target
(p95 ≤ 200 ms, 0 errors) for each number of users.
"""

import argparse
import csv
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TARGET_P95_MS = 200


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--youths", type=int, default=2000)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--users", default="50,100", help="comma-separated, one run each")
    parser.add_argument("--time", default="60s", help="locust --run-time per run")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers "
                        "(default: openjeugd/gunicorn_conf.py, 2 × cores + 1)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--pg", default=os.environ.get("BENCH_PG_URL", ""),
                        help="a PostgreSQL server URL whose user may create databases; a "
                             "throwaway database is made there when DATABASE_URL is not set")
    parser.add_argument("--skip-load", action="store_true",
                        help="the database already holds the demo region (DATABASE_URL)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    parser.add_argument("--skip-migrate", action="store_true",
                        help="serve without migrating first (e.g. while a loader still writes)")
    return parser.parse_args()


def run(command, env, check=True, **kwargs):
    print("$", " ".join(str(part) for part in command), flush=True)
    subprocess.run(command, env=env, cwd=PROJECT, check=check, **kwargs)  # noqa: S603


def throwaway_database(server_url: str) -> tuple[str, str]:
    import psycopg

    name = f"oj_load_{secrets.token_hex(4)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, server_url.rsplit("/", 1)[0] + f"/{name}"


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for(url: str, server, seconds=300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server stopped before it answered")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"{url} did not answer in time")


def server_cpu_seconds(pid: int) -> float:
    """CPU time of gunicorn: the master, its workers alive, and the workers it has reaped."""
    ticks = os.sysconf("SC_CLK_TCK")

    def stat(p):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return fields

    total = 0.0
    master = stat(pid)
    if master is None:
        return 0.0
    # fields after the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15)
    total += sum(int(x) for x in master[11:15]) / ticks
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = stat(entry.name)
            if fields and int(fields[1]) == pid:
                total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def machine() -> str:
    model = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({model}), Python {platform.python_version()}"


def total_requests(stats_csv: Path) -> int:
    rows = csv.DictReader(stats_csv.open(encoding="utf-8"))
    return next(int(row["Request Count"]) for row in rows if row["Name"] == "Aggregated")


def report(stats_csv: Path, users: int) -> bool:
    rows = list(csv.DictReader(stats_csv.open(encoding="utf-8")))
    pages = [row for row in rows if row["Name"] != "Aggregated"]
    total = next(row for row in rows if row["Name"] == "Aggregated")
    print(f"\n{users} users — {total['Request Count']} requests, "
          f"{float(total['Requests/s']):.1f}/s, {total['Failure Count']} errors")
    header = f"{'page':<44} {'n':>6} {'err':>4} {'p50':>6} {'p95':>6} {'p99':>6} {'p95/200':>8}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    for row in sorted(pages, key=lambda r: -float(r["95%"] or 0)):
        p95 = float(row["95%"] or 0)
        worst = max(worst, p95)
        print(f"{row['Type'] + ' ' + row['Name']:<44.44} {row['Request Count']:>6} "
              f"{row['Failure Count']:>4} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6} "
              f"{p95 / TARGET_P95_MS:>7.2f}×")
    p95 = float(total["95%"])
    errors = int(total["Failure Count"])
    met = p95 <= TARGET_P95_MS and errors == 0
    print(f"{'all pages':<44} {total['Request Count']:>6} {errors:>4} {total['50%']:>6} "
          f"{total['95%']:>6} {total['99%']:>6} {p95 / TARGET_P95_MS:>7.2f}×")
    print(f"Target p95 ≤ {TARGET_P95_MS} ms and 0 errors: {'MET' if met else 'NOT MET'} "
          f"(p95 {p95:.0f} ms overall, worst page {worst:.0f} ms, {errors} errors)")
    return met


def main() -> int:
    args = parse_args()
    work = Path(tempfile.mkdtemp(prefix="oj-load-"))
    database_url, created, server = os.environ.get("DATABASE_URL", ""), None, None
    if not database_url:
        if not args.pg:
            raise SystemExit("Set DATABASE_URL, or BENCH_PG_URL/--pg to make a throwaway DB.")
        created, database_url = throwaway_database(args.pg)
        print(f"Throwaway database {created}")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "openjeugd.settings", "DEBUG": "0",
           "DATABASE_URL": database_url, "SECRET_KEY": secrets.token_urlsafe(32),
           "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(work / "static"),
           # Plain HTTP on the loopback, no TLS proxy in front: cookies without Secure.
           "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0",
           "BENCH_ACCOUNTS": str(work / "accounts.json"), "PYTHONPATH": str(PROJECT)}
    env.setdefault("IJW_XSD_DIR", str(PROJECT.parent / "shared" / "ijw" / "xsd"))
    if args.workers:
        env["GUNICORN_WORKERS"] = str(args.workers)
    python = sys.executable
    print(f"Machine: {machine()}")
    try:
        if not args.skip_load:
            run([python, "manage.py", "migrate", "--noinput", "-v", "0"], env)
            started = time.monotonic()
            run([python, "manage.py", "demo_data", "--region", "Rijk van Nijmegen", "--youths",
                 str(args.youths), "--years", str(args.years), "--reset"], env)
            print(f"demo_data: {time.monotonic() - started:.0f} s")
        users = [int(n) for n in args.users.split(",")]
        run([python, str(HERE / "prepare.py"), env["BENCH_ACCOUNTS"],
             str(max(users) // 8 + 2)], env)
        log = (work / "server.log").open("w")
        server = subprocess.Popen(  # noqa: S603
            [python, "manage.py", "serve", "--host", "127.0.0.1", "--port", str(args.port)]
            + (["--skip-migrate"] if args.skip_migrate else []),
            cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_for(f"http://127.0.0.1:{args.port}/healthz", server)
        locust = shutil.which("locust", path=str(Path(python).parent)) or "locust"
        met = True
        for count in users:
            prefix = work / f"u{count}"
            before, cpu_before = os.getloadavg()[0], server_cpu_seconds(server.pid)
            run([locust, "-f", str(HERE / "locustfile.py"), "--headless", "--only-summary",
                 "-u", str(count), "-r", str(args.spawn_rate), "-t", args.time,
                 "--host", f"http://127.0.0.1:{args.port}", "--csv", str(prefix),
                 "--loglevel", "WARNING"], env, check=False,  # exits 1 on any error
                stdout=subprocess.DEVNULL)
            exceptions = list(csv.DictReader(open(f"{prefix}_exceptions.csv", encoding="utf-8")))
            if exceptions:
                print(f"Exceptions in the simulated users: {len(exceptions)} kinds, e.g. "
                      f"{exceptions[0]['Message']}")
            met = report(Path(f"{prefix}_stats.csv"), count) and met
            cpu = server_cpu_seconds(server.pid) - cpu_before
            requests = total_requests(Path(f"{prefix}_stats.csv"))
            print(f"Application CPU: {cpu:.1f} s for {requests} requests = "
                  f"{1000 * cpu / max(requests, 1):.1f} ms per request (gunicorn only; "
                  "PostgreSQL and locust run on the same machine)")
            print(f"Load average (1 min) before {before:.1f}, after {os.getloadavg()[0]:.1f} "
                  "(other processes on this machine count too)")
        print(f"\nCSV files and the server log: {work}")
        return 0 if met else 1
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)
        if created and not args.keep:
            drop_database(args.pg, created)


if __name__ == "__main__":
    sys.exit(main())
