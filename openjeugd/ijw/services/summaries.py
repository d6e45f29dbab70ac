"""Keeps ijw.models.summaries in step with the care facts, inside the caller's transaction.

Called where the facts are written: handlers.declaratie (a JW323's lines, once judged: their
amounts are final when stored) and handlers.start_stop (a start or stop added, or deleted by
StatusAanlevering 3). `rebuild` recomputes everything from the facts (backfill, repair);
`recount`/`stored` let `manage.py ijw summaries` check that they agree.

Concurrency, as in ijw.services.tallies: amounts are added with one `INSERT ... ON CONFLICT
(key) DO UPDATE SET n = n + EXCLUDED.n` per table and message, its rows in sorted key order,
so two declarations adding to the same row queue on it and both additions land. An episode is
not added to but recomputed from its facts: the first statement takes the episode's row lock
(an upsert that creates or touches it); the facts are read after that, so the transaction that
locks last sees every other writer's committed facts (READ COMMITTED reads afresh per
statement) and writes the final state.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import connection, transaction

from openjeugd.ijw.models import (
    CareEpisode,
    DeclaredHalfYear,
    DeclaredMonth,
    Prestatie,
    Start,
    Stop,
)

TEMPORARY_STOP = "20"  # JZ588 "hervatting wordt verwacht": care has not ended
_AMOUNT_KEYS = {
    DeclaredMonth: ("month", "municipality_id", "provider_id", "product_categorie",
                    "product_code"),
    DeclaredHalfYear: ("half_year", "municipality_id", "provider_id", "youth_id",
                       "product_categorie", "product_code"),
}
_AMOUNTS = ("granted_cents", "declared_cents", "credits_cents", "lines")
_EPISODE_KEY = ("toewijzing_id", "youth_id", "provider_id", "municipality_id",
                "product_categorie", "begindatum")
_EPISODE_CONFLICT = ('COALESCE("toewijzing_id", 0), "youth_id", "provider_id", '
                     '"municipality_id", "product_categorie", "begindatum"')
_CHUNK = 500  # rows per statement: well under SQLite's 32,766 parameters


def half_year_of(day: date) -> date:
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def cents(amount: Decimal) -> int:
    return int(amount.scaleb(2))


# --- declaration lines ------------------------------------------------------------------------

def lines_added(municipality_id: int, lines) -> None:
    """The stored lines of one declaration (of `municipality_id`) join their sums."""
    month, half = _sums((municipality_id, line.provider_id, line.youth_id,
                         line.product_categorie, line.product_code, line.begindatum,
                         line.ingediend, line.toegekend) for line in lines if line.pk)
    _add(DeclaredMonth, month)
    _add(DeclaredHalfYear, half)


def _sums(rows) -> tuple[dict, dict]:
    """(municipality, provider, youth, categorie, code, begindatum, declared, granted) rows
    to {key: [granted, declared, credits, lines]} per month and per youth and half year."""
    month, half = defaultdict(lambda: [0, 0, 0, 0]), defaultdict(lambda: [0, 0, 0, 0])
    for municipality, provider, youth, categorie, code, begin, declared, granted in rows:
        g, d = cents(granted), cents(declared)
        for sums in (month[(begin.replace(day=1), municipality, provider, categorie, code)],
                     half[(half_year_of(begin), municipality, provider, youth, categorie,
                           code)]):
            sums[0] += g
            sums[1] += d
            sums[2] += min(g, 0)
            sums[3] += 1
    return month, half


def _add(model, sums: dict) -> None:
    """Add each key's amounts to its row, creating rows that do not exist yet."""
    if not sums:
        return
    meta, quote = model._meta, connection.ops.quote_name
    table = quote(meta.db_table)
    keys = _AMOUNT_KEYS[model]
    names = [quote(meta.get_field(name.removesuffix("_id")).column) for name in keys]
    amounts = [quote(name) for name in _AMOUNTS]
    added = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in amounts)
    row = "(" + ", ".join(["%s"] * (len(keys) + len(amounts))) + ")"
    ordered = sorted(sums.items())  # two writers lock shared rows in the same order
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        # Only identifiers from the model's meta are formatted in; every value is a parameter.
        sql = (f"INSERT INTO {table} ({', '.join(names + amounts)}) "  # noqa: S608
               f"VALUES {', '.join([row] * len(chunk))} "
               f"ON CONFLICT ({', '.join(names)}) DO UPDATE SET {added}")
        params = [_db(v) for key, values in chunk for v in (*key, *values)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _db(value):
    return value.isoformat() if isinstance(value, date) else value


# --- care episodes -----------------------------------------------------------------------------

def episode_changed(fact) -> None:
    """A start or stop (`fact`) was added or deleted: its episode is written anew from the
    current facts of its key."""
    key = tuple(getattr(fact, name) for name in _EPISODE_KEY)
    pk = _lock_episode(key)
    where = _facts_of(key)
    starts = list(Start.objects.filter(**where).values_list("id", "product_code").order_by("id"))
    stops = list(Stop.objects.filter(**where).values_list("einddatum", "reden_beeindiging")
                 .order_by("id"))
    if starts or stops:
        CareEpisode.objects.filter(pk=pk).update(**episode_fields(starts, stops))
    else:
        CareEpisode.objects.filter(pk=pk).delete()  # the key's last fact was deleted


def _facts_of(key: tuple) -> dict:
    toewijzing, youth, provider, municipality, categorie, begindatum = key
    where = {"deleted_by__isnull": True, "begindatum": begindatum}
    if toewijzing is not None:
        # As the handler links them: the toewijzing's starts and stops with this begindatum.
        return {**where, "toewijzing_id": toewijzing}
    return {**where, "toewijzing__isnull": True, "youth_id": youth, "provider_id": provider,
            "municipality_id": municipality, "product_categorie": categorie}


def _lock_episode(key: tuple) -> int:
    """Create the episode row of `key` or lock the one there is; its id."""
    table = connection.ops.quote_name(CareEpisode._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in _EPISODE_KEY)
    sql = (f"INSERT INTO {table} ({columns}, product_code, reden_beeindiging, irregular) "  # noqa: S608
           f"VALUES (%s, %s, %s, %s, %s, %s, '', '', %s) ON CONFLICT ({_EPISODE_CONFLICT}) "
           f"DO UPDATE SET irregular = {table}.irregular RETURNING id")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(_db(v) for v in key), False])
        return cursor.fetchone()[0]


def episode_fields(starts: list[tuple], stops: list[tuple]) -> dict:
    """The episode from its key's current starts (id, product_code) and stops (einddatum,
    reden), both in the order they were stored."""
    definitive = [stop for stop in stops if stop[1] != TEMPORARY_STOP]
    temporary = [stop for stop in stops if stop[1] == TEMPORARY_STOP]
    start_id, code = starts[0] if starts else (None, "")
    end, reden = definitive[0] if definitive else (None, "")
    return {"start_id": start_id, "product_code": code, "einddatum": end,
            "reden_beeindiging": reden, "paused_on": temporary[0][0] if temporary else None,
            "irregular": len(starts) > 1 or len(definitive) > 1 or len(temporary) > 1}


# --- backfill and check -----------------------------------------------------------------------

def rebuild() -> dict[str, int]:
    """Recompute the three tables from the facts; the rows written per table. On PostgreSQL
    the tables are locked meanwhile so no concurrent message adds to what is being replaced
    (SQLite has one writer at a time anyway)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("LOCK TABLE {} IN EXCLUSIVE MODE".format(", ".join(  # noqa: S608
                    m._meta.db_table for m in (DeclaredMonth, DeclaredHalfYear, CareEpisode))))
        written = {}
        for model in (DeclaredMonth, DeclaredHalfYear):
            model.objects.all().delete()
            written[model._meta.model_name] = _sum_in_the_database(model)
        CareEpisode.objects.all().delete()
        created = CareEpisode.objects.bulk_create(
            (CareEpisode(**dict(fields)) for fields in _recount_episodes()), batch_size=5000)
        written[CareEpisode._meta.model_name] = len(created)
    return written


# The month and half year of a line's begindatum, and an amount in cents, per database. On
# SQLite a decimal column holds a float, exact to the cent after rounding amount x 100.
_BUCKET_SQL = {
    "postgresql": {
        "month": "date_trunc('month', p.begindatum)::date",
        "half_year": "make_date(extract(year from p.begindatum)::int, CASE WHEN extract(month "
                     "from p.begindatum) <= 6 THEN 1 ELSE 7 END, 1)",
        "cents": "round(p.{} * 100)::bigint",
    },
    "sqlite": {
        "month": "strftime('%Y-%m-01', p.begindatum)",
        "half_year": "CASE WHEN strftime('%m', p.begindatum) <= '06' THEN strftime('%Y-01-01', "
                     "p.begindatum) ELSE strftime('%Y-07-01', p.begindatum) END",
        "cents": "CAST(round(p.{} * 100) AS INTEGER)",
    },
}


def _sum_in_the_database(model) -> int:
    """One INSERT ... SELECT ... GROUP BY over the lines (what _sums does in Python, as
    recount() checks): millions of lines in seconds instead of minutes."""
    sql = _BUCKET_SQL[connection.vendor]
    keys = _AMOUNT_KEYS[model]
    bucket = sql[keys[0]]
    selected = {"municipality_id": "d.municipality_id", "provider_id": "p.provider_id",
                "youth_id": "p.youth_id", "product_categorie": "p.product_categorie",
                "product_code": "p.product_code"}
    inner = ", ".join([f"{bucket} AS bucket"] + [f"{selected[k]} AS {k}" for k in keys[1:]]
                      + [f"{sql['cents'].format('toegekend')} AS g",
                         f"{sql['cents'].format('ingediend')} AS i"])
    group = ", ".join(["bucket", *keys[1:]])
    table = model._meta.db_table
    statement = (
        f"INSERT INTO {table} ({', '.join(keys)}, {', '.join(_AMOUNTS)}) "  # noqa: S608
        f"SELECT {group}, SUM(g), SUM(i), SUM(CASE WHEN g < 0 THEN g ELSE 0 END), COUNT(*) "
        f"FROM (SELECT {inner} FROM {Prestatie._meta.db_table} p JOIN "
        f"{Prestatie._meta.get_field('declaratie').related_model._meta.db_table} d "
        f"ON d.id = p.declaratie_id) lines GROUP BY {group}")
    with connection.cursor() as cursor:
        cursor.execute(statement)
        return cursor.rowcount


def recount() -> dict:
    """What each table should hold, from the facts, summed in Python (the check against
    the database's own sums in rebuild and the services' additions): {model: set of sorted
    field tuples}."""
    lines = Prestatie.objects.values_list(
        "declaratie__municipality_id", "provider_id", "youth_id", "product_categorie",
        "product_code", "begindatum", "ingediend", "toegekend").order_by()
    month, half = _sums(lines.iterator(chunk_size=20000))
    return {
        DeclaredMonth: {_frozen(DeclaredMonth, key, sums) for key, sums in month.items()},
        DeclaredHalfYear: {_frozen(DeclaredHalfYear, key, sums) for key, sums in half.items()},
        CareEpisode: _recount_episodes(),
    }


def _frozen(model, key, sums) -> tuple:
    return tuple(sorted({**dict(zip(_AMOUNT_KEYS[model], key, strict=True)),
                         **dict(zip(_AMOUNTS, sums, strict=True))}.items()))


def _link_of(toewijzing, youth, provider, municipality, categorie) -> tuple:
    if toewijzing is not None:
        return ("toewijzing", toewijzing)
    return ("taakgericht", youth, provider, municipality, categorie)


def _recount_episodes() -> set:
    keys, starts, stops = {}, defaultdict(list), defaultdict(list)
    for source, target, extra in ((Start, starts, ("id", "product_code")),
                                  (Stop, stops, ("einddatum", "reden_beeindiging"))):
        rows = source.objects.filter(deleted_by__isnull=True).values_list(
            *_EPISODE_KEY, *extra).order_by("id")
        for row in rows.iterator(chunk_size=20000):
            key = row[:len(_EPISODE_KEY)]
            link = (_link_of(*key[:5]), key[5])
            # A stop of a toewijzing names the same youth, provider and municipality as its
            # start (both take them from the toewijzing), so the first key seen stands.
            keys.setdefault(link, key)
            target[link].append(row[len(_EPISODE_KEY):])
    return {tuple(sorted({**dict(zip(_EPISODE_KEY, key, strict=True)),
                          **episode_fields(starts[link], stops[link])}.items()))
            for link, key in keys.items()}


def stored() -> dict:
    """The tables as stored, in recount's shape (amount rows that net to nothing included:
    they are kept, as a credited month is)."""
    out = {}
    for model, keys in _AMOUNT_KEYS.items():
        out[model] = {tuple(sorted(row.items()))
                      for row in model.objects.values(*keys, *_AMOUNTS)}
    fields = (*_EPISODE_KEY, "start_id", "product_code", "einddatum", "reden_beeindiging",
              "paused_on", "irregular")
    out[CareEpisode] = {tuple(sorted(row.items()))
                        for row in CareEpisode.objects.values(*fields)}
    return out
