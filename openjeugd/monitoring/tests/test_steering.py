"""Sturingsinformatie (seed 001) and process figures, pure, with hand-computed values."""

from datetime import date
from decimal import Decimal

from openjeugd.monitoring.process import Exchange, deadlines
from openjeugd.monitoring.steering import Amount, forecast, steering

LINDE, ELDERS, DERDE = "11111111", "22222222", "33333333"
NAMES = {LINDE: "De Linde", ELDERS: "Elders", DERDE: "Derde"}
AMOUNTS = [
    Amount("0268", LINDE, "32/32A01", "B1", 2026, Decimal("1000.00")),
    Amount("0268", LINDE, "32/32A01", "B2", 2026, Decimal("500.00")),
    Amount("0268", ELDERS, "34/34A01", "B1", 2026, Decimal("300.00")),
    Amount("1945", ELDERS, "34/34A01", "B3", 2025, Decimal("200.00")),
    # A debit credited in full: net 0, so B4 is no client and DERDE paid for nobody.
    Amount("1945", DERDE, "32/32A01", "B4", 2026, Decimal("0.00")),
]
MONTHS = [("0268", 2026, 1, Decimal("600.00")), ("0268", 2026, 2, Decimal("900.00")),
          ("1945", 2026, 2, Decimal("300.00")), ("0268", 2026, 4, Decimal("10000.00"))]


def test_unique_clients_per_product_top_providers_and_years():
    found = steering(AMOUNTS, MONTHS, NAMES, year=2026, today=date(2026, 4, 15))
    region = found["regio"]
    # Per youth: B1 1000 + 300 = 1300, B2 500, B3 200, B4 0 -> 3 youths paid for, 2000.00.
    assert (region["jeugdigen"], region["toegekend"]) == (3, "2000.00")
    # 32/32A01: B1 1000, B2 500, B4 0 -> 2 youths, 1500.00; 34/34A01: B1 300, B3 200.
    assert region["per_product"] == {"32/32A01": {"jeugdigen": 2, "toegekend": "1500.00"},
                                     "34/34A01": {"jeugdigen": 2, "toegekend": "500.00"}}
    # Highest amount first: Linde 1500.00 (B1, B2), Elders 500.00 (B1, B3), Derde 0.00.
    assert [(p["aanbieder"], p["naam"], p["toegekend"], p["jeugdigen"])
            for p in region["top_aanbieders"]] == [
        (LINDE, "De Linde", "1500.00", 2), (ELDERS, "Elders", "500.00", 2),
        (DERDE, "Derde", "0.00", 0)]
    # Years: 2025 only B3's 200.00; 2026 B1 1300 + B2 500 + B4 0 = 1800.00 over 2 youths.
    assert region["per_jaar"] == {"2025": {"jeugdigen": 1, "toegekend": "200.00"},
                                  "2026": {"jeugdigen": 2, "toegekend": "1800.00"}}
    nijmegen = found["per_gemeente"]["0268"]
    # Nijmegen alone: B1 1300, B2 500; its top: Linde 1500.00, Elders 300.00.
    assert (nijmegen["jeugdigen"], nijmegen["toegekend"]) == (2, "1800.00")
    assert [p["toegekend"] for p in nijmegen["top_aanbieders"]] == ["1500.00", "300.00"]


def test_forecast_extrapolates_the_complete_months():
    # 15 April 2026: January to March are complete (April is not and is left out):
    # 600 + 900 + 300 = 1800.00 in 3 months -> 1800 / 3 * 12 = 7200.00 for the region;
    # Nijmegen 1500.00 -> 6000.00.
    found = steering(AMOUNTS, MONTHS, NAMES, year=2026, today=date(2026, 4, 15))
    assert found["regio"]["prognose"] == {"jaar": 2026, "maanden": 3,
                                          "toegekend_tot_nu": "1800.00",
                                          "prognose": "7200.00"}
    assert found["per_gemeente"]["0268"]["prognose"]["prognose"] == "6000.00"
    # In January no month is complete: no forecast rather than a guess; a past year is its
    # actual total (all 12 months: 600 + 900 + 300 + 10000 = 11800.00).
    assert forecast(MONTHS, year=2026, today=date(2026, 1, 20))["prognose"] is None
    assert forecast(MONTHS, year=2026, today=date(2027, 2, 1))["prognose"] == "11800.00"


def test_message_deadlines_in_working_days_around_kings_day():
    # Received Friday 24 April 2026. Monday 27 April is Koningsdag (no working day), so the
    # 3 working days are Tue 28, Wed 29, Thu 30: a return on 30 April is on time (3 days), one
    # on Friday 1 May late (4 days). Today Monday 4 May: the unanswered one of 24 April is past
    # its term; one received 1 May is due Wed 6 May (4, 5, 6 May), still open.
    today = date(2026, 5, 4)
    found = deadlines([
        Exchange("retour", date(2026, 4, 24), date(2026, 4, 30)),
        Exchange("retour", date(2026, 4, 24), date(2026, 5, 1)),
        Exchange("retour", date(2026, 4, 24), None),
        Exchange("retour", date(2026, 5, 1), None),
        # Declaration answered 8 May: 28, 29, 30 Apr, 1, 4, 5, 6, 7, 8 May = 9 <= 10.
        Exchange("declaratie_antwoord", date(2026, 4, 24), date(2026, 5, 8)),
        # A request answered the day it arrived: 0 working days.
        Exchange("antwoord_verzoek", date(2026, 4, 24), date(2026, 4, 24)),
    ], today=today)
    retour = found["retour"]
    assert (retour["binnen_termijn"], retour["te_laat"], retour["open_verlopen"],
            retour["open"]) == (1, 1, 1, 1)
    # On time 1 of the 3 whose term passed or that were answered: 33.3 %; mean (3 + 4) / 2.
    assert retour["op_tijd"] == {"numerator": 1, "denominator": 3, "percentage": "33.3"}
    assert retour["gemiddeld_werkdagen"] == "3.5" and retour["termijn_werkdagen"] == 3
    assert found["declaratie_antwoord"]["gemiddeld_werkdagen"] == "9.0"
    assert found["declaratie_antwoord"]["op_tijd"]["percentage"] == "100.0"
    assert found["antwoord_verzoek"]["binnen_termijn"] == 1
    assert found["antwoord_verzoek"]["termijn_werkdagen"] == 5
    # Nothing sent to providers in this set: no share rather than 0 %.
    assert found["retour_aanbieders"]["op_tijd"]["percentage"] is None



def test_exchanges_on_the_same_days_each_count():
    # deadlines() judges each distinct (kind, received, answered) once and counts it as often
    # as it occurs: three returns answered 30 Apr (3 working days, on time, see above), two
    # answered 1 May (4, late), two unanswered since 24 Apr (past the term on 4 May).
    on_time = Exchange("retour", date(2026, 4, 24), date(2026, 4, 30))
    late = Exchange("retour", date(2026, 4, 24), date(2026, 5, 1))
    open_ = Exchange("retour", date(2026, 4, 24), None)
    retour = deadlines([on_time, late, open_, on_time, late, on_time, open_],
                       today=date(2026, 5, 4))["retour"]
    assert (retour["binnen_termijn"], retour["te_laat"], retour["open_verlopen"],
            retour["open"]) == (3, 2, 2, 0)
    # 3 on time of 3 + 2 + 2 = 7; mean (3 x 3 + 2 x 4) / 5 = 17 / 5 = 3.4 working days.
    assert retour["op_tijd"] == {"numerator": 3, "denominator": 7, "percentage": "42.9"}
    assert retour["gemiddeld_werkdagen"] == "3.4"

# --- through the import path -----------------------------------------------------------------

def test_steering_and_deadlines_from_delivered_messages(deliver, nijmegen, provider):
    from openjeugd.ijw.codec import samples
    from openjeugd.monitoring import selectors

    # The samples' story: JW301 (5 Jan), JW305 (20 Jan), a JW323 of 16 x 85.50 = 1368.00
    # for February, all for one youth of De Linde (AGB 12345678) in Nijmegen, product
    # 45/45A48. Each is delivered the day after its dagtekening.
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5)))
    deliver(samples.sample_jw305(dagtekening=date(2026, 1, 20)))
    deliver(samples.sample_jw323())
    found = selectors.region_indicators(nijmegen.region, date(2026, 1, 1), date(2026, 6, 30),
                                        today=date(2026, 7, 15))
    region = found["sturing"]["regio"]
    assert region["per_product"] == {"45/45A48": {"jeugdigen": 1, "toegekend": "1368.00"}}
    assert [(p["aanbieder"], p["naam"], p["toegekend"]) for p in region["top_aanbieders"]] \
        == [(samples.AGB, "Jeugdhulp De Linde", "1368.00")]
    # 15 July: January-June of 2026 complete; 1368.00 in 6 months -> 2736.00 for the year.
    assert region["prognose"]["prognose"] == "2736.00"
    assert found["sturing"]["per_gemeente"]["0268"]["jeugdigen"] == 1
    # Open Jeugd sends the JW306 return and the JW325 answer while taking the JW305 and the
    # JW323: both answered the day they arrived, 0 working days, on time. The JW301 (ours,
    # from history) has no JW302 from the provider yet: past its 3 working days on 15 July.
    processen = found["processen"]
    assert (processen["retour"]["binnen_termijn"], processen["retour"]["gemiddeld_werkdagen"]) \
        == (1, "0.0")
    assert processen["declaratie_antwoord"]["binnen_termijn"] == 1
    assert processen["retour_aanbieders"]["open_verlopen"] == 1
