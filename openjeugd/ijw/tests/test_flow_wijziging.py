"""VOW flows (berichtstromen): JW317, then JW301 (toewijzen) or JW319 (afwijzen)."""

from datetime import date

import pytest

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Toewijzing, Verzoek


@pytest.fixture
def assigned(deliver):
    deliver(samples.sample_jw301())


def test_vow_then_changed_toewijzing(deliver, assigned):
    outcome = deliver(samples.sample_jw317())
    assert outcome.reply.code == "JW318"
    verzoek = Verzoek.objects.get(kind=Verzoek.Kind.WIJZIGING)
    # JZ002 12: the change was initiated by the provider; 6 hours a week from 1 April.
    deliver(samples.sample_jw301(identificatie="TW000002", reden_wijziging="12", volume=6,
                                 referentie_aanbieder="VOW-0001",
                                 dagtekening=date(2026, 3, 5)))
    verzoek.refresh_from_db()
    assert verzoek.state == Verzoek.State.TOEGEWEZEN
    assert Toewijzing.objects.get().volume == 6
    assert Message.objects.get(code="JW317").status == Message.Status.ANSWERED


def test_vow_rejected(deliver, assigned):
    deliver(samples.sample_jw317())
    deliver(samples.sample_jw319(referentie_aanbieder="VOW-0001", verzoek_antwoord="1",
                                 reden_afwijzing="2", dagtekening=date(2026, 3, 5)))
    assert Verzoek.objects.get().state == Verzoek.State.AFGEWEZEN
    assert Toewijzing.objects.get().volume == 4


def test_vow_on_an_unknown_toewijzing_is_refused(deliver, assigned):
    outcome = deliver(samples.sample_jw317(toewijzing_nummer="9999"))
    assert [f.retourcode for f in outcome.message.findings.all()] == ["9351"]
    assert not Verzoek.objects.exists()


def test_second_request_while_one_is_open_is_refused(deliver, assigned):
    deliver(samples.sample_jw317())
    again = deliver(samples.sample_jw317(identificatie="VW000002",
                                         referentie_aanbieder="VOW-0002"))
    assert [f.retourcode for f in again.message.findings.all()] == ["9374"]
