"""A provider's CBS delivery file (jeugdhulp) for one half year, pure (no Django).

Protocol: /work/shared/ijw/CBS_Beleidsinformatie_Jeugd_informatieprotocol_v7.md ("the
protocol"). What it fixes, and where:
- the content: §7.5 "Inhoud van het gegevensbestand": every youth whose care "in de
  betreffende verslagperiode is aangevangen", "is beëindigd" or was started before and "op de
  laatste dag van de verslagperiode nog niet is beëindigd"; one record per hulpvorm (§3.3 "de
  sleutel van een record ... BSN, de datum aanvang jeugdhulp en de hulpvorm");
- each field's code or format: deel 1 (§2.2-§2.5, §3.2-§3.7, §4.3-§4.5);
- the period: §7.3 "Periode JH/JB-1 met gegevens over januari t/m juni";
- corrections: §7.6 "Alle gegevens die betrekking hebben op die periode moeten worden
  aangeleverd, ook de gegevens die niet veranderd zijn": a file is always the full selection,
  so a later run for the same half year is a valid correction delivery;
- the file format: §8.2 "ASCII fixed format" or "Standaard spreadsheet", to a
  "berichtspecificatie" published on cbs.nl (§8.4). That specification (field positions,
  header, file name) is NOT among the project's sources, so the positions below are ours: the
  protocol's fields in the protocol's order, each as wide as the protocol's own format for it
  (BSN 9, JJJJMMDD 8, codes 2 ...), no header or trailer (the protocol names none). LAYOUT is
  the one place to change should the CBS specification differ.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from .deliveries import HulpvormOf, StartFact, StopFact, deliveries
from .outcome import Measurement
from .periods import Period
from .trajectories import Trajectory

# JZ020 46 "Jeugdhulp crisis" (codelijsten/JZ020_Productcategorie): the only fact iJw carries
# about §3.4 "Als de hulpverlening is aangevangen met het stabiliseren van een crisissituatie".
CRISIS_CATEGORY = "46"
CRISIS_JA, CRISIS_NEE = "01", "02"  # §3.4 "Ja (01)", "Nee (02)"

# §2.4 "Vrouw (V)", "Man (M)", "Onbekend (O)" from COD046 (0 onbekend, 1 man, 2 vrouw).
GESLACHT_BY_COD046 = {"0": "O", "1": "M", "2": "V"}

# §2.2 "Indien er geen BSN bekend is, dan wordt ... de code 999999999 genoteerd".
BSN_ONBEKEND = "999999999"

RECORD_END = "\r\n"  # ASCII text lines, as a fixed-format file is read on any platform


@dataclass(frozen=True)
class Column:
    name: str
    width: int
    cite: str  # grep-able words of the protocol


LAYOUT = (
    Column("aanbieder_agb", 8, "§6 Gegevens van de jeugdhulpaanbieder (AGB-code, 8 cijfers)"),
    Column("verslagperiode", 6, "§7.3 Periode JH/JB-1: JJJJ-1 of JJJJ-2"),
    Column("bsn", 9, "§2.2 code 999999999"),
    Column("geboortedatum", 8, "§2.3 weergegeven als JJJJMMDD"),
    Column("geslacht", 1, "§2.4 Vrouw (V) Man (M) Onbekend (O)"),
    Column("postcode_gemeente", 6, "§2.5 postcode (6 posities) ... CBS code van de gemeente"),
    Column("verwijzer", 2, "§3.2 Gemeentelijke toegang (01)"),
    Column("hulpvorm", 2, "§3.3 Hulpvorm"),
    Column("gestart_met_crisis", 2, "§3.4 Ja (01) Nee (02)"),
    Column("datum_aanvang", 8, "§3.5 weergeven als JJJJMMDD"),
    Column("datum_einde", 8, "§3.6 weergeven als JJJJMMDD"),
    Column("reden_beeindiging", 2, "§3.7 Beëindigd volgens plan (01)"),
    # §4.5 "per jeugdhulprecord maximaal 2 metingen": the informant is the block's position,
    # first the youth, then the parent (the protocol gives the informant no codes).
    Column("tevredenheid_jeugdige", 2, "§4.3 rapportcijfer van 1 tot 10"),
    Column("zonder_hulp_jeugdige", 2, "§4.4 Ik heb geen verdere hulp meer nodig (04)"),
    Column("tevredenheid_ouder", 2, "§4.5 De ouder/opvoeder van de jeugdige"),
    Column("zonder_hulp_ouder", 2, "§4.4 (01)-(04)"),
)
RECORD_LENGTH = sum(column.width for column in LAYOUT)


@dataclass(frozen=True)
class Person:
    """The youth record a trajectory belongs to (registry.Youth, one per municipality)."""

    bsn: str
    birth_date: date
    geslacht: str  # COD046


@dataclass
class Problems:
    """What the file cannot say: reported, never filled in by guess."""

    unmapped: dict[tuple[str, str], set] = field(default_factory=dict)  # product -> BSNs
    no_verwijzer: list[int] = field(default_factory=list)  # record numbers (1-based)
    ambiguous_measurements: int = 0


def parse_half_year(text: str) -> Period:
    """'2026-1' (January-June) or '2026-2' (July-December), §7.3."""
    found = re.fullmatch(r"(\d{4})-([12])", (text or "").strip())
    if not found:
        raise ValueError(f"half-year: {text!r} is not YYYY-1 or YYYY-2 (e.g. 2026-1).")
    year, half = int(found[1]), int(found[2])
    if half == 1:
        return Period(date(year, 1, 1), date(year, 6, 30))
    return Period(date(year, 7, 1), date(year, 12, 31))


def half_year_code(period: Period) -> str:
    return f"{period.first.year}-{1 if period.first.month == 1 else 2}"


def check_agb(agb: str) -> str:
    if not re.fullmatch(r"\d{8}", agb or ""):
        raise ValueError(f"provider: {agb!r} is not an AGB code (8 digits).")
    return agb


def filename(agb: str, period: Period) -> str:
    # Not prescribed by the protocol; provider and period in the name so two never mix.
    return f"CBS_jeugdhulp_{agb}_{half_year_code(period)}.txt"


def crisis_starts(starts: list[StartFact], hulpvorm_of: HulpvormOf) -> set[tuple]:
    """(bsn, provider, hulpvorm, begindatum) of every crisis start with a hulpvorm."""
    found = set()
    for start in starts:
        if start.product_categorie == CRISIS_CATEGORY:
            hulpvorm = hulpvorm_of(start.product_categorie, start.product_code)
            if hulpvorm is not None:
                found.add((start.bsn, start.provider, hulpvorm, start.begindatum))
    return found


def unmapped_in_period(starts: list[StartFact], stops: list[StopFact], hulpvorm_of: HulpvormOf,
                       period: Period, agb: str) -> dict[tuple[str, str], set[str]]:
    """The provider's products without a CBS hulpvorm whose care overlapped the period, with
    the BSNs concerned: left out of the file and reported (issue #11 "never guessed")."""
    orphans = [s for s in starts if s.provider == agb and s.begindatum <= period.last
               and hulpvorm_of(s.product_categorie, s.product_code) is None]
    # deliveries() makes one delivery per start, in order: pair them back with their start.
    found, _ = deliveries(orphans, stops, lambda categorie, code: "??", as_of=period.last)
    unmapped: dict[tuple[str, str], set[str]] = defaultdict(set)
    for start, delivery in zip(orphans, found, strict=True):
        if delivery.paused or delivery.end is None or delivery.end >= period.first:
            unmapped[(start.product_categorie, start.product_code)].add(start.bsn)
    return dict(sorted(unmapped.items()))


def current_member(trajectory: Trajectory, day: date):
    """The delivery whose youth record and municipality count on `day` (§7.5 "De woonplaats
    kan tussentijds wijzigen ... Bij de eerstvolgende gegevenslevering ... de nieuwe
    gegevens"), the same choice as Trajectory.gemeente_on."""
    known = [m for m in trajectory.members if m.start <= day] or trajectory.members[:1]
    return max(known, key=lambda member: member.start)


def attach_measurements(trajectories: list[Trajectory], measurements: list[Measurement],
                        last: date, problems: Problems) -> dict[int, dict[str, Measurement]]:
    """Per trajectory (index): the latest measurement per informant taken during it, up to
    the period's end. One measured while two trajectories of the same provider ran (two
    hulpvormen) cannot be placed: counted, left out."""
    spans = defaultdict(list)
    for index, t in enumerate(trajectories):
        spans[(t.bsn, t.provider)].append(index)
    found: dict[int, dict[str, Measurement]] = defaultdict(dict)
    for m in sorted(measurements, key=lambda m: m.measured_on):
        if m.measured_on > last:
            continue
        during = [i for i in spans.get((m.bsn, m.provider), [])
                  if trajectories[i].start <= m.measured_on
                  and (trajectories[i].end is None or m.measured_on <= trajectories[i].end)]
        if len(during) > 1:
            problems.ambiguous_measurements += 1
        elif during:
            found[during[0]][m.informant] = m
    return found


def records(trajectories: list[Trajectory], persons: dict[int, Person], period: Period, *,
            agb: str, crisis: set[tuple], measurements: list[Measurement],
            problems: Problems) -> list[dict]:
    """One record (column name -> value, unpadded) per trajectory of `agb` overlapping the
    period, from trajectories as known at the period's end (so an end after it is blank)."""
    chosen = sorted((t for t in trajectories
                     if t.provider == agb and t.overlaps(period.first, period.last)),
                    key=lambda t: (t.bsn, t.start, t.hulpvorm))
    measured = attach_measurements(chosen, measurements, period.last, problems)
    rows = []
    for index, t in enumerate(chosen):
        member = current_member(t, period.last)
        person = persons[member.youth_id]
        end = t.end if t.end is not None and t.end <= period.last else None
        outcome = measured.get(index, {})
        if t.verwijzer is None:
            problems.no_verwijzer.append(index + 1)
        rows.append({
            "aanbieder_agb": agb,
            "verslagperiode": half_year_code(period),
            "bsn": person.bsn or BSN_ONBEKEND,
            "geboortedatum": person.birth_date.strftime("%Y%m%d"),
            "geslacht": GESLACHT_BY_COD046.get(person.geslacht, "O"),
            # No postcode is kept of a youth: §2.5 "Als de postcode niet bekend is, dan volstaat
            # de CBS code van de gemeente" (the municipality of the woonplaatsbeginsel).
            "postcode_gemeente": member.gemeente,
            "verwijzer": t.verwijzer or "",
            "hulpvorm": t.hulpvorm,
            "gestart_met_crisis": (CRISIS_JA if (t.bsn, t.provider, t.hulpvorm, t.start) in crisis
                                   else CRISIS_NEE),
            "datum_aanvang": t.start.strftime("%Y%m%d"),
            "datum_einde": end.strftime("%Y%m%d") if end else "",
            "reden_beeindiging": (t.reden_beeindiging or "") if end else "",
            **_outcome(outcome.get("jeugdige"), "jeugdige"),
            **_outcome(outcome.get("ouder"), "ouder"),
        })
    return rows


def _outcome(measurement: Measurement | None, informant: str) -> dict:
    mark = measurement.tevredenheid if measurement else None
    return {f"tevredenheid_{informant}": f"{mark:02d}" if mark else "",
            f"zonder_hulp_{informant}": (measurement.zonder_hulp or "") if measurement else ""}


def line(row: dict) -> str:
    """One fixed-width record: each value left-aligned, padded with spaces; a value that does
    not fit is a programming error, never cut short."""
    parts = []
    for column in LAYOUT:
        value = str(row[column.name])
        if len(value) > column.width or not value.isascii():
            raise ValueError(f"{column.name}: {value!r} does not fit {column.width} ASCII "
                             f"positions ({column.cite}).")
        parts.append(value.ljust(column.width))
    return "".join(parts)


def render(rows: list[dict]) -> str:
    return "".join(line(row) + RECORD_END for row in rows)
