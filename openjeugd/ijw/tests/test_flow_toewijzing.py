"""VOT flows (berichtstromen): direct toewijzing, toewijzen/afwijzen after investigation."""

from datetime import date

from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Toewijzing, Verzoek


def test_direct_toewijzing_with_return(deliver):
    # JW301 (municipality → provider), answered by the provider's JW302.
    sent = deliver(samples.sample_jw301()).message
    assert sent.status == Message.Status.SENT
    toewijzing = Toewijzing.objects.get(toewijzing_nummer="1001")
    assert (toewijzing.product_code, toewijzing.volume, toewijzing.message_id) == (
        "45A48", 4, sent.pk)
    ret = deliver(samples.sample_jw302()).message
    assert ret.in_reply_to_id == sent.pk
    sent.refresh_from_db()
    assert sent.answered_at is not None


def test_vot_then_toewijzing_answers_the_request(deliver):
    # JW315 → JW316 return at once; JW301 with the same ReferentieAanbieder assigns it.
    outcome = deliver(samples.sample_jw315())
    assert outcome.message.status == Message.Status.ACCEPTED
    assert outcome.reply.code == "JW316"
    verzoek = Verzoek.objects.get(referentie_aanbieder="VOT-0001")
    # Received Tuesday 10 March 2026; 5 working days later is Tuesday 17 March.
    assert verzoek.answer_due == date(2026, 3, 17)
    deliver(samples.sample_jw301(referentie_aanbieder="VOT-0001"))
    verzoek.refresh_from_db()
    assert verzoek.state == Verzoek.State.TOEGEWEZEN
    assert Message.objects.get(code="JW315").status == Message.Status.ANSWERED


def test_vot_in_onderzoek_then_rejected_on_woonplaatsbeginsel(deliver):
    deliver(samples.sample_jw315())
    deliver(samples.sample_jw319(verzoek_antwoord="2"))
    verzoek = Verzoek.objects.get()
    assert verzoek.state == Verzoek.State.IN_ONDERZOEK
    # Investigating: the final answer is due 2 weeks after the request (10 → 24 March).
    assert verzoek.answer_due == date(2026, 3, 24)
    deliver(samples.sample_jw319(identificatie="AW000002", verzoek_antwoord="1",
                                 reden_afwijzing="8", woonplaatsbeginsel_gemeente="0344"))
    verzoek.refresh_from_db()
    assert (verzoek.state, verzoek.reden_afwijzing) == (Verzoek.State.AFGEWEZEN, "8")


def test_second_answer_after_a_final_one_is_refused(deliver):
    deliver(samples.sample_jw315())
    deliver(samples.sample_jw319(verzoek_antwoord="1", reden_afwijzing="3"))
    second = deliver(samples.sample_jw319(identificatie="AW000002", verzoek_antwoord="2"))
    # A second "in onderzoek" after a refusal breaks TR360 (only as the first answer) and
    # TR365 (a further answer only after "in onderzoek").
    assert [f.retourcode for f in second.message.findings.all()] == ["9360", "9365"]


def test_toewijzing_number_reused_without_reason_is_refused(deliver):
    deliver(samples.sample_jw301())
    again = deliver(samples.sample_jw301(identificatie="TW000002", volume=6))
    assert [f.retourcode for f in again.message.findings.all()] == ["9332"]
    assert Toewijzing.objects.get().volume == 4


def test_change_keeps_history(deliver):
    # JZ002 05 verkorting: same number, new einddatum; the earlier version stays visible.
    deliver(samples.sample_jw301())
    deliver(samples.sample_jw301(identificatie="TW000002", reden_wijziging="05",
                                 einddatum=date(2026, 6, 30)))
    toewijzing = Toewijzing.objects.get()
    assert toewijzing.einddatum == date(2026, 6, 30)
    assert [v.einddatum for v in toewijzing.versions.all()] == [
        date(2026, 12, 31), date(2026, 6, 30)]
