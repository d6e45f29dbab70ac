"""The API's crisis intervention (api_intervention): 400 naming the rule, 404 out of scope,
and the 24-hour item leaves the work list once recorded. Today is 15 June 2026 (conftest)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from openjeugd.pathways import selectors
from openjeugd.pathways.models import CrisisEpisode
from openjeugd.pathways.services import care

AMS = ZoneInfo("Europe/Amsterdam")
JSON = "application/json"


def _episode(case, people):
    return care.record_crisis(people["worker"], case=case,
                              reported_at=datetime(2026, 6, 14, 8, 0, tzinfo=AMS),
                              acuut_from=date(2026, 6, 14), acuut_to=date(2026, 6, 20))


def test_intervention_recorded_once_and_not_before_the_report(client, people, case):
    episode = _episode(case, people)
    url = f"/api/pathways/crises/{episode.pk}/intervention/"
    client.force_login(people["worker"])
    early = client.post(url, {"intervened_at": "2026-06-14T07:00:00+02:00"}, content_type=JSON)
    assert early.status_code == 400
    assert "cannot come before the report" in early.json()["intervened_at"][0]
    # Due 15 June 08:00 (24 hours after the report): on the work list until recorded.
    assert [i.kind for i in selectors.work_list(people["worker"])].count("crisis") == 1
    ok = client.post(url, {"intervened_at": "2026-06-14T20:00:00+02:00"}, content_type=JSON)
    assert ok.status_code == 201
    assert CrisisEpisode.objects.get().intervened_at == datetime(2026, 6, 14, 20, 0,
                                                                 tzinfo=AMS)
    assert "crisis" not in [i.kind for i in selectors.work_list(people["worker"])]
    again = client.post(url, {"intervened_at": "2026-06-14T21:00:00+02:00"}, content_type=JSON)
    assert again.status_code == 400 and "already been recorded" in again.json()[
        "intervened_at"][0]


def test_intervention_in_the_future_is_refused(client, people, case):
    episode = _episode(case, people)
    client.force_login(people["worker"])
    response = client.post(f"/api/pathways/crises/{episode.pk}/intervention/",
                           {"intervened_at": "2026-06-16T09:00:00+02:00"}, content_type=JSON)
    assert response.status_code == 400 and "future" in response.json()["intervened_at"][0]


def test_intervention_of_a_foreign_case_is_404(client, people, case):
    episode = _episode(case, people)
    client.force_login(people["elsewhere"])
    response = client.post(f"/api/pathways/crises/{episode.pk}/intervention/",
                           {"intervened_at": "2026-06-14T20:00:00+02:00"}, content_type=JSON)
    assert response.status_code == 404
    assert CrisisEpisode.objects.get().intervened_at is None
