"""Generate a region's care history as events (pure, deterministic for a seed).

Every random draw comes from one random.Random(seed) in a fixed order over tuples, so the
same arguments give the same list on every machine and Python run.
"""

import calendar
import itertools
import math
import random
import zlib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from openjeugd.demo import identities
from openjeugd.demo.events import (
    EVENT_ORDER,
    Change,
    Declaration,
    Event,
    Referral,
    Start,
    Stop,
    SyntheticYouth,
    Toewijzing,
    Variant,
)
from openjeugd.demo.organisations import OrganisationPlan, ProviderSpec, plan_organisations
from openjeugd.demo.profiles import ETMAAL, PER_MAAND, PER_WEEK, TOTAAL, Product, RegionProfile
from openjeugd.lib.money import round_money

RUNNING_OVER_SHARE = 0.15  # trajectories still open at the end of the period
SECOND_TRAJECTORY_SHARE = 0.12  # youths who return for a second trajectory
CORRECTION_SHARE = 0.02  # declaration lines credited and declared again
# Youths aged 4-17 are most of the clients; the under-fours are a small group.
AGE_WEIGHTS = tuple(2 if age < 4 else 5 if age < 12 else 6 for age in range(18))
# JZ588 reasons when the provider stops early, with weights.
EARLY_STOP_REASONS = (("32", 35), ("33", 15), ("34", 30), ("35", 10), ("38", 5), ("39", 5))
FIRST_TOEWIJZING_NUMMER = 200_001


@dataclass(frozen=True)
class Timing:
    """The dates of one trajectory; care_end None means still running at the end."""

    referral: date
    toewijzing: date
    ingangsdatum: date
    einddatum: date  # as first assigned
    begin: date
    care_end: date | None
    stop_reason: str
    change: tuple[date, str, date] | None = None  # (date, JZ002 reden, new einddatum)

    @property
    def current_einddatum(self) -> date:
        return self.change[2] if self.change else self.einddatum


@dataclass
class _Context:
    rng: random.Random
    profile: RegionProfile
    plan: OrganisationPlan
    start: date
    end: date
    numbers: itertools.count
    verwijzers: dict[str, tuple[str, ...]]

    def pick(self, pairs):
        """One value from (value, weight) pairs."""
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights)[0]

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))


def generate_history(profile: RegionProfile, *, youths: int, years: int, seed: int, end: date,
                     organisations: OrganisationPlan | None = None) -> list[Event]:
    """The events of `youths` youths in care over the `years` before `end`, sorted by date."""
    if youths < 0 or years < 1:
        raise ValueError("youths must be 0 or more and years at least 1.")
    rng = random.Random(seed)
    plan = organisations or plan_organisations(profile, seed)
    context = _Context(rng, profile, plan, _years_before(end, years), end,
                       itertools.count(FIRST_TOEWIJZING_NUMMER), _verwijzer_pool(rng, plan))
    events: list[Event] = []
    for bsn in identities.draw_test_bsns(rng, youths):
        events += _youth_history(context, bsn)
    # sort is stable: same-day events keep the chain order and then generation order.
    events.sort(key=lambda event: (event.date, EVENT_ORDER[type(event)]))
    return events


def _years_before(end: date, years: int) -> date:
    day = min(end.day, 28) if (end.month, end.day) == (2, 29) else end.day
    return date(end.year - years, end.month, day) + timedelta(days=1)


def _verwijzer_pool(rng: random.Random, plan: OrganisationPlan) -> dict[str, tuple[str, ...]]:
    """Synthetic AGB codes of the referring doctors; GIs refer with their own code."""
    return {
        "02": tuple(identities.verwijzer_code(rng) for _ in range(15)),  # huisartsen
        "03": tuple(identities.verwijzer_code(rng) for _ in range(4)),  # jeugdartsen
        "05": tuple(identities.verwijzer_code(rng) for _ in range(6)),  # medisch specialisten
        "04": tuple(p.agb_code for p in plan.providers if p.certified),
    }


# --- one youth --------------------------------------------------------------------------------

def _youth_history(context: _Context, bsn: str) -> list[Event]:
    product = _pick_product(context, age=None)
    timing = _plan_timing(context, product, earliest=context.start)
    youth = _new_youth(context, bsn, product, timing.referral)
    events = _trajectory(context, youth, product, timing)
    room = timing.care_end and (context.end - timing.care_end).days >= 150
    if room and context.rng.random() < SECOND_TRAJECTORY_SHARE:
        earliest = timing.care_end + timedelta(days=14)
        second = _pick_product(context, age=_age_on(youth.birth_date, earliest))
        second_timing = second and _plan_timing(context, second, earliest=earliest)
        if second_timing:
            events += _trajectory(context, youth, second, second_timing)
    return events


def _pick_product(context: _Context, age: int | None) -> Product | None:
    """A block by the profile's shares, then a product by weight (that suits the age)."""
    shares = context.profile.block_shares()
    key = context.pick([(block.key, float(shares[block.key]))
                        for block in context.profile.blocks])
    products = [p for p in context.profile.block(key).products
                if age is None or p.ages[0] <= age <= p.ages[1]]
    return context.pick([(p, p.weight) for p in products]) if products else None


def _new_youth(context: _Context, bsn: str, product: Product, referral: date) -> SyntheticYouth:
    rng = context.rng
    low, high = product.ages
    age = context.pick([(a, AGE_WEIGHTS[a]) for a in range(low, high + 1)])
    birthday = _years_before(referral, age) - timedelta(days=1)
    municipality = context.pick([(m.code, m.population_0_17)
                                 for m in context.profile.municipalities])
    return SyntheticYouth(
        bsn=bsn,
        birth_date=birthday - timedelta(days=rng.randint(0, 364)),
        geslacht=context.pick([("1", 52), ("2", 47), ("0", 1)]),
        initials=identities.initials(rng),
        surname=identities.surname(rng),
        municipality_code=municipality,
    )


def _age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month,
                                                                   birth_date.day))


# --- timing -----------------------------------------------------------------------------------

def _plan_timing(context: _Context, product: Product, earliest: date) -> Timing | None:
    """Dates of a trajectory starting no earlier than `earliest`; None if it cannot fit."""
    rng = context.rng
    length = rng.randint(*product.days)
    lead = rng.randint(3, 20)  # referral to ingangsdatum
    taak = product.variant == Variant.TAAKGERICHT
    if not taak and rng.random() < RUNNING_OVER_SHARE:
        low = max(earliest, context.end - timedelta(days=length + lead - 2))
        high = context.end - timedelta(days=25)
        if low <= high:
            referral = low + timedelta(days=rng.randint(0, (high - low).days))
            return _open_timing(context, referral, lead, length, taak)
    # A trajectory that ends in the period must fit in it, with time to report the stop.
    length = min(length, (context.end - earliest).days - lead - 40)
    high = context.end - timedelta(days=length + lead + 30)
    if length < product.days[0] // 2 or high < earliest:
        return None
    referral = earliest + timedelta(days=rng.randint(0, (high - earliest).days))
    timing = _open_timing(context, referral, lead, length, taak)
    return _ended(context, timing, taak)


def _open_timing(context: _Context, referral: date, lead: int, length: int,
                 taak: bool) -> Timing:
    ingangsdatum = referral + timedelta(days=lead)
    # Waiting time before care starts; crisis care starts at once.
    waiting = timedelta(0) if taak else context.days(0, 14)
    return Timing(
        referral=referral,
        toewijzing=referral + context.days(1, lead - 1),
        ingangsdatum=ingangsdatum,
        einddatum=ingangsdatum + timedelta(days=length - 1),
        begin=ingangsdatum + waiting,
        care_end=None,
        stop_reason="",
    )


def _ended(context: _Context, timing: Timing, taak: bool) -> Timing:
    """How a trajectory that ends in the period ends: as planned, early, or changed."""
    rng, planned = context.rng, (timing.einddatum - timing.begin).days
    draw = 1.0 if taak else rng.random()
    if draw < 0.10:  # the provider stops early
        care_end = timing.begin + timedelta(days=int(planned * rng.uniform(0.3, 0.8)))
        return replace(timing, care_end=care_end, stop_reason=context.pick(EARLY_STOP_REASONS))
    if draw < 0.14 and planned >= 90:  # the municipality shortens (JZ002 05 -> JZ588 36)
        changed = timing.begin + timedelta(days=planned // 2)
        new_end = changed + context.days(14, 30)
        return replace(timing, care_end=new_end, stop_reason="36",
                        change=(changed, "05", new_end))
    if 0.14 <= draw < 0.24:  # herbeoordeling: the municipality extends (JZ002 04)
        new_end = timing.einddatum + context.days(30, 120)
        changed = timing.einddatum - context.days(14, 28)
        care_end = new_end if new_end + timedelta(days=10) <= context.end else None
        return replace(timing, care_end=care_end, stop_reason="31" if care_end else "",
                        change=(changed, "04", new_end))
    return replace(timing, care_end=timing.einddatum, stop_reason="31")


# --- events of one trajectory -----------------------------------------------------------------

def _trajectory(context: _Context, youth: SyntheticYouth, product: Product,
                timing: Timing) -> list[Event]:
    provider = context.pick([(p, p.weight) for p in context.plan.providers_for(product.code)])
    if product.variant == Variant.TAAKGERICHT:
        return _start_stop(context, youth, product, provider, timing, None)
    nummer = str(next(context.numbers))
    verwijzer = context.pick(product.verwijzers)
    reference = "" if verwijzer == "01" else f"A{provider.agb_code[-4:]}-{nummer}"
    toewijzing = Toewijzing(
        date=timing.toewijzing, toewijzing_nummer=nummer, youth=youth,
        municipality_code=youth.municipality_code, provider_agb=provider.agb_code,
        variant=product.variant, product_categorie=product.categorie,
        product_code=product.code, ingangsdatum=timing.ingangsdatum,
        einddatum=timing.einddatum,
        volume=context.rng.randint(*product.volume), eenheid=product.eenheid,
        frequentie=product.frequentie, budget=None, referentie_aanbieder=reference,
    )
    events: list[Event] = [_referral(context, youth, product, provider, timing, verwijzer,
                                     reference), toewijzing]
    if timing.change:
        changed, reden, new_end = timing.change
        events.append(Change(changed, nummer, youth, youth.municipality_code, provider.agb_code,
                             reden, new_end))
    events += _start_stop(context, youth, product, provider, timing, nummer)
    events += _declarations(context, toewijzing, product, timing)
    return [event for event in events if event.date <= context.end]


def _referral(context, youth, product, provider, timing, verwijzer, reference) -> Referral:
    codes = context.verwijzers.get(verwijzer, ())
    name = {"01": _local_team_name(context, youth), "08": "Kinderrechter"}.get(verwijzer, "")
    return Referral(
        date=timing.referral, youth=youth, verwijzer_type=verwijzer, verwijzer_naam=name,
        verwijzer_zorgverlenercode=context.rng.choice(codes) if codes else "",
        provider_agb=provider.agb_code, referentie_aanbieder=reference,
        product_categorie=product.categorie, product_code=product.code,
    )


def _local_team_name(context: _Context, youth: SyntheticYouth) -> str:
    team = next(t for t in context.plan.teams
                if t.kind in ("slt", "lokaal_team") and youth.municipality_code in
                t.municipality_codes)
    return team.name[:64]  # LDT_NaamVerwijzer


def _start_stop(context, youth, product, provider: ProviderSpec, timing: Timing,
                nummer: str | None) -> list[Event]:
    reported = timing.begin + context.days(1, 5)
    if reported > context.end:
        return []  # care starts after the period: nothing reported yet
    common = dict(toewijzing_nummer=nummer, youth=youth,
                  municipality_code=youth.municipality_code, provider_agb=provider.agb_code,
                  product_categorie=product.categorie, product_code=product.code,
                  begindatum=timing.begin)
    events: list[Event] = [Start(date=reported, **common)]
    if timing.care_end:
        stopped = max(timing.care_end + context.days(1, 5), reported)
        events.append(Stop(date=stopped, einddatum=timing.care_end,
                           reden_beeindiging=timing.stop_reason, **common))
    return events


# --- declarations -----------------------------------------------------------------------------

def _declarations(context: _Context, toewijzing: Toewijzing, product: Product,
                  timing: Timing) -> list[Event]:
    """One line per month of care, sent 5-15 days after the month (declared in arrears)."""
    last_day = min(timing.care_end or context.end, timing.current_einddatum)
    lines: list[Event] = []
    for first, last in _months(timing.begin, last_day):
        context.days(5, 15)  # drawn as before, so the rest of the history stays the same
        sent = declaration_day(toewijzing.provider_agb, toewijzing.municipality_code, last)
        if sent > context.end:
            break
        care = (max(first, timing.begin), min(last, last_day))
        volume = _delivered(context, toewijzing, product, timing, *care)
        # TR387/TR388: the ProductPeriode is the calendar month, cut only by the toewijzing's
        # own ingangsdatum/einddatum (not by the first or last day of care).
        period = (max(first, timing.ingangsdatum), min(last, timing.current_einddatum))
        if volume:
            lines += _lines(context, toewijzing, product, sent, period, volume)
    return lines


def _months(first: date, last: date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _delivered(context: _Context, toewijzing: Toewijzing, product: Product, timing: Timing,
               period_start: date, period_end: date) -> int:
    """The volume delivered in the period, never above what the toewijzing allows."""
    days = (period_end - period_start).days + 1
    if product.frequentie == TOTAAL:  # one output, declared when the trajectory is complete
        return int(timing.care_end == period_end and timing.stop_reason == "31")
    if product.eenheid == ETMAAL:
        return min(days, toewijzing.volume * math.ceil(days / 7))
    if product.frequentie == PER_WEEK:
        planned, cap = toewijzing.volume * days / 7, toewijzing.volume * math.ceil(days / 7)
    elif product.frequentie == PER_MAAND:
        month_days = calendar.monthrange(period_start.year, period_start.month)[1]
        planned, cap = toewijzing.volume * days / month_days, toewijzing.volume
    else:
        raise ValueError(f"Product {product.code}: unknown frequentie {product.frequentie!r}.")
    if product.variant == Variant.OUTPUTGERICHT:
        return toewijzing.volume  # a month of a measure is one output, however partial
    return min(cap, round(planned * context.rng.uniform(0.75, 1.0)))


def _lines(context: _Context, toewijzing: Toewijzing, product: Product, sent: date,
           period: tuple[date, date], volume: int) -> list[Event]:
    reference = f"{toewijzing.toewijzing_nummer}-{period[0]:%Y%m}"
    # TR418: the tariff of the ProductPeriode's first day (a seed region's contract tariff).
    tariff = product.tariff_on(period[0])
    line = Declaration(
        date=sent, referentie_nummer=reference, vorig_referentie_nummer="",
        toewijzing_nummer=toewijzing.toewijzing_nummer, youth=toewijzing.youth,
        municipality_code=toewijzing.municipality_code, provider_agb=toewijzing.provider_agb,
        product_categorie=product.categorie, product_code=product.code,
        period_start=period[0], period_end=period[1], volume=volume, eenheid=product.eenheid,
        tariff=tariff, amount=_amount(volume, tariff), debet_credit="D",
    )
    if volume < 2 or context.rng.random() >= CORRECTION_SHARE:
        return [line]
    # A correction a month later: credit the line in full, then declare the right volume.
    context.days(28, 35)  # drawn as before, so the rest of the history stays the same
    next_month_end = (sent.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(1)
    corrected_on = declaration_day(toewijzing.provider_agb, toewijzing.municipality_code,
                                   next_month_end)
    fixed = volume - context.rng.randint(1, min(2, volume - 1))
    return [line,
            replace(line, date=corrected_on, referentie_nummer=f"{reference}C",
                    vorig_referentie_nummer=reference, debet_credit="C"),
            replace(line, date=corrected_on, referentie_nummer=f"{reference}N", volume=fixed,
                    amount=_amount(fixed, tariff))]


def declaration_day(provider_agb: str, municipality_code: str, month_end: date) -> date:
    """The day a provider declares a month to a municipality: 5-15 days after the month, the
    same day for all its lines of that month, as a back office sends one JW323 per
    municipality per month (and the import takes one message for many lines)."""
    key = f"{provider_agb}-{municipality_code}-{month_end:%Y%m}".encode()
    return month_end + timedelta(days=5 + zlib.crc32(key) % 11)


def _amount(volume: int, tariff: Decimal) -> Decimal:
    return round_money(volume * tariff)
