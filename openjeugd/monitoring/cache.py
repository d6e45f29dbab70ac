"""The indicator set, computed once per scope, filters and state of the data.

`selectors.indicators_for` recomputes the whole set (every start, stop and declaration line of
the region) for each view: hundreds of milliseconds of CPU, growing with history. The dashboard,
its reports and the API ask it again and again for the same figures, so the computed set is
kept in Django's cache under a key made of

- who asks: the region and the viewer's scope as `policy.scope_q` states it (a provider's AGB
  code or the municipality codes), and whether small cells are suppressed;
- what is asked: first, last, today and the language;
- the data version: a fingerprint, read in a few cheap queries, that changes whenever a fact
  the figures read changes (`data_version`, below).

A cached set is therefore exact: any change the figures could show gives another key, and the
old entry is never read again (it expires by `MONITORING_CACHE_SECONDS`).

What the data version reads, and why that is enough:

- COUNTED: every table the indicator set reads through monitoring's selectors and the default
  seams (ijw facts and summaries, pathways casework): its highest id. An insert raises it.
  Rows deleted or changed in place are covered by the log that every such change writes in
  the same transaction: ijw changes or deletes its facts (a stop ending a start, a start
  withdrawn with StatusAanlevering 3, a toewijzing changed, a declaration answered) only
  while storing the message that says so, so ijw.Message's highest id moves; pathways'
  services write a CaseEvent (append-only) with every change of a case
  (pathways/services/base.py `event`). Not the row counts: COUNT(*) reads the whole table,
  so the key would cost more with every year of history (at 3 years ~40 ms a view on
  PostgreSQL, 3x a 1-year region); the highest id is one step down the primary key's index.
- DIGESTED: the tables edited in place without such a log (the youths' BSN and birth date,
  provider and municipality names and codes, the product catalogue's hulpvorm, the budget
  ceilings, the region's pathway configuration): all their rows of the region are hashed, by
  PostgreSQL itself in the same query.
- The seams' settings (MONITORING_*_LOOKUP): another lookup gives another key.

A table whose app is not installed is left out. Installations that plug other seams in, or
write facts around these logs (raw SQL, a bulk loader), set MONITORING_CACHE_SECONDS = 0 or
restart the workers after loading: with the local-memory cache each worker holds its own
entries (docs/operations.md "The monitoring dashboard's cache").
"""

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections, router
from django.http import Http404
from django.utils import translation

from openjeugd.accounts import policy
from openjeugd.ijw import clock
from openjeugd.monitoring import selectors

# app_label.Model: the highest id (see the module's docstring).
COUNTED = (
    "ijw.Message", "ijw.Start", "ijw.Stop", "ijw.Toewijzing", "ijw.Verzoek", "ijw.Declaratie",
    "ijw.Prestatie", "ijw.CareEpisode", "ijw.DeclaredHalfYear", "ijw.DeclaredMonth",
    "pathways.Case", "pathways.CaseEvent", "pathways.Measurement", "pathways.Beschikking",
    "pathways.Move", "pathways.RegistrationDocument", "pathways.ExpertTeamRegistration",
    "pathways.Placement", "pathways.OneOnOneSupport", "pathways.OutflowPlan",
    "pathways.BrigadeDeployment", "pathways.CrisisEpisode", "pathways.Escalation",
)
# app_label.Model and the path from it to the region (None: every row): tables edited in
# place without a log (registry.services.update_youth changes a BSN or a birth date), every
# row of the region hashed.
DIGESTED = (
    ("registry.Region", "pk"), ("registry.Municipality", "region"),
    ("registry.Provider", None), ("registry.Youth", "municipality__region"),
    ("contracts.Product", "region"), ("contracts.TaskArea", "region"),
    ("contracts.Ceiling", "region"), ("pathways.PathwayConfig", "region"),
)
# The message overview (monitoring.overview) reads the tallies, the messages awaiting an
# answer and the requests awaiting one, all written with a message; and party names.
OVERVIEW_COUNTED = ("ijw.Message", "ijw.Verzoek", "ijw.MessageTally", "ijw.FindingTally")
OVERVIEW_DIGESTED = (("registry.Municipality", None), ("registry.Provider", None))
SEAMS = ("MONITORING_HULPVORM_LOOKUP", "MONITORING_MEASUREMENTS_LOOKUP",
         "MONITORING_CASEWORK_LOOKUP", "MONITORING_BUDGET_LOOKUP", "MONITORING_BED_PLAN_LOOKUP")


def indicators_for(user, region, first: date, last: date, *, today: date,
                   leaves_region: bool = False) -> dict:
    """selectors.indicators_for, from the cache when the same set was computed before for the
    same scope, filters and data. The access checks run first, on every call."""
    return derived(user, region, first, last, today=today, leaves_region=leaves_region)


def overview_for(user, compute: Callable[[], Any]) -> Any:
    """compute() (monitoring.overview.region_overview for this user), cached per scope, day,
    language and the version of what it reads (OVERVIEW_COUNTED, OVERVIEW_DIGESTED)."""
    policy.require(user, policy.Perm.VIEW_REGION_FIGURES)
    seconds = settings.MONITORING_CACHE_SECONDS
    if not seconds:
        return compute()
    parts = ("overview", repr(policy.message_q(user, figures=True)), repr(policy.scope_q(user)),
             clock.today().isoformat(), translation.get_language(),
             data_version(None, counted=OVERVIEW_COUNTED, digested=OVERVIEW_DIGESTED))
    key = "monitoring:overview:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    return _remembered(caches[settings.MONITORING_CACHE], key, compute,
                       seconds)


def derived(user, region, first: date, last: date, *, today: date, leaves_region: bool = False,
            name: str = "", build: Callable[[dict], Any] | None = None) -> Any:
    """build(indicator set), cached under the set's key and `name`: what a page makes of the
    figures alone (its tables and charts), so a repeated view neither recomputes nor redraws.
    Without `build`, the indicator set itself. The value must pickle (the cache copies it)."""
    policy.require(user, policy.Perm.VIEW_REGION_FIGURES)
    if region is None or user.region_id != region.pk:
        raise Http404("No such region in your scope.")

    def figures() -> dict:
        return selectors.indicators_for(user, region, first, last, today=today,
                                        leaves_region=leaves_region)

    seconds = settings.MONITORING_CACHE_SECONDS
    if not seconds:
        return figures() if build is None else build(figures())
    store = caches[settings.MONITORING_CACHE]
    key = cache_key(user, region, first, last, today=today, leaves_region=leaves_region)
    if build is None:
        return _remembered(store, key, figures, seconds)
    return _remembered(store, f"{key}:{name}",
                       lambda: build(_remembered(store, key, figures, seconds)), seconds)


def _remembered(store, key: str, compute: Callable[[], Any], seconds: int) -> Any:
    found = store.get(key, _MISSING)
    if found is _MISSING:
        found = compute()
        store.set(key, found, seconds)
    return found


_MISSING = object()


def cache_key(user, region, first: date, last: date, *, today: date,
              leaves_region: bool = False) -> str:
    parts = (region.pk, repr(policy.scope_q(user)), leaves_region, first.isoformat(),
             last.isoformat(), today.isoformat(), translation.get_language(),
             tuple(getattr(settings, name, "") for name in SEAMS), data_version(region))
    return "monitoring:indicators:" + hashlib.sha256(repr(parts).encode()).hexdigest()


_COUNTED_SQL = "(SELECT MAX({pk}) FROM {table})"  # noqa: S608
# PostgreSQL hashes the rows itself: a row's text form quotes every column and NULL.
_DIGEST = "md5(string_agg({table}::text, ';' ORDER BY {table}.{pk}))"


def data_version(region, *, counted=COUNTED, digested=DIGESTED) -> tuple:
    """The highest id of each counted table and a hash of the digested tables' rows of the
    region: one query on PostgreSQL; elsewhere the rows are hashed here."""
    counted = [model for model in map(_installed, counted) if model is not None]
    digested = [(model, path) for model, path in
                ((_installed(label), path) for label, path in digested) if model is not None]
    connection = connections[router.db_for_read(counted[0])]
    quote = connection.ops.quote_name
    # Table and column names from the models, quoted: nothing here comes from a request.
    selects = [_COUNTED_SQL.format(table=quote(m._meta.db_table), pk=quote(m._meta.pk.column))
               for m in counted]
    params: list = []
    in_python = []
    for model, path in digested:
        rows = _rows_of(model, path, region)
        if connection.vendor != "postgresql":
            in_python.append(rows)
            continue
        selects.append(f"({_digest_sql(rows, quote)})")
        params.extend(rows.values_list("pk").order_by().query.sql_with_params()[1])
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        found = tuple(cursor.fetchone())
    digest = hashlib.sha256()
    for rows in in_python:
        fields = [f.attname for f in rows.model._meta.concrete_fields]
        digest.update(repr(list(rows.values_list(*fields))).encode())
    return found, digest.hexdigest()


def _digest_sql(rows, quote) -> str:
    """The rows' query with the hash of the rows as its only column."""
    table, pk = quote(rows.model._meta.db_table), quote(rows.model._meta.pk.column)
    sql = rows.values_list("pk").order_by().query.sql_with_params()[0]
    head, found, tail = sql.partition(" FROM ")
    if not found or not head.startswith("SELECT " + table + "."):
        raise ValueError("Unexpected query for the data version: " + sql)
    return "SELECT " + _DIGEST.format(table=table, pk=pk) + found + tail


def _rows_of(model, path: str | None, region):
    rows = model._default_manager.order_by("pk")
    return rows if path is None else rows.filter(**{path: region.pk})


def _installed(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None
