"""The monitoring page: figures of the user's region, each chart an image with its table."""

import base64
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples

from .test_command import AMBULANT, start


@pytest.fixture
def running(deliver, nijmegen):
    # One ambulant trajectory from 14 Jan 2026, still running on today (15 Jul 2026).
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))


def test_policy_advisor_sees_half_years_and_municipalities(client, running, user_with):
    # Default period: the current half year (2026-H2) and the three before it. The trajectory
    # starts in 2026-H1 and runs on: 1 started there, 0 started in 2026-H2, and Nijmegen has
    # 1 trajectory in the latest half year.
    client.force_login(user_with(Role.POLICY_ADVISOR))
    response = client.get(reverse("monitoring:dashboard"))
    assert response.status_code == 200
    periods = response.context["periods"]
    assert [p["periode"] for p in periods] == ["2025-H1", "2025-H2", "2026-H1", "2026-H2"]
    assert [p["gestart"] for p in periods] == [0, 0, 1, 0]
    assert response.context["municipalities"] == [
        {"code": "0268", "name": "Nijmegen", "gestart": 0, "beeindigd": 0, "trajecten": 1}]
    svg = base64.b64decode(response.context["period_chart"].split(",", 1)[1]).decode()
    assert svg.lstrip().startswith("<?xml") and "<script" not in svg and "2026-H1" in svg
    assert 'data-testid="periods"' in response.content.decode()


def test_a_chosen_period_and_a_bad_one(client, running, user_with):
    client.force_login(user_with(Role.POLICY_ADVISOR))
    chosen = client.get(reverse("monitoring:dashboard"), {"van": "2026-01-01",
                                                           "tot": "2026-03-31"})
    # Clipped to the chosen quarter: one period, labelled by its half year.
    assert [(p["periode"], p["tot_en_met"]) for p in chosen.context["periods"]] == [
        ("2026-H1", "2026-03-31")]
    bad = client.get(reverse("monitoring:dashboard"), {"van": "2026-06-30", "tot": "2026-01-01"})
    assert bad.status_code == 200 and bad.context["form"].errors
    assert len(bad.context["periods"]) == 4  # the default period instead


def test_roles_without_figures_are_refused(client, running, user_with):
    client.force_login(user_with(Role.ACCESS_WORKER))
    assert client.get(reverse("monitoring:dashboard")).status_code == 403



def test_amounts_are_shown_the_dutch_way(client, running, deliver, user_with):
    # A granted February declaration of 16 x 85.50 = 1368.00 for the one youth: in Dutch
    # "1.368,00", in the granted and in the per-youth column of 2026-H1.
    line = samples.sample_prestatie(categorie="32", productcode="32A01")
    deliver(samples.sample_jw323(prestaties=[line]))
    client.force_login(user_with(Role.POLICY_ADVISOR))
    with translation.override("nl"):
        html = client.get(reverse("monitoring:dashboard"),
                          {"van": "2026-01-01", "tot": "2026-06-30"},
                          HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    row = html.split('data-testid="periods"', 1)[1].split("</tr>", 2)[1]
    assert row.count("1.368,00") == 2


def test_steering_and_process_tables_beside_their_charts(client, running, deliver, user_with):
    # The running fixture delivered a JW301 (ours, from history; no JW302 yet) and a JW305
    # (answered at once with the JW306). Add February's declaration 16 x 85.50 = 1368.00 on
    # the ambulant product 32/32A01 of De Linde.
    line = samples.sample_prestatie(categorie="32", productcode="32A01")
    deliver(samples.sample_jw323(prestaties=[line]))
    client.force_login(user_with(Role.POLICY_ADVISOR))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.get(reverse("monitoring:dashboard"),
                          {"van": "2026-01-01", "tot": "2026-06-30"})
    html = response.content.decode()
    top = html.split('data-testid="top-providers"', 1)[1].split("</table>", 1)[0]
    assert "Jeugdhulp De Linde" in top and "1,368.00" in top
    product = html.split('data-testid="per-product"', 1)[1].split("</table>", 1)[0]
    assert "32/32A01" in product and "1,368.00" in product
    # The region's returns: the JW306 and the JW325, both sent the day the message came in.
    rows = {row["kind"]: row for row in response.context["process"]}
    assert rows["retour"]["binnen_termijn"] == 1
    assert rows["declaratie_antwoord"]["op_tijd"]["percentage"] == "100.0"
    for chart in ("provider_chart", "process_chart"):
        svg = base64.b64decode(response.context[chart].split(",", 1)[1]).decode()
        assert "<script" not in svg
    assert "Jeugdhulp De Linde" in base64.b64decode(
        response.context["provider_chart"].split(",", 1)[1]).decode()
