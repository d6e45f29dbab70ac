"""KPI/KRI evaluation without the database: periods, the figure read out of an indicator
set, status against target and signal threshold, trend, and the strategy map's cycle rule."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.monitoring import kpi

D = Decimal


@pytest.mark.parametrize(("label", "first", "last", "before"), [
    ("2026-03", date(2026, 3, 1), date(2026, 3, 31), "2026-02"),
    ("2026-01", date(2026, 1, 1), date(2026, 1, 31), "2025-12"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "2024-01"),  # leap year
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "2025-Q4"),
    ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026-Q2"),
    ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "2025-H2"),
    ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "2026-H1"),
])
def test_periods_and_the_one_before(label, first, last, before):
    found = kpi.period(label)
    assert (found.first, found.last) == (first, last)
    assert kpi.previous(label) == before


@pytest.mark.parametrize("label", ["2026", "2026-13", "2026-Q5", "2026-H3", "26-Q1", "",
                                   "2026-q1", "1999-Q1"])
def test_a_bad_period_is_refused_naming_the_field(label):
    with pytest.raises(ValueError, match="period"):
        kpi.period(label)


def test_quarter_of_a_day():
    assert kpi.quarter_of(date(2026, 7, 15)) == "2026-Q3"
    assert kpi.quarter_of(date(2026, 3, 31)) == "2026-Q1"


# --- status ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    # Uitval, lower is better, target 40 %, signal at 60 %:
    (D("35.0"), kpi.ON_TARGET),   # 35 <= 40
    (D("40.0"), kpi.ON_TARGET),   # exactly the target counts as reached
    (D("50.0"), kpi.SIGNAL),      # missed 40 but not beyond 60
    (D("60.0"), kpi.SIGNAL),      # the threshold itself is still a signal
    (D("60.1"), kpi.OFF_TARGET),  # beyond the threshold
    (None, kpi.NO_DATA),
])
def test_status_lower_is_better(value, expected):
    assert kpi.status(value, D("40"), D("60"), "lower") == expected


@pytest.mark.parametrize(("value", "expected"), [
    # Answers on time, higher is better, target 90 %, signal at 80 %:
    (D("95.0"), kpi.ON_TARGET), (D("85.0"), kpi.SIGNAL), (D("79.9"), kpi.OFF_TARGET),
])
def test_status_higher_is_better(value, expected):
    assert kpi.status(value, D("90"), D("80"), "higher") == expected


def test_without_signal_threshold_a_miss_is_off_target_and_without_target_no_status():
    assert kpi.status(D("85"), D("90"), None, "higher") == kpi.OFF_TARGET
    assert kpi.status(D("85"), None, None, "higher") == kpi.NO_TARGET


def test_the_signal_threshold_lies_on_the_bad_side():
    assert kpi.signal_on_bad_side(D("40"), D("60"), "lower")
    assert not kpi.signal_on_bad_side(D("40"), D("30"), "lower")
    assert kpi.signal_on_bad_side(D("90"), D("80"), "higher")
    assert not kpi.signal_on_bad_side(D("90"), D("95"), "higher")


def test_trend_follows_the_direction():
    # Uitval fell from 100 % to 50 %: better when lower is better, worse when higher is.
    assert kpi.trend(D("50"), D("100"), "lower") == kpi.BETTER
    assert kpi.trend(D("50"), D("100"), "higher") == kpi.WORSE
    assert kpi.trend(D("50"), D("50"), "higher") == kpi.SAME
    assert kpi.trend(D("50"), None, "higher") is None


# --- reading the figure out of the indicator set -----------------------------------------------

SET = {
    "perioden": [{"gestart": 8, "gestart_herhaald_beroep": 3,
                  "uitval": {"numerator": 1, "denominator": 2, "percentage": "50.0"},
                  "tevredenheid": {"n": 0, "gemiddelde": None},
                  "kosten": {"toegekend": "1234.50", "gemiddeld_per_jeugdige": "411.50"}}],
    "processen": {"retour": {"op_tijd": {"numerator": 2, "denominator": 3,
                                          "percentage": "66.7"},
                             "gemiddeld_werkdagen": "1.5"}},
}


def test_values_are_read_from_the_indicator_set_not_recomputed():
    assert kpi.value_of("uitval", SET) == D("50.0")
    assert kpi.value_of("toegekend", SET) == D("1234.50")
    assert kpi.value_of("retour_op_tijd", SET) == D("66.7")
    assert kpi.value_of("gestart", SET) == D(8)
    # 3 of 8 started with herhaald beroep: 37.5 %.
    assert kpi.value_of("herhaald_beroep", SET) == D("37.5")
    # No satisfaction measured, no declaration answers: no value, not zero.
    assert kpi.value_of("tevredenheid", SET) is None
    assert kpi.value_of("declaratie_antwoord_op_tijd", SET) is None


def test_an_empty_or_suppressed_set_gives_no_value():
    assert kpi.value_of("uitval", {"perioden": [], "processen": {}}) is None
    suppressed = {"perioden": [{"gestart": None, "gestart_herhaald_beroep": None}]}
    assert kpi.value_of("herhaald_beroep", suppressed) is None


# --- strategy map --------------------------------------------------------------------------------

def test_cycles_are_found_however_long():
    # 1 -> 2 -> 3 (1 contributes to 2, 2 to 3).
    edges = {(1, 2), (2, 3)}
    assert kpi.creates_cycle(edges, 3, 1)      # 3 -> 1 closes 1 -> 2 -> 3 -> 1
    assert kpi.creates_cycle(edges, 2, 1)      # 2 -> 1 closes 1 -> 2 -> 1
    assert kpi.creates_cycle(edges, 4, 4)      # to itself
    assert not kpi.creates_cycle(edges, 1, 3)  # a shortcut, no cycle
    assert not kpi.creates_cycle(edges, 4, 1)  # a new leaf


# --- G7 themes and Limburg segments --------------------------------------------------------------

def _segment(name, products, spent_pct, beds_end, planned, waiting):
    return {"naam": name, "producten": products,
            "besteding": {"2026": {"budget": "1000.00", "toegekend_bedrag": "0.00",
                                   "percentage_budget": spent_pct}},
            "kosten_per_jeugdige": {"gemiddeld_per_jeugdige": "250.00"},
            "verblijfsduur": {"gemiddelde": "120.5"},
            "bedden": {"in_gebruik_eind": beds_end, "bedden_gepland": planned,
                       "boven_plan": None if planned is None else beds_end - planned},
            "wachtlijst": {"jeugdigen": waiting}}


THEMES_AND_SEGMENTS = {
    "perioden": [],
    "themes": {"regio": {
        "verklarende_analyse_en_perspectiefplan": {
            # 9 of 12 cases had a verklarende analyse: 75.0 %; 6 of 12 a perspectiefplan.
            "verklarende_analyse": {"numerator": 9, "denominator": 12, "percentage": "75.0"},
            "perspectiefplan": {"numerator": 6, "denominator": 12, "percentage": "50.0"}},
        "uitstroom_op_tijd": {"op_tijd": {"numerator": 3, "denominator": 4,
                                          "percentage": "75.0"}},
        "onvrijwillige_doorplaatsingen": {"doorplaatsingen": 5, "onvrijwillig": 2},
        "samenwerking": {"wachttijden": {"aanmelding_tot_besluit": {"gemiddelde": "12.5"},
                                         "toewijzing_tot_start": {"gemiddelde": None}}}}},
    "segments": {"segmenten": [
        _segment("Verblijf", [["38", ""]], "61.5", 14, 12, 3),
        _segment("Ambulant", [["45", ""]], "40.0", 0, None, 7),
    ]},
}


def test_theme_figures_are_read_from_the_themes():
    assert kpi.value_of("verklarende_analyse", THEMES_AND_SEGMENTS) == D("75.0")
    assert kpi.value_of("perspectiefplan", THEMES_AND_SEGMENTS) == D("50.0")
    assert kpi.value_of("uitstroom_op_tijd", THEMES_AND_SEGMENTS) == D("75.0")
    assert kpi.value_of("onvrijwillige_doorplaatsingen", THEMES_AND_SEGMENTS) == D(2)
    assert kpi.value_of("wachttijd_aanmelding_besluit", THEMES_AND_SEGMENTS) == D("12.5")
    # No care started after a toewijzing in the period: no value, not 0 days.
    assert kpi.value_of("wachttijd_toewijzing_start", THEMES_AND_SEGMENTS) is None


def test_a_task_area_kpi_reads_its_own_segment_and_never_another():
    verblijf = {"task_area": "Verblijf"}
    assert kpi.value_of("besteding_budget", THEMES_AND_SEGMENTS, **verblijf) == D("61.5")
    # 14 beds in use at the end against 12 planned: 2 above the plan.
    assert kpi.value_of("bedden_boven_plan", THEMES_AND_SEGMENTS, **verblijf) == D(2)
    assert kpi.value_of("wachtlijst", THEMES_AND_SEGMENTS, task_area="Ambulant") == D(7)
    # No plan recorded for the ambulant segment: nothing above it.
    assert kpi.value_of("bedden_boven_plan", THEMES_AND_SEGMENTS, task_area="Ambulant") is None
    # A task area without a segment (no ceiling) has no value, not the region's.
    assert kpi.value_of("besteding_budget", THEMES_AND_SEGMENTS, task_area="Wonen") is None


def test_without_a_task_area_the_region_wide_segment_or_the_only_one():
    # Two segments, none covering all products: a region KPI has no segment to read.
    assert kpi.value_of("besteding_budget", THEMES_AND_SEGMENTS) is None
    whole = {"segments": {"segmenten": [
        _segment("Verblijf", [["38", ""]], "61.5", 14, 12, 3),
        _segment("Rijk van Nijmegen", None, "48.2", 20, None, 9)]}}
    assert kpi.value_of("besteding_budget", whole) == D("48.2")
    only = {"segments": {"segmenten": [_segment("Verblijf", [["38", ""]], "61.5", 14, 12, 3)]}}
    assert kpi.value_of("wachtlijst", only) == D(3)


def test_spending_over_two_calendar_years_is_no_kpi_value():
    # A KPI period never straddles a year; should a set do so, no single share exists.
    two = _segment("Verblijf", None, "61.5", 14, 12, 3)
    two["besteding"]["2027"] = {"percentage_budget": "3.0"}
    assert kpi.value_of("besteding_budget", {"segments": {"segmenten": [two]}}) is None
