"""A JW323 costs the same number of queries whatever its number of prestaties: its lines are
judged against what one query per table loaded, and inserted together (issue 8, ingest at
real volume)."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openjeugd.ijw import build
from openjeugd.ijw.codec import model as m
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Declaratie, Message, Prestatie
from openjeugd.registry.tests.factories import valid_bsn

YOUTHS = 100
FEBRUARY = (date(2026, 2, 1), date(2026, 2, 28))
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
# The per-message overhead may differ by a query or two (e.g. a first-time lookup); it must
# not grow with the lines.
SLACK = 2
# One line of the samples: 16 hours at € 85.50 = € 1,368.00.
ONE_LINE = Decimal("1368.00")


@pytest.fixture
def assigned(deliver) -> list[tuple[str, str]]:
    """YOUTHS clients, each with its own toewijzing, through JW301s: (bsn, toewijzingnummer)."""
    youths = [(valid_bsn(6000 + n), str(7000 + n)) for n in range(YOUTHS)]
    for n, (bsn, nummer) in enumerate(youths):
        outcome = deliver(samples.sample_jw301(bsn=bsn, identificatie=f"TWQ{n:05d}",
                                               toewijzing_nummer=nummer))
        assert outcome.status == Message.Status.SENT
    return youths


def declaration(youths, *, key: str, periode, credit_of: str | None = None) -> m.JW323:
    """One prestatie per youth in ``periode``; with ``credit_of``, credits of the debits
    declared under that key (same youths and period)."""
    clients = {}
    for bsn, nummer in youths:
        line = samples.sample_prestatie(
            referentie=f"{key}{nummer}", toewijzing_nummer=nummer, begindatum=periode[0],
            einddatum=periode[1], credit=credit_of is not None)
        if credit_of is not None:
            line = dataclasses.replace(line, vorig_product_referentie=f"{credit_of}{nummer}")
        clients[bsn] = [line]
    head = m.make_header("JW323", afzender=samples.AGB, ontvanger=samples.GEMEENTE,
                         identificatie=f"DC{key}", dagtekening=MARCH[1] + timedelta(days=3))
    return build.jw323(head, nummer=f"D{key}", periode=periode, clients=clients)


def counted(deliver, message) -> int:
    with CaptureQueriesContext(connection) as queries:
        outcome = deliver(message)
    assert outcome.status == Message.Status.ACCEPTED, outcome.notes
    return len(queries)


def granted(key: str) -> Decimal:
    return Declaratie.objects.get(declaratie_nummer=f"D{key}").totaal_toegekend


def test_debits_cost_the_same_queries_for_10_and_100_prestaties(deliver, assigned):
    few = counted(deliver, declaration(assigned[:10], key="F", periode=FEBRUARY))
    many = counted(deliver, declaration(assigned, key="M", periode=MARCH))
    assert many <= few + SLACK, (few, many)
    # Every line was judged and granted: 10 × € 1,368.00 and 100 × € 1,368.00.
    assert granted("F") == 10 * ONE_LINE == Decimal("13680.00")
    assert granted("M") == YOUTHS * ONE_LINE == Decimal("136800.00")
    assert Prestatie.objects.filter(declaratie__declaratie_nummer="DM", retourcodes=[]).count() \
        == YOUTHS


def test_credits_cost_the_same_queries_for_10_and_90_prestaties(deliver, assigned):
    counted(deliver, declaration(assigned, key="M", periode=MARCH))
    # Corrections on the last declared period (OP284): credit the March lines, 10 then 90.
    few = counted(deliver, declaration(assigned[:10], key="C", periode=MARCH, credit_of="M"))
    many = counted(deliver, declaration(assigned[10:], key="K", periode=MARCH, credit_of="M"))
    assert many <= few + SLACK, (few, many)
    # Each credit gives back one line: -10 × € 1,368.00 and -90 × € 1,368.00.
    assert granted("C") == Decimal("-13680.00")
    assert granted("K") == Decimal("-123120.00")
    # TR390: crediting the same debits again refuses every line (9390), judged in memory
    # against the credits loaded for the message, at the same cost.
    again = declaration(assigned[:10], key="A", periode=MARCH, credit_of="M")
    with CaptureQueriesContext(connection) as queries:
        outcome = deliver(again)
    assert outcome.status == Message.Status.PARTLY_GRANTED  # assessed, every line refused
    # + 1: the refusal's retourcode is counted for the overview (services.tallies), one
    # statement per distinct retourcode, not per line.
    assert len(queries) <= many + SLACK + 1, (many, len(queries))
    assert list(Prestatie.objects.filter(declaratie__declaratie_nummer="DA").values_list(
        "retourcodes", flat=True)) == [["9390"]] * 10
    assert granted("A") == Decimal("0.00")
