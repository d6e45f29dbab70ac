"""Write the seed regions' pathway configurations (presets.SEED_REGIONS) into the database."""

from django.core.management.base import BaseCommand

from openjeugd.pathways.presets import SEED_REGIONS
from openjeugd.pathways.services.config import apply_preset
from openjeugd.registry.models import Region


class Command(BaseCommand):
    help = "Configure the care pathway of the five seed regions from their presets."

    def handle(self, *args, **options):
        for preset, names in SEED_REGIONS.items():
            for region in Region.objects.filter(name__in=names).order_by("name"):
                apply_preset(region=region, preset=preset)
                self.stdout.write(f"{region.name}: {preset}")
