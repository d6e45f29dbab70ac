"""The one selector behind the ceiling screen, charts, API and exports: hand-computed figures
(screens_fixtures explains them), and the per-municipality and per-provider parts add up."""

from decimal import Decimal

from openjeugd.contracts import budget
from openjeugd.contracts import selectors_screens as screens
from openjeugd.contracts.tests.screens.conftest import COMMITTED, FORECAST, SPENT

D = Decimal


def test_overview_rows_carry_the_hand_computed_figures(ceilings, region):
    overview = screens.ceiling_overview(region, 2026)
    rows = {row.level: row for row in overview.rows}
    assert rows["region"].amounts() == (D("28000.00"), COMMITTED, SPENT, FORECAST)
    assert rows["region"].status == budget.WARNING  # 25,943.14 >= 90 % of 28,000 = 25,200
    # 40,000 x 0.95 = 38,000 + 500 ventiel = 38,500; 25,943.14 < 34,650 (90 %): ok.
    assert rows["municipality"].amounts() == (D("38500.00"), COMMITTED, SPENT, FORECAST)
    assert rows["municipality"].status == budget.OK
    assert rows["municipality"].target == "Nijmegen"
    assert [key for key, _levels, found in overview.sections if found] == [
        "region", "municipality"]


def test_breakdown_per_provider_and_municipality_adds_up_to_the_ceiling(ceilings):
    parts = screens.breakdown(ceilings["region"])
    by_provider = {share.key: share for share in parts["provider"]}
    linde, oost_share = by_provider["Jeugdhulp De Linde"], by_provider["Kinderpraktijk Oost"]
    assert (linde.committed, linde.spent, linde.forecast) == (
        D("9771.43"), D("1368.00"), D("17295.43"))
    assert (oost_share.committed, oost_share.spent, oost_share.forecast) == (
        D("4885.71"), D("0.00"), D("8647.71"))
    for shares in parts.values():
        assert sum(s.committed for s in shares) == COMMITTED
        assert sum(s.spent for s in shares) == SPENT
        assert sum(s.forecast for s in shares) == FORECAST
    assert [s.key for s in parts["municipality"]] == ["Nijmegen"]


def test_no_region_no_rows():
    overview = screens.ceiling_overview(None, 2026)
    assert overview.rows == []
