"""From iJw starts and stops (JW305/JW307, corrections already applied) to deliveries: one
period of care per start, with its end when a definitive stop says so.

Pure: the selectors hand in plain facts; nothing here touches the database.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from . import codes


@dataclass(frozen=True)
class StartFact:
    """A start that was not deleted (OP033: StatusAanlevering 3 makes an earlier delivery
    "als niet verzonden"). `link` ties stops to it: the toewijzing, or for taakgericht care
    (no toewijzing) youth, provider, municipality and category, as the iJw handler does."""

    link: tuple
    bsn: str
    youth_id: int
    provider: str  # AGB code
    gemeente: str
    product_categorie: str
    product_code: str
    begindatum: date
    verwijzer: str | None = None  # CBS §3.2 code


@dataclass(frozen=True)
class StopFact:
    link: tuple
    begindatum: date  # the start it stops (JW307 carries the start's Begindatum)
    einddatum: date
    reden: str  # JZ588


@dataclass(frozen=True, slots=True)
class Delivery:
    bsn: str
    youth_id: int
    provider: str
    hulpvorm: str
    gemeente: str
    verwijzer: str | None
    start: date
    end: date | None = None
    reden: str | None = None  # JZ588 of the definitive stop
    paused: bool = False  # only a temporary stop (JZ588 20): care is expected to resume

    @property
    def running(self) -> bool:
        return self.end is None and not self.paused


@dataclass(frozen=True)
class UnmappedProduct:
    product_categorie: str
    product_code: str
    starts: int
    youths: int


@dataclass
class Report:
    """What could not become part of a trajectory, so nobody mistakes a gap for a fact."""

    unmapped: list[UnmappedProduct] = field(default_factory=list)
    unknown_verwijzer: int = 0


HulpvormOf = Callable[[str, str], str | None]


def deliveries(starts: Iterable[StartFact], stops: Iterable[StopFact], hulpvorm_of: HulpvormOf,
               *, as_of: date | None = None) -> tuple[list[Delivery], Report]:
    """One delivery per start with a CBS hulpvorm; products without one are reported, never
    guessed. With `as_of`, what was known on that day: later starts and stops do not exist."""
    starts = list(starts)
    stops_of = _stops_by_start(stops, as_of)
    found = []
    for start in starts:
        if as_of is not None and start.begindatum > as_of:
            continue
        hulpvorm = hulpvorm_of(start.product_categorie, start.product_code)
        if hulpvorm is not None:
            found.append(_delivery(start, hulpvorm,
                                   stops_of.get((start.link, start.begindatum), [])))
    return found, report_of(starts, hulpvorm_of, as_of=as_of)


def report_of(starts: Iterable[StartFact], hulpvorm_of: HulpvormOf, *,
           as_of: date | None = None) -> Report:
    """deliveries(...)[1] without building the deliveries: what it reports depends on the
    starts known on `as_of` alone, not on the stops."""
    unmapped, youths = Counter(), defaultdict(set)
    found = Report()
    for start in starts:
        if as_of is not None and start.begindatum > as_of:
            continue
        if hulpvorm_of(start.product_categorie, start.product_code) is None:
            product = (start.product_categorie, start.product_code)
            unmapped[product] += 1
            youths[product].add(start.bsn)
            continue
        found.unknown_verwijzer += start.verwijzer is None
    found.unmapped = [UnmappedProduct(cat, code, count, len(youths[(cat, code)]))
                      for (cat, code), count in sorted(unmapped.items())]
    return found


def _stops_by_start(stops: Iterable[StopFact], as_of: date | None) -> dict:
    by_start = defaultdict(list)
    for stop in stops:
        if as_of is None or stop.einddatum <= as_of:
            by_start[(stop.link, stop.begindatum)].append(stop)
    return by_start


def _delivery(start: StartFact, hulpvorm: str, stops: list[StopFact]) -> Delivery:
    end, reden, paused = None, None, False
    definitive = [stop for stop in stops if stop.reden != codes.TEMPORARY_STOP]
    if definitive:
        # TR415 allows one definitive stop per start; the latest wins should two slip in.
        last = max(definitive, key=lambda stop: stop.einddatum)
        end, reden = last.einddatum, last.reden
    elif stops:
        # JZ588 20 "hervatting wordt verwacht": the care has not ended (§3.6 "De
        # hulpverlening stopt in zijn geheel" does not apply).
        end, paused = max(stop.einddatum for stop in stops), True
    return Delivery(start.bsn, start.youth_id, start.provider, hulpvorm, start.gemeente,
                    start.verwijzer, start.begindatum, end, reden, paused)
