"""Turns the demo generator's events into real iJw messages and imports them.

Municipality messages go out through services.outbox, provider messages come in through
services.ingest: the same path and checks as real traffic. The clock is set to each event's
date so receipts, answers and deadlines carry their historical dates.
"""

import multiprocessing
from collections import defaultdict
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import connection, connections, transaction

from openjeugd.demo import events as ev
from openjeugd.demo import lookups
from openjeugd.ijw import build, clock, codec
from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec.message_types import direction_of
from openjeugd.ijw.models import (
    CareEpisode,
    Declaratie,
    DeclaredHalfYear,
    DeclaredMonth,
    IdentificatieCounter,
    Message,
    Start,
    Stop,
    Toewijzing,
    Verzoek,
)
from openjeugd.ijw.services import ingest, outbox, tallies
from openjeugd.registry.models import Youth

_TZ = ZoneInfo("Europe/Amsterdam")


def _moment(day, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=_TZ)


class _Live:
    """Sends through the real path at once: municipality messages out, provider ones in."""

    def __init__(self):
        self.counters: dict[tuple[str, str], int] = defaultdict(int)

    def next_id(self, sender: str, code: str, municipality: str) -> str:
        if direction_of(code) == "out":
            return outbox.next_identificatie(sender)
        # A provider numbers its messages per municipality ("P" + gemeentecode + 7 digits: the
        # 12 characters LDT_IdentificatieBericht allows), so a municipality's history gets the
        # same numbers whether it is replayed alone (a parallel load) or with the others.
        self.counters[sender, municipality] += 1
        return f"P{municipality}{self.counters[sender, municipality]:07d}"

    def send(self, message: m.Message) -> None:
        if direction_of(message.code) == "out":
            outbox.send(message)
        else:
            ingest(codec.serialize(message), filename=f"{message.code}-demo.xml")


class _Files(_Live):
    """Writes the messages as numbered files instead, for `openjeugd ijw import`."""

    def __init__(self, directory: Path):
        super().__init__()
        self.directory = directory
        self.written = 0

    def next_id(self, sender: str, code: str, municipality: str) -> str:
        self.counters[sender, ""] += 1
        return f"D{self.counters[sender, '']:09d}"

    def send(self, message: m.Message) -> None:
        self.written += 1
        own = message.header.identificatie_retour or message.header.identificatie
        name = f"{self.written:07d}-{message.code}-{own}.xml"
        (self.directory / name).write_bytes(codec.serialize(message))


# Real back offices make mistakes; one declaration in this many carries a wrong product
# code, so the demo also shows rejections, JW325 retourcodes and rejection rates.
FAULTY_DECLARATION_EVERY = 25


class Bridge:
    def __init__(self, channel: _Live):
        self.channel = channel
        # Keyed per municipality (a toewijzing number is unique per municipality), like
        # every other piece of state here: a municipality's replay depends on its own events
        # only, which is what lets load_history replay municipalities side by side.
        self.toewijzingen: dict[tuple[str, str], ev.Toewijzing] = {}
        self.declarations_sent: dict[str, int] = defaultdict(int)
        self.last_period: dict[tuple[str, str], date] = {}  # (agb, gemeente) -> begin

    def head(self, code, sender, receiver, day, identificatie=None):
        municipality = sender if direction_of(code) == "out" else receiver
        ident = identificatie or self.channel.next_id(sender, code, municipality)
        return build.header(code, afzender=sender, ontvanger=receiver, identificatie=ident,
                            dagtekening=day)

    def referral(self, e: ev.Referral) -> None:
        if not e.referentie_aanbieder:
            return  # referred by the municipality itself: it assigns directly
        verwijzer = m.Verwijzer(type=e.verwijzer_type, naam=e.verwijzer_naam or None,
                                zorgverlener_code=e.verwijzer_zorgverlenercode or None)
        requested = m.AangevraagdProduct(
            referentie_aanbieder=e.referentie_aanbieder,
            # Category only: a product code would require an omvang (CD041), which the
            # provider does not know before the municipality has assessed the request.
            product=build.product(e.product_categorie, None),
            toewijzing_ingangsdatum=e.date, verwijzer=verwijzer)
        head = self.head("JW315", e.provider_agb, e.youth.municipality_code, e.date)
        self.channel.send(build.jw315(head, e.youth, [requested]))

    def toewijzing(self, e: ev.Toewijzing, reden: str = "", einddatum=None, day=None) -> None:
        self.toewijzingen[e.municipality_code, e.toewijzing_nummer] = e
        day = day or e.date
        line = build.toegewezen_product(
            nummer=e.toewijzing_nummer, categorie=e.product_categorie, code=e.product_code,
            toegewezen_op=day, ingangsdatum=e.ingangsdatum, einddatum=einddatum or e.einddatum,
            volume=e.volume, eenheid=e.eenheid, frequentie=e.frequentie, budget=e.budget,
            reden_wijziging=reden, referentie_aanbieder=e.referentie_aanbieder)
        head = self.head("JW301", e.municipality_code, e.provider_agb, day)
        message = build.jw301(head, e.youth, [line])
        self.channel.send(message)
        self.acknowledge(message, day)

    def acknowledge(self, jw301: m.JW301, day) -> None:
        # The provider returns the toewijzing (JW302) the next day, without remarks.
        with clock.at(_moment(day, 15) + timedelta(days=1)):
            reply = codec.build_return(
                jw301, header_codes=[], record_codes={},
                identificatie=self.channel.next_id(jw301.header.ontvanger, "JW302",
                                                   jw301.header.afzender),
                dagtekening=clock.today())
            self.channel.send(reply)

    def change(self, e: ev.Change) -> None:
        original = self.toewijzingen[e.municipality_code, e.toewijzing_nummer]
        self.toewijzing(original, reden=e.reden_wijziging, einddatum=e.einddatum, day=e.date)

    def start(self, e: ev.Start) -> None:
        line = m.StartProduct(
            toewijzing_nummer=e.toewijzing_nummer,
            product=build.product(e.product_categorie, e.product_code),
            toewijzing_ingangsdatum=self._ingang(e), begindatum=e.begindatum,
            status_aanlevering="1")
        head = self.head("JW305", e.provider_agb, e.municipality_code, e.date)
        self.channel.send(build.jw305(head, e.youth, [line]))

    def stop(self, e: ev.Stop) -> None:
        line = m.StopProduct(
            toewijzing_nummer=e.toewijzing_nummer,
            product=build.product(e.product_categorie, e.product_code),
            toewijzing_ingangsdatum=self._ingang(e), begindatum=e.begindatum,
            reden_beeindiging=e.reden_beeindiging, einddatum=e.einddatum,
            status_aanlevering="1")
        head = self.head("JW307", e.provider_agb, e.municipality_code, e.date)
        self.channel.send(build.jw307(head, e.youth, [line]))

    def declarations(self, lines: list[ev.Declaration]) -> None:
        first = lines[0]
        clients: dict[str, list[m.Prestatie]] = defaultdict(list)
        for line in lines:
            clients[line.youth.bsn].append(_prestatie(line))
        self.declarations_sent[first.municipality_code] += 1
        # The mistake goes in a new debit line: a credit repeats the line it credits.
        debits = [p for group in clients.values() for p in group
                  if p.ingediend_bedrag > 0 and not p.vorig_product_referentie]
        sent = self.declarations_sent[first.municipality_code]
        if sent % FAULTY_DECLARATION_EVERY == 0 and debits:
            wrong = debits[0]
            wrong.product_code = wrong.product_code[:-1] + ("X" if wrong.product_code[-1] != "X"
                                                            else "Y")
        # CS340: a declaration period is exactly one calendar month. TR318/OP284: periods
        # follow each other; a correction of an earlier month travels in the latest period.
        key = (first.provider_agb, first.municipality_code)
        begin = max(first.period_start.replace(day=1), self.last_period.get(key, date.min))
        self.last_period[key] = begin
        end = (begin + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        head = self.head("JW323", first.provider_agb, first.municipality_code, first.date)
        self.channel.send(build.jw323(head, nummer=head.identificatie, periode=(begin, end),
                                       clients=dict(clients)))

    def _ingang(self, e):
        nummer = e.toewijzing_nummer
        event = self.toewijzingen.get((e.municipality_code, nummer)) if nummer else None
        return event.ingangsdatum if event else None


def _prestatie(line: ev.Declaration) -> m.Prestatie:
    sign = -1 if line.debet_credit == "C" else 1
    return m.Prestatie(
        product_referentie=line.referentie_nummer,
        vorig_product_referentie=line.vorig_referentie_nummer or None,
        toewijzing_nummer=line.toewijzing_nummer, product_categorie=line.product_categorie,
        product_code=line.product_code,
        product_periode=m.Periode(begindatum=line.period_start, einddatum=line.period_end),
        geleverd_volume=line.volume, eenheid=line.eenheid, product_tarief=line.tariff,
        ingediend_bedrag=sign * line.amount)


def _batches(events):
    """Events in order, with a day's declaration lines grouped per provider and municipality."""
    pending: dict[tuple, list] = defaultdict(list)
    current_day = None
    for event in events:
        if current_day is not None and event.date != current_day:
            yield from pending.values()
            pending.clear()
        current_day = event.date
        if isinstance(event, ev.Declaration):
            month = event.period_start.replace(day=1)
            pending[(event.provider_agb, event.municipality_code, month)].append(event)
        else:
            yield event
    yield from pending.values()


def load_history(events, *, progress=None, jobs: int = 1) -> int:
    """Send the whole history through the message path; returns the number of steps.

    With jobs > 1 on PostgreSQL the municipalities are replayed side by side, each in its own
    process, through the same path: a municipality's messages depend on its own events only
    (the bridge keeps its state and numbering per municipality, demo youths never move), and
    the database's own concurrency control already serves simultaneous senders. SQLite has
    one writer at a time, so there the load stays serial; so it does inside a transaction
    (a test's), whose uncommitted set-up other connections cannot see."""
    parts = _per_municipality(events) if jobs > 1 else []
    if len(parts) < 2 or connection.vendor != "postgresql" or connection.in_atomic_block:
        with lookups.remembered():
            return _replay(Bridge(_Live()), events, progress)
    return _replay_in_parallel(parts, min(jobs, len(parts)), progress)


def _per_municipality(events) -> list[list]:
    """The events per municipality, in their order, the largest share first (it sets the
    wall time, so it should not start last)."""
    parts: dict[str, list] = defaultdict(list)
    for event in events:
        parts[event.youth.municipality_code].append(event)
    return sorted(parts.values(), key=len, reverse=True)


_parts: list[list] = []  # the work of a parallel load, inherited by the forked workers
_done = None  # the steps the workers have finished together (a shared counter)


def _replay_in_parallel(parts, jobs, progress) -> int:
    global _parts, _done
    context = multiprocessing.get_context("fork")  # the workers inherit Django's set-up
    total = sum(1 for part in parts for _ in _batches(part))
    _parts, _done = parts, context.Value("i", 0)
    connections.close_all()  # never share a connection with a child process
    try:
        # A worker that dies breaks the pool (BrokenProcessPool) instead of leaving its
        # municipality's future unanswered.
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            futures = [pool.submit(_replay_part, index) for index in range(len(parts))]
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.5, return_when=FIRST_EXCEPTION)
                if progress:
                    progress(_done.value, total)
                errors = [future.exception() for future in finished if future.exception()]
                if errors:  # the municipalities not begun are not begun; the others finish
                    pool.shutdown(cancel_futures=True)
                    raise errors[0]
            steps = sum(future.result() for future in futures)
    finally:
        _parts, _done = [], None
    if progress:
        progress(steps, total)
    return steps


def _replay_part(index: int) -> int:
    def count(_done_in_part, _total_in_part):
        with _done.get_lock():
            _done.value += 1

    try:
        with lookups.remembered():
            return _replay(Bridge(_Live()), _parts[index], count)
    finally:
        connections.close_all()


def export_history(events, directory: Path, *, progress=None) -> int:
    """Write the history as message files, in order; returns how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    channel = _Files(directory)
    _replay(Bridge(channel), events, progress)
    return channel.written


def _replay(bridge: "Bridge", events, progress) -> int:
    handlers = {ev.Referral: bridge.referral, ev.Toewijzing: bridge.toewijzing,
                ev.Change: bridge.change, ev.Start: bridge.start, ev.Stop: bridge.stop}
    steps = list(_batches(events))
    for done, step in enumerate(steps, 1):
        day = step[0].date if isinstance(step, list) else step.date
        with clock.at(_moment(day)):
            if isinstance(step, list):
                bridge.declarations(step)
            else:
                handlers[type(step)](step)
        if progress:
            progress(done, len(steps))
    return len(steps)


def reset_history(*, region) -> None:
    """Remove the message history of a region's municipalities (demo reset only)."""
    municipalities = region.municipalities.all()
    with transaction.atomic():
        # The summaries first: they point at the facts (PROTECT) and are exact sums of them,
        # so removing a municipality's facts removes its summary rows entirely.
        for summary in (CareEpisode, DeclaredHalfYear, DeclaredMonth):
            summary.objects.filter(municipality__in=municipalities).delete()
        Declaratie.objects.filter(municipality__in=municipalities).delete()
        Start.objects.filter(municipality__in=municipalities).delete()
        Stop.objects.filter(municipality__in=municipalities).delete()
        Toewijzing.objects.filter(municipality__in=municipalities).delete()
        Verzoek.objects.filter(municipality__in=municipalities).delete()
        messages = Message.objects.filter(municipality__in=municipalities)
        Message.objects.filter(in_reply_to__in=messages).update(in_reply_to=None)
        messages.update(in_reply_to=None, youth=None)
        messages.delete()
        IdentificatieCounter.objects.filter(
            afzender__in=municipalities.values_list("code", flat=True)).delete()
        Youth.objects.filter(municipality__in=municipalities).delete()
        # The figures counted the removed messages: count again (a demo reset only).
        tallies.rebuild()
