"""P×Q, effort-based (inspanningsgericht): volume × the tariff per iJw eenheid.

Seed 001 "Inspanningsgericht ... P*Q (uur, dag) ... de dominante bekostigingsvorm"; iJw OP262
"een tarief per tijdseenheid ... stuks (inspanning) ... een tarief per stuk". Residence is paid per
actual etmaal (seed 000 Driemilieus: "de werkelijk ingezette etmalen worden afgerekend (door middel
van een etmaaltarief)"); see `etmalen` for which days count.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from openjeugd.contracts.funding.eenheid import Eenheid, volume_divisor
from openjeugd.contracts.funding.errors import (
    InvalidPeriodError,
    NegativeAmountError,
    WrongUnitError,
)
from openjeugd.contracts.funding.periods import Period, exact
from openjeugd.contracts.funding.tariffs import TariffSchedule
from openjeugd.lib.money import round_money


class DebetCredit(StrEnum):
    """COD043: a credit takes back an earlier debet with the same, positive, volume (IV091)."""

    DEBET = "D"
    CREDIT = "C"

    @property
    def sign(self) -> int:
        return -1 if self == DebetCredit.CREDIT else 1


@dataclass(frozen=True)
class PxQLine:
    period: Period
    volume: Decimal
    eenheid: Eenheid
    debet_credit: DebetCredit = DebetCredit.DEBET

    def __post_init__(self):
        if isinstance(self.volume, float) or self.volume < 0:
            raise NegativeAmountError(
                "volume",
                "COD043/IV091",
                f"volume {self.volume!r} must be a Decimal ≥ 0; a correction is a credit line "
                "(DebetCredit C) with the volume of the line it takes back",
            )


@dataclass(frozen=True)
class PricedPart:
    period: Period
    tariff: Decimal
    amount: Decimal


@dataclass(frozen=True)
class PricedLine:
    total: Decimal
    parts: tuple[PricedPart, ...]


def price_line(line: PxQLine, schedule: TariffSchedule) -> PricedLine:
    """The line's amount, split where the tariff changes, negative for a credit.

    A prestatie carries one ProductTarief (IV081), so a line across a tariff change is priced in
    parts; the seeds do not say how its volume divides, so it divides by calendar days. Each part
    is rounded once after multiplying (IV081: "(uurtarief * aantal minuten) / 60", TR346).
    """
    divisor = volume_divisor(line.eenheid, schedule.eenheid)
    parts = []
    for part, tariff in schedule.segments(line.period):
        share = Fraction(part.days, line.period.days)
        value = Fraction(tariff.amount) * Fraction(line.volume) * share / divisor
        parts.append(
            PricedPart(part, tariff.amount, line.debet_credit.sign * round_money(exact(value)))
        )
    return _priced(parts)


@dataclass(frozen=True)
class Stay:
    """A residence: admission day, and departure day or None while the youth still stays."""

    admission: date
    departure: date | None = None

    def __post_init__(self):
        if self.departure is not None and self.departure < self.admission:
            raise InvalidPeriodError(
                "departure", "stay", f"departure {self.departure} before admission {self.admission}"
            )

    def nights(self, period: Period) -> Period | None:
        """The days of `period` that count as an etmaal of this stay (see `etmalen`)."""
        if self.departure is None:
            last = period.end
        elif self.departure == self.admission:
            last = self.admission
        else:
            last = self.departure - timedelta(days=1)
        if last < self.admission:
            return None
        return Period(self.admission, last).overlap(period)


def etmalen(stay: Stay, period: Period) -> int:
    """Etmalen of `stay` within `period`.

    The seeds say only "werkelijk ingezette etmalen" (seed 000); we count the day of admission
    and not the day of departure (each night is one etmaal, as hospital ligdagen are counted), and
    a stay that begins and ends on one day counts one etmaal. A stay still running counts up to
    and including the period's last day. Counted per day, months add up to the whole stay.
    """
    nights = stay.nights(period)
    return 0 if nights is None else nights.days


def price_stay(
    stay: Stay,
    period: Period,
    schedule: TariffSchedule,
    debet_credit: DebetCredit = DebetCredit.DEBET,
) -> PricedLine:
    """Etmalen × the etmaaltarief in force on each night; no rounding needed (cents × count)."""
    if schedule.eenheid != Eenheid.ETMAAL:
        raise WrongUnitError(
            "eenheid",
            "etmaaltarief (seed 000)",
            f"a stay is paid per etmaal, not per {schedule.eenheid.name.lower()}",
        )
    nights = stay.nights(period)
    if nights is None:
        return PricedLine(Decimal("0.00"), ())
    parts = [
        PricedPart(part, tariff.amount, debet_credit.sign * round_money(tariff.amount * part.days))
        for part, tariff in schedule.segments(nights)
    ]
    return _priced(parts)


def _priced(parts: list[PricedPart]) -> PricedLine:
    return PricedLine(sum((part.amount for part in parts), Decimal("0.00")), tuple(parts))


def minute_tariff(hourly: Decimal) -> Decimal:
    """The ProductTarief shown on a prestatie in minutes (IV081: "tarief delen door 60 minuten").

    Shown only: the amount is computed from the hourly tariff (price_line).
    """
    return round_money(exact(Fraction(hourly) / 60))
