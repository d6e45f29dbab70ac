"""The KPI/KRI screens and API: the policy advisor configures through forms and endpoints
that call the services; other figure roles read; another region's objects answer 404."""

import pytest
from django.urls import reverse

from openjeugd.accounts.roles import Role
from openjeugd.monitoring import services
from openjeugd.monitoring.models import Indicator, Link, Narrative, Target
from openjeugd.registry.models import Region
from openjeugd.registry.tests.factories import UserFactory


@pytest.fixture
def advisor(user_with):
    return user_with(Role.POLICY_ADVISOR)


@pytest.fixture
def indicator(advisor):
    return services.create_indicator(user=advisor, region=advisor.region, code="KRI-01",
                                     name="Uitval", kind="kri", level="region",
                                     figure="uitval")


@pytest.fixture
def foreign(db):
    """A policy advisor of another region and its indicator."""
    region = Region.objects.exclude(municipalities__code="0268").filter(
        municipalities__isnull=False).first()
    other = UserFactory(role=Role.POLICY_ADVISOR, region=region)
    return services.create_indicator(user=other, region=region, code="X-1", name="Elders",
                                     kind="kpi", level="region", figure="gestart")


def test_the_advisor_creates_an_indicator_sets_a_target_and_tells_the_story(
        client, advisor, pinned_today):
    client.force_login(advisor)
    response = client.post(reverse("monitoring:kpi-create"), {
        "code": "KRI-01", "name": "Uitval", "kind": "kri", "level": "region",
        "figure": "uitval", "direction": ""})
    indicator = Indicator.objects.get(code="KRI-01")
    assert response.status_code == 302 and indicator.direction == "lower"
    # A KRI without a signal threshold: refused on the field, nothing saved (400).
    url = reverse("monitoring:kpi-target", args=[indicator.pk])
    refused = client.post(url, {"period": "2026-Q2", "target": "40"})
    assert refused.status_code == 400 and "signal" in refused.context["form"].errors
    assert not Target.objects.exists()
    assert client.post(url, {"period": "2026-Q2", "target": "40",
                             "signal": "60"}).status_code == 302
    assert client.post(reverse("monitoring:kpi-narrative", args=[indicator.pk]), {
        "period": "2026-Q2", "text": "Uitval door verhuizingen."}).status_code == 302
    assert Narrative.objects.get().author == advisor
    page = client.get(reverse("monitoring:kpi-list") + "?periode=2026-Q2")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="kpi-row-KRI-01"' in html
    [(_label, rows)] = [level for level in page.context["levels"] if level[1]]
    assert rows[0].target.target == 40 and rows[0].status == "no_data"


def test_the_default_period_is_the_last_complete_quarter(client, advisor, pinned_today):
    # Today is 15 Jul 2026 (pinned): Q3 has just begun, the monitoringoverleg discusses Q2.
    client.force_login(advisor)
    assert client.get(reverse("monitoring:kpi-list")).context["period"] == "2026-Q2"
    assert client.get(reverse("monitoring:kpi-list") + "?periode=2026-Q7").status_code == 400


def test_the_strategy_map_lists_links_and_refuses_a_cycle(client, advisor, indicator):
    process = services.create_indicator(user=advisor, region=advisor.region, code="P-01",
                                        name="Antwoord op tijd", kind="kpi",
                                        level="process", figure="antwoord_verzoek_op_tijd")
    client.force_login(advisor)
    assert client.post(reverse("monitoring:kpi-goal-create"),
                       {"name": "Minder uitval"}).status_code == 302
    goal = advisor.region.strategic_goals.get()
    client.post(reverse("monitoring:kpi-link", args=[indicator.pk]), {"goal": goal.pk})
    client.post(reverse("monitoring:kpi-link", args=[process.pk]), {"parent": indicator.pk})
    cycle = client.post(reverse("monitoring:kpi-link", args=[indicator.pk]),
                        {"parent": process.pk})
    assert cycle.status_code == 400 and "parent" in cycle.context["form"].errors
    page = client.get(reverse("monitoring:kpi-map") + "?periode=2026-Q2")
    [(shown_goal, [node])] = page.context["map"]["goals"]
    assert (shown_goal, node.indicator, [c.indicator for c in node.children]) == (
        goal, indicator, [process])
    assert Link.objects.count() == 2


def test_readers_read_and_do_not_write(client, user_with, indicator):
    manager = user_with(Role.CONTRACT_MANAGER)
    client.force_login(manager)
    assert client.get(reverse("monitoring:kpi-detail", args=[indicator.pk])).status_code == 200
    assert client.post(reverse("monitoring:kpi-narrative", args=[indicator.pk]),
                       {"period": "2026-Q2", "text": "x"}).status_code == 403
    client.force_login(user_with(Role.ACCESS_WORKER))
    assert client.get(reverse("monitoring:kpi-list")).status_code == 403


def test_another_regions_indicator_answers_404(client, advisor, foreign):
    client.force_login(advisor)
    assert client.get(reverse("monitoring:kpi-detail", args=[foreign.pk])).status_code == 404
    assert client.post(reverse("monitoring:kpi-target", args=[foreign.pk]),
                       {"period": "2026-Q2", "target": "1"}).status_code == 404
    assert client.get(f"/api/monitoring/kpi/indicators/{foreign.pk}/").status_code == 404
    assert not foreign.targets.exists()


def test_the_api_configures_and_reports_status(client, advisor, pinned_today):
    client.force_login(advisor)
    created = client.post("/api/monitoring/kpi/indicators/", {
        "code": "KPI-02", "name": "Verzoeken op tijd", "kind": "kpi", "level": "process",
        "figure": "antwoord_verzoek_op_tijd"}, content_type="application/json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    bad = client.post(f"/api/monitoring/kpi/indicators/{pk}/targets/",
                      {"period": "2026-Q2", "target": "120"}, content_type="application/json")
    assert bad.status_code == 400 and "target" in bad.json()  # a share above 100 %
    ok = client.post(f"/api/monitoring/kpi/indicators/{pk}/targets/",
                     {"period": "2026-Q2", "target": "90", "signal": "80"},
                     content_type="application/json")
    assert ok.status_code == 201 and ok.json()["target"] == "90.00"
    patched = client.patch(f"/api/monitoring/kpi/indicators/{pk}/", {"name": "Op tijd"},
                           content_type="application/json")
    assert patched.status_code == 200 and patched.json()["name"] == "Op tijd"
    status = client.get("/api/monitoring/kpi/status/").json()
    # No requests came in during Q2: no value, a target, so "no_data".
    assert status["period"] == "2026-Q2"
    assert [(row["code"], row["target"], row["signal"], row["status"])
            for row in status["indicators"]] == [("KPI-02", "90.00", "80.00", "no_data")]
    assert client.get("/api/monitoring/kpi/status/?periode=2026").status_code == 400


def test_the_api_refuses_writes_to_readers(client, user_with, indicator):
    client.force_login(user_with(Role.AUDITOR))
    assert client.get("/api/monitoring/kpi/indicators/").status_code == 200
    assert client.post(f"/api/monitoring/kpi/indicators/{indicator.pk}/narratives/",
                       {"period": "2026-Q2", "text": "x"},
                       content_type="application/json").status_code == 403
