"""The Limburg segment KPIs (segments.py), pure: hand-computed figures, no database."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from openjeugd.monitoring import segments
from openjeugd.monitoring.cbs.figures import suppress_small_cells
from openjeugd.monitoring.segments import Assignment, Line, Segment, Stay

FIRST, LAST = date(2026, 1, 1), date(2026, 6, 30)
RESIDENTIAL, AMBULANT, OTHER = ("36", "36A01"), ("45", "45A01"), ("10", "10A01")
SEGMENT = Segment("Behandeling met verblijf", frozenset({RESIDENTIAL, ("45", "")}),
                  budgets={2026: Decimal("100000.00")},
                  providers={2026: {"11111111": Decimal("40000.00")}})
NAMES = {"11111111": "De Linde", "22222222": "Het Anker"}


def _lines():
    return [Line(2026, "11111111", "A", RESIDENTIAL, Decimal("12000.00")),
            Line(2026, "11111111", "B", AMBULANT, Decimal("3000.00")),  # 45/* is covered
            Line(2026, "22222222", "C", RESIDENTIAL, Decimal("5000.00")),
            Line(2026, "22222222", "C", RESIDENTIAL, Decimal("-5000.00")),  # credited
            Line(2026, "22222222", "D", OTHER, Decimal("999.00"))]  # not in the segment


def _kpis(**kw):
    stays = kw.pop("stays", [])
    waits = kw.pop("assignments", [])
    segment = replace(SEGMENT, planned_beds=kw.pop("planned", {}))
    return segments.segment_kpis(segment, _lines(), stays, waits, FIRST, LAST, names=NAMES)


def test_spending_cost_per_youth_and_providers_against_the_total_budget():
    found = _kpis()
    # 12000 + 3000 + 5000 - 5000 = 15000 of 100000: 15.0 %. The 999 of product 10 is not
    # in the segment.
    assert found["besteding"] == {"2026": {"budget": "100000.00",
                                           "toegekend_bedrag": "15000.00",
                                           "percentage_budget": "15.0"}}
    # Youths paid for: A and B (C netted to 0). 15000 / 2 = 7500.
    assert found["kosten_per_jeugdige"] == {"jeugdigen": 2, "toegekend": "15000.00",
                                            "gemiddeld_per_jeugdige": "7500.00"}
    linde, anker = found["aanbieders"]
    # De Linde 15000: 15.0 % of the total budget, 15000 / 40000 = 37.5 % of its own share.
    assert linde == {"aanbieder": "11111111", "naam": "De Linde", "jeugdigen": 2,
                     "toegekend": "15000.00", "percentage_totaalbudget": "15.0",
                     "plafond": "40000.00", "percentage_plafond": "37.5"}
    # Het Anker: credited in full, no share of its own.
    assert (anker["toegekend"], anker["percentage_totaalbudget"], anker["plafond"]) == (
        "0.00", "0.0", None)


def test_length_of_stay_across_the_period_boundary_and_beds_against_the_plan():
    stays = [
        # 1 Dec 2025 - 31 Jan 2026: ends in H1, its whole length counts: 31 + 31 = 62 days.
        Stay("A", RESIDENTIAL, date(2025, 12, 1), date(2026, 1, 31)),
        # 1 Mar - 9 Mar: 9 days.
        Stay("B", RESIDENTIAL, date(2026, 3, 1), date(2026, 3, 9)),
        # From 1 Jun, running on 30 Jun: 30 days so far.
        Stay("C", RESIDENTIAL, date(2026, 6, 1), None),
        # Running across the whole period: in a bed on 1 Jan and 30 Jun; 1 Jul 2025 - 30 Jun
        # 2026 = 365 days so far.
        Stay("D", RESIDENTIAL, date(2025, 7, 1), None),
        Stay("E", OTHER, date(2025, 7, 1), None),  # not the segment's
    ]
    found = _kpis(stays=stays, planned={2026: 1})
    # Ended: 62 and 9 -> mean 35.5; running: 30 and 365 -> 197.5.
    assert found["verblijfsduur"] == {"n": 2, "gemiddelde": "35.5", "lopend": 2,
                                      "lopend_gemiddelde_tot_nu": "197.5"}
    # 1 Jan: A and D; 30 Jun: C and D. Planned 1 for 2026: one bed above the plan.
    assert found["bedden"] == {"in_gebruik_begin": 2, "in_gebruik_eind": 2, "afname": 0,
                               "bedden_gepland": 1, "boven_plan": 1}


def test_waiting_list_on_the_last_day():
    assignments = [
        Assignment("A", RESIDENTIAL, date(2026, 6, 1), None, None),  # waits 29 days
        Assignment("B", RESIDENTIAL, date(2026, 6, 20), date(2026, 7, 3), None),  # 10 days
        Assignment("C", RESIDENTIAL, date(2026, 5, 1), date(2026, 5, 5), None),  # started
        Assignment("D", RESIDENTIAL, date(2026, 4, 1), None, date(2026, 5, 1)),  # withdrawn
        Assignment("E", OTHER, date(2026, 1, 1), None, None),  # not the segment's
    ]
    assert _kpis(assignments=assignments)["wachtlijst"] == {
        "peildatum": "2026-06-30", "jeugdigen": 2, "n": 2, "gemiddelde": "19.5",
        "langste_dagen": 29}


def test_a_period_without_data_and_without_a_budget():
    empty = Segment("Regio", None, budgets={}, providers={})
    found = segments.segment_kpis(empty, [], [], [], FIRST, LAST, names={})
    assert found["besteding"]["2026"] == {"budget": None, "toegekend_bedrag": "0.00",
                                          "percentage_budget": None}
    assert found["kosten_per_jeugdige"]["gemiddeld_per_jeugdige"] is None
    assert found["verblijfsduur"]["gemiddelde"] is None
    assert found["bedden"]["bedden_gepland"] is None and found["bedden"]["boven_plan"] is None
    assert found["wachtlijst"]["langste_dagen"] is None and found["aanbieders"] == []


def test_a_period_over_two_years_has_each_years_budget():
    lines = [Line(2025, "11111111", "A", RESIDENTIAL, Decimal("500.00")),
             Line(2026, "11111111", "A", RESIDENTIAL, Decimal("1000.00"))]
    found = segments.segment_kpis(SEGMENT, lines, [], [], date(2025, 7, 1), LAST, names=NAMES)
    # 2025 has no budget recorded; 2026: 1000 of 100000 = 1.0 %.
    assert found["besteding"] == {
        "2025": {"budget": None, "toegekend_bedrag": "500.00", "percentage_budget": None},
        "2026": {"budget": "100000.00", "toegekend_bedrag": "1000.00", "percentage_budget": "1.0"}}


def test_small_cells_take_the_amounts_and_shares_with_them():
    found = suppress_small_cells(_kpis(stays=[Stay("A", RESIDENTIAL, date(2026, 1, 1), None)],
                                       planned={2026: 3}))
    linde = found["aanbieders"][0]
    assert linde["jeugdigen"] is None and linde["toegekend"] is None
    assert linde["percentage_totaalbudget"] is None and linde["percentage_plafond"] is None
    # One youth in a bed: suppressed, and the differences that would give it back; the plan
    # (a number of beds, nobody's) stays.
    assert found["bedden"] == {"in_gebruik_begin": None, "in_gebruik_eind": None,
                               "afname": None, "bedden_gepland": 3, "boven_plan": None}
    # The segment's total against its budget is no cell of youths: it stays.
    assert found["besteding"]["2026"]["percentage_budget"] == "15.0"
