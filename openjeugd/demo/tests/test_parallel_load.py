"""A parallel demo load writes exactly what the serial one writes (issue 14, "a region at real
size in minutes").

`load_history(jobs=N)` replays each municipality's events in a process of its own. That is only
the import path run N times at once if a municipality's messages depend on nothing but its own
events. The tests load one small region three ways and compare every row the loads write
(messages and their answers, findings, care facts, summaries, tallies, youths, care relations,
access-log entries), with database ids replaced by what they point at:
- whole: the history in one replay, as `--jobs 1` does;
- per municipality, one after the other in this process (both databases): the property the
  parallel load rests on;
- forked workers side by side (PostgreSQL, where load_history runs in parallel).
"""

from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models, transaction

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.demo import ijw_bridge, lookups
from openjeugd.demo.generator import generate_history
from openjeugd.demo.management.commands import demo_data
from openjeugd.demo.organisations import plan_organisations
from openjeugd.demo.profiles import profile_for
from openjeugd.ijw.models import Message
from openjeugd.registry.models import Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REGION, YOUTHS, SEED, END = "Rijk van Nijmegen", 40, 5, date(2026, 6, 30)
# Not content but circumstance: when the load ran (the access log keeps the real time, not the
# replayed day) and the entry's position in the log's hash chain.
CIRCUMSTANCE = {"accounts.accesslogentry": {"at", "seq", "prev_hash", "entry_hash"}}


@pytest.fixture
def region_and_events(monkeypatch):
    monkeypatch.setattr(demo_data, "_bridge", lambda: None)  # the region only, no history
    call_command("demo_data", region=REGION, youths=YOUTHS, years=1, seed=SEED,
                 end=END, stdout=StringIO())
    region = Region.objects.get(name=REGION)
    profile = profile_for(REGION, region.municipalities.filter(active=True)
                          .values_list("code", "name"))
    events = generate_history(profile, youths=YOUTHS, years=1, seed=SEED, end=END,
                              organisations=plan_organisations(profile, SEED))
    return region, events


def _written_models():
    return [*apps.get_app_config("ijw").get_models(),
            apps.get_model("registry", "Youth"), apps.get_model("registry", "CareRelation"),
            apps.get_model("accounts", "AccessLogEntry")]


def _source(row) -> tuple:
    # "verzoek:<id>" and "start:<id>" name a row by its id; "toewijzing:<gemeente>:<nummer>"
    # by its natural key already.
    kind, _, rest = row["source"].partition(":")
    return ({"verzoek": "ijw.verzoek", "start": "ijw.start"}.get(kind), rest, row["source"])


def _logged_object(row) -> tuple:
    return (row["object_type"].lower(), row["object_id"], row["object_id"])


# Columns that hold another row's id as text.
SOFT_REFERENCES = {("registry.carerelation", "source"): _source,
                   ("accounts.accesslogentry", "object_id"): _logged_object}


class _Snapshot:
    """Every written row as a sorted list of field values, a foreign key replaced by the row
    it points at (recursively), so two loads compare whatever ids they were given."""

    def __init__(self, since_log_id: int):
        self.since_log_id = since_log_id
        self.rows: dict[tuple, dict] = {}
        self.memo: dict[tuple, tuple] = {}

    def take(self) -> dict[str, list]:
        taken = {}
        for model in _written_models():
            queryset = model.objects.all()
            if model._meta.label_lower == "accounts.accesslogentry":
                queryset = queryset.filter(pk__gt=self.since_log_id)
            self.rows[model._meta.label_lower] = {row["pk"]: row for row in queryset.values(
                "pk", *(f.attname for f in model._meta.concrete_fields if not f.primary_key))}
        for model in _written_models():
            label = model._meta.label_lower
            taken[label] = sorted(repr(self._canon(model, pk)) for pk in self.rows[label])
        return taken

    def _soft(self, label, pk, text):
        if label in self.rows and str(pk).isdigit():
            return self._canon(apps.get_model(label), int(pk))
        return text

    def _canon(self, model, pk) -> tuple:
        key = (model._meta.label_lower, pk)
        if key in self.memo:
            return self.memo[key]
        row = self.rows.get(model._meta.label_lower, {}).get(pk)
        if row is None:  # a row the loads do not write (a municipality, a provider): its id
            return key
        skipped = CIRCUMSTANCE.get(model._meta.label_lower, set())
        values = []
        for field in model._meta.concrete_fields:
            if field.primary_key or field.name in skipped:
                continue
            value = row[field.attname]
            if isinstance(field, models.ForeignKey) and value is not None:
                value = self._canon(field.related_model, value)
            elif (model._meta.label_lower, field.name) in SOFT_REFERENCES:
                value = self._soft(*SOFT_REFERENCES[model._meta.label_lower, field.name](row))
            values.append((field.name, value))
        self.memo[key] = tuple(values)
        return self.memo[key]


def _load(region, load) -> dict[str, list]:
    since = AccessLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    load()
    snapshot = _Snapshot(since).take()
    ijw_bridge.reset_history(region=region)
    return snapshot


def _whole(events):
    return lambda: ijw_bridge.load_history(events, jobs=1)


def _one_municipality_after_another(events):
    def load():
        for part in ijw_bridge._per_municipality(events):
            with lookups.remembered():
                ijw_bridge._replay(ijw_bridge.Bridge(ijw_bridge._Live()), part, None)
    return load


def test_each_municipality_replayed_alone_writes_what_the_whole_replay_writes(
        region_and_events):
    region, events = region_and_events
    parts = ijw_bridge._per_municipality(events)
    assert len(parts) >= 3  # the region's municipalities each have youths at this size
    whole = _load(region, _whole(events))
    alone = _load(region, _one_municipality_after_another(events))
    assert len(whole["ijw.message"]) > 200  # the comparison covers a real history
    assert whole.keys() == alone.keys()
    for label in whole:
        assert alone[label] == whole[label], label


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite has one writer: load_history stays serial there "
                           "(test_sqlite_and_a_transaction_load_serially_whatever_jobs_says)")
def test_forked_workers_write_what_the_serial_load_writes(region_and_events):
    region, events = region_and_events
    steps = []
    whole = _load(region, _whole(events))
    side_by_side = _load(region, lambda: ijw_bridge.load_history(
        events, jobs=2, progress=lambda done, total: steps.append((done, total))))
    for label in whole:
        assert side_by_side[label] == whole[label], label
    # The bar ends at the number of steps the serial load takes.
    total = sum(1 for _ in ijw_bridge._batches(events))
    assert steps[-1] == (total, total)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="workers only on PostgreSQL")
def test_a_failing_worker_fails_the_load_with_its_error(region_and_events, monkeypatch):
    region, events = region_and_events
    replay = ijw_bridge._replay

    def fails_for_the_largest(bridge, part, progress):
        if part is ijw_bridge._parts[0]:
            raise RuntimeError("this municipality cannot be loaded")
        return replay(bridge, part, progress)

    monkeypatch.setattr(ijw_bridge, "_replay", fails_for_the_largest)  # forked: inherited
    with pytest.raises(RuntimeError, match="cannot be loaded"):
        ijw_bridge.load_history(events, jobs=2)
    ijw_bridge.reset_history(region=region)


def test_sqlite_and_a_transaction_load_serially_whatever_jobs_says(region_and_events,
                                                                   monkeypatch):
    region, events = region_and_events
    forked = []
    monkeypatch.setattr(ijw_bridge, "_replay_in_parallel",
                        lambda *args: forked.append(args) or 0)
    ijw_bridge.load_history(events, jobs=4)
    # On PostgreSQL the municipalities go to workers; SQLite takes one writer at a time.
    assert bool(forked) == (connection.vendor == "postgresql")
    forked.clear()
    ijw_bridge.reset_history(region=region)
    with transaction.atomic():
        # Workers could not see what this transaction has not committed: serial, and written.
        ijw_bridge.load_history(events, jobs=4)
        assert not forked
        assert Message.objects.filter(municipality__region=region).exists()
        transaction.set_rollback(True)
