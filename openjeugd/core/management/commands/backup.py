from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openjeugd.core import backup


class Command(BaseCommand):
    help = ("Back up the database to a file, or restore it from one (SQLite: online backup; "
            "PostgreSQL: pg_dump/pg_restore custom format).")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="write a backup to PATH")
        create.add_argument("path", type=Path)
        restore = actions.add_parser("restore", help="replace the whole database with PATH")
        restore.add_argument("path", type=Path)
        restore.add_argument("--yes", action="store_true",
                             help="confirm that the current database is overwritten")
        restore.add_argument("--database", default="default")
        create.add_argument("--database", default="default")

    def handle(self, *args, action, path, database, **options):
        if action == "restore" and not options.get("yes"):
            raise CommandError("Restoring overwrites the whole database; add --yes to do it.")
        try:
            if action == "create":
                backup.create(path, using=database)
            else:
                backup.restore(path, using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        done = "Backed up to" if action == "create" else "Restored from"
        self.stdout.write(f"{done} {path}")
