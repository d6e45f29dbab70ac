"""The API of steps 6–11: the same services as the screens — 400 naming the rule, 404 out of
scope, 403 for who may not act, 409 on a stale outflow version."""

from datetime import date

import pytest

from openjeugd.pathways.models import Placement, ProfileSwitchRequest, SupportProfile
from openjeugd.pathways.services import config
from openjeugd.registry import care_relations

from .conftest import documents

JSON = "application/json"


def test_placement_refused_without_verklarende_analyse_then_placed(
        client, people, case, essential_facility):
    client.force_login(people["worker"])
    url = f"/api/pathways/cases/{case.pk}/placements/"
    body = {"facility": essential_facility.pk, "started_on": "2026-06-10"}
    response = client.post(url, body, content_type=JSON)
    assert response.status_code == 400
    assert "No placement without a verklarende analyse" in response.json()["facility"][0]
    documents(people["worker"], case)
    assert client.post(url, body, content_type=JSON).status_code == 201
    care = client.get(f"/api/pathways/cases/{case.pk}/care/").json()
    assert [p["facility"] for p in care["placements"]] == [essential_facility.pk]
    # A move must say whether it is voluntary.
    move = client.post(f"/api/pathways/cases/{case.pk}/moves/", {
        "facility": essential_facility.pk, "moved_on": "2026-06-12", "reason": "x"},
        content_type=JSON)
    assert move.status_code == 400 and "voluntary" in move.json()
    assert Placement.objects.count() == 1


def test_crisis_acuut_beyond_14_days_is_400(client, people, case):
    client.force_login(people["worker"])
    response = client.post(f"/api/pathways/cases/{case.pk}/crises/", {
        "reported_at": "2026-06-01T10:00:00+02:00", "acuut_from": "2026-06-01",
        "acuut_to": "2026-06-15"}, content_type=JSON)
    assert response.status_code == 400 and "at most 14 days" in response.json()["acuut_to"][0]


def test_switch_by_hoofdaannemer_decided_by_regisseur(client, people, case, region, provider,
                                                      youth):
    config.apply_preset(region=region, preset="amsterdam")
    care_relations.keep(youth=youth, provider=provider, kind="toewijzing", source="test:1",
                        valid_from=date(2026, 6, 1), valid_to=None)
    client.force_login(people["worker"])
    assert client.post(f"/api/pathways/cases/{case.pk}/profiles/", {
        "profile": 3, "intensity": "perspectief", "hoofdaannemer": provider.agb_code,
        "valid_from": "2026-06-01"}, content_type=JSON).status_code == 201
    current = SupportProfile.objects.get()
    url = f"/api/pathways/profiles/{current.pk}/switch-requests/"
    body = {"requested_on": "2026-06-08", "profile": 5, "intensity": "intensief",
            "evidence": "Escalatie thuis"}
    assert client.post(url, body, content_type=JSON).status_code == 403  # not the hoofdaannemer
    client.force_login(people["staff"])
    assert client.post(url, body, content_type=JSON).status_code == 201
    switch = ProfileSwitchRequest.objects.get()
    decision = f"/api/pathways/switch-requests/{switch.pk}/decision/"
    assert client.post(decision, {"approve": True, "decided_on": "2026-06-09"},
                       content_type=JSON).status_code == 403  # provider staff: no WORK_CASES
    client.force_login(people["worker"])
    assert client.post(decision, {"approve": True, "decided_on": "2026-06-09"},
                       content_type=JSON).status_code == 201
    care = client.get(f"/api/pathways/cases/{case.pk}/care/").json()
    assert [(p["profile"], p["valid_to"]) for p in care["profiles"]] == [
        (3, "2026-06-08"), (5, None)]
    assert care["switch_requests"][0]["status"] == "approved"


def test_outflow_stale_version_is_409(client, people, case):
    client.force_login(people["worker"])
    url = f"/api/pathways/cases/{case.pk}/outflow/"
    assert client.post(url, {"version": 1, "planned_outflow_on": "2027-01-01"},
                       content_type=JSON).json()["version"] == 2
    stale = client.post(url, {"version": 1, "planned_outflow_on": "2027-06-01"},
                        content_type=JSON)
    assert stale.status_code == 409 and "Someone else saved" in stale.json()["version"][0]


@pytest.mark.parametrize("path", ["care/", "placements/", "crises/", "measurements/",
                                  "outflow/", "regie/"])
def test_foreign_municipality_404(client, people, case, path):
    client.force_login(people["elsewhere"])
    url = f"/api/pathways/cases/{case.pk}/{path}"
    response = client.get(url) if path == "care/" else client.post(url, {}, content_type=JSON)
    assert response.status_code == 404


def test_measurement_out_of_range_is_400(client, people, case):
    client.force_login(people["worker"])
    response = client.post(f"/api/pathways/cases/{case.pk}/measurements/", {
        "moment": "start", "informant": "jeugdige", "measured_on": "2026-06-10",
        "tevredenheid": 0}, content_type=JSON)
    assert response.status_code == 400 and "1 to 10" in response.json()["tevredenheid"][0]
