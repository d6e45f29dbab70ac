"""Spending per half year from granted declaration lines, credits netted."""

from datetime import date
from decimal import Decimal

from openjeugd.ijw.codec import samples
from openjeugd.monitoring import selectors
from openjeugd.monitoring.spending import spending


def test_spending_nets_credits_and_averages_over_youths_paid_for():
    # Youth A: 1368.00 granted, later credited -1368.00 and re-declared 1026.00 -> net
    # 1026.00. Youth B: 500.00 credited in full -> net 0, no cost. Average over youths paid
    # for: 1026.00 / 1 youth.
    rows = [("A", Decimal("1026.00"), Decimal("1026.00"), Decimal("-1368.00")),
            ("B", Decimal("0.00"), Decimal("0.00"), Decimal("-500.00"))]
    assert spending(rows) == {"toegekend": "1026.00", "ingediend": "1026.00",
                              "gecrediteerd": "-1868.00", "jeugdigen": 1,
                              "gemiddeld_per_jeugdige": "1026.00"}


def test_no_lines_no_average_and_null_sums_count_as_zero():
    assert spending([])["gemiddeld_per_jeugdige"] is None
    # The database gives NULL for the credits of a youth without credit lines.
    assert spending([("A", Decimal("10"), Decimal("10"), None)])["gecrediteerd"] == "0.00"


def test_credit_lines_through_the_import_path(deliver, nijmegen):
    # February 2026: debit P000001 16 x 85.50 = 1368.00 (granted), then credited in full
    # (P000002, -1368.00, naming P000001) and declared again as P000003 12 x 85.50 =
    # 1026.00. Net granted for 2026-H1: 1368.00 - 1368.00 + 1026.00 = 1026.00 for one youth;
    # declared the same sum; credits -1368.00.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw305(dagtekening=date(2026, 1, 14), begindatum=date(2026, 1, 14)))
    deliver(samples.sample_jw323())
    credit = samples.sample_prestatie(referentie="P000002", credit=True)
    credit.vorig_product_referentie = "P000001"
    deliver(samples.sample_jw323(identificatie="DC000002", declaratie_nummer="D2026020002",
                                 dagtekening=date(2026, 3, 5), prestaties=[credit]))
    deliver(samples.sample_jw323(identificatie="DC000003", declaratie_nummer="D2026020003",
                                 dagtekening=date(2026, 3, 6),
                                 prestaties=[samples.sample_prestatie(referentie="P000003",
                                                                      volume=12)]))
    figures = selectors.region_indicators(nijmegen.region, date(2026, 1, 1),
                                          date(2026, 12, 31), today=date(2026, 7, 15))
    h1, h2 = figures["perioden"]
    assert h1["kosten"] == {"toegekend": "1026.00", "ingediend": "1026.00",
                            "gecrediteerd": "-1368.00", "jeugdigen": 1,
                            "gemiddeld_per_jeugdige": "1026.00"}
    assert h2["kosten"]["toegekend"] == "0.00" and h2["kosten"]["jeugdigen"] == 0
