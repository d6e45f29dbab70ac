"""Reads for monitoring: the iJw facts of a region, handed as plain tuples to the pure CBS
functions.

Two ways to the same facts. The fast path reads ijw's summaries, kept in step with the facts
in the transaction that writes them (ijw.models.summaries): one row per care episode (a start
with its current stops folded in) and the declaration lines summed per youth and half year
and per month. The plain path reads the starts, stops and declaration lines themselves; it is
the definition the fast path is tested against (monitoring/tests/test_fast_path.py), and it
answers whenever the summaries cannot: the keys of an irregular episode (more than one current
start or definitive stop on one key), and money asked for periods that are not whole half
years or months.

Only the functions ending in `_for` decide access (through accounts.policy) and log personal
data reads; the plain ones serve the command line, which logs under its OS user.
"""

import gc
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date

from django.db.models import Q
from django.http import Http404

from openjeugd.accounts import policy
from openjeugd.accounts.purposes import Purpose
from openjeugd.core import forked
from openjeugd.ijw.models import CareEpisode, Message, Start, Stop, Verzoek
from openjeugd.monitoring import (
    cbs,
    declared,
    process,
    seams,
    spending,
    steering,
    themes_selectors,
)
from openjeugd.monitoring.cbs import codes, figures, outcome, trajectories
from openjeugd.monitoring.cbs.deliveries import Report, StartFact, StopFact, report_of
from openjeugd.monitoring.cbs.trajectories import Trajectory, overlapping, record
from openjeugd.monitoring.declared import as_date, rows
from openjeugd.registry.models import Provider

# The viewer's scope as a function of the paths to municipality and provider (policy.scope_q
# with the user bound); None: the whole region (the command line).
Scope = Callable[..., Q]

_START_FIELDS = ("toewijzing_id", "youth_id", "provider_id", "municipality_id",
                 "product_categorie", "product_code", "begindatum", "youth__bsn",
                 "provider__agb_code", "municipality__code", "toewijzing__referentie_aanbieder")
_STOP_FIELDS = ("toewijzing_id", "youth_id", "provider_id", "municipality_id",
                "product_categorie", "begindatum", "einddatum", "reden_beeindiging")


def _link(toewijzing_id, youth_id, provider_id, municipality_id, categorie) -> tuple:
    # How the iJw handler ties a stop to its start: the toewijzing, or for taakgericht care
    # youth, provider, municipality and category (ijw/services/handlers/start_stop.py).
    if toewijzing_id is not None:
        return ("toewijzing", toewijzing_id)
    return ("taakgericht", youth_id, provider_id, municipality_id, categorie)


def facts(region, *, until: date | None = None, scope: Scope | None = None,
          only: set[tuple] | None = None, with_ids: bool = False) -> tuple[list, list[StopFact]]:
    """Starts and stops of the region's municipalities that were not deleted (OP033:
    "eerdere aanleveringen met dezelfde sleutel beschouwd moeten worden als niet verzonden").
    The plain definition; `only` narrows it to some keys, `with_ids` gives each start as
    (begindatum, id, fact) (episode_facts uses both for irregular episodes)."""
    where = Q(municipality__region=region, deleted_by__isnull=True)
    if scope is not None:
        where &= scope()
    if only is not None:
        where &= _of_keys(only)
    starts = Start.objects.filter(where)
    if until is not None:
        starts = starts.filter(begindatum__lte=until)
    referrers = _referrers(region)
    start_facts = [
        (begin, pk, StartFact(
            link=_link(tw, youth, provider, municipality, cat), bsn=bsn, youth_id=youth,
            provider=agb, gemeente=gemeente, product_categorie=cat, product_code=code,
            begindatum=begin, verwijzer=_verwijzer(referrers, tw, provider, municipality,
                                                   referentie)))
        for (pk, tw, youth, provider, municipality, cat, code, begin, bsn, agb, gemeente,
             referentie) in starts.values_list("id", *_START_FIELDS).iterator(chunk_size=5000)
    ]
    stop_facts = [
        StopFact(link=_link(tw, youth, provider, municipality, cat), begindatum=begin,
                 einddatum=end, reden=reden)
        for (tw, youth, provider, municipality, cat, begin, end, reden)
        in Stop.objects.filter(where).values_list(*_STOP_FIELDS).iterator(chunk_size=5000)
    ]
    if only is not None:
        start_facts = [row for row in start_facts if (row[2].link, row[0]) in only]
        stop_facts = [stop for stop in stop_facts if (stop.link, stop.begindatum) in only]
    if not with_ids:
        start_facts = [fact for _begin, _pk, fact in start_facts]
    return start_facts, stop_facts


_EPISODE_FIELDS = ("toewijzing_id", "youth_id", "provider_id", "municipality_id",
                   "product_categorie", "product_code", "begindatum", "youth__bsn",
                   "provider__agb_code", "municipality__code",
                   "toewijzing__referentie_aanbieder", "einddatum", "reden_beeindiging",
                   "paused_on")


def episode_facts(region, *, until: date | None = None,
                  scope: Scope | None = None) -> tuple[list[StartFact], list[StopFact]]:
    """facts() from ijw's care episodes in one query: each current start with its definitive
    and temporary stop. An irregular episode (more than one current start or definitive stop
    on one key: the rules forbid it, a bulk load need not) cannot say which counts: its
    starts and stops are read from the facts, so every key is answered as facts() would."""
    where = Q(municipality__region=region)
    if scope is not None:
        where &= scope()
    episodes = CareEpisode.objects.filter(where, start__isnull=False, irregular=False)
    if until is not None:
        episodes = episodes.filter(begindatum__lte=until)
    referrers = _referrers(region)
    starts, stops = [], []
    for (start_id, tw, youth, provider, municipality, cat, code, begin, bsn, agb, gemeente,
         referentie, end, reden, paused) in rows(episodes.values_list(
            "start_id", *_EPISODE_FIELDS).order_by()):
        begin = as_date(begin)
        link = _link(tw, youth, provider, municipality, cat)
        starts.append((begin, start_id, StartFact(
            link=link, bsn=bsn, youth_id=youth, provider=agb, gemeente=gemeente,
            product_categorie=cat, product_code=code, begindatum=begin,
            verwijzer=_verwijzer(referrers, tw, provider, municipality, referentie))))
        if end is not None:
            stops.append(StopFact(link=link, begindatum=begin, einddatum=as_date(end),
                                  reden=reden))
        if paused is not None:
            stops.append(StopFact(link=link, begindatum=begin, einddatum=as_date(paused),
                                  reden=codes.TEMPORARY_STOP))
    irregular = _irregular_keys(episodes.model.objects.filter(where, irregular=True))
    if irregular:
        more_starts, more_stops = facts(region, until=until, scope=scope, only=irregular,
                                        with_ids=True)
        starts.extend(more_starts)
        stops.extend(more_stops)
    # In facts()' order (Start.Meta.ordering): merge() keeps it among equal keys.
    starts.sort(key=lambda row: row[:2])
    return [fact for _begin, _id, fact in starts], stops


def _irregular_keys(episodes) -> set[tuple]:
    """The (link, begindatum) of each irregular episode: the rules make them rare or absent."""
    return {(_link(*row[:5]), as_date(row[5])) for row in episodes.values_list(
        "toewijzing_id", "youth_id", "provider_id", "municipality_id", "product_categorie",
        "begindatum")}


def _of_keys(keys: set[tuple]) -> Q:
    """A filter a little wider than `keys` (their toewijzingen, or their youths for
    taakgericht care); facts() keeps exactly the keys."""
    toewijzingen = {link[1] for link, _ in keys if link[0] == "toewijzing"}
    youths = {link[1] for link, _ in keys if link[0] == "taakgericht"}
    return Q(toewijzing_id__in=toewijzingen) | Q(toewijzing__isnull=True, youth_id__in=youths)


def _referrers(region) -> dict:
    rows = Verzoek.objects.filter(
        municipality__region=region, kind=Verzoek.Kind.TOEWIJZING,
    ).exclude(verwijzer="").values_list("provider_id", "municipality_id",
                                        "referentie_aanbieder", "verwijzer")
    return {(provider, municipality, ref): verwijzer
            for provider, municipality, ref, verwijzer in rows}


def _verwijzer(referrers, toewijzing_id, provider_id, municipality_id, referentie) -> str | None:
    """The toewijzing's referrer: the provider's request it answers (JW301 ReferentieAanbieder
    = JW315's) carries COD327; without a request the municipality decided itself (§3.2 01).
    Taakgericht care has no toewijzing and no referrer in iJw: unknown (reported)."""
    if toewijzing_id is None:
        return None
    cod327 = referrers.get((provider_id, municipality_id, referentie)) if referentie else None
    return codes.verwijzer(cod327) if cod327 else codes.VERWIJZER_GEMEENTELIJKE_TOEGANG


def region_trajectories(region, first: date, last: date, *,
                        scope: Scope | None = None) -> tuple[list[Trajectory], Report]:
    """The trajectories overlapping [first, last] as known at `last` (§7.5)."""
    starts, stops = episode_facts(region, until=last, scope=scope)
    found, report = trajectories(starts, stops, seams.hulpvorm_lookup(region), as_of=last)
    return overlapping(found, first, last), report


def region_indicators(region, first: date, last: date, *, today: date,
                      scope: Scope | None = None, jobs: int = 1) -> dict:
    """The indicator set per half year (clipped to [first, last]) and per municipality.
    With jobs >= 2 the trajectory figures are computed in a forked process while this one
    computes the money, process, theme and segment figures (core.forked: only where a second
    connection sees the same data; the command line and the benchmark ask for it, a web
    request does not)."""
    with _without_cycle_collection():
        # The costs per half year are summed on the other side: it has the lighter load.
        cbs_part, rest = forked.alongside(
            lambda: _trajectory_figures(region, first, last, today=today, scope=scope,
                                        costs=False),
            lambda: _other_figures(region, first, last, today=today, scope=scope), jobs=jobs)
    _add_costs(cbs_part["perioden"], rest.pop("kosten"))
    # The keys in the order the set has always had: the report after the steering figures.
    report = {key: cbs_part.pop(key) for key in ("niet_gekoppelde_producten",
                                                 "verwijzer_onbekend")}
    themes_and_segments = rest.pop("themes_and_segments")
    return {**cbs_part, **rest, **report, **themes_and_segments}


@contextmanager
def _without_cycle_collection():
    """The indicator set allocates hundreds of thousands of small objects that live until it
    returns and hold no reference cycles worth collecting: the cyclic garbage collector
    would rescan them again and again (a third of the trajectory merge's time at 100,000
    starts). Reference counting still frees everything; the collector runs again after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _other_figures(region, first: date, last: date, *, today: date, scope) -> dict:
    """Everything but the trajectory figures: the costs per half year, the
    sturingsinformatie, the process figures and the G7 themes (seed 000) with the Limburg
    segment KPIs (seed 002), the last three from one read of the declared amounts."""
    clipped = declared.periods_of(first, last)
    per_year = declared.per_year(region, clipped, scope)
    return {
        "kosten": declared.period_spending(region, clipped, scope),
        "sturing": region_steering(region, first, last, today=today, scope=scope,
                                   per_year=per_year),
        "processen": region_process(region, first, last, today=today, scope=scope),
        "themes_and_segments": themes_selectors.themes_and_segments(
            region, first, last, today=today, scope=scope, per_year=per_year),
    }


def trajectory_indicators(region, first: date, last: date, *, today: date,
                          scope: Scope | None = None) -> dict:
    """The part of the indicator set that comes from the CBS trajectories and the declared
    amounts per half year: "perioden", "per_gemeente" and the report of what could not be
    mapped, exactly as region_indicators gives them. What bench/monitoring.py has DuckDB
    compute, so the two are timed on the same work."""
    with _without_cycle_collection():
        return _trajectory_figures(region, first, last, today=today, scope=scope)


def _trajectory_figures(region, first: date, last: date, *, today: date, scope,
                        costs: bool = True) -> dict:
    """trajectory_indicators; with costs=False without the periods' "kosten" (the caller
    adds them: _add_costs)."""
    starts, stops = episode_facts(region, scope=scope)
    hulpvorm_of = seams.hulpvorm_lookup(region)
    clipped = declared.periods_of(first, last)
    known_on = cbs.trajectories_on(starts, stops, hulpvorm_of,
                                   [today, *(period.last for period in clipped)])
    everything = known_on[today]
    report = report_of(starts, hulpvorm_of, as_of=last)
    # Only measurements of trajectories in view: a provider's scope sees its own.
    in_view = {(t.bsn, t.provider) for t in everything}
    measured = [m for m in seams.measurements(region, first, last)
                if (m.bsn, m.provider) in in_view]
    periods, municipalities = [], {}
    follow_up = outcome.starts_by_bsn(everything)
    for period in clipped:
        known = known_on[period.last]
        found, municipalities[period.label] = figures.period_and_municipalities(
            known, everything, period, measured, today=today, follow_up=follow_up)
        periods.append(found)
    if costs:
        _add_costs(periods, declared.period_spending(region, clipped, scope))
    return {
        "regio": region.name, "van": first.isoformat(), "tot_en_met": last.isoformat(),
        "perioden": periods, "per_gemeente": municipalities,
        "niet_gekoppelde_producten": [
            {"productcategorie": u.product_categorie, "productcode": u.product_code,
             "starts": u.starts, "jeugdigen": u.youths} for u in report.unmapped],
        "verwijzer_onbekend": report.unknown_verwijzer,
    }


def _add_costs(periods: list[dict], costs: dict[int, dict]) -> None:
    """Each period's spending (declared.period_spending, by period number) as its last key,
    "kosten"; a period without declared lines spends nothing."""
    for index, found in enumerate(periods):
        found["kosten"] = costs.get(index) or spending.spending([])


def region_steering(region, first: date, last: date, *, today: date,
                    scope: Scope | None = None, per_year: dict | None = None) -> dict:
    """Seed 001's sturingsinformatie from the granted lines whose product period starts in
    [first, last]: declared.per_year (shared with the spending and the themes when given) and
    the sums per month for the forecast of the year of `last` (declared.month_sums)."""
    if per_year is None:
        periods = declared.periods_of(first, last)
        per_year = declared.per_year(region, periods, scope)
    # The two half years of one key are added first: steering() adds them per youth anyway,
    # and half as many rows go through its groupings.
    amounts = [steering.Amount(gemeente, agb, f"{categorie}/{code}", bsn, year, granted)
               for (year, gemeente, agb, categorie, code, bsn), granted in per_year.items()]
    per_month = declared.month_sums(region, first, last, scope)
    names = dict(Provider.objects.filter(agb_code__in={a.provider for a in amounts})
                 .values_list("agb_code", "name"))
    return steering.steering(amounts, [(g, last.year, m, v) for g, m, v in per_month], names,
                             year=last.year, today=today)


def region_process(region, first: date, last: date, *, today: date,
                   scope: Scope | None = None) -> dict:
    """Message deadlines for the exchanges received in [first, last] (Amsterdam dates):
    heenberichten with their return or JW325 (ijw keeps `answered_at` on the message), and
    requests (JW315/JW317) with their answer (on the Verzoek)."""
    since, until = declared.day_range(first, last)
    messages = Message.objects.filter(municipality__region=region, answer_due__isnull=False,
                                      received_at__gte=since, received_at__lt=until)
    requests = Verzoek.objects.filter(municipality__region=region,
                                      message__received_at__gte=since,
                                      message__received_at__lt=until)
    if scope is not None:
        messages, requests = messages.filter(scope()), requests.filter(scope())
    local = declared.local_days()
    exchanges = []
    # Counted, not listed: no ORDER BY (the models' default orderings would sort every row).
    for code, direction, at, answered in rows(messages.values_list(
            "code", "direction", "received_at", "answered_at").order_by()):
        if code == "JW323":
            kind = "declaratie_antwoord"
        else:
            kind = "retour" if direction == Message.Direction.IN else "retour_aanbieders"
        exchanges.append(process.Exchange(kind, local(at), answered and local(answered)))
    for at, answered in rows(requests.values_list("message__received_at", "answered_at")
                             .order_by()):
        exchanges.append(process.Exchange("antwoord_verzoek", local(at),
                                          answered and local(answered)))
    return process.deadlines(exchanges, today=today)


# --- access-controlled ----------------------------------------------------------------------

def _scope_of(user) -> Scope:
    def scope(**paths) -> Q:
        # A scope without municipalities or provider sees nothing, not an error.
        return policy.scope_q(user, **paths) or Q(pk__in=[])
    return scope


def _region_in_scope(user, region) -> None:
    # Monitoring works per region; another region's figures do not exist for this user.
    if region is None or user.region_id != region.pk:
        raise Http404("No such region in your scope.")


def trajectories_for(user, region, first: date, last: date, *, request=None) -> list[dict]:
    """Person-level rows (BSN): only for VIEW_YOUTH, only the youths this user may open,
    each logged as a read of that youth's record."""
    policy.require(user, policy.Perm.VIEW_YOUTH)
    _region_in_scope(user, region)
    if policy.scope_q(user) is None:
        return []
    found, _ = region_trajectories(region, first, last, scope=_scope_of(user))
    ids = set().union(*(t.youth_ids for t in found)) if found else set()
    visible = policy.youths_visible_to(user).filter(pk__in=ids).select_related("municipality")
    youths = {youth.pk: youth for youth in visible}
    rows = [t for t in found if t.youth_ids & youths.keys()]
    shown = {pk for t in rows for pk in t.youth_ids if pk in youths}
    policy.log_youth_list(user, [youths[pk] for pk in sorted(shown)],
                          purpose=Purpose.MONITORING_TRAJECTORIES, request=request)
    return [record(t, last) for t in rows]


def indicators_for(user, region, first: date, last: date, *, today: date,
                   leaves_region: bool = False) -> dict:
    """Aggregates for VIEW_REGION_FIGURES within the user's scope; small cells suppressed when
    the figures leave the region (a public page, a report for outsiders)."""
    policy.require(user, policy.Perm.VIEW_REGION_FIGURES)
    _region_in_scope(user, region)
    found = region_indicators(region, first, last, today=today, scope=_scope_of(user))
    return figures.suppress_small_cells(found) if leaves_region else found
