"""Numbers and dates for the messages Open Jeugd writes (its own and its returns)."""

from django.db import transaction

from openjeugd.ijw import clock
from openjeugd.ijw.models import IdentificatieCounter


def next_identificatie(afzender: str) -> str:
    with transaction.atomic():
        counter, _ = IdentificatieCounter.objects.select_for_update().get_or_create(
            afzender=afzender)
        counter.last += 1
        counter.save(update_fields=["last"])
    # Prefix makes our numbers recognisable next to numbers from a previous system.
    return f"OJ{counter.last:010d}"


def today():
    return clock.today()
