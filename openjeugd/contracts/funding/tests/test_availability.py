"""Availability: FTE × normed cost + overhead, and places held for all G7 regions."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.funding.availability import FteCalculation, FteLine, HeldPlaces
from openjeugd.contracts.funding.errors import FundingError, NegativeAmountError
from openjeugd.contracts.funding.periods import Period

# seed 000 §14.1: a mobile brigade per cluster, an ervaringsdeskundige among its members
CLUSTER = FteCalculation(
    "mobiele brigade cluster Oost",
    (
        FteLine("gedragswetenschapper", Decimal("1.5"), Decimal("98000")),
        FteLine("ambulant hulpverlener", Decimal("3.0"), Decimal("82000")),
        FteLine("ervaringsdeskundige", Decimal("0.5"), Decimal("60000")),
    ),
    overhead_rate=Decimal("0.12"),
    other_costs=Decimal("15000"),
)


def test_fte_times_normed_cost_plus_overhead_with_its_build_up():
    # 1.5 × 98,000 = 147,000; 3 × 82,000 = 246,000; 0.5 × 60,000 = 30,000 → staff 423,000;
    # overhead 12 % = 50,760; other 15,000 → 488,760.00
    annual = CLUSTER.annual()
    assert [element.amount for element in annual.elements] == [
        Decimal("147000.00"),
        Decimal("246000.00"),
        Decimal("30000.00"),
        Decimal("50760.00"),
        Decimal("15000.00"),
    ]
    assert annual.total == Decimal("488760.00")
    assert annual.amount_of("overhead") == Decimal("50760.00")


def test_a_period_earns_its_months():
    # a quarter is 3/12: 122,190.00; 15–29 February 2028 is 15/29 of a month:
    # 488,760 / 12 = 40,730 × 15 / 29 = 21,067.24
    assert CLUSTER.for_period(Period(date(2028, 1, 1), date(2028, 3, 31))) == Decimal("122190.00")
    assert CLUSTER.for_period(Period(date(2028, 2, 15), date(2028, 2, 29))) == Decimal("21067.24")


def test_integrated_care_on_nine_fte():
    # seed 000 §14.2 "Beschikbaarheid op basis van 9 fte totaal": 9 × 90,000 = 810,000.00
    care = FteCalculation(
        "integrale zorg",
        (
            FteLine("behandelaar GGZ", Decimal("4"), Decimal("90000")),
            FteLine("behandelaar J&O/LVB", Decimal("3"), Decimal("90000")),
            FteLine("ambulant begeleider", Decimal("2"), Decimal("90000")),
        ),
    )
    assert care.fte == 9
    assert care.annual().total == Decimal("810000.00")


def test_a_negative_fte_is_refused():
    with pytest.raises(NegativeAmountError) as refused:
        FteCalculation("x", (FteLine("hulpverlener", Decimal("-1"), Decimal("80000")),))
    assert refused.value.field == "lines[hulpverlener].fte"


FEB_2028 = Period(date(2028, 2, 1), date(2028, 2, 29))
KEY = {"Rijk van Nijmegen": 2, "Foodvalley": 1, "Achterhoek": 1}


def test_users_pay_their_etmalen_and_share_the_empty_places_by_the_key():
    # 12 JeugdzorgPlus places held in February 2028 (29 days) = 348 etmalen at 800.00.
    # Used: Nijmegen 90, Foodvalley 60, Achterhoek 0 → 198 empty × 800 = 158,400 shared 2:1:1
    # = 79,200 / 39,600 / 39,600. Nijmegen: 72,000 + 79,200 = 151,200; Foodvalley: 48,000 +
    # 39,600 = 87,600; Achterhoek 39,600. Together 278,400 = 348 × 800: the capacity is paid.
    places = HeldPlaces(12, Decimal("800.00"))
    bills = places.bills(FEB_2028, {"Rijk van Nijmegen": 90, "Foodvalley": 60}, KEY)
    assert {party: bill.total for party, bill in bills.items()} == {
        "Rijk van Nijmegen": Decimal("151200.00"),
        "Foodvalley": Decimal("87600.00"),
        "Achterhoek": Decimal("39600.00"),
    }
    assert bills["Foodvalley"].usage == Decimal("48000.00")
    assert sum(bill.total for bill in bills.values()) == 348 * Decimal("800.00")


def test_more_etmalen_used_than_held_is_refused():
    places = HeldPlaces(1, Decimal("800.00"))
    with pytest.raises(FundingError) as refused:
        places.bills(FEB_2028, {"Foodvalley": 30}, KEY)  # 1 place × 29 days = 29 etmalen
    assert refused.value.field == "used"
