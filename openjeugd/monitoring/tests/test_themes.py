"""The G7 themes (themes.py), pure: hand-computed figures, no database."""

from datetime import date
from decimal import Decimal

from openjeugd.monitoring import themes
from openjeugd.monitoring.cbs.figures import suppress_small_cells
from openjeugd.monitoring.themes import (
    Case,
    Casework,
    Cost,
    Deadline,
    Decision,
    Document,
    Entry,
    Mark,
    Move,
    Outflow,
    Span,
    Wait,
)

H1 = (date(2026, 1, 1), date(2026, 6, 30))
TODAY = date(2026, 7, 15)
NIJMEGEN, BEUNINGEN = "0268", "0209"


def _work() -> Casework:
    # Youth A moves from Nijmegen to Beuningen on 1 March: case 1 (Nijmegen) closes, case 2
    # (Beuningen) opens. Youth B has one case in Nijmegen.
    return Casework(
        cases=[Case(1, "A", NIJMEGEN, date(2025, 10, 1), date(2026, 3, 1)),
               Case(2, "A", BEUNINGEN, date(2026, 3, 1)),
               Case(3, "B", NIJMEGEN, date(2026, 2, 1))],
        moves=[Move(1, date(2026, 2, 10), voluntary=False),
               Move(3, date(2026, 4, 1), voluntary=True),
               Move(3, date(2025, 12, 1), voluntary=False)],  # before the period
        documents=[Document(1, "verklarende_analyse", date(2025, 9, 1)),
                   Document(1, "perspectiefplan", date(2025, 9, 1)),
                   Document(3, "verklarende_analyse", date(2026, 2, 20))],  # after its entry
        entries=[Entry(1, date(2026, 1, 10)), Entry(3, date(2026, 2, 15)),
                 Entry(3, date(2026, 3, 1))],
        one_on_one=[Span(1, date(2025, 12, 20), date(2026, 1, 5)),  # spans 1 January
                    Span(3, date(2026, 6, 28))],  # running past the period's end
        outflows=[Outflow(1, date(2026, 3, 1), date(2026, 2, 1), date(2025, 11, 1),
                          date(2025, 10, 15)),
                  Outflow(3, date(2026, 5, 1), None, None, None)],
        deadlines=[Deadline(3, "brigade", date(2026, 2, 18), date(2026, 2, 18)),  # on the day
                   Deadline(3, "crisis", date(2026, 3, 2), date(2026, 3, 3)),  # a day late
                   Deadline(2, "escalation", date(2026, 6, 1), None),  # open, past
                   Deadline(2, "follow_up", date(2026, 8, 1), None)],  # due after the period
        marks=[Mark(1, date(2026, 2, 1), 7), Mark(3, date(2026, 5, 1), 8),
               Mark(3, date(2026, 7, 2), 2)],  # after the period
        decisions=[Decision(3, date(2026, 2, 1), date(2026, 2, 11)),
                   Decision(2, date(2026, 3, 1), date(2026, 3, 4)),
                   Decision(1, date(2025, 10, 1), None)],
    )


def test_region_figures_by_hand():
    costs = [Cost(NIJMEGEN, "A", Decimal("1000.00")), Cost(BEUNINGEN, "A", Decimal("500.00")),
             Cost(NIJMEGEN, "B", Decimal("200.00")), Cost(NIJMEGEN, "B", Decimal("-200.00"))]
    waits = [Wait(NIJMEGEN, "B", date(2026, 2, 1), date(2026, 2, 15)),
             Wait(BEUNINGEN, "A", date(2026, 3, 1), None)]
    region = themes.themes(_work(), costs, waits, *H1, today=TODAY)["regio"]
    # Moves in H1: 10 Feb (involuntary, A) and 1 Apr (voluntary); December 2025 is outside.
    assert region["onvrijwillige_doorplaatsingen"] == {
        "doorplaatsingen": 2, "onvrijwillig": 1, "jeugdigen": 1, "doel": "0"}
    # Marks 7 and 8 in H1 (the 2 is measured in July): (7 + 8) / 2 = 7.5.
    assert region["tevredenheid"] == {"n": 2, "gemiddelde": "7.5"}
    # A: 1000 + 500 = 1500; B: 200 - 200 = 0, credited in full: no client. 1500 / 1.
    assert region["kosten_en_omvang"]["kosten"] == {
        "jeugdigen": 1, "toegekend": "1500.00", "gemiddeld_per_jeugdige": "1500.00"}
    # Three cases open in H1, about two youths (A moved: one youth in the region).
    assert region["kosten_en_omvang"]["omvang"] == {"casussen": 3, "jeugdigen": 2}
    # Entered: case 1 on 10 Jan (both documents dated before), case 3 on 15 Feb (its first
    # entry in H1; the analysis is dated 20 Feb, after it; no plan). 1 of 2 each.
    plan = region["verklarende_analyse_en_perspectiefplan"]
    assert plan["casussen"] == 2
    assert plan["verklarende_analyse"]["percentage"] == "50.0"
    assert plan["perspectiefplan"] == {"numerator": 1, "denominator": 2, "percentage": "50.0"}
    assert plan["beide"]["numerator"] == 1
    # 1-op-1: case 1's episode spans 1 Jan: 1-5 Jan = 5 days in H1; case 3's from 28 Jun
    # running: 28-30 Jun = 3 days (clipped at the period's end, not today). Two youths,
    # one started in H1.
    assert region["een_op_een_begeleiding"] == {"jeugdigen": 2, "gestart": 1, "dagen": 8,
                                                "doel": "0"}
    # Outflows: case 1 on 1 Mar, planned 1 Feb: late; its follow-up place arranged 15 Oct
    # before its due day 1 Nov: in time. Case 3 without a plan: counted apart.
    outflow = region["uitstroom_op_tijd"]
    assert (outflow["uitgestroomd"], outflow["zonder_planning"]) == (2, 1)
    assert outflow["op_tijd"] == {"numerator": 0, "denominator": 1, "percentage": "0.0"}
    assert outflow["vervolgplek_tijdig"]["percentage"] == "100.0"
    terms = region["samenwerking"]["termijnen"]
    assert terms["brigade"]["binnen_termijn"] == 1  # done on the due day is on time
    assert terms["crisis"]["te_laat"] == 1
    assert terms["escalation"]["open_verlopen"] == 1
    assert terms["follow_up"]["op_tijd"]["denominator"] == 0  # due in August: not in H1
    waits_ = region["samenwerking"]["wachttijden"]
    # Decided in H1: 1 Feb -> 11 Feb = 10 days, 1 Mar -> 4 Mar = 3 days: mean 6.5, median 6.5.
    assert waits_["aanmelding_tot_besluit"] == {"n": 2, "gemiddelde": "6.5", "mediaan": "6.5"}
    # Started in H1: 1 Feb -> 15 Feb = 14 days; A's toewijzing has not started.
    assert waits_["toewijzing_tot_start"] == {"n": 1, "gemiddelde": "14.0", "mediaan": "14.0"}


def test_a_youth_moving_counts_once_in_each_municipality_and_once_in_the_region():
    found = themes.themes(_work(), [], [], *H1, today=TODAY)
    nijmegen, beuningen = found["per_gemeente"][NIJMEGEN], found["per_gemeente"][BEUNINGEN]
    # Nijmegen: cases 1 (A) and 3 (B); Beuningen: case 2 (A). 2 + 1 = 3 > 2 in the region.
    assert nijmegen["kosten_en_omvang"]["omvang"] == {"casussen": 2, "jeugdigen": 2}
    assert beuningen["kosten_en_omvang"]["omvang"] == {"casussen": 1, "jeugdigen": 1}
    assert found["regio"]["kosten_en_omvang"]["omvang"]["jeugdigen"] == 2
    # The involuntary move of 10 Feb was in A's Nijmegen case, before the move.
    assert nijmegen["onvrijwillige_doorplaatsingen"]["onvrijwillig"] == 1
    assert beuningen["onvrijwillige_doorplaatsingen"]["onvrijwillig"] == 0
    # Beuningen's escalation is open past its due day (1 Jun < 15 Jul).
    assert beuningen["samenwerking"]["termijnen"]["escalation"]["open_verlopen"] == 1


def test_a_period_without_data():
    found = themes.themes(Casework(), [], [], *H1, today=TODAY)
    region = found["regio"]
    assert found["per_gemeente"] == {}
    assert region["tevredenheid"] == {"n": 0, "gemiddelde": None}
    assert region["kosten_en_omvang"]["kosten"]["gemiddeld_per_jeugdige"] is None
    assert region["verklarende_analyse_en_perspectiefplan"]["beide"]["percentage"] is None
    assert region["samenwerking"]["wachttijden"]["aanmelding_tot_besluit"] == {
        "n": 0, "gemiddelde": None, "mediaan": None}


def test_small_cells_are_suppressed_with_what_rests_on_them():
    region = suppress_small_cells(themes.themes(_work(), [], [], *H1, today=TODAY))["regio"]
    # 2 youths with 1-op-1: suppressed, and the 8 days with them; the target stays.
    assert region["een_op_een_begeleiding"] == {"jeugdigen": None, "gestart": None,
                                                "dagen": None, "doel": "0"}
    # 2 waits: the count, mean and median go.
    assert region["samenwerking"]["wachttijden"]["aanmelding_tot_besluit"] == {
        "n": None, "gemiddelde": None, "mediaan": None}
    assert region["verklarende_analyse_en_perspectiefplan"]["beide"]["percentage"] is None
