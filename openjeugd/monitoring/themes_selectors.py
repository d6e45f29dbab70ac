"""Reads for the G7 themes and the Limburg segment KPIs: the casework and the budgets through
the seams, the declared amounts as the spending reads them (declared.py: ijw's summaries for
whole half years, the lines otherwise), the toewijzingen, starts and stops, handed to the pure
themes.py and segments.py. The `scope` is the viewer's, as in selectors.py (None: the whole
region, the command line)."""

from datetime import date
from decimal import Decimal

from django.db.models import Min, Q

from openjeugd.ijw.codec.codes import REDEN_WIJZIGING_VERWIJDERD
from openjeugd.ijw.models import Start, Stop, Toewijzing
from openjeugd.monitoring import declared, seams, segments, themes
from openjeugd.monitoring.cbs.codes import TEMPORARY_STOP
from openjeugd.monitoring.declared import as_date
from openjeugd.monitoring.spending import ZERO
from openjeugd.registry.models import Provider

# CBS §3.3 "Met verblijf" (11-14): the stays that hold a bed (openjeugd.lib.cbs).
RESIDENTIAL = frozenset({"11", "12", "13", "14"})


def themes_and_segments(region, first: date, last: date, *, today: date,
                        scope=None, per_year: dict | None = None) -> dict:
    """The indicator set's "themes" and "segments" keys. `per_year`: declared.per_year for
    declared.periods_of(first, last), when the caller has it (shared with the spending and
    the sturingsinformatie: one read of the declared amounts)."""
    if per_year is None:
        periods = declared.periods_of(first, last)
        per_year = declared.per_year(region, periods, scope)
    lines = [(*key, granted) for key, granted in per_year.items()]
    assignments = _assignments(region, first, last, scope)
    return {"themes": _themes(region, first, last, today, scope, lines, assignments),
            "segments": _segments(region, first, last, scope, lines, assignments)}


def _themes(region, first, last, today, scope, lines, assignments) -> dict:
    # themes.cost() sums per youth (within a municipality and over the region): adding a
    # youth's amounts per municipality first gives the same sums from far fewer rows.
    per_youth: dict[tuple, Decimal] = {}
    for _year, gemeente, _agb, _cat, _code, bsn, granted in lines:
        per_youth[gemeente, bsn] = per_youth.get((gemeente, bsn), ZERO) + granted
    costs = [themes.Cost(gemeente, bsn, granted)
             for (gemeente, bsn), granted in per_youth.items()]
    waits = [themes.Wait(gemeente, bsn, assigned, started)
             for gemeente, bsn, _product, assigned, started, _ends in assignments]
    return themes.themes(seams.casework(region, first, last, scope), costs, waits, first,
                         last, today=today)


def _segments(region, first, last, scope, lines, assignments) -> dict:
    years = list(range(first.year, last.year + 1))
    # Without any budget the whole region is the one segment, with the region's bed plan.
    found = seams.segment_budgets(region, years) or [segments.Segment(
        region.name, None, budgets={}, providers={},
        planned_beds=seams.planned_beds_per_year(region, [last.year]))]
    rows = [segments.Line(year, agb, bsn, (cat, code), granted)
            for year, _gemeente, agb, cat, code, bsn, granted in lines]
    waiting = [segments.Assignment(bsn, product, assigned, started, ends)
               for _gemeente, bsn, product, assigned, started, ends in assignments]
    stays = _stays(region, last, scope)
    names = dict(Provider.objects.filter(agb_code__in={r.provider for r in rows})
                 .values_list("agb_code", "name"))
    return {"van": first.isoformat(), "tot_en_met": last.isoformat(),
            "segmenten": [segments.segment_kpis(segment, rows, stays, waiting, first, last,
                                                names=names)
                          for segment in found]}


def _assignments(region, first: date, last: date, scope) -> list[tuple]:
    """Toewijzingen assigned on or before `last` that did not end before `first` and were not
    withdrawn (JZ002 13), with their first start of care that was not deleted (OP033)."""
    _, until = declared.day_range(last, last)
    found = Toewijzing.objects.filter(
        municipality__region=region, toewijzing_datum_tijd__lt=until,
    ).exclude(einddatum__lt=first).exclude(reden_wijziging=REDEN_WIJZIGING_VERWIJDERD)
    if scope is not None:
        found = found.filter(scope())
    rows = found.annotate(first_start=Min("starts__begindatum",
                                          filter=Q(starts__deleted_by__isnull=True)))
    local_day = declared.local_days()
    # As the driver gives them (declared.rows): Django's converters cost more than the query.
    return [(gemeente, bsn, (cat, code), local_day(at), started and as_date(started),
             ends and as_date(ends))
            for gemeente, bsn, cat, code, at, started, ends in declared.rows(rows.values_list(
                "municipality__code", "youth__bsn", "product_categorie", "product_code",
                "toewijzing_datum_tijd", "first_start", "einddatum").order_by())]


def _stays(region, last: date, scope) -> list[segments.Stay]:
    """Care with a residential CBS hulpvorm, from its start to its definitive stop (a
    temporary stop, JZ588 20, ends nothing). Products without a hulpvorm mapping are left out
    here as in every CBS figure (the indicator set reports them)."""
    where = Q(municipality__region=region, deleted_by__isnull=True)
    if scope is not None:
        where &= scope()
    hulpvorm_of = seams.hulpvorm_lookup(region)
    # order_by(): Start's default ordering would make the DISTINCT one row per start.
    products = set(Start.objects.filter(where).values_list(
        "product_categorie", "product_code").order_by().distinct())
    residential = [p for p in products if hulpvorm_of(*p) in RESIDENTIAL]
    if not residential:
        return []
    of_products = Q(pk__in=[])
    for cat, code in residential:
        of_products |= Q(product_categorie=cat, product_code=code)
    link = ("toewijzing_id", "youth_id", "provider_id", "municipality_id", "product_categorie",
            "begindatum")
    ends: dict[tuple, date] = {}
    for *key, end in (Stop.objects.filter(where, of_products).exclude(
            reden_beeindiging=TEMPORARY_STOP).values_list(*link, "einddatum")
            .order_by("id")):
        ends[_key(*key)] = end  # the latest delivery stands (a correction replaces)
    starts = Start.objects.filter(where, of_products, begindatum__lte=last).values_list(
        *link, "youth__bsn", "product_code").order_by()
    # key: the link fields, ending in product_categorie and begindatum.
    return [segments.Stay(bsn, (key[4], code), key[5], ends.get(_key(*key)))
            for *key, bsn, code in starts]


def _key(toewijzing, youth, provider, municipality, categorie, begindatum) -> tuple:
    # How the iJw handler ties a stop to its start (ijw/services/handlers/start_stop.py):
    # the toewijzing, or for taakgericht care youth, provider, municipality and category.
    if toewijzing is not None:
        return ("toewijzing", toewijzing, begindatum)
    return ("taakgericht", youth, provider, municipality, categorie, begindatum)
