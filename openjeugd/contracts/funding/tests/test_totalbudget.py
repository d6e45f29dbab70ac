"""Limburg annual total budget (seed 002): set, divided, not raised, prefinanced, settled."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.contracts.funding.errors import BudgetRevisionError, FundingError
from openjeugd.contracts.funding.instalments import Frequency
from openjeugd.contracts.funding.totalbudget import TotalBudget, build_budget, settle

M = Decimal  # amounts in euros


def test_the_budget_from_expected_youths_average_price_and_agreements():
    # 120 youths × 38,500 = 4,620,000; + 240,000 capacity (24 beds) − 60,000 agreed afbouw
    # = 4,800,000.00
    build_up = build_budget(
        120,
        M("38500"),
        {"capacity: 24 beds": M("240000"), "tariff agreement: afbouw verblijf": M("-60000")},
    )
    assert build_up.amount_of("expected youths × average price") == M("4620000.00")
    assert build_up.total == M("4800000.00")


BUDGET = TotalBudget(2028, M("4800000.00"), {"A": 50, "B": 30, "C": 20})


def test_one_ceiling_divided_over_the_providers():
    assert BUDGET.per_provider() == {
        "A": M("2400000.00"),
        "B": M("1440000.00"),
        "C": M("960000.00"),
    }
    assert TotalBudget(2028, M("4800000.00")).per_provider() is None


def test_no_raise_during_the_budget_year():
    with pytest.raises(BudgetRevisionError) as refused:
        BUDGET.revised(M("5000000.00"), on=date(2028, 6, 1))
    assert refused.value.field == "ceiling"
    # lowering during the year, or raising before it starts, is allowed
    assert BUDGET.revised(M("4700000.00"), on=date(2028, 6, 1)).ceiling == M("4700000.00")
    assert BUDGET.revised(M("5000000.00"), on=date(2027, 12, 1)).ceiling == M("5000000.00")


def test_prefinanced_in_monthly_instalments_per_provider():
    # A: 2,400,000 / 12 = 200,000 a month; undivided: 4,800,000 / 12 = 400,000
    plan = BUDGET.prefinancing()
    assert [instalment.amount for instalment in plan["A"]] == [M("200000.00")] * 12
    joint = TotalBudget(2028, M("4800000.00")).prefinancing(Frequency.QUARTERLY)
    assert [instalment.amount for instalment in joint["all"]] == [M("1200000.00")] * 4


def test_settlement_per_provider_capped_at_its_share():
    # A realised 2,550,000 above its 2,400,000: accepted 2,400,000, prefinanced 2,400,000 → 0.
    # B realised 1,300,000 of 1,440,000 prefinanced: B pays back 140,000.
    # C was prefinanced 11 months (880,000) and realised 950,000 (< 960,000): the region pays
    # 70,000.
    result = settle(
        BUDGET,
        prefinanced={"A": M("2400000"), "B": M("1440000"), "C": M("880000")},
        realised={"A": M("2550000"), "B": M("1300000"), "C": M("950000")},
    )
    assert {party: s.balance for party, s in result.items()} == {
        "A": M("0.00"),
        "B": M("140000.00"),
        "C": M("-70000.00"),
    }
    assert result["A"].accepted == M("2400000.00")


def test_an_undivided_ceiling_exceeded_is_divided_by_realisation():
    # ceiling 1,000,000; realised 700,000 + 500,000 = 1,200,000: divided 7:5 →
    # A 583,333.333… → 583,333.33; B 416,666.666… → 416,666.67 (the cent to the larger remainder).
    # Each was prefinanced 500,000: the region owes A 83,333.33, B pays back 83,333.33.
    budget = TotalBudget(2028, M("1000000.00"))
    result = settle(
        budget,
        prefinanced={"A": M("500000"), "B": M("500000")},
        realised={"A": M("700000"), "B": M("500000")},
    )
    assert result["A"].accepted == M("583333.33")
    assert result["B"].accepted == M("416666.67")
    assert result["A"].balance == M("-83333.33")
    assert result["B"].balance == M("83333.33")
    assert sum(s.accepted for s in result.values()) == budget.ceiling


def test_an_undivided_ceiling_not_reached_pays_the_realisation():
    budget = TotalBudget(2028, M("1000000.00"))
    result = settle(budget, {"A": M("500000")}, {"A": M("480000.50")})
    assert result["A"].accepted == M("480000.50")
    assert result["A"].balance == M("19999.50")


def test_a_realisation_of_a_provider_without_share_is_refused():
    with pytest.raises(FundingError) as refused:
        settle(BUDGET, {}, {"D": M("1000")})
    assert refused.value.rule == "divided budget"


def test_a_negative_realisation_is_refused():
    with pytest.raises(FundingError) as refused:
        settle(BUDGET, {}, {"A": M("-1")})
    assert refused.value.field == "realised[A]"
