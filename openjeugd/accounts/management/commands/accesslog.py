"""manage.py accesslog verify | purge [--days N] | partitions [--ahead N]
| export --format csv|xlsx [--output FILE]

Run `purge` daily (cron or a systemd timer, docs/operations.md): it removes what is past
retention and, on PostgreSQL, keeps the monthly partitions made ahead and the partitioned
table's statistics current (accounts.partitions)."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from openjeugd.accounts import chain, export, partitions, retention
from openjeugd.accounts.models import AccessLogEntry

SYSTEM_CLI = "system:accesslog-command"


class Command(BaseCommand):
    help = "Verify the access log's hash chain, purge entries past retention, or export it."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        commands.add_parser("verify", help="Check every entry against the hash chain.")
        purge = commands.add_parser("purge", help="Remove entries older than the retention.")
        purge.add_argument("--days", type=int, default=None,
                           help="Retention in days (default: ACCESS_LOG_RETENTION_DAYS).")
        ahead = commands.add_parser("partitions", help="PostgreSQL: make the monthly "
                                    "partitions of this month and the months ahead.")
        ahead.add_argument("--ahead", type=int, default=partitions.MONTHS_AHEAD,
                           help="Months after this one (default %(default)s).")
        dump = commands.add_parser("export", help="Write the whole log as CSV or XLSX.")
        dump.add_argument("--format", choices=sorted(export.FORMATS), default="csv")
        dump.add_argument("--output", help="File to write (default: standard output, CSV only).")

    def handle(self, *args, subcommand, **options):
        getattr(self, f"_{subcommand}")(**options)

    def _verify(self, **options):
        verdict = chain.verify()
        if not verdict.intact:
            where = f"entry {verdict.broken_id}" if verdict.broken_id else "the chain's end"
            self.stderr.write(f"Access log broken at {where}: {verdict.reason} "
                              f"({verdict.checked} entries before it are intact).")
            sys.exit(1)
        self.stdout.write(f"Access log intact: {verdict.checked} entries verified.")

    def _purge(self, *, days, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        removed = retention.purge(days=days)
        kept = days if days is not None else settings.ACCESS_LOG_RETENTION_DAYS
        self.stdout.write(f"Removed {removed} entries older than {kept} days.")
        made = partitions.ensure_ahead()
        if made:
            self.stdout.write(f"Made {len(made)} monthly partitions ({', '.join(made)}).")
        if partitions.analyze():
            self.stdout.write("Statistics of the partitioned log gathered (ANALYZE).")

    def _partitions(self, *, ahead, **options):
        if ahead < 0:
            raise CommandError("--ahead must be 0 or more.")
        if not partitions.is_partitioned():
            self.stdout.write("The access log is not partitioned (only on PostgreSQL); "
                              "nothing to make.")
            return
        made = partitions.ensure_ahead(ahead=ahead)
        existing = partitions.months()
        self.stdout.write(f"Made {len(made)} monthly partitions ({', '.join(made) or 'none'}); "
                          f"{len(existing)} months from {existing[0].start:%Y-%m} to "
                          f"{existing[-1].start:%Y-%m}.")

    def _export(self, *, format, output, **options):
        if format == "xlsx" and not output:
            raise CommandError("An XLSX export needs --output FILE.")
        entries = AccessLogEntry.objects.select_related("region", "owner_region").order_by("seq")
        content = export.export(entries.iterator(chunk_size=2000), format, system=SYSTEM_CLI)
        if output:
            Path(output).write_bytes(content)
            self.stderr.write(f"Written to {output}.")
        else:
            self.stdout.write(content.decode(), ending="")
