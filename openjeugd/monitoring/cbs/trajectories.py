"""CBS trajectories (protocol §3.3 and §7.5) from deliveries, and herhaald beroep.

Protocol: /work/shared/ijw/CBS_Beleidsinformatie_Jeugd_informatieprotocol_v7.md.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import codes
from .deliveries import Delivery
from .periods import years_before

ONE_DAY = timedelta(days=1)
HERHAALD_BEROEP_YEARS = 5


@dataclass(slots=True)
class Trajectory:
    bsn: str
    provider: str
    hulpvorm: str
    members: list[Delivery] = field(default_factory=list)
    herhaald_beroep: bool = False
    # Kept by add() as plain attributes, equal to the definitions in their comments: the
    # indicator set reads them millions of times at regional scale, where a property per
    # read cost more than all the rest of the merge.
    # §3.3 "De aanvangsdatum wordt de eerste aanvangsdatum": the first member's start (merge
    # adds members in order of start).
    start: date | None = field(default=None, init=False, repr=False, compare=False)
    # §3.3 "de einddatum wordt pas ingevuld als de laatste zorg eindigt"; a temporary stop
    # (JZ588 20) as the last word means care is expected to resume: no end yet.
    end: date | None = field(default=None, init=False, repr=False, compare=False)
    # The referral that opened the trajectory (§7.5: "ook de verwijzer en de reden
    # beëindiging per hulpvorm worden gerapporteerd"): the first member's.
    verwijzer: str | None = field(default=None, init=False, repr=False, compare=False)
    _running: int = field(default=0, init=False, repr=False, compare=False)
    _latest: Delivery | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, delivery: Delivery) -> None:
        if not self.members:
            self.start = delivery.start
            self.verwijzer = delivery.verwijzer
        self.members.append(delivery)
        self._running += delivery.running
        # The latest end; on the same day a definitive stop outweighs a temporary one. Only a
        # strictly later key replaces, as max() keeps the first of equals.
        latest = self._latest
        if delivery.end is not None and (
                latest is None
                or (delivery.end, not delivery.paused) > (latest.end, not latest.paused)):
            self._latest = latest = delivery
        last = None if self._running else latest
        self.end = None if last is None or last.paused else last.end

    @property
    def last(self) -> Delivery | None:
        """The member that ends the trajectory: None while any member runs; else the one with
        the latest end, a definitive stop outweighing a temporary one on the same day."""
        return None if self._running else self._latest

    @property
    def reden_beeindiging(self) -> str | None:
        """CBS §3.7 code, from the stop that ended the trajectory."""
        return codes.reden(self.last.reden) if self.end is not None else None

    @property
    def youth_ids(self) -> set[int]:
        return {member.youth_id for member in self.members}

    def gemeente_on(self, day: date) -> str:
        """§7.5 "De woonplaats kan tussentijds wijzigen. Deze wijzigingen leiden niet tot een
        nieuwe vermelding": one record, with the municipality known at that day."""
        if len(self.members) == 1:  # the common case; the same answer as below
            return self.members[0].gemeente
        known = [member for member in self.members if member.start <= day] or self.members[:1]
        return max(known, key=lambda member: member.start).gemeente

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or self.end >= first)

    def takes(self, delivery: Delivery) -> bool:
        """Does this delivery continue the trajectory instead of starting a new one?"""
        last = self.last
        if last is None or last.paused:
            return True  # running, or paused: the next start is the resumption
        # §3.3 "Als er ... records zouden ontstaan met dezelfde BSN en hulpvorm maar
        # verschillende aanvangsdatums, waarbij de records wél overlappen in de tijd, dan dienen
        # ook deze records te worden samengevoegd" and "de aanvangsdatum van het ene record moet
        # steeds na de einddatum van het daarvoor gestarte record liggen": a start on or before
        # the end overlaps (merged); a start the day after the end is a new record.
        if delivery.start <= last.end:
            return True
        # §7.5 a move is no new record: in iJw the old municipality's toewijzing ends and the
        # new one's starts the next day (JZ002 07 "einddatum ... inschrijfdatum ... -1 dag").
        return delivery.start == last.end + ONE_DAY and delivery.gemeente != last.gemeente


def merge(deliveries: Iterable[Delivery]) -> list[Trajectory]:
    """Per BSN, provider and hulpvorm (§1.3 "Ieder doet dat over de eigen betrokkenheid";
    §3.3 "de sleutel van een record ... BSN, de datum aanvang jeugdhulp en de hulpvorm")."""
    groups = defaultdict(list)
    for delivery in deliveries:
        groups[(delivery.bsn, delivery.provider, delivery.hulpvorm)].append(delivery)
    trajectories = []
    for (bsn, provider, hulpvorm), members in groups.items():
        current = None
        for delivery in sorted(members, key=lambda d: (d.start, d.end or date.max)):
            if current is None or not current.takes(delivery):
                current = Trajectory(bsn, provider, hulpvorm)
                trajectories.append(current)
            current.add(delivery)
    mark_herhaald_beroep(trajectories)
    return sorted(trajectories, key=lambda t: (t.start, t.bsn, t.provider, t.hulpvorm))


def mark_herhaald_beroep(trajectories: list[Trajectory]) -> None:
    """CBS Jeugdmonitor, begrip "Eerder jeugdhulp gekregen" (jeugdmonitor.cbs.nl/begrippen-
    en-toelichtingen): herhaald beroep when the youth received youth care in the five years
    before; "Aansluitende trajecten worden niet als herhaling gezien. Er moet minstens een dag
    zitten tussen het afgesloten jeugdhulptraject en het nieuw gestarte". Any provider, any
    hulpvorm; the window is the five years before this trajectory's start."""
    ends_by_bsn = defaultdict(list)
    for trajectory in trajectories:
        if trajectory.end is not None:
            ends_by_bsn[trajectory.bsn].append(trajectory.end)
    for trajectory in trajectories:
        ends = ends_by_bsn.get(trajectory.bsn)
        if not ends:
            trajectory.herhaald_beroep = False  # no earlier end, nothing to look up
            continue
        window_opens = years_before(trajectory.start, HERHAALD_BEROEP_YEARS)
        latest_allowed = trajectory.start - 2 * ONE_DAY  # one day without care in between
        trajectory.herhaald_beroep = any(
            window_opens <= end <= latest_allowed for end in ends)


def overlapping(trajectories: Iterable[Trajectory], first: date, last: date) -> list[Trajectory]:
    """§7.5: started, ended or running in the period."""
    return [t for t in trajectories if t.overlaps(first, last)]


RECORD_KEYS = ("bsn", "aanbieder", "gemeente", "hulpvorm", "verwijzer", "datum_aanvang",
               "datum_einde", "reden_beeindiging", "herhaald_beroep")


def record(trajectory: Trajectory, period_last: date) -> dict:
    """The command line's record: exactly RECORD_KEYS."""
    end = trajectory.end
    return {
        "bsn": trajectory.bsn,
        "aanbieder": trajectory.provider,
        "gemeente": trajectory.gemeente_on(period_last),
        "hulpvorm": trajectory.hulpvorm,
        "verwijzer": trajectory.verwijzer,
        "datum_aanvang": trajectory.start.isoformat(),
        "datum_einde": end.isoformat() if end else None,
        "reden_beeindiging": trajectory.reden_beeindiging,
        "herhaald_beroep": trajectory.herhaald_beroep,
    }
