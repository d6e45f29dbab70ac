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
  seams (ijw facts and summaries, registry youths, pathways casework): its number of rows and
  its highest id. An insert raises the highest id, a delete lowers the count, so both change
  the key. Rows changed in place are covered by the log that every such change writes in the
  same transaction: ijw changes its facts (a stop ending a start, a toewijzing changed or
  withdrawn, a declaration answered) only while storing the message that says so, so
  ijw.Message's count and highest id move; pathways' services write a CaseEvent (append-only)
  with every change of a case (pathways/services/base.py `event`).
- DIGESTED: the small reference tables that are edited in place without such a log (provider
  and municipality names and codes, the product catalogue's hulpvorm, the budget ceilings, the
  region's pathway configuration): all their rows are read and hashed.
- The seams' settings (MONITORING_*_LOOKUP): another lookup gives another key.

A table whose app is not installed is left out. Installations that plug other seams in, or
write facts around these logs (raw SQL, a bulk loader), set MONITORING_CACHE_SECONDS = 0 or
clear the cache after loading (`manage.py shell -c "from django.core.cache import cache;
cache.clear()"`); see docs/operations.md.
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
from openjeugd.monitoring import selectors

# app_label.Model: rows counted and highest id (see the module's docstring).
COUNTED = (
    "ijw.Message", "ijw.Start", "ijw.Stop", "ijw.Toewijzing", "ijw.Verzoek", "ijw.Declaratie",
    "ijw.Prestatie", "ijw.CareEpisode", "ijw.DeclaredHalfYear", "ijw.DeclaredMonth",
    "registry.Youth",
    "pathways.Case", "pathways.CaseEvent", "pathways.Measurement", "pathways.Beschikking",
    "pathways.Move", "pathways.RegistrationDocument", "pathways.ExpertTeamRegistration",
    "pathways.Placement", "pathways.OneOnOneSupport", "pathways.OutflowPlan",
    "pathways.BrigadeDeployment", "pathways.CrisisEpisode", "pathways.Escalation",
)
# app_label.Model: small tables edited in place, every row hashed.
DIGESTED = (
    "registry.Region", "registry.Municipality", "registry.Provider",
    "contracts.Product", "contracts.TaskArea", "contracts.Ceiling",
    "pathways.PathwayConfig",
)
SEAMS = ("MONITORING_HULPVORM_LOOKUP", "MONITORING_MEASUREMENTS_LOOKUP",
         "MONITORING_CASEWORK_LOOKUP", "MONITORING_BUDGET_LOOKUP", "MONITORING_BED_PLAN_LOOKUP")


def indicators_for(user, region, first: date, last: date, *, today: date,
                   leaves_region: bool = False) -> dict:
    """selectors.indicators_for, from the cache when the same set was computed before for the
    same scope, filters and data. The access checks run first, on every call."""
    return derived(user, region, first, last, today=today, leaves_region=leaves_region)


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
    store = caches[getattr(settings, "MONITORING_CACHE", "default")]
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


def data_version(region) -> tuple:
    """(count, highest id) of each COUNTED table in one query, and a hash of the DIGESTED
    tables' rows (of the region's, where a table names a region)."""
    counted = _installed(COUNTED)
    db = router.db_for_read(counted[0]) if counted else "default"
    connection = connections[db]
    quote = connection.ops.quote_name
    selects = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)}), "
        f"(SELECT MAX({quote(m._meta.pk.column)}) FROM {quote(m._meta.db_table)})"
        for m in counted)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")  # noqa: S608 - table names from the models
        counts = tuple(cursor.fetchone())
    digest = hashlib.sha256()
    for model in _installed(DIGESTED):
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = model._default_manager.using(router.db_for_read(model)).order_by("pk")
        if model is type(region):
            rows = rows.filter(pk=region.pk)
        elif "region" in fields or "region_id" in fields:
            rows = rows.filter(region=region)
        digest.update(repr(list(rows.values_list(*fields))).encode())
    return counts, digest.hexdigest()


def _installed(labels) -> list:
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found
