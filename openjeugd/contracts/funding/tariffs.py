"""A product's tariff over time: periods that may not overlap, one eenheid.

Issue 9 "Tariffs per product, provider and period, with yearly indexation and history" and
"Overlapping tariff periods ... refused". A tariff without an end runs on.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from openjeugd.contracts.funding.eenheid import Eenheid
from openjeugd.contracts.funding.errors import NegativeAmountError, TariffError
from openjeugd.contracts.funding.periods import Period


@dataclass(frozen=True)
class Tariff:
    start: date
    end: date | None
    amount: Decimal
    eenheid: Eenheid

    def __post_init__(self):
        if self.amount < 0:
            raise NegativeAmountError("amount", "tariff", f"tariff {self.amount} is negative")
        if self.end is not None:
            Period(self.start, self.end)  # refuses an end before the start

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class TariffSchedule:
    tariffs: tuple[Tariff, ...]

    def __post_init__(self):
        ordered = tuple(sorted(self.tariffs, key=lambda tariff: tariff.start))
        if not ordered:
            raise TariffError("tariffs", "tariff schedule", "no tariff given")
        if len({tariff.eenheid for tariff in ordered}) > 1:
            raise TariffError("eenheid", "tariff schedule", "one schedule has one eenheid")
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if earlier.end is None or earlier.end >= later.start:
                raise TariffError(
                    "start",
                    "no overlapping tariff periods",
                    f"tariff from {later.start} overlaps the one from {earlier.start}",
                )
        object.__setattr__(self, "tariffs", ordered)

    @property
    def eenheid(self) -> Eenheid:
        return self.tariffs[0].eenheid

    def on(self, day: date) -> Tariff:
        for tariff in self.tariffs:
            if tariff.covers(day):
                return tariff
        raise TariffError("date", "tariff in force", f"no tariff covers {day}")

    def segments(self, period: Period) -> list[tuple[Period, Tariff]]:
        """`period` cut where the tariff changes; a day without a tariff is refused."""
        cuts, day = [], period.start
        while day <= period.end:
            tariff = self.on(day)
            end = period.end if tariff.end is None else min(tariff.end, period.end)
            cuts.append((Period(day, end), tariff))
            day = end + timedelta(days=1)
        return cuts
