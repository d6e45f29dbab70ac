"""CBS trajectory rules on hand-made facts, no database (the pure module).

Protocol: /work/shared/ijw/CBS_Beleidsinformatie_Jeugd_informatieprotocol_v7.md.
"""

from datetime import date

from openjeugd.monitoring import cbs
from openjeugd.monitoring.cbs import codes
from openjeugd.monitoring.cbs.deliveries import StartFact, StopFact, deliveries, report_of
from openjeugd.monitoring.cbs.trajectories import RECORD_KEYS, overlapping, record

BSN, OTHER_BSN = "999993653", "999990032"
LINDE, ELDERS = "12345678", "98000017"
NIJMEGEN, BERG = "0268", "1945"


def hulpvorm_of(categorie, code):
    return codes.hulpvorm_of_category(categorie)


def start(link, begindatum, *, bsn=BSN, provider=LINDE, gemeente=NIJMEGEN, categorie="32",
          code="32A01", verwijzer="02", youth_id=1):
    return StartFact(link=(link,), bsn=bsn, youth_id=youth_id, provider=provider,
                     gemeente=gemeente, product_categorie=categorie, product_code=code,
                     begindatum=begindatum, verwijzer=verwijzer)


def stop(link, begindatum, einddatum, reden="31"):
    return StopFact(link=(link,), begindatum=begindatum, einddatum=einddatum, reden=reden)


def build(starts, stops=(), as_of=None):
    trajectories, report = cbs.trajectories(list(starts), list(stops), hulpvorm_of, as_of=as_of)
    return trajectories, report


def test_overlapping_records_of_one_hulpvorm_merge_first_start_last_end():
    # Two ambulant products (both category 32 -> hulpvorm 02) of one provider: 1 Jan - 31 Mar
    # and 15 Mar - 30 Jun overlap by 17 days. §3.3: merged, "De aanvangsdatum wordt de eerste
    # aanvangsdatum" (1 Jan) and the end when "de laatste zorg eindigt" (30 Jun); the reason
    # is the last stop's: JZ588 34 -> §3.7 02.
    trajectories, _ = build(
        [start("A", date(2026, 1, 1)), start("B", date(2026, 3, 15), code="32A02")],
        [stop("A", date(2026, 1, 1), date(2026, 3, 31), "31"),
         stop("B", date(2026, 3, 15), date(2026, 6, 30), "34")])
    assert len(trajectories) == 1
    (t,) = trajectories
    assert (t.start, t.end, t.reden_beeindiging, t.hulpvorm) == (
        date(2026, 1, 1), date(2026, 6, 30), "02", "02")


def test_a_start_on_the_end_day_overlaps_but_the_next_day_is_a_new_record():
    # §3.3 "de aanvangsdatum van het ene record moet steeds na de einddatum van het daarvoor
    # gestarte record liggen". A ends 31 Mar; B starts 31 Mar, not after A's end -> merged
    # (1 Jan - 31 May). C ends 31 Mar; D starts 1 Apr, after C's end -> two records.
    same_day, _ = build([start("A", date(2026, 1, 1)), start("B", date(2026, 3, 31))],
                        [stop("A", date(2026, 1, 1), date(2026, 3, 31)),
                         stop("B", date(2026, 3, 31), date(2026, 5, 31))])
    next_day, _ = build([start("C", date(2026, 1, 1)), start("D", date(2026, 4, 1))],
                        [stop("C", date(2026, 1, 1), date(2026, 3, 31)),
                         stop("D", date(2026, 4, 1), date(2026, 5, 31))])
    assert [(t.start, t.end) for t in same_day] == [(date(2026, 1, 1), date(2026, 5, 31))]
    assert [(t.start, t.end) for t in next_day] == [
        (date(2026, 1, 1), date(2026, 3, 31)), (date(2026, 4, 1), date(2026, 5, 31))]


def test_each_provider_reports_its_own_and_each_hulpvorm_is_a_record():
    # Same youth, same period: ambulant (32 -> 02) at De Linde, ambulant at Elders, and
    # pleegzorg (35 -> 11) at De Linde. §1.3 "Ieder doet dat over de eigen betrokkenheid"
    # and §7.5 "voor elke hulpvorm één record": three trajectories, nothing merged.
    trajectories, _ = build([
        start("A", date(2026, 1, 1)),
        start("B", date(2026, 2, 1), provider=ELDERS),
        start("C", date(2026, 3, 1), categorie="35", code="35P01"),
    ])
    assert sorted((t.provider, t.hulpvorm) for t in trajectories) == [
        (LINDE, "02"), (LINDE, "11"), (ELDERS, "02")]
    assert all(t.end is None for t in trajectories)


def test_a_temporary_stop_is_not_an_end():
    # Start 1 Jan, JZ588 20 "tijdelijk beëindigd" on 28 Feb (hospital), resumed with a new
    # start on 1 Apr (a month without care in between), stopped for good 30 Jun (31).
    # One trajectory 1 Jan - 30 Jun, volgens plan (§3.7 01). Without the resumption the
    # trajectory is still running: no datum einde, no reason.
    starts = [start("A", date(2026, 1, 1)), start("A", date(2026, 4, 1))]
    stops = [stop("A", date(2026, 1, 1), date(2026, 2, 28), "20"),
             stop("A", date(2026, 4, 1), date(2026, 6, 30), "31")]
    (resumed,), _ = build(starts, stops)
    (paused,), _ = build(starts[:1], stops[:1])
    assert (resumed.start, resumed.end, resumed.reden_beeindiging) == (
        date(2026, 1, 1), date(2026, 6, 30), "01")
    assert (paused.start, paused.end, paused.reden_beeindiging) == (date(2026, 1, 1), None, None)


def test_a_definitive_stop_after_a_temporary_one_ends_the_same_start():
    # The iJw handler allows a temporary stop and then a definitive one for the same start
    # (TR413): the definitive one (35, verhuizing -> §3.7 05) ends the trajectory on 31 May.
    (t,), _ = build([start("A", date(2026, 1, 1))],
                    [stop("A", date(2026, 1, 1), date(2026, 3, 1), "20"),
                     stop("A", date(2026, 1, 1), date(2026, 5, 31), "35")])
    assert (t.end, t.reden_beeindiging) == (date(2026, 5, 31), "05")


def test_trajectories_spanning_period_boundaries():
    # One trajectory 1 May 2025 - 31 Mar 2026 ends volgens plan. In 2025-H1 and 2025-H2 it
    # is running at the period's end (§7.5 "op de laatste dag van de verslagperiode nog niet
    # is beëindigd"): as known on 31 Dec 2025 it has no end. In 2026-H1 it has ended.
    starts = [start("A", date(2025, 5, 1))]
    stops = [stop("A", date(2025, 5, 1), date(2026, 3, 31))]
    (at_2025_h2,), _ = build(starts, stops, as_of=date(2025, 12, 31))
    (at_2026_h1,), _ = build(starts, stops, as_of=date(2026, 6, 30))
    assert at_2025_h2.end is None and at_2025_h2.start == date(2025, 5, 1)
    assert at_2026_h1.end == date(2026, 3, 31)
    # 2024-H2 lies before the start: not in the delivery at all.
    everything, _ = build(starts, stops)
    assert overlapping(everything, date(2024, 7, 1), date(2024, 12, 31)) == []
    assert len(overlapping(everything, date(2026, 1, 1), date(2026, 6, 30))) == 1
    # As known on 30 Apr 2025 nothing has started.
    assert build(starts, stops, as_of=date(2025, 4, 30))[0] == []


def test_herhaald_beroep_at_the_five_year_edge():
    # New trajectory starts 1 Jul 2026; five years before is 1 Jul 2021. An earlier
    # trajectory (another provider, another hulpvorm: any youth care counts) ending exactly
    # 1 Jul 2021 lies inside the window -> herhaald beroep; ending 30 Jun 2021 -> outside.
    def case(earlier_end):
        starts = [start("OLD", date(2020, 1, 1), provider=ELDERS, categorie="35"),
                  start("NEW", date(2026, 7, 1))]
        stops = [stop("OLD", date(2020, 1, 1), earlier_end)]
        trajectories, _ = build(starts, stops)
        return next(t for t in trajectories if t.start == date(2026, 7, 1)).herhaald_beroep

    assert case(date(2021, 7, 1)) is True
    assert case(date(2021, 6, 30)) is False


def test_herhaald_beroep_needs_a_day_without_care_in_between():
    # Jeugdmonitor: "Er moet minstens een dag zitten tussen het afgesloten ... en het nieuw
    # gestarte". Earlier care (another provider) ends 30 Jun; a start on 1 Jul adjoins
    # (no free day) -> not herhaald; a start on 2 Jul leaves 1 Jul free -> herhaald.
    def case(new_start):
        starts = [start("OLD", date(2026, 1, 1), provider=ELDERS), start("NEW", new_start)]
        trajectories, _ = build(starts, [stop("OLD", date(2026, 1, 1), date(2026, 6, 30))])
        return next(t for t in trajectories if t.start == new_start).herhaald_beroep

    assert case(date(2026, 7, 1)) is False
    assert case(date(2026, 7, 2)) is True


def test_a_youth_moving_between_municipalities_keeps_one_record():
    # The youth moves from Nijmegen to Berg en Dal: JZ002 07 ends Nijmegen's toewijzing on
    # 31 Mar (JZ588 35), Berg en Dal's starts 1 Apr with the same provider and hulpvorm. §7.5
    # "De woonplaats kan tussentijds wijzigen. Deze wijzigingen leiden niet tot een nieuwe
    # vermelding": one trajectory from 1 Jan, still running, municipality Nijmegen as known
    # on 31 Mar and Berg en Dal from 1 Apr on.
    (t,), _ = build(
        [start("NIJ", date(2026, 1, 1), youth_id=1),
         start("BER", date(2026, 4, 1), gemeente=BERG, youth_id=2)],
        [stop("NIJ", date(2026, 1, 1), date(2026, 3, 31), "35")])
    assert (t.start, t.end) == (date(2026, 1, 1), None)
    assert t.gemeente_on(date(2026, 3, 31)) == NIJMEGEN
    assert t.gemeente_on(date(2026, 6, 30)) == BERG
    assert t.youth_ids == {1, 2}
    assert record(t, date(2026, 6, 30))["gemeente"] == BERG


def test_products_without_hulpvorm_are_reported_not_guessed():
    # Category 45 (Jeugdhulp ambulant) has no one-to-one CBS hulpvorm; without the region's
    # catalogue it stays unmapped: two starts of 45A48 for two youths and one of 54001 are
    # reported with their counts, and only the category 32 start becomes a trajectory.
    trajectories, report = build([
        start("A", date(2026, 1, 1), categorie="45", code="45A48"),
        start("B", date(2026, 1, 1), categorie="45", code="45A48", bsn=OTHER_BSN),
        start("C", date(2026, 2, 1), categorie="54", code="54001"),
        start("D", date(2026, 3, 1)),
    ])
    assert [(t.hulpvorm, t.start) for t in trajectories] == [("02", date(2026, 3, 1))]
    assert [(u.product_categorie, u.product_code, u.starts, u.youths)
            for u in report.unmapped] == [("45", "45A48", 2, 2), ("54", "54001", 1, 1)]


def test_the_report_alone_equals_the_report_of_the_deliveries():
    # report_of (what the indicator set reports, without building deliveries) against
    # deliveries()' own report: unmapped 45A48 twice (one after the day asked), a start
    # without verwijzer (taakgericht), a mapped one with; asked on 30 Jun and for everything.
    starts = [start("A", date(2026, 1, 1), categorie="45", code="45A48"),
              start("B", date(2026, 8, 1), categorie="45", code="45A48", bsn=OTHER_BSN),
              start("C", date(2026, 2, 1), verwijzer=None),
              start("D", date(2026, 3, 1))]
    stops = [stop("C", date(2026, 2, 1), date(2026, 4, 30))]
    for day in (date(2026, 6, 30), None):
        alone = report_of(starts, hulpvorm_of, as_of=day)
        assert alone == deliveries(starts, stops, hulpvorm_of, as_of=day)[1]
    on_june_30 = report_of(starts, hulpvorm_of, as_of=date(2026, 6, 30))
    assert ([(u.product_code, u.starts, u.youths) for u in on_june_30.unmapped],
            on_june_30.unknown_verwijzer) == ([("45A48", 1, 1)], 1)
    assert report_of(starts, hulpvorm_of).unmapped[0].starts == 2

def test_periods_without_data_make_no_trajectories():
    trajectories, report = build([], [])
    assert trajectories == [] and report.unmapped == [] and report.unknown_verwijzer == 0


def test_record_has_exactly_the_command_line_keys():
    # Verwijzer COD327 02 (huisarts) is CBS §3.2 02; the end 30 Jun with JZ588 39 (other
    # domain) is §3.7 01; first trajectory of this youth: no herhaald beroep.
    (t,), _ = build([start("A", date(2026, 1, 14))],
                    [stop("A", date(2026, 1, 14), date(2026, 6, 30), "39")])
    assert record(t, date(2026, 6, 30)) == {
        "bsn": BSN, "aanbieder": LINDE, "gemeente": NIJMEGEN, "hulpvorm": "02",
        "verwijzer": "02", "datum_aanvang": "2026-01-14", "datum_einde": "2026-06-30",
        "reden_beeindiging": "01", "herhaald_beroep": False}
    assert tuple(record(t, date(2026, 6, 30))) == RECORD_KEYS


def test_trajectories_on_several_days_equal_one_call_per_day():
    # The shared fast path (cbs.trajectories_on) against the definition per day, on facts with
    # a temporary stop later followed by a definitive one on the same start, a move and a
    # start after the last day. Hand-checked on 31 Mar: A paused on 28 Feb (JZ588 20), so its
    # trajectory runs (end None); on 30 Jun A's definitive stop of 31 May (JZ588 31) ends it.
    starts = [start("A", date(2026, 1, 1)),
              start("B", date(2026, 6, 1), gemeente=BERG, youth_id=2),
              start("C", date(2026, 8, 1), categorie="34", code="34A01")]
    stops = [stop("A", date(2026, 1, 1), date(2026, 2, 28), codes.TEMPORARY_STOP),
             stop("A", date(2026, 1, 1), date(2026, 5, 31), "31")]
    days = [date(2026, 3, 31), date(2026, 6, 30), date(2026, 12, 31)]
    shared = cbs.trajectories_on(starts, stops, hulpvorm_of, days)
    for day in days:
        alone, _ = build(starts, stops, as_of=day)
        assert [record(t, day) for t in shared[day]] == [record(t, day) for t in alone]
    assert shared[days[0]][0].end is None
    # 30 Jun: A (1 Jan - 31 May, Nijmegen) and B (from 1 Jun, Berg en Dal) are one
    # trajectory: a start the day after the end in another municipality is a move (§7.5).
    [moved] = shared[days[1]]
    assert (moved.start, moved.end, moved.gemeente_on(days[1])) == (date(2026, 1, 1), None,
                                                                    BERG)
