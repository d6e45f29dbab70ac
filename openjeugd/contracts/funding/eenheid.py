"""The iJw eenheid (codelijst WJ756) and the one conversion the standard allows.

/work/shared/ijw/codelijsten/WJ756_Eenheid.md, table "Overzicht alle codes".
"""

from enum import StrEnum

from openjeugd.contracts.funding.errors import WrongUnitError


class Eenheid(StrEnum):
    MINUUT = "01"
    UUR = "04"
    ETMAAL = "14"
    DAGDEEL = "16"  # WJ756: "Dagdeel (4 uur)"
    STUKS_OUTPUT = "82"
    EURO = "83"
    STUKS_INSPANNING = "84"


# Toewijzingsvarianten_inspanning-output.md: inspanningsgericht uses 01/04/14/16/84,
# outputgericht uses 82/83.
INSPANNINGSGERICHT = frozenset(
    {Eenheid.MINUUT, Eenheid.UUR, Eenheid.ETMAAL, Eenheid.DAGDEEL, Eenheid.STUKS_INSPANNING}
)
OUTPUTGERICHT = frozenset({Eenheid.STUKS_OUTPUT, Eenheid.EURO})


def volume_divisor(volume_unit: Eenheid, tariff_unit: Eenheid) -> int:
    """What the volume is divided by to be in tariff units: 1, or 60 for minutes at an hourly rate.

    IV081 prices minutes as "(contractuele uurtarief * aantal minuten) / 60", multiplied first
    and rounded once, so the caller divides after multiplying.

    IV081 "Alleen voor uren en minuten is er een uitzondering mogelijk": an hourly tariff may be
    declared in minutes; every other pair must match (OP267 "eenheid die aansluit bij de
    toewijzing"). A dagdeel is 4 hours in WJ756, yet IV081 allows no conversion for it.
    """
    if volume_unit == tariff_unit:
        return 1
    if volume_unit == Eenheid.MINUUT and tariff_unit == Eenheid.UUR:
        return 60
    raise WrongUnitError(
        "eenheid",
        "IV081/OP267",
        f"a volume in {volume_unit.name.lower()} cannot be priced at a tariff per "
        f"{tariff_unit.name.lower()}; only minutes at an hourly tariff convert",
    )
