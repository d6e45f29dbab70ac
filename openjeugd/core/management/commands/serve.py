"""`openjeugd serve`: migrate, collect the static files, then run gunicorn as production does.

gunicorn replaces this process (exec), so SIGTERM from systemd or a container runtime reaches
its master directly and ends the workers gracefully.
"""

import os
import shutil
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, connections


class Command(BaseCommand):
    help = "Migrate, collectstatic and run gunicorn with openjeugd.gunicorn_conf."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--skip-migrate", action="store_true",
                            help="Do not migrate first (e.g. when a deploy step already did).")
        parser.add_argument("--skip-collectstatic", action="store_true")
        parser.add_argument("gunicorn_args", nargs="*",
                            help="Passed on to gunicorn (after --), e.g. -- --workers 3.")

    def handle(self, *args, **options):
        if not options["skip_migrate"]:
            if connection.vendor == "postgresql":
                # A migration on a big table may take longer than a page may.
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 0")
            call_command("migrate", interactive=False, verbosity=0)
        if not options["skip_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        connections.close_all()
        sys.stdout.flush()
        command = gunicorn_command(options["host"], options["port"], options["gunicorn_args"])
        os.execv(command[0], command)  # noqa: S606 - our own interpreter, fixed arguments


def gunicorn_command(host: str, port: str, extra: list[str]) -> list[str]:
    # The gunicorn of this interpreter's environment, whether or not its bin/ is on PATH.
    python = sys.executable or shutil.which("python3")
    return [python, "-m", "gunicorn", "-c", "python:openjeugd.gunicorn_conf",
            "--bind", f"{host}:{port}", *extra]
