"""The budget scenario shared by the budget, reconciliation and command tests, built through
the real iJw import path (toewijzingen by JW301, declarations by JW323).

Nijmegen, 2026, counted as of 1 July 2026 (committed runs 1 July - 31 December = 184 days;
delivered so far runs 12 January - 30 June = 20 + 28 + 31 + 30 + 31 + 30 = 170 days):

- 1001: 4 h a week of 45A48 at EUR 85.50, 12 January - 31 December.
  committed 184 x 4/7 x 85.50 = 62,928/7 = 8,989.714... -> 8,989.71
  planned to 30 June 170 x 4/7 x 85.50 = 58,140/7 = 8,305.714... -> 8,305.71
- 1002: a budget of EUR 3,540.00 for category 45 over the same 354 days = EUR 10 a day.
  committed 184 x 10 = 1,840.00; planned to 30 June 170 x 10 = 1,700.00
- 1003: 2 h a week of 45A49, a product the catalogue does not have: unpriced, counted as 0.
Declarations (all on 1001): February 16 h x 85.50 = 1,368.00 granted; March 12 h = 1,026.00
granted and then credited (-1,026.00); April at EUR 90.00 refused (TR418, 0611).
So spent = 1,368.00 + 1,026.00 - 1,026.00 = 1,368.00 (the refused line counts for nothing).
Undeclared (forecast): 1001: 8,305.71 - 1,368.00 = 6,937.71; 1002: 1,700.00 - 0 = 1,700.00.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message

AS_OF = date(2026, 7, 1)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


def deliver_history(deliver) -> None:
    for ident, nummer, extra in [
        ("TW000001", "1001", {}),
        ("TW000002", "1002", {"budget": Decimal("3540.00")}),
        ("TW000003", "1003", {"productcode": "45A49", "volume": 2}),
    ]:
        outcome = deliver(samples.sample_jw301(identificatie=ident, toewijzing_nummer=nummer,
                                               **extra))
        assert outcome.status == Message.Status.SENT, outcome.notes
    _declare(deliver, "DC000001", "D2026020001", (date(2026, 2, 1), date(2026, 2, 28)),
             date(2026, 3, 4), samples.sample_prestatie())
    march = {"begindatum": MARCH[0], "einddatum": MARCH[1], "volume": 12}
    _declare(deliver, "DC000002", "D2026030001", MARCH, date(2026, 4, 3),
             samples.sample_prestatie(referentie="P000002", **march))
    credit = replace(samples.sample_prestatie(referentie="P000003", credit=True, **march),
                     vorig_product_referentie="P000002")
    _declare(deliver, "DC000003", "D2026030002", MARCH, date(2026, 4, 4), credit)
    april = samples.sample_prestatie(referentie="P000004", begindatum=APRIL[0],
                                     einddatum=APRIL[1], tarief=Decimal("90.00"))
    refused = _declare(deliver, "DC000004", "D2026040001", APRIL, date(2026, 5, 4), april,
                       status=Message.Status.PARTLY_GRANTED)
    assert "0611" in str(refused.message.findings.values_list("retourcode", flat=True))


def _declare(deliver, ident, nummer, periode, dagtekening, line,
             status=Message.Status.ACCEPTED):
    outcome = deliver(samples.sample_jw323(identificatie=ident, declaratie_nummer=nummer,
                                           periode=periode, dagtekening=dagtekening,
                                           prestaties=[line]))
    assert outcome.message.status == status, outcome.notes
    return outcome
