"""The fast path (ijw's summaries: care episodes, declared amounts per youth and half year and
per month) equals the plain definition (the starts, stops and declaration lines themselves)
after a history that exercises what the summaries must follow: a start corrected (deleted
with StatusAanlevering 3 and sent again), a stop deleted and sent again, credit lines, a
temporary stop, and a youth moving municipality. Everything through the real import path."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import CareEpisode, DeclaredHalfYear, DeclaredMonth, Prestatie
from openjeugd.ijw.services import summaries
from openjeugd.monitoring import declared, selectors, themes_selectors
from openjeugd.monitoring.cbs import trajectories
from openjeugd.monitoring.cbs.trajectories import record
from openjeugd.monitoring.tests.test_demo_region import plain_facts, plain_indicators

BERG = "1945"  # Berg en Dal, in the same region as Nijmegen (0268)
FIRST, LAST, TODAY = date(2026, 1, 1), date(2026, 12, 31), date(2026, 7, 15)


def hulpvorm(region, categorie, code):
    return "02" if code == "45A48" else None  # test catalogue: 45A48 is ambulant jeugdhulp


@pytest.fixture
def history(deliver):
    # Nijmegen: toewijzing 1001 from 12 Jan; a start on 14 Jan corrected to 20 Jan (OP033:
    # delete, then the new delivery); a stop on 15 Mar deleted and sent again as 31 Mar,
    # reason 35 (the youth moves).
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw305(identificatie="ST000001", begindatum=date(2026, 1, 14)))
    deliver(samples.sample_jw305(identificatie="ST000002", begindatum=date(2026, 1, 14),
                                 dagtekening=date(2026, 1, 21), status_aanlevering="3"))
    deliver(samples.sample_jw305(identificatie="ST000003", begindatum=date(2026, 1, 20),
                                 dagtekening=date(2026, 1, 22)))
    stop = {"begindatum": date(2026, 1, 20), "einddatum": date(2026, 3, 15)}
    deliver(samples.sample_jw307(identificatie="SP000001", dagtekening=date(2026, 3, 16),
                                 **stop))
    deliver(samples.sample_jw307(identificatie="SP000002", dagtekening=date(2026, 3, 17),
                                 status_aanlevering="3", **stop))
    deliver(samples.sample_jw307(identificatie="SP000003", dagtekening=date(2026, 4, 1),
                                 begindatum=date(2026, 1, 20), einddatum=date(2026, 3, 31),
                                 reden_beeindiging="35"))
    # February: debit P000001 16 x 85.50 = 1368.00, credited in full (P000002) and declared
    # again as P000003 12 x 85.50 = 1026.00.
    deliver(samples.sample_jw323())
    credit = samples.sample_prestatie(referentie="P000002", credit=True)
    credit.vorig_product_referentie = "P000001"
    deliver(samples.sample_jw323(identificatie="DC000002", declaratie_nummer="D2026020002",
                                 dagtekening=date(2026, 3, 5), prestaties=[credit]))
    deliver(samples.sample_jw323(identificatie="DC000003", declaratie_nummer="D2026020003",
                                 dagtekening=date(2026, 3, 6),
                                 prestaties=[samples.sample_prestatie(referentie="P000003",
                                                                      volume=12)]))
    # Berg en Dal from 1 April (same provider and product): toewijzing 2001, start 1 Apr, a
    # temporary stop on 31 May (JZ588 20), April declared: 10 x 85.50 = 855.00.
    berg = {"gemeente": BERG, "toewijzing_nummer": "2001"}
    deliver(samples.sample_jw301(identificatie="TW000002", dagtekening=date(2026, 3, 25),
                                 ingangsdatum=date(2026, 4, 1), **berg))
    on_toewijzing = {"toewijzing_ingangsdatum": date(2026, 4, 1), "begindatum": date(2026, 4, 1)}
    deliver(samples.sample_jw305(identificatie="ST000010", dagtekening=date(2026, 4, 2),
                                 **on_toewijzing, **berg))
    deliver(samples.sample_jw307(identificatie="SP000010", dagtekening=date(2026, 6, 2),
                                 einddatum=date(2026, 5, 31), reden_beeindiging="20",
                                 **on_toewijzing, **berg))
    april = samples.sample_prestatie(referentie="P000004", toewijzing_nummer="2001",
                                     begindatum=date(2026, 4, 1), einddatum=date(2026, 4, 30),
                                     volume=10)
    deliver(samples.sample_jw323(identificatie="DC000004", declaratie_nummer="D2026040001",
                                 dagtekening=date(2026, 5, 4), gemeente=BERG,
                                 periode=(date(2026, 4, 1), date(2026, 4, 30)),
                                 prestaties=[april]))


def test_the_summaries_follow_every_write(history, nijmegen):
    assert summaries.stored() == summaries.recount()
    # Episodes: the deleted start's key keeps no row (its last fact is gone), the corrected
    # start carries the re-sent stop (31 Mar, 35), Berg en Dal's start its temporary stop.
    episodes = sorted(CareEpisode.objects.values_list(
        "municipality__code", "begindatum", "einddatum", "reden_beeindiging", "paused_on"))
    assert episodes == [("0268", date(2026, 1, 20), date(2026, 3, 31), "35", None),
                        (BERG, date(2026, 4, 1), None, "", date(2026, 5, 31))]
    # February in Nijmegen: 1368.00 - 1368.00 + 1026.00 = 1026.00 net over three lines,
    # 1026.00 declared net too, -1368.00 credited.
    assert DeclaredMonth.objects.filter(municipality=nijmegen).values_list(
        "month", "granted_cents", "declared_cents", "credits_cents", "lines").get() == (
        date(2026, 2, 1), 102600, 102600, -136800, 3)
    assert sorted(DeclaredHalfYear.objects.values_list(
        "municipality__code", "half_year", "granted_cents")) == [
        ("0268", date(2026, 1, 1), 102600), (BERG, date(2026, 1, 1), 85500)]
    out = StringIO()
    call_command("ijw", "summaries", stdout=out)
    assert "match" in out.getvalue()
    # The backfill (the database sums the lines itself) writes what the services wrote.
    written = summaries.stored()
    DeclaredMonth.objects.update(granted_cents=0)
    with pytest.raises(CommandError):
        call_command("ijw", "summaries", stdout=StringIO())
    call_command("ijw", "summaries", "--rebuild", stdout=StringIO())
    assert summaries.stored() == written


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.hulpvorm")
def test_the_fast_path_equals_the_plain_definition(history, nijmegen, monkeypatch):
    region = nijmegen.region
    fast_facts = selectors.episode_facts(region)
    assert fast_facts is not None  # the summaries answer; no fallback
    for day in (date(2026, 3, 31), date(2026, 5, 31), LAST):
        assert _records(fast_facts, day) == _records(plain_facts(region), day)

    fast = selectors.region_indicators(region, FIRST, LAST, today=TODAY)
    # One trajectory: from the corrected start (20 Jan); the move is no new record (§7.5,
    # Berg en Dal starts the day after Nijmegen's end) and the temporary stop is no end.
    h1, h2 = fast["perioden"]
    assert (h1["trajecten"], h1["gestart"], h1["beeindigd"], h1["lopend_einde_periode"]) == (
        1, 1, 0, 1)
    assert fast["per_gemeente"]["2026-H1"] == {BERG: {"gestart": 1, "beeindigd": 0,
                                                      "trajecten": 1}}
    # One BSN in both municipalities: 1026.00 + 855.00 = 1881.00 granted, credits -1368.00.
    assert h1["kosten"] == {"toegekend": "1881.00", "ingediend": "1881.00",
                            "gecrediteerd": "-1368.00", "jeugdigen": 1,
                            "gemiddeld_per_jeugdige": "1881.00"}
    # Forecast for 2026 on 15 July: six complete months, 1881.00 / 6 x 12 = 3762.00.
    assert fast["sturing"]["regio"]["prognose"]["prognose"] == "3762.00"

    # The plain definition of ijw/monitoring (model objects, summed in Python) ...
    periods, municipalities = plain_indicators(region, FIRST, LAST, today=TODAY)
    assert fast["perioden"] == periods and fast["per_gemeente"] == municipalities
    # ... and the selectors' own plain path, for the whole set (sturingsinformatie too).
    monkeypatch.setattr(selectors, "episode_facts", selectors.facts)
    monkeypatch.setattr(declared, "whole_half_year", lambda period: False)
    monkeypatch.setattr(declared, "whole_months", lambda first, last: False)
    assert selectors.region_indicators(region, FIRST, LAST, today=TODAY) == fast


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.hulpvorm")
def test_the_trajectory_part_alone_is_that_part_of_the_whole_set(history, nijmegen):
    # What the benchmark times next to DuckDB: the same keys, values and order as in the set.
    region = nijmegen.region
    whole = selectors.region_indicators(region, FIRST, LAST, today=TODAY)
    part = selectors.trajectory_indicators(region, FIRST, LAST, today=TODAY)
    assert list(part) == ["regio", "van", "tot_en_met", "perioden", "per_gemeente",
                          "niet_gekoppelde_producten", "verwijzer_onbekend"]
    assert part == {key: whole[key] for key in part}
    assert part["perioden"][0]["trajecten"] == 1  # the corrected start's one trajectory
    assert list(whole)[:7] == ["regio", "van", "tot_en_met", "perioden", "per_gemeente",
                               "sturing", "processen"]


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.hulpvorm")
def test_periods_that_are_not_whole_half_years_are_answered_from_the_lines(history, nijmegen):
    # 15 Feb .. 30 Apr: only the Berg en Dal line (1 Apr) begins in it; February's lines
    # begin on 1 Feb, before the period. The summaries cannot cut a half year: plain lines.
    figures = selectors.region_indicators(nijmegen.region, date(2026, 2, 15),
                                          date(2026, 4, 30), today=TODAY)
    assert figures["perioden"][0]["kosten"]["toegekend"] == "855.00"


def test_an_irregular_episode_is_answered_from_its_facts(history, nijmegen):
    # Two current starts on one key cannot happen through the rules (TR074); should one be
    # written around them, the summary says so and that key's starts and stops are read
    # from the facts, the other keys still from the episodes: the same trajectories.
    CareEpisode.objects.filter(municipality=nijmegen).update(irregular=True, start=None)
    fast = selectors.episode_facts(nijmegen.region)
    assert len(fast[0]) == 2
    assert _records(fast, LAST) == _records(plain_facts(nijmegen.region), LAST)


def _records(facts, day):
    found, report = trajectories(*facts, lambda cat, code: hulpvorm(None, cat, code), as_of=day)
    return sorted(tuple(record(t, day).values()) for t in found), report


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.hulpvorm")
def test_the_themes_and_segments_read_the_summaries_and_equal_the_lines(history, nijmegen,
                                                                        monkeypatch):
    region = nijmegen.region
    with CaptureQueriesContext(connection) as fast_queries:
        fast = themes_selectors.themes_and_segments(region, FIRST, LAST, today=TODAY)
    # A whole year is two whole half years: the summaries answer, no declaration line is read.
    assert not _read(fast_queries, Prestatie) and _read(fast_queries, DeclaredHalfYear)
    # One BSN, February 1026.00 (1368.00 credited in full and declared again) in Nijmegen and
    # April 855.00 in Berg en Dal: 1881.00 over one youth paid for.
    assert fast["themes"]["regio"]["kosten_en_omvang"]["kosten"] == {
        "jeugdigen": 1, "toegekend": "1881.00", "gemiddeld_per_jeugdige": "1881.00"}
    assert fast["themes"]["per_gemeente"][BERG]["kosten_en_omvang"]["kosten"]["toegekend"] \
        == "855.00"

    # The plain definition: every line, per year, municipality, provider, product and youth,
    # summed in Python from the model objects ...
    per_year = {}
    for line in Prestatie.objects.select_related("declaratie__municipality", "provider",
                                                 "youth"):
        key = (line.begindatum.year, line.declaratie.municipality.code, line.provider.agb_code,
               line.product_categorie, line.product_code, line.youth.bsn)
        per_year[key] = per_year.get(key, 0) + line.toegekend
    periods = declared.periods_of(FIRST, LAST)
    assert declared.per_year(region, periods, None) == per_year
    # ... and the whole of both keys from the lines, as for periods that are not whole.
    monkeypatch.setattr(declared, "whole_half_year", lambda period: False)
    with CaptureQueriesContext(connection) as plain_queries:
        plain = themes_selectors.themes_and_segments(region, FIRST, LAST, today=TODAY)
    assert _read(plain_queries, Prestatie) and not _read(plain_queries, DeclaredHalfYear)
    assert plain == fast


@override_settings(MONITORING_HULPVORM_LOOKUP=f"{__name__}.hulpvorm")
def test_themes_for_a_period_that_is_not_whole_half_years_come_from_the_lines(history,
                                                                              nijmegen):
    # 15 Feb .. 30 Apr: only the Berg en Dal line (1 Apr, 855.00) begins in it.
    found = themes_selectors.themes_and_segments(nijmegen.region, date(2026, 2, 15),
                                                 date(2026, 4, 30), today=TODAY)
    assert found["themes"]["regio"]["kosten_en_omvang"]["kosten"]["toegekend"] == "855.00"


def _read(queries, model) -> bool:
    return any(f'"{model._meta.db_table}"' in q["sql"] for q in queries.captured_queries)
