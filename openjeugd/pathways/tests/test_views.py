"""The screens of steps 1–5 and the work list, through the real views."""

from datetime import date

import pytest
from django.urls import reverse

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw.models import Message
from openjeugd.pathways.models import (
    BrigadeDeployment,
    Case,
    ExpertTeamRegistration,
    Referral,
    RequestForHelp,
)
from openjeugd.pathways.services import cases


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client
    return sign_in


def test_new_request_for_help_opens_a_case_for_a_new_youth(signed_in, people, g7):
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:case-new"), {
        "bsn": "999990019", "birth_date": "2012-05-01", "surname": "Nieuw", "initials": "N",
        "opened_on": "2026-06-15", "channel": "phone", "received_on": "2026-06-15",
        "question": "Zorgen over school", "school_work": "Verzuim", "safety": "Geen zorgen"})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "pathways:case-detail", args=[case.pk])
    item = RequestForHelp.objects.get()
    assert (item.school_work, item.safety, item.channel) == ("Verzuim", "Geen zorgen", "phone")
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Verzuim" in page.content.decode()


def test_new_youth_born_in_the_future_shows_the_rule_on_the_form(signed_in, people, g7):
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:case-new"), {
        "bsn": "999990019", "birth_date": "2026-07-01", "opened_on": "2026-06-15",
        "channel": "phone", "received_on": "2026-06-15"})
    assert response.status_code == 400
    assert "cannot be in the future" in str(response.context["form"].errors["birth_date"])
    assert not Case.objects.exists()


def test_triage_and_conflict_message(signed_in, people, case):
    item = cases.record_request(people["worker"], case=case, channel="phone",
                                received_on=date(2026, 6, 1))
    client = signed_in(people["worker"])
    url = reverse("pathways:triage", args=[item.pk])
    assert client.get(url).status_code == 200
    data = {"version": 1, "urgency": "high", "speed": "within_week",
            "assigned_to": people["colleague"].pk, "triaged_on": "2026-06-02",
            "outcomes": ["slt_help", "social_base"]}
    assert client.post(url, data).status_code == 302
    # The same form again, still carrying version 1: someone (we) saved first.
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Someone else saved this" in str(response.context["form"].non_field_errors())


def test_referral_registration_decision_flow(signed_in, people, case):
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:referral", args=[case.pk]), {
        "referrer_code": "02", "referrer_name": "Huisarts Jansen", "referred_on": "2026-06-02",
        "target": "expert_team"})
    assert response.status_code == 302 and Referral.objects.get().referrer_code == "02"
    # Without documents: refused on the form, naming the rule.
    url = reverse("pathways:registration", args=[case.pk])
    response = client.post(url, {"registered_on": "2026-06-03"})
    assert response.status_code == 400
    assert "verklarende analyse" in str(response.context["form"].non_field_errors())
    response = client.post(url, {
        "registered_on": "2026-06-03", "va_dated": "2026-06-02", "va_author": "L. Team",
        "pp_dated": "2026-06-02", "pp_author": "L. Team", "pp_goal": "Thuis blijven wonen",
        "sp_dated": "2026-06-02", "sp_author": "L. Team"})
    assert response.status_code == 302
    registration = ExpertTeamRegistration.objects.get()
    # Now the RET chair sees it and decides.
    chair = signed_in(people["chair"])
    assert chair.get(reverse("pathways:case-detail", args=[case.pk])).status_code == 200
    decision = {"version": registration.version, "decided_on": "2026-06-05",
                "task_areas": ["jggz", "jo"], "decision": "Ambulant met brigade",
                **{f"framework_{key}": "yes" for key in
                   ("understood", "safety", "at_home", "network", "one_placement",
                    "perspective")}}
    response = chair.post(reverse("pathways:decide", args=[registration.pk]), decision)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.task_areas) == ("decided", ["jggz", "jo"])
    response = chair.post(reverse("pathways:brigade", args=[case.pk]), {
        "deployed_on": "2026-06-05", "question": "Eén verhaal maken"})
    assert response.status_code == 302
    # Friday 5 June + 3 working days = Wednesday 10 June.
    assert BrigadeDeployment.objects.get().available_by == date(2026, 6, 10)


def test_beschikking_sends_the_jw301_after_the_check(signed_in, people, case, provider):
    client = signed_in(people["worker"])
    url = reverse("pathways:beschikking", args=[case.pk])
    data = {"provider": provider.pk, "categorie": "45", "code": "45A48",
            "ingangsdatum": "2026-07-01", "einddatum": "2026-12-31", "volume": "4",
            "eenheid": "04", "frequentie": "2"}
    shown = client.post(url, {**data, "preview": "1"})
    assert shown.status_code == 200 and shown.context["draft"].sendable
    assert not Message.objects.exists()
    sent = client.post(url, {**data, "confirm": "1", "draft_key": shown.context["draft_key"]})
    message = Message.objects.get(code="JW301")
    assert sent.status_code == 302 and message.status == "sent"
    assert case.beschikkingen.get().message == message


def test_foreign_municipality_gets_404_on_every_case_page(signed_in, people, case):
    client = signed_in(people["elsewhere"])
    for name in ("case-detail", "referral", "registration", "brigade", "beschikking"):
        assert client.get(reverse(f"pathways:{name}", args=[case.pk])).status_code in (
            404, 403), name
    assert client.get(reverse("pathways:case-detail", args=[case.pk])).status_code == 404


def test_policy_advisor_gets_403(signed_in, people, case):
    client = signed_in(people["advisor"])
    assert client.get(reverse("pathways:work-list")).status_code == 403
    assert client.get(reverse("pathways:case-detail", args=[case.pk])).status_code == 403


def test_work_list_and_case_list_are_logged(signed_in, people, case):
    client = signed_in(people["worker"])
    assert client.get(reverse("pathways:work-list")).status_code == 200
    response = client.post(reverse("pathways:case-list"), {"q": case.youth.bsn})
    assert [c.pk for c in response.context["cases"]] == [case.pk]
    assert AccessLogEntry.objects.filter(user=people["worker"], action="read",
                                         purpose="case_list",
                                         object_id=str(case.youth_id)).exists()
