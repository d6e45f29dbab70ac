"""The declared amounts of a region, summed, for the spending, the sturingsinformatie and the G7
themes and Limburg segments alike: from ijw's summaries (DeclaredHalfYear, DeclaredMonth,
kept in step with the lines in the transaction that writes them) when the periods asked are
whole half years or months, from the declaration lines themselves otherwise. The plain path
is the definition the fast path is tested against (monitoring/tests/test_fast_path.py).
Also the small read helpers the selectors share at regional scale: rows as the driver gives
them (rows, as_date) and local days as moment ranges (day_range).
"""

from calendar import monthrange
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.db import connections
from django.db.models import Case, IntegerField, Q, Sum, Value, When
from django.utils import timezone

from openjeugd.ijw.models import DeclaredHalfYear, DeclaredMonth, Prestatie
from openjeugd.monitoring import spending
from openjeugd.monitoring.cbs.periods import Period, half_year, half_years
from openjeugd.monitoring.spending import ZERO


def periods_of(first: date, last: date) -> list[Period]:
    """The half years of [first, last], the first and last clipped to it."""
    return [Period(max(first, half.first), min(last, half.last))
            for half in half_years(first, last)]


def period_spending(region, periods: list[Period], scope) -> dict[int, dict]:
    """Per period (index) with declared lines: its spending figures (spending.spending). When
    every period is a whole half year the database adds the half-year sums up per youth and
    then per period, and hands back ten rows; otherwise the lines are summed per youth and
    spending() adds those up."""
    if not all(whole_half_year(period) for period in periods):
        return {index: spending.spending(youths)
                for index, youths in _plain_youth_sums(region, periods, scope).items()}
    sums, index = _half_years(region, periods, scope)
    per_youth = sums.values("half_year", "youth__bsn").annotate(
        granted=Sum("granted_cents"), declared=Sum("declared_cents"),
        credits=Sum("credits_cents")).order_by()
    sql, params = per_youth.query.sql_with_params()
    # The inner query is Django's, its values parameters; nothing here comes from a request.
    totals = ("SELECT half_year, SUM(granted), SUM(declared), SUM(credits), "  # noqa: S608
              "SUM(CASE WHEN granted <> 0 THEN 1 ELSE 0 END) "
              f"FROM ({sql}) per_youth GROUP BY half_year")
    with connections[per_youth.db].cursor() as cursor:
        cursor.execute(totals, params)
        found = cursor.fetchall()
    return {index[half]: spending.from_totals(money(granted), money(declared), money(credits),
                                              int(paid_for))
            for half, granted, declared, credits, paid_for in found}


def _plain_youth_sums(region, periods: list[Period], scope) -> dict[int, list[tuple]]:
    found: dict[int, list[tuple]] = {}
    for index, *youth in _lines_in(region, periods, scope).values("period", "youth__bsn").annotate(
            granted=Sum("toegekend"), declared=Sum("ingediend"),
            credits=Sum("toegekend", filter=Q(toegekend__lt=0)),
    ).values_list("period", "youth__bsn", "granted", "declared", "credits").order_by():
        found.setdefault(index, []).append(tuple(youth))
    return found


def per_year(region, periods: list[Period], scope) -> dict[tuple, Decimal]:
    """Granted net per (year, municipality, provider, categorie, code, youth) of the lines
    whose product period starts in one of `periods`: what the sturingsinformatie and the
    themes and segments group further. When every period is a whole half year the database
    adds ijw's half-year sums up per calendar year (a half year never straddles one; the
    summary's key maps one to one onto the municipality code, AGB, product and BSN);
    otherwise the lines are summed per period (plain_line_sums) and added up here."""
    if not all(whole_half_year(period) for period in periods):
        return _per_year_of(periods, plain_line_sums(region, periods, scope))
    sums, _ = _half_years(region, periods, scope)
    year = buckets([(y, date(y, 1, 1), date(y, 12, 31))
                    for y in range(periods[0].first.year, periods[-1].last.year + 1)],
                   field="half_year")
    keys = ("year", "municipality__code", "provider__agb_code", "product_categorie",
            "product_code", "youth__bsn")
    money = _money_memo()
    return {tuple(key): money(granted) for *key, granted in rows(
        sums.annotate(year=year).values(*keys).annotate(granted=Sum("granted_cents"))
        .values_list(*keys, "granted").order_by())}


def _per_year_of(periods: list[Period], sums: list[tuple]) -> dict[tuple, Decimal]:
    found: dict[tuple, Decimal] = {}
    for index, gemeente, agb, categorie, code, bsn, granted in sums:
        key = (periods[index].first.year, gemeente, agb, categorie, code, bsn)
        found[key] = found.get(key, ZERO) + (granted or ZERO)
    return found


def plain_line_sums(region, periods: list[Period], scope) -> list[tuple]:
    """The granted amounts of the declaration lines whose product period starts in one of
    the periods, summed per period (index), municipality, provider, product and youth: one
    grouped query, for per_year (the spending per period: period_spending). Refused lines
    are granted 0; credits are negative."""
    keys = ("period", "declaratie__municipality__code", "provider__agb_code",
            "product_categorie", "product_code", "youth__bsn")
    return list(_lines_in(region, periods, scope).values(*keys).annotate(
        granted=Sum("toegekend")).values_list(*keys, "granted").order_by())


def _half_years(region, periods: list[Period], scope):
    """The stored half-year sums of the periods, and each half year's period number (keyed by
    the date and by its ISO text, as SQLite's driver gives it)."""
    index = {period.first: number for number, period in enumerate(periods)}
    index.update({period.first.isoformat(): number for number, period in enumerate(periods)})
    sums = DeclaredHalfYear.objects.filter(municipality__region=region,
                                           half_year__range=(periods[0].first, periods[-1].last))
    return (sums if scope is None else sums.filter(scope())), index


def _lines_in(region, periods: list[Period], scope):
    """The declaration lines whose product period starts in one of the periods, each with
    the number of its period ("period")."""
    lines = Prestatie.objects.filter(declaratie__municipality__region=region,
                                     begindatum__range=(periods[0].first, periods[-1].last))
    if scope is not None:
        lines = lines.filter(scope(municipality="declaratie__municipality"))
    return lines.annotate(period=buckets([(index, p.first, p.last)
                                          for index, p in enumerate(periods)]))


def whole_half_year(period: Period) -> bool:
    whole = half_year(period.first)
    return (period.first, period.last) == (whole.first, whole.last)


def whole_months(first: date, last: date) -> bool:
    return first.day == 1 and last.day == monthrange(last.year, last.month)[1]


def month_sums(region, first: date, last: date, scope) -> list[tuple]:
    """(gemeente, month number, granted) of the year of `last` for the lines whose product
    period starts in [first, last]: from ijw's monthly sums when [first, last] is whole
    months, from the lines otherwise."""
    if not whole_months(first, last):
        return plain_month_sums(region, first, last, scope)
    sums = DeclaredMonth.objects.filter(municipality__region=region,
                                        month__range=(max(first, date(last.year, 1, 1)), last))
    if scope is not None:
        sums = sums.filter(scope())
    found = rows(sums.values("municipality__code", "month").annotate(
        granted=Sum("granted_cents")).values_list("municipality__code", "month", "granted")
        .order_by())
    return [(gemeente, as_date(month).month, money(granted)) for gemeente, month, granted in found]


def plain_month_sums(region, first: date, last: date, scope) -> list[tuple]:
    year = last.year
    lines = Prestatie.objects.filter(declaratie__municipality__region=region,
                                     begindatum__range=(first, last))
    if scope is not None:
        lines = lines.filter(scope(municipality="declaratie__municipality"))
    months = buckets([(month, date(year, month, 1),
                       date(year, month, monthrange(year, month)[1]))
                      for month in range(1, 13)])
    return list(lines.filter(begindatum__year=year).annotate(month=months).values(
        "declaratie__municipality__code", "month").annotate(
        granted=Sum("toegekend")).values_list(
        "declaratie__municipality__code", "month", "granted").order_by())


def buckets(ranges: list[tuple[int, date, date]], field: str = "begindatum") -> Case:
    """The number of the range holding the row's `field` (a line's begindatum by default):
    date ranges, not EXTRACT, which SQLite runs as a Python function per row."""
    return Case(*(When(**{f"{field}__range": (low, high)}, then=Value(number))
                  for number, low, high in ranges), output_field=IntegerField())


def money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _money_memo():
    """money(), each distinct amount made once: the sums repeat (tariff x units), and making
    a Decimal cost more than finding it again."""
    made: dict[int, Decimal] = {}

    def memo(cents: int) -> Decimal:
        found = made.get(cents)
        if found is None:
            found = made[cents] = money(cents)
        return found
    return memo


def rows(queryset) -> list[tuple]:
    """The queryset's rows as the database driver gives them: Django's per-value converters
    cost more than the query at regional scale. Dates may come as ISO strings (SQLite):
    callers pass them through as_date."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def local_days() -> Callable:
    """A function from a moment as rows() gives it to its day in the current time zone (the
    zone looked up once: timezone.localtime() looks it up per call). PostgreSQL's driver
    gives an aware datetime. SQLite's gives the UTC Django stores as a naive datetime (a
    column's own type) or as text (a computed value): both are made aware in UTC, as Django's
    converter does. Never astimezone() a naive one: that would read it as the process's
    local time, which Django sets to TIME_ZONE."""
    zone = timezone.get_current_timezone()

    def local_day(moment) -> date:
        if isinstance(moment, str):
            moment = datetime.fromisoformat(moment)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(zone).date()
    return local_day


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """The moments of the local days [first, last] as a half-open range [from, to): filters
    `moment__gte=from, moment__lt=to` select what `moment__date__range=(first, last)` does
    (dates in the current time zone) without casting every row (SQLite runs that cast as a
    Python function per row). Midnight exists on every day in Europe/Amsterdam (its clock
    changes at 02:00 and 03:00)."""
    zone = timezone.get_current_timezone()
    return (timezone.make_aware(datetime.combine(first, time.min), zone),
            timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min), zone))
