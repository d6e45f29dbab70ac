"""Load a CBS municipal division: our CSV (default: the bundled 2026 list) or the CBS markdown."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from openjeugd.registry import services
from openjeugd.registry.division import BUNDLED_CSV, year_from_source


class Command(BaseCommand):
    help = "Load or update municipalities and jeugdregio's from a CBS municipal division."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(BUNDLED_CSV),
                            help="CSV (gemeentecode,gemeentenaam,provincie,jeugdregio) or the "
                                 "CBS markdown list. Default: the bundled 2026 division.")
        parser.add_argument("--year", type=int,
                            help="Division year; default: the year in the file name or title.")

    def handle(self, *args, path, year, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"No such file: {source}")
        year = year or year_from_source(source)
        if year is None:
            raise CommandError("Cannot tell the division year from the file; pass --year.")
        try:
            summary = services.load_division(source, year=year)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Division {year}: {summary.created} created, {summary.updated} updated "
            f"({len(summary.moved)} moved to another region), {summary.deactivated} deactivated, "
            f"{summary.regions_created} new regions."))
