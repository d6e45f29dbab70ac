"""The screens that send a message: form → check (nothing sent) → confirm (the service sends)
→ the message's page. Every step through the real views, ingest and outbox."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import (
    Declaratie,
    IdentificatieCounter,
    Message,
    Start,
    Stop,
    Toewijzing,
    Verzoek,
)
from openjeugd.registry.models import Youth
from openjeugd.registry.tests.factories import UserFactory

ASSIGN = {"provider": "", "categorie": "45", "code": "45A48", "ingangsdatum": "2026-01-12",
          "einddatum": "2026-12-31", "volume": "4", "eenheid": "04", "frequentie": "2"}


@pytest.fixture
def people(provider, nijmegen, user_with):
    youth = Youth.objects.create(bsn=samples.BSN, birth_date=date(2012, 3, 14), geslacht="2",
                                 surname="Berg", initials="S", municipality=nijmegen)
    other_municipality = nijmegen.region.municipalities.exclude(code=nijmegen.code).first()
    return {
        "worker": user_with(Role.ACCESS_WORKER),
        "staff": user_with(Role.PROVIDER_STAFF, provider=provider),
        "elsewhere": user_with(Role.ACCESS_WORKER, municipality=other_municipality),
        "manager": user_with(Role.CONTRACT_MANAGER),
        "youth": youth, "provider": provider,
    }


def check(client, user, url, data):
    client.force_login(user)
    return client.post(url, {**data, "preview": "1"})


def send(client, user, url, data):
    """Check, then confirm what was shown; returns the response to the confirm."""
    shown = check(client, user, url, data)
    assert shown.status_code == 200, shown.context["form"].errors
    assert shown.context["draft"].sendable, shown.context["draft"].findings
    return client.post(url, {**data, "confirm": "1", "draft_key": shown.context["draft_key"]})


def assigned(client, people) -> Toewijzing:
    url = reverse("ijw:assign", args=[people["youth"].pk])
    response = send(client, people["worker"], url, {**ASSIGN, "provider": people["provider"].pk})
    assert response.status_code == 302
    return Toewijzing.objects.get()


def started(client, people, toewijzing) -> Start:
    response = send(client, people["staff"], reverse("ijw:start", args=[toewijzing.pk]),
                    {"begindatum": "2026-01-14"})
    assert response.status_code == 302
    return Start.objects.get()


# --- assign (JW301) -------------------------------------------------------------------------

def test_assign_form_offers_the_providers_of_the_region(client, people):
    client.force_login(people["worker"])
    response = client.get(reverse("ijw:assign", args=[people["youth"].pk]))
    assert response.status_code == 200
    assert people["provider"] in response.context["form"].fields["provider"].queryset


def test_assign_refuses_an_end_before_the_start_naming_the_field(client, people):
    response = check(client, people["worker"], reverse("ijw:assign", args=[people["youth"].pk]),
                     {**ASSIGN, "provider": people["provider"].pk, "einddatum": "2026-01-01"})
    assert response.status_code == 400
    assert "einddatum" in response.context["form"].errors
    assert not Message.objects.exists()


def test_assign_check_shows_the_message_and_sends_nothing(client, people):
    response = check(client, people["worker"], reverse("ijw:assign", args=[people["youth"].pk]),
                     {**ASSIGN, "provider": people["provider"].pk})
    assert response.status_code == 200
    draft = response.context["draft"]
    assert draft.findings == [] and draft.sendable
    html = response.content.decode()
    assert samples.BSN in html and "45A48" in html and "&lt;ToewijzingNummer&gt;" in html
    # Nothing archived, no number taken.
    assert not Message.objects.exists()
    assert not IdentificatieCounter.objects.exists()


def test_assign_confirm_sends_the_jw301_and_opens_it(client, people):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the assertions read English msgids
    toewijzing = assigned(client, people)
    message = Message.objects.get(code="JW301")
    assert (message.status, toewijzing.provider, toewijzing.volume) == (
        "sent", people["provider"], 4)
    response = client.get(reverse("ijw:message-detail", args=[message.pk]))
    # The success message on the message's page, in the language of the test (English msgids).
    assert "was sent" in response.content.decode()


def test_a_confirm_for_values_not_checked_sends_nothing(client, people):
    url = reverse("ijw:assign", args=[people["youth"].pk])
    shown = check(client, people["worker"], url, {**ASSIGN, "provider": people["provider"].pk})
    # Changed after the check: shown again, with the new values, not sent.
    response = client.post(url, {**ASSIGN, "provider": people["provider"].pk, "volume": "8",
                                 "confirm": "1", "draft_key": shown.context["draft_key"]})
    assert response.status_code == 200 and response.context["stale"]
    assert not Message.objects.exists()


def test_assign_for_another_municipality_youth_is_404(client, people):
    client.force_login(people["elsewhere"])
    assert client.get(reverse("ijw:assign", args=[people["youth"].pk])).status_code == 404


def test_provider_cannot_open_the_assign_form(client, people):
    assigned(client, people)  # the provider now has a care relation: it may see the youth
    client.force_login(people["staff"])
    assert client.get(reverse("ijw:assign", args=[people["youth"].pk])).status_code == 403


def test_a_role_without_exchange_gets_403(client, people):
    toewijzing = assigned(client, people)
    client.force_login(people["manager"])
    assert client.get(reverse("ijw:change", args=[toewijzing.pk])).status_code == 403


# --- change / withdraw (JW301 with RedenWijziging) --------------------------------------------

def test_change_check_shows_the_rule_a_too_early_end_breaks(client, people):
    toewijzing = assigned(client, people)
    response = check(client, people["worker"], reverse("ijw:change", args=[toewijzing.pk]),
                     {"einddatum": "2025-12-31", "reden_wijziging": "05"})
    draft = response.context["draft"]
    # The end lies before the Ingangsdatum (12 January 2026): the message would be refused as
    # a whole (0001), so there is no button to send it.
    assert draft.findings and not draft.sendable
    assert {f.retourcode for f in draft.findings} == {"0001"}
    assert 'data-testid="confirm-button"' not in response.content.decode()
    assert Message.objects.count() == 1


def test_withdraw_with_a_later_end_is_caught_by_the_check(client, people):
    toewijzing = assigned(client, people)
    response = check(client, people["worker"], reverse("ijw:change", args=[toewijzing.pk]),
                     {"einddatum": "2026-06-30", "reden_wijziging": "13"})
    # CS335: RedenWijziging 13 (Verwijderd) needs Einddatum = Ingangsdatum.
    assert [(f.rule, f.retourcode) for f in response.context["draft"].findings] == [
        ("CS335", "0001")]
    assert "CS335" in response.content.decode()


def test_withdraw_sends_reason_13(client, people):
    toewijzing = assigned(client, people)
    response = send(client, people["worker"], reverse("ijw:change", args=[toewijzing.pk]),
                    {"einddatum": "2026-01-12", "reden_wijziging": "13"})
    assert response.status_code == 302
    toewijzing.refresh_from_db()
    assert (toewijzing.einddatum, toewijzing.reden_wijziging) == (date(2026, 1, 12), "13")
    assert Message.objects.filter(code="JW301").count() == 2


def test_change_without_a_reason_names_the_field(client, people):
    toewijzing = assigned(client, people)
    response = check(client, people["worker"], reverse("ijw:change", args=[toewijzing.pk]),
                     {"einddatum": "2026-06-30"})
    assert response.status_code == 400
    assert "reden_wijziging" in response.context["form"].errors


# --- request (JW315) and answer (JW319) -------------------------------------------------------

def test_provider_requests_and_the_municipality_answers(client, people):
    assigned(client, people)  # gives the provider the care relation to open the youth
    response = send(client, people["staff"], reverse("ijw:request", args=[people["youth"].pk]),
                    {"referentie_aanbieder": "VOT-SCHERM", "categorie": "45",
                     "ingangsdatum": "2026-07-01", "verwijzer_type": "01"})
    assert response.status_code == 302
    verzoek = Verzoek.objects.get(referentie_aanbieder="VOT-SCHERM")
    assert verzoek.state == Verzoek.State.OPEN
    rejected = check(client, people["worker"], reverse("ijw:answer", args=[verzoek.pk]),
                     {"antwoord": "1"})
    assert "reden_afwijzing" in rejected.context["form"].errors
    answered = send(client, people["worker"], reverse("ijw:answer", args=[verzoek.pk]),
                    {"antwoord": "2"})
    assert answered.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.state == Verzoek.State.IN_ONDERZOEK
    assert Message.objects.filter(code="JW319", status="sent").count() == 1


def test_a_municipality_worker_cannot_request_as_a_provider(client, people):
    client.force_login(people["worker"])
    assert client.get(reverse("ijw:request", args=[people["youth"].pk])).status_code == 403


# --- start, stop, declare ---------------------------------------------------------------------

def test_start_stop_and_declare_from_the_screen(client, people):
    toewijzing = assigned(client, people)
    start = started(client, people, toewijzing)
    assert Message.objects.get(code="JW305").status == "accepted"
    stop = send(client, people["staff"], reverse("ijw:stop", args=[start.pk]),
                {"einddatum": "2026-02-28", "reden_beeindiging": "31"})
    assert stop.status_code == 302 and Stop.objects.get().einddatum == date(2026, 2, 28)
    declared = send(client, people["staff"], reverse("ijw:declare", args=[toewijzing.pk]),
                    {"maand": "2026-02", "referentie": "R1", "volume": "16", "tarief": "85.50"})
    assert declared.status_code == 302
    # 16 hours × € 85.50 = € 1,368.00, all granted: 16 ≤ 4 h/week × 4 weeks of February.
    assert Declaratie.objects.get().totaal_toegekend == Decimal("1368.00")
    assert Message.objects.filter(code="JW325").count() == 1
    # The timeline shows the amounts in Dutch notation.
    client.force_login(people["worker"])
    with translation.override("nl"):
        timeline = client.get(reverse("ijw:youth-timeline", args=[people["youth"].pk]),
                              HTTP_ACCEPT_LANGUAGE="nl")
    assert "€ 1.368,00" in timeline.content.decode()


def test_stop_before_the_start_names_the_field(client, people):
    start = started(client, people, assigned(client, people))
    response = check(client, people["staff"], reverse("ijw:stop", args=[start.pk]),
                     {"einddatum": "2026-01-01", "reden_beeindiging": "31"})
    assert response.status_code == 400 and "einddatum" in response.context["form"].errors


def test_declare_refuses_a_month_that_is_not_a_month(client, people):
    toewijzing = assigned(client, people)
    response = check(client, people["staff"], reverse("ijw:declare", args=[toewijzing.pk]),
                     {"maand": "februari", "referentie": "R1", "volume": "1", "tarief": "1"})
    assert response.status_code == 400 and "maand" in response.context["form"].errors


def test_another_provider_gets_404_for_our_toewijzing(client, people, other_provider):
    toewijzing = assigned(client, people)
    client.force_login(UserFactory(role=Role.PROVIDER_STAFF, provider=other_provider,
                                   region=people["youth"].municipality.region))
    for name in ("ijw:start", "ijw:declare"):
        assert client.get(reverse(name, args=[toewijzing.pk])).status_code == 404


def test_municipality_cannot_report_a_start(client, people):
    toewijzing = assigned(client, people)
    client.force_login(people["worker"])
    assert client.get(reverse("ijw:start", args=[toewijzing.pk])).status_code == 403


def test_the_timeline_offers_each_side_its_own_actions(client, people):
    toewijzing = assigned(client, people)
    url = reverse("ijw:youth-timeline", args=[people["youth"].pk])
    client.force_login(people["worker"])
    worker_html = client.get(url).content.decode()
    assert reverse("ijw:assign", args=[people["youth"].pk]) in worker_html
    assert reverse("ijw:change", args=[toewijzing.pk]) in worker_html
    assert reverse("ijw:start", args=[toewijzing.pk]) not in worker_html
    client.force_login(people["staff"])
    staff_html = client.get(url).content.decode()
    assert reverse("ijw:start", args=[toewijzing.pk]) in staff_html
    assert reverse("ijw:declare", args=[toewijzing.pk]) in staff_html
    assert reverse("ijw:assign", args=[people["youth"].pk]) not in staff_html
    assert AccessLogEntry.objects.filter(username=people["staff"].username,
                                         action="read").exists()
