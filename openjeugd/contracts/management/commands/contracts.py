"""openjeugd contracts budget --region NAME --year YYYY [--format json] [--as-of YYYY-MM-DD]"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from openjeugd.contracts import budget
from openjeugd.registry.models import Region

COLUMNS = ("budget", "committed", "spent", "forecast")


class Command(BaseCommand):
    help = "Contract figures for scripts and checks."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        report = commands.add_parser("budget", help="Every ceiling of a region and year with "
                                     "budget, committed, spent, forecast and status.")
        report.add_argument("--region", required=True, help="Region name or slug.")
        report.add_argument("--year", type=int, required=True)
        report.add_argument("--format", choices=["table", "json"], default="table")
        report.add_argument("--as-of", type=date.fromisoformat, default=None,
                            help="Count committed from this day (default: today).")

    def handle(self, *args, subcommand, **options):
        getattr(self, f"_{subcommand}")(**options)

    def _budget(self, *, region, year, format, as_of, **options):
        found = Region.objects.filter(name__iexact=region).first() \
            or Region.objects.filter(slug=region).first()
        if found is None:
            raise CommandError(f"No region named {region!r}.")
        rows = [_row(f) for f in budget.region_figures(found, year, as_of=as_of)]
        learning = {k: str(v) for k, v in budget.learning_line(found, year).items()}
        if format == "json":
            self.stdout.write(json.dumps({"region": found.name, "year": year, "ceilings": rows,
                                          "leren_en_ontwikkelen": learning}, indent=2))
            return
        self._table(found, year, rows)
        self.stdout.write(f"Leren & Ontwikkelen: budget {learning['budget']}, "
                          f"paid {learning['paid']}")

    def _table(self, region, year, rows) -> None:
        table = Table(title=f"{region.name} {year}")
        table.add_column("ceiling")
        for column in COLUMNS:
            table.add_column(column, justify="right")
        table.add_column("status")
        for row in rows:
            table.add_row(row["ceiling"], *(row[c] for c in COLUMNS), row["status"])
        Console(file=self.stdout, width=160, force_terminal=False).print(table)
        if not rows:
            self.stdout.write("No ceilings for this region and year.")


def _row(figures: budget.Figures) -> dict:
    # Amounts as strings: JSON numbers would pass through floats in most readers.
    return {"ceiling": str(figures.ceiling), "level": figures.ceiling.level,
            "budget": str(figures.budget), "committed": str(figures.committed),
            "spent": str(figures.spent), "forecast": str(figures.forecast),
            "status": figures.status, "unpriced_toewijzingen": len(figures.unpriced)}
