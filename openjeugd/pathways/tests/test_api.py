"""The API: the same services as the screens, 400 naming the rule, 404 out of scope, 409 on a
stale version."""

from datetime import date

from openjeugd.ijw.models import Message
from openjeugd.pathways.models import Case
from openjeugd.pathways.services import expert_team

from .conftest import documents


def test_open_case_triage_and_conflict(client, people, g7, youth):
    client.force_login(people["worker"])
    response = client.post("/api/pathways/cases/", {"youth": youth.pk,
                                                     "opened_on": "2026-06-01"},
                           content_type="application/json")
    assert response.status_code == 201
    case_id = response.json()["id"]
    request_id = client.post(f"/api/pathways/cases/{case_id}/requests/", {
        "channel": "email", "received_on": "2026-06-02",
        "domains": {"housing": "Dakloos dreigend"}}, content_type="application/json").json()["id"]
    triage = {"version": 1, "urgency": "high", "speed": "immediate",
              "assigned_to": people["worker"].pk, "triaged_on": "2026-06-02",
              "outcomes": ["slt_help"]}
    url = f"/api/pathways/requests/{request_id}/triage/"
    assert client.post(url, triage, content_type="application/json").status_code == 201
    stale = client.post(url, triage, content_type="application/json")
    assert stale.status_code == 409 and "Someone else saved" in stale.json()["version"][0]
    detail = client.get(f"/api/pathways/cases/{case_id}/").json()
    assert detail["requests"][0]["housing"] == "Dakloos dreigend"
    assert [e["kind"] for e in detail["timeline"]] == ["opened", "request", "triage"]


def test_rule_refusal_is_400_naming_it(client, people, case):
    client.force_login(people["worker"])
    response = client.post(f"/api/pathways/cases/{case.pk}/registrations/",
                           {"registered_on": "2026-06-03"}, content_type="application/json")
    assert response.status_code == 400
    assert "verklarende analyse" in response.json()["documents"][0]


def test_foreign_municipality_404_and_patch_with_version(client, people, case):
    client.force_login(people["elsewhere"])
    assert client.get(f"/api/pathways/cases/{case.pk}/").status_code == 404
    client.force_login(people["worker"])
    response = client.patch(f"/api/pathways/cases/{case.pk}/",
                            {"version": 1, "responsible": people["colleague"].pk},
                            content_type="application/json")
    assert response.status_code == 200
    assert Case.objects.get().responsible == people["colleague"]


def test_beschikking_via_api_sends_jw301(client, people, case, provider):
    client.force_login(people["worker"])
    url = f"/api/pathways/cases/{case.pk}/beschikkingen/"
    body = {"provider": provider.agb_code, "categorie": "45", "code": "45A48",
            "ingangsdatum": "2026-07-01", "einddatum": "2026-12-31"}
    # Without its Omvang the iJw rules refuse the JW301: 400 with the rule, nothing kept.
    refused = client.post(url, body, content_type="application/json")
    assert refused.status_code == 400 and "refused by the iJw rules" in str(refused.json())
    assert not Message.objects.exists() and not case.beschikkingen.exists()
    response = client.post(url, {**body, "volume": 4, "eenheid": "04", "frequentie": "2"},
                           content_type="application/json")
    assert response.status_code == 201, response.json()
    assert Message.objects.get(code="JW301").status == "sent"


def test_ret_chair_work_list_through_api(client, people, case):
    documents(people["worker"], case)
    expert_team.register(people["worker"], case=case, registered_on=date(2026, 6, 3))
    client.force_login(people["chair"])
    assert [c["id"] for c in client.get("/api/pathways/cases/").json()] == [case.pk]
    response = client.post(f"/api/pathways/cases/{case.pk}/brigade/",
                           {"deployed_on": "2026-06-11", "question": "Vastgelopen"},
                           content_type="application/json")
    assert response.status_code == 201
    # Thursday 11 June + 3 working days = Tuesday 16 June; today is 15 June.
    items = client.get("/api/pathways/work-list/").json()
    assert {"kind": "brigade", "due": "2026-06-16", "overdue": False}.items() <= items[0].items()
