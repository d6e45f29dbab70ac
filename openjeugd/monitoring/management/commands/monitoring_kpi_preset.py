"""`openjeugd monitoring-kpi-preset --region NAME --file PATH`: load a region's KPI/KRI preset
(goals, indicators, targets, strategy map) from a TOML file, e.g. the demo seed of the region:

    openjeugd monitoring-kpi-preset --region West-Brabant-Oost \\
        --file openjeugd/demo/seeds/wbo.toml
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from openjeugd.monitoring import presets
from openjeugd.registry.models import Region


class Command(BaseCommand):
    help = "Load a region's KPI/KRI preset from a TOML file ([[strategic_goals]], [[kpis]])."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="The region's name.")
        parser.add_argument("--file", required=True, type=Path, help="The TOML file.")

    def handle(self, *args, region, file, **options):
        found = Region.objects.filter(name=region).first()
        if found is None:
            raise CommandError(f"--region: no region named {region!r}.")
        if not file.is_file():
            raise CommandError(f"--file: {file} does not exist.")
        try:
            made = presets.apply(region=found, preset=presets.read(file))
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"{found}: " + ", ".join(f"{n} {what}" for what, n in made.items())
                          + " added.")
