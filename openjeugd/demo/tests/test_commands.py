"""`demo_data` and `demo_logins` through call_command."""

import types
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from openjeugd.demo import seeds
from openjeugd.demo.events import Declaration, Referral
from openjeugd.demo.management.commands import demo_data
from openjeugd.demo.services import DEMO_PASSWORD, DEMO_USERS
from openjeugd.registry.models import Region

pytestmark = pytest.mark.django_db
ARGS = ["--region", "Rijk van Nijmegen", "--youths", "40", "--years", "1", "--seed", "7",
        "--end", "2026-06-30"]


def _run(*args) -> str:
    out = StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


def test_an_unknown_region_names_the_valid_ones():
    with pytest.raises(CommandError) as error:
        _run("--region", "Nergens")
    assert "Nergens" in str(error.value)
    assert "Rijk van Nijmegen" in str(error.value) and "Twente" in str(error.value)


def test_without_the_bridge_it_warns_and_stops_after_the_set_up(monkeypatch):
    monkeypatch.setattr(demo_data, "_bridge", lambda: None)
    output = _run(*ARGS)
    assert "events were generated but not imported" in output
    assert Region.objects.get(name="Rijk van Nijmegen").providers.exists()


def test_a_full_region_name_keeps_the_generic_region_without_contracts(monkeypatch):
    from openjeugd.contracts.models import Contract, Product
    from openjeugd.pathways.models import Case

    monkeypatch.setattr(demo_data, "_bridge", lambda: None)
    _run(*ARGS)
    region = Region.objects.get(name="Rijk van Nijmegen")
    assert region.providers.exists()
    assert not Contract.objects.filter(region=region).exists()
    assert not Product.objects.filter(region=region).exists()
    assert not Case.objects.exists()


def test_the_region_s_events_go_to_the_bridge_with_a_progress_callback(monkeypatch):
    received = {}

    def load_history(events, *, progress, jobs):
        received.update(events=events, jobs=jobs)
        progress(len(events), len(events))

    bridge = types.ModuleType("fake_bridge")
    bridge.load_history = load_history
    monkeypatch.setattr(demo_data, "_bridge", lambda: bridge)
    output = _run(*ARGS, "--jobs", "3")
    # The events carry their municipality; the region is theirs, not an argument.
    codes = set(Region.objects.get(name="Rijk van Nijmegen").municipalities
                .values_list("code", flat=True))
    assert {event.youth.municipality_code for event in received["events"]} <= codes
    assert received["jobs"] == 3
    kinds = {type(event) for event in received["events"]}
    assert Referral in kinds and Declaration in kinds
    assert "Imported the care history" in output


def test_running_twice_needs_reset(monkeypatch):
    monkeypatch.setattr(demo_data, "_bridge", lambda: None)
    _run(*ARGS)
    with pytest.raises(CommandError, match="--reset"):
        _run(*ARGS)
    assert "Removed the earlier demo set-up" in _run(*ARGS, "--reset")


def test_demo_logins_lists_every_account_with_the_shared_password(monkeypatch):
    monkeypatch.setattr(demo_data, "_bridge", lambda: None)
    _run(*ARGS)
    out = StringIO()
    call_command("demo_logins", stdout=out)
    table = out.getvalue()
    for username, *_rest in DEMO_USERS:
        assert username in table
    assert DEMO_PASSWORD in table
    assert "Rijk van Nijmegen – Nijmegen" in table  # the access worker's municipality


def test_demo_logins_without_accounts_says_what_to_do():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert "demo_data" in out.getvalue()


def test_reset_replaces_an_imported_history_and_keeps_the_regions_kpis():
    """A reset after real history (care summaries point at its starts) and a KPI preset
    (indicators point at the task areas) used to stop on a PROTECTed foreign key."""
    from openjeugd.contracts.models import TaskArea
    from openjeugd.ijw.models import CareEpisode, Start
    from openjeugd.ijw.services import summaries

    wbo = ["--region", "wbo", "--youths", "12", "--years", "1", "--seed", "3",
           "--end", "2026-06-30"]
    _run(*wbo)
    call_command("monitoring_kpi_preset", "--region", "West-Brabant-Oost", "--file",
                 str(seeds.HERE / "wbo.toml"), stdout=StringIO())
    areas = set(TaskArea.objects.filter(region__name="West-Brabant-Oost").values_list("pk",
                                                                                        flat=True))
    assert CareEpisode.objects.exists() and areas

    output = _run(*wbo, "--reset")

    assert "Removed the earlier demo set-up" in output
    # The same seed again: as many starts and episodes as the import path writes, and the
    # summaries equal a recount from the facts (nothing of the first load left over).
    assert CareEpisode.objects.count() == Start.objects.count() > 0
    assert summaries.stored() == summaries.recount()
    # The task areas are the same rows, so the KPIs that name them still stand.
    assert set(TaskArea.objects.filter(region__name="West-Brabant-Oost")
               .values_list("pk", flat=True)) == areas


def test_more_youths_than_test_bsns_is_refused_before_anything_is_set_up():
    # 9999xxxx gives 10,000 eight-digit starts; a ninth digit passing the 11-proef exists
    # for 9,091 of them, so 9,092 youths cannot each have a test BSN.
    with pytest.raises(CommandError, match="at most 9,091 demo youths"):
        _run("--region", "Rijk van Nijmegen", "--youths", "9092")
    assert not Region.objects.get(name="Rijk van Nijmegen").providers.exists()
