"""Cost of the main pages, one request at a time, in CPU and queries (bench/README.md).

    DATABASE_URL=postgres://…/oj_load .venv/bin/python bench/load/pages.py [--repeat 5]

Runs in-process against the database of a loaded demo region (no server, DEBUG=0): each demo
role opens the pages of its working day; per page the median over --repeat requests of the wall
time, this process's CPU time (the application's share, which queueing behind other jobs on a
shared machine does not inflate) and the number of queries. Compare the figures of the same
region at two history lengths to see whether a page's cost grows with history.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

PAGES = [  # (demo account, page)
    ("toegang", "/"),
    ("beleid", "/monitoring/overview/"),  # moved from /ijw/overview/ (issue 11)
    ("toegang", "/ijw/"),
    ("aanbieder", "/ijw/"),
    ("toegang", "/registry/youths/"),
    ("auditor", "/accounts/access-log/"),
    ("auditor", "/accounts/access-log/?username=toegang"),
    ("beleid", "/monitoring/"),
    ("contractmanager", "/contracts/ceilings/"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
    os.environ.setdefault("DEBUG", "0")
    # In-process, plain HTTP, as bench/load/run serves it; only warnings in the output.
    os.environ.update(SECURE_SSL_REDIRECT="0", SESSION_COOKIE_SECURE="0",
                      CSRF_COOKIE_SECURE="0", LOG_LEVEL="WARNING")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from openjeugd.accounts.models import User

    # Static URLs without collectstatic's manifest (what the server sends is not measured).
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}).enable()
    print(f"{'account':<16} {'page':<40} {'status':>6} {'wall ms':>8} {'cpu ms':>7} "
          f"{'queries':>7}")
    for username, path in PAGES:
        client = Client(HTTP_ACCEPT_LANGUAGE="nl", SERVER_NAME="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        client.get(path)  # warm: templates, caches, the session
        walls, cpus, queries, status = [], [], [], None
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as captured:
                wall, cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                cpus.append(1000 * (time.process_time() - cpu))
                walls.append(1000 * (time.perf_counter() - wall))
            queries.append(len(captured))
            status = response.status_code
        print(f"{username:<16} {path:<40} {status:>6} {statistics.median(walls):>8.1f} "
              f"{statistics.median(cpus):>7.1f} {statistics.median(queries):>7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
