"""`monitoring trajectories|indicators`: the region's CBS trajectories and indicator set.

    openjeugd monitoring trajectories --region NAME --from 2026-01-01 --to 2026-06-30 \\
        --format json|csv
    openjeugd monitoring indicators --region NAME --from ... --to ... --format json

Run by an administrator on the server: the trajectory list names youths (BSN), so every
youth on it is logged as read under the OS account that ran the command, as `ijw import` does.
"""

import csv
import getpass
import io
import json
import os
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from openjeugd.accounts import audit
from openjeugd.accounts.purposes import Purpose
from openjeugd.monitoring import selectors
from openjeugd.monitoring.cbs.figures import suppress_small_cells
from openjeugd.monitoring.cbs.trajectories import RECORD_KEYS, record
from openjeugd.monitoring.management import cbs as cbs_commands
from openjeugd.registry.models import Region, Youth


class Command(BaseCommand):
    help = "CBS trajectories and indicators of a region, for a period."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        listing = sub.add_parser("trajectories", help="One record per CBS trajectory.")
        _period_arguments(listing)
        listing.add_argument("--format", choices=["json", "csv"], default="json")
        figures = sub.add_parser("indicators", help="The indicator set per half year.")
        _period_arguments(figures)
        figures.add_argument("--format", choices=["json"], default="json")
        figures.add_argument("--suppress-small-cells", action="store_true",
                             help="Suppress counts of 1-4 (figures that leave the region).")
        figures.add_argument("--jobs", type=_jobs, default=2 if (os.cpu_count() or 1) > 1 else 1,
                             help="2 (the default on more than one core): the trajectory "
                                  "figures in a second process, side by side with the rest; "
                                  "1: all in this process.")
        cbs_commands.add_arguments(sub, _period_arguments)

    def handle(self, *args, subcommand, **options):
        if subcommand in cbs_commands.SUBCOMMANDS:
            cbs_commands.handle(self, subcommand, options, _operator())
            return
        self._figures(subcommand, **options)

    def _figures(self, subcommand, *, region, first, last, format, **options):
        if last < first:
            raise CommandError("--to lies before --from.")
        found = Region.objects.filter(name=region).first()
        if found is None:
            raise CommandError(f"--region: no region named {region!r}.")
        if subcommand == "trajectories":
            self._trajectories(found, first, last, format)
        else:
            self._indicators(found, first, last, options["suppress_small_cells"],
                             options["jobs"])

    def _trajectories(self, region, first, last, format) -> None:
        found, report = selectors.region_trajectories(region, first, last)
        ids = set().union(*(t.youth_ids for t in found)) if found else set()
        youths = Youth.objects.filter(pk__in=ids).order_by("pk")
        audit.record_many(None, "read", youths, purpose=Purpose.MONITORING_TRAJECTORIES,
                          system=_operator(), owner_region_of=lambda youth: region.pk)
        rows = [record(t, last) for t in found]
        self.stdout.write(_json(rows) if format == "json" else _csv(rows), ending="")
        for unmapped in report.unmapped:
            self.stderr.write(
                f"No CBS hulpvorm for product {unmapped.product_categorie}/"
                f"{unmapped.product_code}: {unmapped.starts} start(s), {unmapped.youths} "
                f"youth(s) left out.")

    def _indicators(self, region, first, last, suppress: bool, jobs: int) -> None:
        found = selectors.region_indicators(region, first, last, today=timezone.localdate(),
                                            jobs=jobs)
        audit.record(None, "read", "registry.Region", region.pk,
                     purpose=Purpose.MONITORING_INDICATORS, object_repr=str(region)[:200],
                     owner_region_id=region.pk, system=_operator())
        self.stdout.write(_json(suppress_small_cells(found) if suppress else found), ending="")


def _period_arguments(parser) -> None:
    parser.add_argument("--region", required=True, help="Jeugdregio name.")
    parser.add_argument("--from", dest="first", required=True, type=_day,
                        help="First day, YYYY-MM-DD.")
    parser.add_argument("--to", dest="last", required=True, type=_day,
                        help="Last day, YYYY-MM-DD.")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise CommandError(f"--jobs: {text!r} is not a number of processes (1 or more).")
    return int(text)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD).") from error


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RECORD_KEYS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "datum_einde": row["datum_einde"] or "",
                         "reden_beeindiging": row["reden_beeindiging"] or "",
                         "verwijzer": row["verwijzer"] or "",
                         "herhaald_beroep": "true" if row["herhaald_beroep"] else "false"})
    return out.getvalue()


def _operator() -> str:
    """Logged under the OS account that ran the command (as `ijw import` does)."""
    try:
        return f"command line, OS user {getpass.getuser()}"
    except (KeyError, OSError):
        return "command line"
