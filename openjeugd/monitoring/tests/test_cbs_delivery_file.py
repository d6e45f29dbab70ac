"""The CBS delivery file (pure module) against hand-written fixed-width records, no database.

Protocol: /work/shared/ijw/CBS_Beleidsinformatie_Jeugd_informatieprotocol_v7.md.
"""

from datetime import date

import pytest

from openjeugd.monitoring import cbs
from openjeugd.monitoring.cbs import codes, delivery_file
from openjeugd.monitoring.cbs.deliveries import StartFact, StopFact
from openjeugd.monitoring.cbs.delivery_file import Person, Problems
from openjeugd.monitoring.cbs.outcome import Measurement

BSN, OTHER_BSN, THIRD_BSN = "999993653", "999990032", "999990044"
LINDE, ELDERS = "12345678", "98000017"
NIJMEGEN, BERG = "0268", "1945"
H1 = delivery_file.parse_half_year("2026-1")


def hulpvorm_of(categorie, code):
    # Categories 31-38 one to one (lib.cbs); the crisis product 46C01 mapped by the region to
    # verblijf 14; 45A01 has no mapping.
    if (categorie, code) == ("46", "46C01"):
        return "14"
    return codes.hulpvorm_of_category(categorie)


def start(link, begindatum, *, bsn=BSN, provider=LINDE, gemeente=NIJMEGEN, categorie="32",
          code="32A01", verwijzer="02", youth_id=1):
    return StartFact(link=(link,), bsn=bsn, youth_id=youth_id, provider=provider,
                     gemeente=gemeente, product_categorie=categorie, product_code=code,
                     begindatum=begindatum, verwijzer=verwijzer)


def stop(link, begindatum, einddatum, reden="31"):
    return StopFact(link=(link,), begindatum=begindatum, einddatum=einddatum, reden=reden)


PERSONS = {1: Person(BSN, date(2014, 3, 9), "2"), 2: Person(OTHER_BSN, date(2010, 12, 1), "1"),
           3: Person(THIRD_BSN, date(2012, 5, 20), "0"), 4: Person(BSN, date(2014, 3, 9), "2")}


def build(starts, stops=(), measurements=(), period=H1, agb=LINDE):
    # As the selector does: the facts as known at the period's end.
    trajectories, _ = cbs.trajectories(list(starts), list(stops), hulpvorm_of, as_of=period.last)
    problems = Problems()
    rows = delivery_file.records(
        trajectories, PERSONS, period, agb=agb,
        crisis=delivery_file.crisis_starts(list(starts), hulpvorm_of),
        measurements=list(measurements), problems=problems)
    return rows, problems


def test_layout_is_seventy_positions_in_protocol_order():
    # 8 AGB + 6 period + 9 BSN + 8 birth + 1 sex + 6 postcode/gemeente + 2 verwijzer
    # + 2 hulpvorm + 2 crisis + 8 start + 8 end + 2 reason + 4 x 2 outcome = 70.
    assert delivery_file.RECORD_LENGTH == 70
    assert [c.name for c in delivery_file.LAYOUT][2:6] == [
        "bsn", "geboortedatum", "geslacht", "postcode_gemeente"]


def test_started_ended_and_running_records_of_the_half_year():
    # §7.5: started in the period (OTHER_BSN, 1 Feb, running), ended in it (BSN: ambulant from
    # 1 Oct 2025, stopped 31 Mar 2026 JZ588 31 -> §3.7 01), and started before and running on
    # 30 June (THIRD_BSN, pleegzorg category 35 -> 11, since 1 Dec 2025). Not in it: BSN's
    # daghulp (33 -> 03) ended 31 Dec 2025, and ELDERS' care (another provider reports its
    # own, §3.3 "Ieder doet dat over de eigen betrokkenheid").
    rows, problems = build(
        [start("A", date(2025, 10, 1)),
         start("B", date(2025, 11, 1), categorie="33", code="33A01"),
         start("C", date(2026, 2, 1), bsn=OTHER_BSN, youth_id=2, verwijzer="01"),
         start("D", date(2025, 12, 1), bsn=THIRD_BSN, youth_id=3, categorie="35",
               code="35A01", verwijzer="04"),
         start("E", date(2026, 2, 1), provider=ELDERS)],
        [stop("A", date(2025, 10, 1), date(2026, 3, 31), "31"),
         stop("B", date(2025, 11, 1), date(2025, 12, 31), "31")])
    text = delivery_file.render(rows)
    # Sorted by BSN: 999990032, 999990044, 999993653. Sex from COD046: 1 -> M, 0 -> O, 2 -> V.
    # No postcode is kept: the gemeentecode, left-aligned in 6 positions (§2.5). Crisis: none
    # of these starts is JZ020 46 -> "02". Blank end and reason while running at 30 June.
    assert text == (
        "12345678" "2026-1" "999990032" "20101201" "M" "0268  " "01" "02" "02"
        "20260201" "        " "  " "        " "\r\n"
        "12345678" "2026-1" "999990044" "20120520" "O" "0268  " "04" "11" "02"
        "20251201" "        " "  " "        " "\r\n"
        "12345678" "2026-1" "999993653" "20140309" "V" "0268  " "02" "02" "02"
        "20251001" "20260331" "01" "        " "\r\n")
    assert all(len(line) == 70 for line in text.split("\r\n")[:-1])
    assert problems.no_verwijzer == [] and problems.ambiguous_measurements == 0


def test_an_end_after_the_period_is_not_yet_known_in_its_file():
    # Stopped 15 Aug 2026: on 30 June (the file of 2026-1) the care ran; the stop is later
    # news, for the 2026-2 file (§7.5 "op de laatste dag van de verslagperiode nog niet is
    # beëindigd"). In 2026-2 the record carries the end and JZ588 32 -> §3.7 03.
    facts = ([start("A", date(2026, 3, 1))], [stop("A", date(2026, 3, 1), date(2026, 8, 15), "32")])
    first, _ = build(*facts)
    second, _ = build(*facts, period=delivery_file.parse_half_year("2026-2"))
    assert (first[0]["datum_einde"], first[0]["reden_beeindiging"]) == ("", "")
    assert (second[0]["datum_einde"], second[0]["reden_beeindiging"]) == ("20260815", "03")
    assert second[0]["verslagperiode"] == "2026-2"


def test_a_corrected_start_date_gives_the_corrected_record():
    # OP033: a StatusAanlevering 3 deletes the first JW305 (1 Mar); the selector hands in only
    # the re-sent start (8 Mar). A correction delivery (§7.6, the full selection again) so says
    # 8 March.
    rows, _ = build([start("A", date(2026, 3, 8))])
    assert rows[0]["datum_aanvang"] == "20260308"


def test_crisis_start_and_move_within_the_period():
    # The youth starts with the crisis product 46C01 (mapped to verblijf 14) on 10 Jan, stopped
    # 20 Jan, and continues in residential care 38 (-> 14) from 20 Jan: one record (§3.3 same
    # hulpvorm, a start on the end day overlaps), §3.4 "aangevangen met het stabiliseren van
    # een crisissituatie" -> 01.
    # On 1 May the youth moves from Nijmegen to Berg en Dal (a new youth record, id 4): the
    # toewijzing in Nijmegen ends 30 Apr (JZ588 36), Berg en Dal's starts 1 May. §7.5 one
    # record, "de nieuwe gegevens" -> gemeente 1945 on 30 June, no end.
    rows, _ = build(
        [start("A", date(2026, 1, 10), categorie="46", code="46C01"),
         start("B", date(2026, 1, 20), categorie="38", code="38A01"),
         start("C", date(2026, 5, 1), categorie="38", code="38A01", gemeente=BERG, youth_id=4)],
        [stop("A", date(2026, 1, 10), date(2026, 1, 20), "31"),
         stop("B", date(2026, 1, 20), date(2026, 4, 30), "36")])
    assert len(rows) == 1
    row = rows[0]
    assert (row["gestart_met_crisis"], row["hulpvorm"], row["postcode_gemeente"],
            row["datum_aanvang"], row["datum_einde"]) == ("01", "14", BERG, "20260110", "")


def test_products_without_hulpvorm_are_reported_not_guessed():
    # 45A01 has no mapping: no record; it is reported with its youth, for this provider and
    # only when its care overlapped the half year (the one stopped in 2025 is not).
    starts = [start("A", date(2026, 2, 1), categorie="45", code="45A01"),
              start("B", date(2025, 1, 1), categorie="45", code="45A02"),
              start("C", date(2026, 2, 1), categorie="45", code="45A01", provider=ELDERS)]
    stops = [stop("B", date(2025, 1, 1), date(2025, 6, 30))]
    rows, _ = build(starts, stops)
    assert rows == []
    assert delivery_file.unmapped_in_period(starts, stops, hulpvorm_of, H1, LINDE) == {
        ("45", "45A01"): {BSN}}


def test_unknown_verwijzer_is_left_blank_and_reported():
    # Taakgericht care has no referrer in iJw: §3.2 has no "onbekend"; blank and listed.
    rows, problems = build([start("A", date(2026, 2, 1), verwijzer=None)])
    assert rows[0]["verwijzer"] == "" and problems.no_verwijzer == [1]


def test_outcome_per_informant_latest_measurement_during_the_trajectory():
    # §4.5 at most two measurements per record: the youth's and the parent's. The youth
    # scored 6 on 1 Mar and 8 on 30 Mar (the latest counts: 08, with §4.4 04); the parent 7
    # and 03. A measurement of 2 July falls after the period: not in the 2026-1 file.
    measurements = [
        Measurement(BSN, LINDE, date(2026, 3, 1), "jeugdige", tevredenheid=6),
        Measurement(BSN, LINDE, date(2026, 3, 30), "jeugdige", tevredenheid=8, zonder_hulp="04"),
        Measurement(BSN, LINDE, date(2026, 3, 30), "ouder", tevredenheid=7, zonder_hulp="03"),
        Measurement(BSN, LINDE, date(2026, 7, 2), "ouder", tevredenheid=2),
    ]
    rows, _ = build([start("A", date(2026, 1, 5))],
                    [stop("A", date(2026, 1, 5), date(2026, 3, 31))], measurements)
    assert delivery_file.line(rows[0])[-8:] == "08040703"


def test_a_measurement_two_records_could_own_is_left_out():
    # Ambulant (02) and daghulp (03) of one provider both run on 1 March: which record the
    # measurement belongs to is unknown -> counted, in neither.
    rows, problems = build(
        [start("A", date(2026, 1, 5)), start("B", date(2026, 2, 1), categorie="33", code="33A")],
        measurements=[Measurement(BSN, LINDE, date(2026, 3, 1), "jeugdige", tevredenheid=9)])
    assert [row["tevredenheid_jeugdige"] for row in rows] == ["", ""]
    assert problems.ambiguous_measurements == 1


@pytest.mark.parametrize("text", ["2026-3", "2026", "26-1", "", "2026-H1"])
def test_a_bad_half_year_names_the_field(text):
    with pytest.raises(ValueError, match="half-year"):
        delivery_file.parse_half_year(text)


def test_half_years_and_agb():
    assert delivery_file.parse_half_year("2025-2").first == date(2025, 7, 1)
    assert delivery_file.parse_half_year("2025-2").last == date(2025, 12, 31)
    assert delivery_file.filename(LINDE, H1) == "CBS_jeugdhulp_12345678_2026-1.txt"
    with pytest.raises(ValueError, match="provider"):
        delivery_file.check_agb("1234")


def test_a_value_too_wide_is_refused_not_cut():
    row = {column.name: "" for column in delivery_file.LAYOUT} | {"bsn": "9999936530"}
    with pytest.raises(ValueError, match="bsn"):
        delivery_file.line(row)
