"""The REST endpoints: figures for VIEW_REGION_FIGURES, person-level trajectories for
VIEW_YOUTH only (policy-checked, each youth shown logged)."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.monitoring.cbs.trajectories import RECORD_KEYS

from .test_command import AMBULANT, start, stop

PERIOD = {"van": "2026-01-01", "tot": "2026-06-30"}


@pytest.fixture
def story(deliver):
    # One ambulant trajectory of the samples' youth with De Linde: 14 Jan - 31 May 2026,
    # ended per plan (JZ588 31 -> CBS §3.7 01), referred by the municipality itself (§3.2 01:
    # the JW301 answers no request).
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))
    deliver(stop(1, date(2026, 1, 14), date(2026, 5, 31)))


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_indicators_are_the_selectors_figures(story, user_with):
    response = _api(user_with(Role.POLICY_ADVISOR)).get("/api/monitoring/indicators/", PERIOD)
    assert response.status_code == 200
    [half] = response.json()["perioden"]
    assert (half["periode"], half["gestart"], half["beeindigd"]) == ("2026-H1", 1, 1)
    assert response.json()["processen"]["retour"]["binnen_termijn"] == 2  # JW306 and JW308


def test_a_bad_period_is_refused_naming_the_field(story, user_with):
    response = _api(user_with(Role.POLICY_ADVISOR)).get(
        "/api/monitoring/indicators/", {"van": "2026-06-30", "tot": "2026-01-01"})
    assert response.status_code == 400 and "__all__" in response.json()
    response = _api(user_with(Role.POLICY_ADVISOR)).get(
        "/api/monitoring/indicators/", {"van": "juni", "tot": "2026-01-01"})
    assert response.status_code == 400 and "van" in response.json()


def test_trajectories_for_an_access_worker_are_logged(story, user_with):
    user = user_with(Role.ACCESS_WORKER)
    response = _api(user).get("/api/monitoring/trajectories/", PERIOD)
    assert response.status_code == 200
    [row] = response.json()
    assert tuple(row) == RECORD_KEYS
    assert (row["bsn"], row["aanbieder"], row["hulpvorm"], row["verwijzer"],
            row["datum_aanvang"], row["datum_einde"], row["reden_beeindiging"]) == (
        samples.BSN, samples.AGB, "02", "01", "2026-01-14", "2026-05-31", "01")
    logged = AccessLogEntry.objects.filter(username=user.username,
                                           object_type="registry.Youth")
    assert logged.exists()


def test_figures_roles_get_no_person_level_rows(story, user_with):
    # A policy advisor sees figures, never BSNs: 403 on the trajectories.
    response = _api(user_with(Role.POLICY_ADVISOR)).get("/api/monitoring/trajectories/",
                                                        PERIOD)
    assert response.status_code == 403
    assert _api(user_with(Role.ACCESS_WORKER)).get(
        "/api/monitoring/indicators/").status_code == 403
