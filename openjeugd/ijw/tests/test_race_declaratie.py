"""Two JW323s that claim the same thing, delivered at the same moment from two threads: the
database decides, exactly one line is paid, the other is refused with the rule's own code.

Runs on SQLite too, where IMMEDIATE transactions queue the two deliveries, so the handlers'
check refuses the second; on PostgreSQL both pass the check and the constraint decides.
"""

from decimal import Decimal

import pytest
from django.db.models import Sum

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Finding, Message, Prestatie
from openjeugd.ijw.tests.race import run_together

ROUNDS = 5
# One line of the samples: 16 hours at € 85.50 = € 1,368.00 (February 2026, within the
# 4 hours a week of toewijzing 1001).
ONE_LINE = Decimal("1368.00")

# serialized_rollback: the flush after each test would otherwise drop the municipalities
# and regions the migrations load.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def assigned(deliver):
    deliver(samples.sample_jw301())


def race(deliver, first, second):
    outcomes = run_together(lambda: deliver(first), lambda: deliver(second))
    for outcome in outcomes:
        assert not isinstance(outcome, BaseException), repr(outcome)
    return outcomes


def granted_total(referenties) -> Decimal:
    lines = Prestatie.objects.filter(product_referentie__in=referenties)
    return lines.aggregate(total=Sum("toegekend"))["total"] or Decimal("0")


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_same_prestatie_reference_is_paid_once(deliver, assigned, round_):
    # Different identification and declaration number, same ReferentieNummer (TR314).
    reference = f"RACE{round_}"
    first, second = (
        samples.sample_jw323(identificatie=f"DC9{round_}{side}",
                             declaratie_nummer=f"D{round_}{side}",
                             prestaties=[samples.sample_prestatie(referentie=reference)])
        for side in "AB")
    race(deliver, first, second)
    lines = Prestatie.objects.filter(product_referentie=reference)
    assert lines.count() == 2  # the refused line stays part of the record
    assert [line.toegekend > 0 for line in lines.order_by("-toegekend")] == [True, False]
    assert granted_total([reference]) == ONE_LINE
    refused = lines.get(toegekend=0)
    assert refused.retourcodes == ["8021"] and refused.repeats_reference
    loser = Message.objects.get(pk=refused.declaratie.message_id)
    assert loser.status == Message.Status.PARTLY_GRANTED  # refusals per line are partial
    assert list(Finding.objects.filter(message=loser).values_list("retourcode", "level")) == [
        ("8021", "product")]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_same_declaration_number_is_paid_once(deliver, assigned, round_):
    # Same DeclaratieNummer (TR333), different identifications and references.
    number = f"DRACE{round_}"
    first, second = (
        samples.sample_jw323(identificatie=f"DC8{round_}{side}", declaratie_nummer=number,
                             prestaties=[samples.sample_prestatie(referentie=f"R{round_}{side}")])
        for side in "AB")
    race(deliver, first, second)
    references = [f"R{round_}A", f"R{round_}B"]
    # Only the winner's declaration is stored, so only its line exists, granted in full.
    assert Prestatie.objects.filter(product_referentie__in=references).count() == 1
    assert granted_total(references) == ONE_LINE
    refused = Finding.objects.get(retourcode="9333")
    assert (refused.level, refused.rule) == ("declaratie", "TR333")
    assert refused.message.status == Message.Status.REJECTED


@pytest.mark.django_db(transaction=False)
def test_a_reference_committed_between_the_two_checks_is_not_paid(deliver, assigned,
                                                                  monkeypatch):
    """The interleaving PostgreSQL produced once in CI, replayed step by step: the other
    declaration commits the reference right after this one first asks about it, so every later
    question about it says "taken". Such a line must be refused with 8021, never paid."""
    from openjeugd.ijw.services.handlers import declaratie as handler

    deliver(samples.sample_jw323(identificatie="DC9001", declaratie_nummer="D9001",
                                 prestaties=[samples.sample_prestatie(referentie="LATE")]))
    asked: set = set()

    def committed_after_the_first_question(original):
        def reference_taken(self, reference):
            if reference not in asked:
                asked.add(reference)
                return False
            return original(self, reference)
        return reference_taken

    for known in (handler._Loaded, handler._Live):
        monkeypatch.setattr(known, "reference_taken",
                            committed_after_the_first_question(known.reference_taken))
    deliver(samples.sample_jw323(identificatie="DC9002", declaratie_nummer="D9002",
                                 prestaties=[samples.sample_prestatie(referentie="LATE")]))
    late = Prestatie.objects.filter(product_referentie="LATE").order_by("id")
    # € 1,368.00 once (16 h × € 85.50), the repeat € 0.00.
    assert [line.toegekend for line in late] == [ONE_LINE, Decimal("0.00")]
    assert late.last().retourcodes == ["8021"] and late.last().repeats_reference
