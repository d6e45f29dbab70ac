"""How much volume a toewijzing allows within a period (pure; used for TR321)."""

import math
from datetime import date

# WMO757 frequentie
PER_DAG, PER_WEEK, PER_MAAND, TOTAAL = "1", "2", "4", "6"


def months_touched(begin: date, end: date) -> int:
    return (end.year - begin.year) * 12 + end.month - begin.month + 1


def allowed_volume(volume: int, frequentie: str, begin: date, end: date) -> int:
    """The most a prestatie over [begin, end] may claim under omvang volume/frequentie.

    A week or month that the period only partly covers counts whole: providers declare per
    calendar month, and a care week often straddles a month boundary.
    """
    days = (end - begin).days + 1
    if frequentie == PER_DAG:
        return volume * days
    if frequentie == PER_WEEK:
        return volume * math.ceil(days / 7)
    if frequentie == PER_MAAND:
        return volume * months_touched(begin, end)
    return volume
