"""`monitoring cbs-file` and `monitoring statline`, the CBS outputs of issue #11:

    openjeugd monitoring cbs-file --provider AGB --half-year 2026-1 [--output PATH]
    openjeugd monitoring statline --region NAME --from 2026-01-01 --to 2026-12-31 \\
        [--format csv|json] [--suppress-small-cells]

The delivery file names youths (BSN): each youth in it is logged as read under the OS account
that ran the command. Products without a CBS hulpvorm, records without a referrer and
measurements that fit two records go to stderr: reported, never guessed.
"""

import csv
import io
import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from openjeugd.accounts import audit
from openjeugd.accounts.purposes import Purpose
from openjeugd.monitoring import selectors_cbs
from openjeugd.monitoring.cbs import delivery_file, statline
from openjeugd.registry.models import Provider, Region, Youth

SUBCOMMANDS = ("cbs-file", "statline")


def add_arguments(sub, period_arguments) -> None:
    cbs_file = sub.add_parser("cbs-file", help="A provider's CBS delivery file for a half year.")
    cbs_file.add_argument("--provider", required=True, help="AGB code of the provider.")
    cbs_file.add_argument("--half-year", dest="half_year", required=True,
                          help="YYYY-1 (January-June) or YYYY-2 (July-December).")
    cbs_file.add_argument("--output", help="Write the file here (default: standard output).")
    tables = sub.add_parser("statline", help="StatLine-style tables per municipality.")
    period_arguments(tables)
    tables.add_argument("--format", choices=["csv", "json"], default="csv")
    tables.add_argument("--suppress-small-cells", action="store_true",
                        help="Hide cells of 1-4 youths (tables that leave the region).")


def handle(command, subcommand, options, operator: str) -> None:
    if subcommand == "cbs-file":
        _cbs_file(command, options, operator)
    else:
        _statline(command, options)


def _cbs_file(command, options, operator: str) -> None:
    try:
        agb = delivery_file.check_agb(options["provider"])
        period = delivery_file.parse_half_year(options["half_year"])
    except ValueError as error:
        raise CommandError(f"--{error}") from error
    if not Provider.objects.filter(agb_code=agb).exists():
        raise CommandError(f"--provider: no provider with AGB code {agb}.")
    if period.last >= timezone.localdate():
        raise CommandError(f"--half-year: {options['half_year']} has not ended yet; CBS asks "
                           "the data after the period (protocol §7.4).")
    found = selectors_cbs.provider_delivery(agb, period)
    youths = Youth.objects.filter(pk__in=found.youth_ids).select_related(
        "municipality").order_by("pk")
    audit.record_many(None, "read", youths, purpose=Purpose.MONITORING_TRAJECTORIES,
                      system=operator, owner_region_of=lambda youth: youth.municipality.region_id)
    if options.get("output"):
        Path(options["output"]).write_bytes(found.text.encode("ascii"))
        command.stderr.write(f"{len(found.rows)} record(s) written to {options['output']}.")
    else:
        command.stdout.write(found.text, ending="")
    _report(command, found.problems)


def _report(command, problems) -> None:
    for (categorie, code), bsns in problems.unmapped.items():
        command.stderr.write(f"No CBS hulpvorm for product {categorie}/{code}: {len(bsns)} "
                             "youth(s) left out of the file.")
    if problems.no_verwijzer:
        command.stderr.write("No referrer (verwijzer, §3.2) known for record(s) "
                             f"{', '.join(map(str, problems.no_verwijzer))}: left blank.")
    if problems.ambiguous_measurements:
        command.stderr.write(f"{problems.ambiguous_measurements} outcome measurement(s) fit two "
                             "records of the provider: left out.")


def _statline(command, options) -> None:
    first, last = options["first"], options["last"]
    if last < first:
        raise CommandError("--to lies before --from.")
    region = Region.objects.filter(name=options["region"]).first()
    if region is None:
        raise CommandError(f"--region: no region named {options['region']!r}.")
    rows, _ = selectors_cbs.statline_tables(region, first, last)
    if options["suppress_small_cells"]:
        rows = statline.suppressed(rows)
    else:
        rows = [{key: row[key] for key in statline.KEYS} for row in rows]
    if options["format"] == "json":
        command.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", ending="")
        return
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=statline.KEYS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: "" if row[key] is None else row[key] for key in statline.KEYS}
                     for row in rows)
    command.stdout.write(out.getvalue(), ending="")
