"""The decision step sends the toewijzing (JW301) through the ijw action; the youth's iJw facts
show on the case."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from openjeugd.ijw.models import Message, Toewijzing
from openjeugd.pathways import selectors
from openjeugd.pathways.models import Beschikking
from openjeugd.pathways.services import care


def test_jw301_sent_from_a_case_lands_in_the_outbox(case, people, provider):
    beschikking = care.decide_and_assign(
        people["worker"], case=case, provider=provider, categorie="45", code="45A48",
        ingangsdatum=date(2026, 7, 1), einddatum=date(2026, 12, 31), volume=4, eenheid="04",
        frequentie="2")
    message = Message.objects.get(code="JW301")
    assert beschikking.message == message
    assert (message.direction, message.status, message.afzender, message.ontvanger) == (
        Message.Direction.OUT, "sent", case.municipality.code, provider.agb_code)
    # The toewijzing is on the case through the ijw selectors.
    facts = selectors.case_facts(people["worker"], case)
    assert [t.provider for t in facts.ijw.toewijzingen] == [provider]
    assert Toewijzing.objects.get().youth == case.youth


def test_end_before_start_sends_nothing(case, people, provider):
    from django.core.exceptions import ValidationError
    with pytest.raises(ValidationError):
        care.decide_and_assign(people["worker"], case=case, provider=provider, categorie="45",
                               ingangsdatum=date(2026, 7, 1), einddatum=date(2026, 6, 30))
    assert not Message.objects.exists() and not Beschikking.objects.exists()


def test_only_a_sender_of_the_municipality_assigns(registered, people, provider):
    # The RET chair sees the case but sends no iJw messages (the ijw action decides).
    with pytest.raises(PermissionDenied):
        care.decide_and_assign(people["chair"], case=registered.case, provider=provider,
                               categorie="45", ingangsdatum=date(2026, 7, 1))
    assert not Message.objects.exists() and not Beschikking.objects.exists()
