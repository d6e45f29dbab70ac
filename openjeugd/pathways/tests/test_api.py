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


def test_care_steps_through_the_api(client, people, region, youth, provider, family_home):
    """Amsterdam variant: placement (after the verklarende analyse), profile, a switch asked by
    the hoofdaannemer and approved by the regisseur, outflow with its version, a measurement."""
    from openjeugd.pathways.services import cases, config
    config.apply_preset(region=region, preset="amsterdam")
    case = cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))
    client.force_login(people["worker"])

    def post(route, body, user=None):
        return client.post(f"/api/pathways/cases/{case.pk}/{route}/", body,
                           content_type="application/json")

    placement = {"facility": family_home.pk, "started_on": "2026-06-05"}
    assert "verklarende analyse" in post("placements", placement).json()["facility"][0]
    documents(people["worker"], case)
    assert post("placements", placement).status_code == 201
    assert post("profiles", {"profile": 4, "intensity": "intensief",
                             "hoofdaannemer": provider.agb_code,
                             "valid_from": "2026-06-05"}).status_code == 201
    switch = {"requested_on": "2026-06-10", "profile": 6, "intensity": "intensief",
              "evidence": "ROM-meting"}
    # The regisseur cannot ask (not the hoofdaannemer's staff); the provider, now with a care
    # relation through its toewijzing, can.
    assert post("profile-switch", switch).status_code == 403
    from openjeugd.registry import care_relations
    care_relations.keep(youth=youth, provider=provider, kind="toewijzing", source="t:1",
                        valid_from=date(2026, 6, 1), valid_to=None)
    client.force_login(people["staff"])
    assert post("profile-switch", switch).status_code == 201
    client.force_login(people["worker"])
    assert post("profile-switch/decision", {"approve": True,
                                            "decided_on": "2026-06-12"}).status_code == 201
    outflow = {"version": 1, "planned_outflow_on": "2026-12-31", "follow_up_place": "Thuis",
               "follow_up_arranged_on": "2026-06-12"}
    assert post("outflow", outflow).status_code == 201
    assert post("outflow", outflow).status_code == 409
    assert post("measurements", {"moment": "start", "informant": "ouder",
                                 "measured_on": "2026-06-05",
                                 "tevredenheid": 8}).status_code == 201
    care = client.get(f"/api/pathways/cases/{case.pk}/").json()["care"]
    assert [(p["profile"], p["valid_to"]) for p in care["profiles"]] == [
        (4, "2026-06-11"), (6, None)]
    assert care["outflow"]["version"] == 2
