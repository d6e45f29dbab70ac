"""The CBS screens: who gets the delivery file (own AGB, region scope, 404 outside it), the
StatLine tables and their exports (small cells suppressed), and the API."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.roles import Role
from openjeugd.monitoring import selectors_cbs
from openjeugd.monitoring.cbs import delivery_file
from openjeugd.registry.tests.factories import ProviderFactory, UserFactory

from .test_cbs_commands import deliver_care

DELIVERY = reverse("monitoring:cbs-delivery")
STATLINE = reverse("monitoring:cbs-statline")


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def care(deliver):
    deliver_care(deliver)


def as_user(client, user):
    client.force_login(user)
    return client


def test_provider_staff_download_their_own_file(care, provider, nijmegen, english):
    staff = UserFactory(role=Role.PROVIDER_STAFF, region=nijmegen.region, provider=provider)
    response = as_user(english, staff).get(
        DELIVERY, {"aanbieder": provider.agb_code, "halfjaar": "2026-1", "download": "1"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="CBS_jeugdhulp_{provider.agb_code}_2026-1.txt"')
    body = response.content.decode("ascii")
    # The one record of the command test: 70 positions and CRLF; datum aanvang starts after
    # 8 + 6 + 9 + 8 + 1 + 6 + 2 + 2 + 2 = 44 positions: 14 Jan - 31 Mar 2026, reason 02.
    assert len(body) == 72 and body[44:62] == "202601142026033102"
    assert AccessLogEntry.objects.filter(user=staff, purpose="monitoring_trajectories",
                                         action="read").count() == 1


def test_check_shows_the_summary_without_the_file(care, provider, nijmegen, english):
    staff = UserFactory(role=Role.PROVIDER_STAFF, region=nijmegen.region, provider=provider)
    response = as_user(english, staff).get(
        DELIVERY, {"aanbieder": provider.agb_code, "halfjaar": "2026-1", "controleren": "1"})
    assert response.status_code == 200
    assert b'data-testid="record-count">1<' in response.content


def test_another_providers_file_is_404_and_a_bad_agb_names_the_field(care, provider, nijmegen,
                                                                     english):
    elders = ProviderFactory(agb_code="98000017")
    elders.regions.add(nijmegen.region)
    staff = UserFactory(role=Role.PROVIDER_STAFF, region=nijmegen.region, provider=elders)
    client = as_user(english, staff)
    assert client.get(DELIVERY, {"aanbieder": provider.agb_code, "halfjaar": "2026-1",
                                 "download": "1"}).status_code == 404
    bad = client.get(DELIVERY, {"aanbieder": "12x", "halfjaar": "2026-1", "download": "1"})
    assert bad.status_code == 400 and b"Provider" in bad.content
    assert not AccessLogEntry.objects.filter(purpose="monitoring_trajectories").exists()


def test_access_worker_gets_the_providers_records_of_own_youths(care, provider, nijmegen,
                                                               user_with, english):
    worker = user_with(Role.ACCESS_WORKER)
    response = as_user(english, worker).get(
        DELIVERY, {"aanbieder": provider.agb_code, "halfjaar": "2026-1", "download": "1"})
    assert response.status_code == 200 and response.content.count(b"\r\n") == 1


def test_figures_roles_get_no_delivery_file(care, provider, user_with, english):
    advisor = user_with(Role.POLICY_ADVISOR)
    response = as_user(english, advisor).get(
        DELIVERY, {"aanbieder": provider.agb_code, "halfjaar": "2026-1", "download": "1"})
    assert response.status_code == 403


def test_statline_screen_and_suppressed_exports(care, nijmegen, user_with, english):
    client = as_user(english, user_with(Role.POLICY_ADVISOR))
    period = {"van": "2026-01-01", "tot": "2026-06-30"}
    page = client.get(STATLINE, period)
    assert page.status_code == 200
    html = page.content.decode()
    # Within the region: the exact figures (1 started, 77 days).
    assert "Nijmegen (0268)" in html and ">77<" in html
    csv_body = client.get(STATLINE, {**period, "formaat": "csv"}).content.decode("utf-8-sig")
    header, nijmegen_row, total = csv_body.splitlines()
    cells = dict(zip(header.split(";"), nijmegen_row.split(";"), strict=True))
    # One youth: suppressed on the way out; zero stays zero.
    assert (cells["gestart"], cells["gemiddelde_duur_dagen"], cells["beeindigd_reden_01"]) == (
        "", "", "0")
    assert total.startswith("2026-H1;regio;Region total")
    workbook = load_workbook(io.BytesIO(client.get(STATLINE, {**period,
                                                              "formaat": "xlsx"}).content))
    sheet = workbook["StatLine"]
    assert sheet["C2"].value == "Nijmegen" and sheet["D2"].value is None
    assert client.get(STATLINE, {"formaat": "pdf"}).status_code == 404
    assert client.get(STATLINE, {"van": "2026-07-01", "tot": "2026-01-01",
                                 "formaat": "csv"}).status_code == 400


def test_statline_api(care, user_with, english):
    client = as_user(english, user_with(Role.POLICY_ADVISOR))
    url = "/api/monitoring/statline/"
    plain = client.get(url, {"van": "2026-01-01", "tot": "2026-06-30"}).json()
    assert plain["rijen"][0]["gestart"] == 1
    hidden = client.get(url, {"van": "2026-01-01", "tot": "2026-06-30",
                              "onderdrukt": "1"}).json()
    assert hidden["rijen"][0]["gestart"] is None and hidden["onderdrukt"] is True
    assert client.get(url, {"van": "nonsense"}).status_code == 400


def test_statline_period_without_data(care, user_with, english):
    client = as_user(english, user_with(Role.POLICY_ADVISOR))
    rows = client.get("/api/monitoring/statline/", {"van": "2020-01-01",
                                                    "tot": "2020-06-30"}).json()["rijen"]
    assert [row["gemeente"] for row in rows] == ["regio"] and rows[0]["gestart"] == 0


def test_pinned_half_year_choices(care, provider, nijmegen, english):
    # 15 July 2026: the ended half years are 2026-1 back to 2024-2; 2026-2 is no choice.
    staff = UserFactory(role=Role.PROVIDER_STAFF, region=nijmegen.region, provider=provider)
    page = as_user(english, staff).get(DELIVERY).content.decode()
    assert 'value="2026-1"' in page and 'value="2024-2"' in page and 'value="2026-2"' not in page


def test_a_provider_outside_the_region_is_404_for_region_staff(care, nijmegen, user_with,
                                                               english):
    ProviderFactory(agb_code="98000017")  # serves no region of this user
    worker = user_with(Role.ACCESS_WORKER)
    response = as_user(english, worker).get(
        DELIVERY, {"aanbieder": "98000017", "halfjaar": "2026-1", "download": "1"})
    assert response.status_code == 404


def test_records_of_youths_the_user_may_not_open_are_left_out_and_counted(care, provider):
    # The one record's youth is not among those the user may open (say its care relation
    # ended past the grace period): the file has no record and says one was left out.
    found = selectors_cbs.provider_delivery(provider.agb_code,
                                            delivery_file.parse_half_year("2026-1"),
                                            visible=set())
    assert (found.rows, found.omitted, found.text) == ([], 1, "")
    complete = selectors_cbs.provider_delivery(provider.agb_code,
                                               delivery_file.parse_half_year("2026-1"))
    assert (len(complete.rows), complete.omitted) == (1, 0)
