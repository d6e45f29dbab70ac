"""`openjeugd serve` — what `make serve` runs — starts the app as production would.

A real gunicorn on a free port, DEBUG off, a fresh SQLite database in a temporary folder, the
production settings and storage (migrate and collectstatic included, so this test takes tens of
seconds). It answers a page and /healthz, serves a hashed static file compressed and cacheable
for a year, keeps query strings and BSN-like numbers out of its access log, and stops on SIGTERM.
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

PROJECT_DIR = Path(__file__).resolve().parents[3]
BSN = "999999990"  # a demo BSN (9999…, passes the 11-proef)
HTTPS = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front says (docs/operations.md)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path, headers=None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={**HTTPS, **(headers or {})})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def wait_until_up(port, server, deadline_s=180):
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server stopped before it answered"
        try:
            return get(port, "/healthz")
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the server did not answer /healthz in time")


def start_server(tmp_path, port):
    env = {key: value for key, value in os.environ.items()
           if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="openjeugd.settings", DEBUG="0", SECRET_KEY="serve-test-key",
        ALLOWED_HOSTS="127.0.0.1", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"), IJW_XSD_DIR=settings.IJW_XSD_DIR,
        GUNICORN_WORKERS="2",
    )
    log = (tmp_path / "server.log").open("w")
    command = [sys.executable, "-m", "openjeugd.cli", "serve", "--host", "127.0.0.1",
               "--port", str(port)]
    return subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=log,  # noqa: S603
                            stderr=subprocess.STDOUT)


def test_serve_runs_the_app_as_production_would(tmp_path):
    port = free_port()
    server = start_server(tmp_path, port)
    try:
        check_the_running_server(port, server)
    except AssertionError as failure:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log = (tmp_path / "server.log").read_text()
        raise AssertionError(f"{failure}\n--- server log ---\n{log[-6000:]}") from failure
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=60) == 0, "gunicorn did not stop gracefully on SIGTERM"

    log = (tmp_path / "server.log").read_text()
    access = [line for line in log.splitlines() if '"GET /' in line]
    assert any('"GET /login/ HTTP/1.1" 200' in line for line in access), log
    assert any("/registry/youths/[redacted]/" in line for line in access), log
    assert BSN not in log
    assert not any("?" in line for line in access), "a query string reached the access log"
    assert not any("/healthz" in line for line in access), "probes are not access-logged"


def check_the_running_server(port, server):
    health = wait_until_up(port, server)
    assert health.status == 200
    assert json.loads(health.body) == {"status": "ok", "database": "ok"}

    login = get(port, "/login/")
    assert login.status == 200
    html = login.body.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    # {% static %} names the content-hashed copy collectstatic wrote.
    css = re.search(r'href="(/static/utrecht/components/index\.[0-9a-f]{12}\.css)"', html)
    assert css, "the page does not link the hashed stylesheet"

    brotli = get(port, css.group(1), {"Accept-Encoding": "br, gzip"})
    assert brotli.status == 200
    assert brotli.getheader("Content-Encoding") == "br"
    cache = brotli.getheader("Cache-Control")
    assert "max-age=315360000" in cache and "immutable" in cache
    gzip = get(port, css.group(1), {"Accept-Encoding": "gzip"})
    assert gzip.getheader("Content-Encoding") == "gzip"
    plain = get(port, css.group(1))
    assert plain.getheader("Content-Encoding") is None
    assert len(brotli.body) < len(gzip.body) < len(plain.body)

    searched = get(port, f"/login/?bsn={BSN}&next=/registry/youths/")
    assert searched.status == 200
    missing = get(port, f"/registry/youths/{BSN}/")
    assert missing.status in (302, 404)
