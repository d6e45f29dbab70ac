"""StatLine-style tables (pure module) on hand-made trajectories, no database."""

from datetime import date

from openjeugd.monitoring import cbs
from openjeugd.monitoring.cbs import codes, statline
from openjeugd.monitoring.cbs.deliveries import StartFact, StopFact
from openjeugd.monitoring.cbs.periods import half_years

LINDE = "12345678"
NIJMEGEN, BERG = "0268", "1945"
H1, H2 = half_years(date(2026, 1, 1), date(2026, 12, 31))


def start(link, begindatum, bsn, gemeente=NIJMEGEN, categorie="32"):
    return StartFact(link=(link,), bsn=bsn, youth_id=int(bsn[-3:]), provider=LINDE,
                     gemeente=gemeente, product_categorie=categorie,
                     product_code=categorie + "A01", begindatum=begindatum, verwijzer="01")


def stop(link, begindatum, einddatum, reden):
    return StopFact(link=(link,), begindatum=begindatum, einddatum=einddatum, reden=reden)


def trajectories(starts, stops):
    found, _ = cbs.trajectories(starts, stops, lambda c, p: codes.hulpvorm_of_category(c))
    return found


def bsn(n: int) -> str:
    return f"9999{n:05d}"  # table rows only: the 11-proef does not matter to the pure module


def scenario():
    """Nijmegen: youth 1 had care in 2023 (ended 31 Dec 2023) and starts again 10 Feb 2026
    (herhaald beroep: within 5 years, more than a day in between); youth 2 starts 1 Mar 2026
    (new) and ends 30 Apr 2026 per plan (JZ588 31 -> 01): 61 days (1 Mar-30 Apr inclusive);
    youth 3 started 1 Oct 2025 and ends 30 Jun 2026, client stops (JZ588 32 -> 03): 273 days
    (92 in Oct-Dec 2025 + 181 in Jan-Jun 2026). Berg en Dal: youth 4 starts 1 Aug 2026
    (H2), running."""
    starts = [start("old", date(2023, 1, 1), bsn(1)), start("A", date(2026, 2, 10), bsn(1)),
              start("B", date(2026, 3, 1), bsn(2)), start("C", date(2025, 10, 1), bsn(3)),
              start("D", date(2026, 8, 1), bsn(4), gemeente=BERG)]
    stops = [stop("old", date(2023, 1, 1), date(2023, 12, 31), "31"),
             stop("B", date(2026, 3, 1), date(2026, 4, 30), "31"),
             stop("C", date(2025, 10, 1), date(2026, 6, 30), "32")]
    return trajectories(starts, stops)


def test_started_new_and_herhaald_ended_with_duration_and_reason():
    rows = statline.tables(scenario(), [H1, H2])
    by = {(row["periode"], row["gemeente"]): row for row in rows}
    nijmegen = by[("2026-H1", NIJMEGEN)]
    # Started in H1: youths 1 (herhaald) and 2 (new); youth 3 started in 2025.
    assert (nijmegen["gestart"], nijmegen["gestart_nieuw"],
            nijmegen["gestart_herhaald_beroep"]) == (2, 1, 1)
    # Ended in H1: youths 2 (61 days, 01) and 3 (273 days, 03): mean (61 + 273) / 2 = 167.
    assert (nijmegen["beeindigd"], nijmegen["gemiddelde_duur_dagen"]) == (2, 167)
    assert (nijmegen["beeindigd_reden_01"], nijmegen["beeindigd_reden_03"],
            nijmegen["beeindigd_reden_02"]) == (1, 1, 0)
    # Running on 30 June: only youth 1 (youth 3 ended on that very day).
    assert nijmegen["lopend_einde_periode"] == 1
    # H2: Berg en Dal gets youth 4 (new, running); Nijmegen keeps youth 1 running.
    assert by[("2026-H2", BERG)]["gestart_nieuw"] == 1
    assert by[("2026-H2", NIJMEGEN)]["gestart"] == 0
    assert by[("2026-H2", NIJMEGEN)]["lopend_einde_periode"] == 1
    assert by[("2026-H2", statline.REGIO)]["lopend_einde_periode"] == 2
    # The rows come per period, municipalities by code, the total last; no empty municipality.
    assert [(r["periode"], r["gemeente"]) for r in rows] == [
        ("2026-H1", NIJMEGEN), ("2026-H1", "regio"),
        ("2026-H2", NIJMEGEN), ("2026-H2", BERG), ("2026-H2", "regio")]
    assert set(rows[0]) - {"jeugdigen"} == set(statline.KEYS)


def test_a_period_without_data_has_only_an_empty_total():
    (row,) = statline.tables(scenario(), half_years(date(2020, 1, 1), date(2020, 6, 30)))
    assert row["gemeente"] == statline.REGIO
    assert row["gestart"] == 0 and row["gemiddelde_duur_dagen"] is None


def test_small_cells_are_suppressed_by_youths_not_trajectories():
    # Six ambulant-or-daghulp trajectories of 3 youths (each youth two hulpvormen, 32 -> 02
    # and 33 -> 03) start in Nijmegen in H1 and end 31 Mar per plan: 6 trajectories, but only
    # 3 youths -> every non-zero cell is hidden, and with "beeindigd" the average duration;
    # zeros (herhaald beroep, other reasons) stay. Five more youths make started 8 youths:
    # shown, exactly.
    starts, stops = [], []
    for n in range(1, 4):
        for categorie in ("32", "33"):
            link = f"{n}{categorie}"
            starts.append(start(link, date(2026, 1, 5), bsn(n), categorie=categorie))
            stops.append(stop(link, date(2026, 1, 5), date(2026, 3, 31), "31"))
    small = statline.suppressed(statline.tables(trajectories(starts, stops), [H1]))[0]
    assert (small["gestart"], small["beeindigd"], small["gemiddelde_duur_dagen"],
            small["beeindigd_reden_01"]) == (None, None, None, None)
    assert (small["gestart_herhaald_beroep"], small["beeindigd_reden_04"]) == (0, 0)
    assert "jeugdigen" not in small
    starts += [start(f"x{n}", date(2026, 5, 1), bsn(n)) for n in range(10, 15)]
    larger = statline.suppressed(statline.tables(trajectories(starts, stops), [H1]))[0]
    assert larger["gestart"] == 11  # 6 + 5 trajectories, 8 youths behind them
    assert larger["beeindigd"] is None  # still 3 youths


def test_secondary_suppression_keeps_a_hidden_cell_from_the_total():
    # H1: 6 youths start (new) in Nijmegen, 2 in Berg en Dal, all running on 30 June. Berg en
    # Dal's 2 are hidden (primary); the region's 8 minus Nijmegen's 6 would give them away, so
    # Nijmegen's started and running are hidden too (the smallest other non-zero term), and
    # then Nijmegen's "new" (its row: started = new + herhaald 0). The region's row stays
    # whole: 8 started, 8 new, 8 running; zeros stay zero.
    starts = [start(f"n{n}", date(2026, 2, 1), bsn(n)) for n in range(1, 7)]
    starts += [start(f"b{n}", date(2026, 2, 1), bsn(n), gemeente=BERG) for n in range(7, 9)]
    rows = statline.suppressed(statline.tables(trajectories(starts, []), [H1]))
    by = {row["gemeente"]: row for row in rows}
    for code in (NIJMEGEN, BERG):
        assert (by[code]["gestart"], by[code]["gestart_nieuw"],
                by[code]["lopend_einde_periode"]) == (None, None, None)
        assert by[code]["gestart_herhaald_beroep"] == 0
    total = by[statline.REGIO]
    assert (total["gestart"], total["gestart_nieuw"], total["lopend_einde_periode"]) == (8, 8, 8)
