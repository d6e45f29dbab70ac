"""The contract manager's screens: the figures on the page are the selector's, charts go out
with the page as SVG data: images, another region's objects answer 404, and the drill-down shows
counts to contract managers and lines only to a role with youth access (logged)."""

import base64
import re
from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils import translation

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.purposes import Purpose
from openjeugd.accounts.roles import Role
from openjeugd.contracts import services
from openjeugd.contracts.models import Ceiling, Lot
from openjeugd.registry.models import Region
from openjeugd.registry.tests.factories import UserFactory


def test_overview_shows_the_figures_and_a_chart_per_section(manager_client, ceilings):
    response = manager_client.get(reverse("contracts:ceiling-overview"), {"year": 2026})
    assert response.status_code == 200
    page = response.content.decode()
    # English number format (the tests' language): the region row.
    for figure in ("28,000.00", "14,657.14", "1,368.00", "25,943.14", "38,500.00"):
        assert figure in page, figure
    assert 'data-testid="chart-region"' in page and 'data-testid="chart-municipality"' in page
    assert "warning" in page


def _chart(page: str, testid: str) -> str:
    """The SVG of the chart image with this test id, decoded from its data: URI."""
    src = re.search(rf'data-testid="{testid}" src="data:image/svg\+xml;base64,([^"]+)"',
                    page).group(1)
    return base64.b64decode(src).decode()


def test_chart_is_an_svg_image_in_the_page_without_script(manager_client, ceilings):
    response = manager_client.get(reverse("contracts:ceiling-overview"), {"year": 2026})
    svg = _chart(response.content.decode(), "chart-region")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<script" not in svg
    assert "Budget" in svg and "Forecast" in svg
    # The region's forecast 25,943.14 as a value label (English format in the tests).
    assert "25,943.14" in svg


def test_chart_speaks_dutch(client, ceilings, manager):
    # Labels translated and numbers with the decimal comma: forecast 25.943,14.
    client.force_login(manager)
    with translation.override("nl"):
        page = client.get(reverse("contracts:ceiling-overview"), {"year": 2026},
                          HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    svg = _chart(page, "chart-region")
    assert "Prognose" in svg and "25.943,14" in svg and "25,943.14" not in svg


def test_ceiling_detail_shows_parts_per_provider(manager_client, ceilings):
    response = manager_client.get(reverse("contracts:ceiling-detail",
                                          args=[ceilings["region"].pk]))
    page = response.content.decode()
    assert "Kinderpraktijk Oost" in page and "4,885.71" in page and "17,295.43" in page
    assert "Kinderpraktijk Oost" in _chart(page, "chart-by-provider")


def test_another_regions_ceiling_and_contract_answer_404(manager_client, ceilings, care):
    other = Region.objects.exclude(pk=care.region_id).first()
    foreign = Ceiling.objects.create(region=other, year=2026, level=Ceiling.Level.REGION,
                                     amount=Decimal("1.00"))
    foreign_contract = services.create_contract(
        region=other, reference="X-1", name="Elders", procedure="open_house",
        start_date=care.start_date, initial_end_date=care.initial_end_date)
    for url in (reverse("contracts:ceiling-detail", args=[foreign.pk]),
                reverse("contracts:ceiling-drilldown", args=[foreign.pk]),
                reverse("contracts:contract-detail", args=[foreign_contract.pk]),
                reverse("contracts:tariff-create", args=[foreign_contract.pk])):
        assert manager_client.get(url).status_code == 404, url


def test_contract_manager_sees_counts_only(manager_client, ceilings, manager):
    response = manager_client.get(reverse("contracts:ceiling-drilldown",
                                          args=[ceilings["region"].pk]))
    page = response.content.decode()
    # One granted February line; toewijzingen 1001 and 1002.
    assert 'data-testid="line-count">1<' in page
    assert 'data-testid="toewijzing-count">2<' in page
    assert 'data-testid="counts-only"' in page and "Berg" not in page
    assert not AccessLogEntry.objects.filter(purpose=Purpose.CEILING_DRILLDOWN).exists()


def test_youth_access_sees_the_lines_and_the_reads_are_logged(client, ceilings, controller):
    client.force_login(controller)
    response = client.get(reverse("contracts:ceiling-drilldown", args=[ceilings["region"].pk]))
    behind = response.context["behind"]
    assert [line.toegekend for line in behind.lines] == [Decimal("1368.00")]
    assert sorted(t.toewijzing_nummer for t in behind.toewijzingen) == ["1001", "1002"]
    logged = AccessLogEntry.objects.filter(user=controller, purpose=Purpose.CEILING_DRILLDOWN,
                                           object_type="registry.Youth")
    assert logged.count() == 2  # two youths, one entry each


def test_contract_detail_shows_term_partners_and_tariff_history(manager_client, care):
    services.index_tariffs(contract=care, year=2027, percentage=Decimal("2.0"))
    page = manager_client.get(reverse("contracts:contract-detail", args=[care.pk])) \
        .content.decode()
    # 85.50 x 1.02 = 87.21; the old row closed on 31 December 2026.
    assert "85.50" in page and "87.21" in page and "2026-12-31" in page
    assert "Kinderpraktijk Oost" in page and "2030-12-31" in page


def test_policy_advisor_reads_but_cannot_write(client, care, region):
    client.force_login(UserFactory(role=Role.POLICY_ADVISOR, region=region))
    assert client.get(reverse("contracts:contract-list")).status_code == 200
    assert client.get(reverse("contracts:contract-create")).status_code == 403
    assert client.get(reverse("contracts:tariff-create", args=[care.pk])).status_code == 403


def test_access_worker_has_no_contract_screens(client, care, nijmegen):
    client.force_login(UserFactory(role=Role.ACCESS_WORKER, region=nijmegen.region,
                                   municipality=nijmegen))
    assert client.get(reverse("contracts:ceiling-overview")).status_code == 403


def test_contract_detail_shows_its_lot_ceilings(manager_client, care, provider, region):
    # Lot 1 awarded to De Linde alone: its ceiling covers toewijzing 1001 only (conftest of
    # this package): committed 9,771.43, spent 1,368.00, forecast 17,295.43.
    lot = Lot.objects.create(contract=care, number=1, name="Ambulant")
    services.award_contract(contract=care, lot=lot, provider=provider,
                            start_date=date(2026, 1, 1))
    services.set_ceiling(region=region, year=2026, level=Ceiling.Level.LOT, lot=lot,
                         amount=Decimal("20000.00"))
    response = manager_client.get(reverse("contracts:contract-detail", args=[care.pk]),
                                  {"year": 2026})
    [row] = response.context["ceilings"]
    assert row.amounts() == (Decimal("20000.00"), Decimal("9771.43"), Decimal("1368.00"),
                             Decimal("17295.43"))
    assert "17,295.43" in response.content.decode()
