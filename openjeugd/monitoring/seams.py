"""Where monitoring asks other apps, named in settings so monitoring imports none of them:
MONITORING_HULPVORM_LOOKUP (contracts' product catalogue) and MONITORING_MEASUREMENTS_LOOKUP
(pathways' outcome measurements)."""

from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string

from openjeugd.monitoring.cbs import codes
from openjeugd.monitoring.cbs.outcome import Measurement


def hulpvorm_lookup(region):
    """f(categorie, code) for one region, each product asked once."""
    lookup = import_string(settings.MONITORING_HULPVORM_LOOKUP)
    cache: dict[tuple[str, str], str | None] = {}

    def hulpvorm_of(categorie: str, code: str) -> str | None:
        key = (categorie, code)
        if key not in cache:
            found = lookup(region, categorie, code)
            cache[key] = found if found in codes.HULPVORMEN else None
        return cache[key]

    return hulpvorm_of


def measurements(region, first: date, last: date) -> list[Measurement]:
    """The lookup may answer Measurements or plain dicts of their fields (pathways does: it
    imports nothing of monitoring); either way each is validated here."""
    found = import_string(settings.MONITORING_MEASUREMENTS_LOOKUP)(region, first, last)
    return [m if isinstance(m, Measurement) else Measurement(**m) for m in found]
