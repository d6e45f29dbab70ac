"""Outcome indicators (protocol §4.2) and the period figures on hand-made trajectories."""

from datetime import date

import pytest

from openjeugd.monitoring.cbs import figures, outcome
from openjeugd.monitoring.cbs.outcome import Measurement
from openjeugd.monitoring.cbs.periods import Period, half_year, half_years, years_before

from .test_cbs_trajectories import BERG, ELDERS, LINDE, NIJMEGEN, OTHER_BSN, build, start, stop

H1_2026 = Period(date(2026, 1, 1), date(2026, 6, 30))


def ended(reasons):
    """One ended trajectory per JZ588 reason, each for its own youth."""
    starts, stops = [], []
    for n, reden in enumerate(reasons):
        bsn = f"9999{n:05d}"
        starts.append(start(n, date(2026, 1, 1), bsn=bsn))
        stops.append(stop(n, date(2026, 1, 1), date(2026, 3, 31), reden))
    return build(starts, stops)[0]


def test_uitval_is_the_share_closed_voortijdig():
    # JZ588 31 (plan, §3.7 01), 39 (other domain, 01), 34 (in overleg, 02), 32 (cliënt, 03),
    # 33 (aanbieder, 04): five ended, three of them "Voortijdig afgesloten" (02, 03, 04) ->
    # 3/5 = 60.0 %.
    result = outcome.uitval(ended(["31", "39", "34", "32", "33"]))
    assert result == {"numerator": 3, "denominator": 5, "percentage": "60.0",
                      "per_reden": {"01": 2, "02": 1, "03": 1, "04": 1}}


def test_uitval_without_ended_trajectories_has_no_percentage():
    assert outcome.uitval([]) == {"numerator": 0, "denominator": 0, "percentage": None,
                                  "per_reden": {}}


def test_follow_up_window_runs_to_the_end_of_the_next_half_year():
    # CBS maatwerk 2020/44: ended in 2019-H2, followed "tot en met 30 juni 2020".
    assert outcome.follow_up_until(date(2019, 8, 15)) == date(2020, 6, 30)
    assert outcome.follow_up_until(date(2026, 3, 31)) == date(2026, 12, 31)


def test_geen_nieuwe_start_within_the_follow_up_window():
    # Three trajectories end 31 Mar 2026 (window to 31 Dec 2026):
    # - youth A starts again 1 Nov 2026 at another provider -> a new start in the window;
    # - youth B starts again 1 Jan 2027 -> after the window: counts as no new start;
    # - youth C never returns.
    # Measured on 1 Jan 2027 (window passed): 2 of 3 without new start = 66.7 %.
    # On 1 Dec 2026 the window is still open for all three: 0 measured, 3 pending.
    a, b, c = "999990011", "999990023", "999990035"
    starts = [start("A1", date(2026, 1, 1), bsn=a),
              start("A2", date(2026, 11, 1), bsn=a, provider=ELDERS),
              start("B1", date(2026, 1, 1), bsn=b), start("B2", date(2027, 1, 1), bsn=b),
              start("C1", date(2026, 1, 1), bsn=c)]
    stops = [stop(link, date(2026, 1, 1), date(2026, 3, 31)) for link in ("A1", "B1", "C1")]
    trajectories, _ = build(starts, stops)
    passed = outcome.geen_nieuwe_start(trajectories, H1_2026.first, H1_2026.last,
                                       today=date(2027, 1, 1))
    pending = outcome.geen_nieuwe_start(trajectories, H1_2026.first, H1_2026.last,
                                        today=date(2026, 12, 1))
    assert passed == {"numerator": 2, "denominator": 3, "percentage": "66.7",
                      "window_not_passed": 0}
    assert pending == {"numerator": 0, "denominator": 0, "percentage": None,
                       "window_not_passed": 3}


def measurement(**kwargs):
    defaults = {"bsn": "999993653", "provider": LINDE, "measured_on": date(2026, 6, 1),
                "informant": "jeugdige"}
    return Measurement(**{**defaults, **kwargs})


def test_tevredenheid_mean_and_distribution():
    # Marks 8, 7, 9 and one measurement without a mark: n = 3, mean 24 / 3 = 8.0.
    result = outcome.tevredenheid([measurement(tevredenheid=8),
                                   measurement(tevredenheid=7, informant="ouder"),
                                   measurement(tevredenheid=9, bsn=OTHER_BSN),
                                   measurement(zonder_hulp="04")])
    assert result["n"] == 3 and result["gemiddelde"] == "8.0"
    assert result["verdeling"]["8"] == 1 and result["verdeling"]["10"] == 0


def test_zonder_hulp_verder_counts_03_and_04():
    # Answers 01, 02, 03, 04, 04: going on without help now = 03 + 04 = 3 of 5 = 60.0 %.
    answers = ["01", "02", "03", "04", "04"]
    result = outcome.zonder_hulp_verder([measurement(zonder_hulp=a) for a in answers])
    assert result == {"numerator": 3, "denominator": 5, "percentage": "60.0",
                      "verdeling": {"01": 1, "02": 1, "03": 1, "04": 2}}


@pytest.mark.parametrize("field,value,message", [
    ("tevredenheid", 11, "tevredenheid"), ("tevredenheid", 0, "tevredenheid"),
    ("zonder_hulp", "05", "zonder_hulp"), ("informant", "buurman", "informant")])
def test_measurements_outside_the_protocol_are_refused(field, value, message):
    with pytest.raises(ValueError, match=message):
        measurement(**{field: value})


def test_half_years_and_the_five_year_step():
    assert [p.label for p in half_years(date(2025, 5, 1), date(2026, 7, 1))] == [
        "2025-H1", "2025-H2", "2026-H1", "2026-H2"]
    assert half_year(date(2026, 7, 1)) == Period(date(2026, 7, 1), date(2026, 12, 31))
    assert years_before(date(2028, 2, 29), 5) == date(2023, 2, 28)
    with pytest.raises(ValueError):
        half_years(date(2026, 2, 1), date(2026, 1, 1))


def test_period_figures_count_started_ended_and_running():
    # 2026-H1: youth 1 starts 1 Jan and ends 31 Mar (90 days: 31 + 28 + 31); youth 2 started
    # in 2025 and runs on; youth 3 starts 1 May 2026 and runs on, with earlier care that
    # ended 31 Dec 2024 (> 1 free day, < 5 years) -> herhaald beroep.
    starts = [start("Y1", date(2026, 1, 1), bsn="999990011"),
              start("Y2", date(2025, 3, 1), bsn="999990023"),
              start("Y3a", date(2024, 1, 1), bsn="999990035"),
              start("Y3b", date(2026, 5, 1), bsn="999990035")]
    stops = [stop("Y1", date(2026, 1, 1), date(2026, 3, 31)),
             stop("Y3a", date(2024, 1, 1), date(2024, 12, 31))]
    known, _ = build(starts, stops, as_of=H1_2026.last)
    result = figures.period_figures(known, known, H1_2026, [], today=date(2026, 7, 1))
    assert (result["trajecten"], result["jeugdigen"], result["gestart"],
            result["gestart_herhaald_beroep"], result["beeindigd"],
            result["lopend_einde_periode"], result["gemiddelde_duur_dagen"]) == (
        3, 3, 2, 1, 1, 2, 90)
    assert result["per_hulpvorm"] == {"02": 2} and result["per_verwijzer"] == {"02": 2}
    # Youth 3's 2024 trajectory lies outside the period: three youths in care, one provider.
    assert result["jeugdigen_per_hulpvorm"] == {"02": 3}
    assert result["per_aanbieder"] == {LINDE: {"trajecten": 3, "gestart": 2, "jeugdigen": 3}}


def test_a_period_without_data_has_zeros_not_errors():
    result = figures.period_figures([], [], H1_2026, [], today=date(2026, 7, 1))
    assert (result["trajecten"], result["gestart"], result["gemiddelde_duur_dagen"]) == (
        0, 0, None)
    assert result["uitval"]["percentage"] is None


def test_small_cells_are_suppressed_when_leaving_the_region():
    # 3 started (1-4: suppressed), 0 running (zero reveals nobody: kept), 12 trajectories
    # kept; 3 ended: suppressed, and their average duration with them; uitval 2 of 3: both
    # counts small -> the percentage goes too.
    data = {"periode": "2026-H1", "gestart": 3, "lopend_einde_periode": 0, "trajecten": 12,
            "beeindigd": 3, "gemiddelde_duur_dagen": 40,
            "uitval": {"numerator": 2, "denominator": 3, "percentage": "66.7"},
            "tevredenheid": {"n": 7, "gemiddelde": "8.0", "verdeling": {"8": 4, "7": 3}}}
    out = figures.suppress_small_cells(data)
    assert out == {"periode": "2026-H1", "gestart": None, "lopend_einde_periode": 0,
                   "trajecten": 12, "beeindigd": None, "gemiddelde_duur_dagen": None,
                   "uitval": {"numerator": None, "denominator": None, "percentage": None},
                   "tevredenheid": {"n": 7, "gemiddelde": "8.0",
                                    "verdeling": {"8": None, "7": None}}}


def test_the_one_pass_per_municipality_equals_the_definition():
    # 2026-H1, as known on 30 Jun:
    # - youth 1 moves: Nijmegen toewijzing 1 Jan - 31 Mar, Berg en Dal from 1 Apr, running;
    #   §7.5 one record, the municipality known at the period's end: Berg en Dal, started.
    # - youth 2 started 2025 in Nijmegen, ended 28 Feb 2026: Nijmegen, ended, not started.
    # - youth 3 ended in 2025 (1 Mar - 30 Nov): outside the period, in no row.
    # - youth 4 starts 1 May in Nijmegen, running: Nijmegen, started.
    starts = [start("M1", date(2026, 1, 1), bsn="999990011"),
              start("M2", date(2026, 4, 1), bsn="999990011", gemeente=BERG, youth_id=2),
              start("Y2", date(2025, 6, 1), bsn="999990023"),
              start("Y3", date(2025, 3, 1), bsn="999990035"),
              start("Y4", date(2026, 5, 1), bsn="999990047")]
    stops = [stop("M1", date(2026, 1, 1), date(2026, 3, 31), "35"),
             stop("Y2", date(2025, 6, 1), date(2026, 2, 28)),
             stop("Y3", date(2025, 3, 1), date(2025, 11, 30))]
    known, _ = build(starts, stops, as_of=H1_2026.last)
    found, rows = figures.period_and_municipalities(known, known, H1_2026, [],
                                                    today=date(2026, 7, 1))
    assert rows == {BERG: {"gestart": 1, "beeindigd": 0, "trajecten": 1},
                    NIJMEGEN: {"gestart": 1, "beeindigd": 1, "trajecten": 2}}
    assert rows == figures.per_municipality(known, H1_2026)
    # The period's own figures from the same pass: three in care (youths 1, 2, 4), two
    # started (1, 4), one ended (2), two running (1, 4).
    assert (found["trajecten"], found["gestart"], found["beeindigd"],
            found["lopend_einde_periode"]) == (3, 2, 1, 2)
    assert found == figures.period_figures(known, known, H1_2026, [], today=date(2026, 7, 1))
