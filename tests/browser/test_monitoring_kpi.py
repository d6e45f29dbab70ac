"""A policy advisor configures a KPI with a target and tells its story, in Dutch in Chromium:
the forms call the services, the list shows the status read from the monitoring figures."""

from datetime import date

import pytest

from openjeugd.accounts.roles import Role
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services import ingest
from openjeugd.registry.models import Municipality, Provider
from openjeugd.registry.tests.factories import RegionFactory

from .helpers import dutch_page, log_in, user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def advisor(transactional_db):
    """One ambulant trajectory (JZ020 32) in Nijmegen from 14 Jan 2026, through the import
    path; built before the browser starts (see the `chromium` fixture)."""
    region = RegionFactory(name="Rijk van Nijmegen")
    Municipality.objects.update_or_create(
        code="0268", defaults={"name": "Nijmegen", "province": "Gelderland", "region": region})
    Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB).regions.add(region)
    ambulant = {"categorie": "32", "productcode": "32A01"}
    ingest(codec.serialize(samples.sample_jw301(dagtekening=date(2026, 1, 5), **ambulant)))
    ingest(codec.serialize(samples.sample_jw305(dagtekening=date(2026, 1, 14),
                                                begindatum=date(2026, 1, 14), **ambulant)))
    return user("beleid-kpi", role=Role.POLICY_ADVISOR, region=region)


def test_configure_a_kpi_with_a_target_and_a_narrative(advisor, live_server, chromium):
    page, base = dutch_page(chromium), live_server.url
    violations = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    log_in(page, live_server, "beleid-kpi")
    page.goto(f"{base}/monitoring/kpi/?periode=2026-Q1")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.click("[data-testid=kpi-links] a[href$='/monitoring/kpi/new/']")

    page.fill("#id_code", "KPI-01")
    page.fill("#id_name", "Jeugdigen in zorg")
    page.select_option("#id_kind", "kpi")
    page.select_option("#id_level", "region")
    page.select_option("#id_figure", "jeugdigen")
    page.click("form[data-testid=kpi-form] button[type=submit]")
    page.wait_for_url("**/monitoring/kpi/*/")

    page.goto(page.url + "?periode=2026-Q1")
    page.click("[data-testid=kpi-actions] a[href*='/target/']")
    assert page.input_value("#id_period") == "2026-Q1"
    page.fill("#id_target", "2")
    page.fill("#id_source", "demo_assumption")
    page.click("form[data-testid=kpi-form] button[type=submit]")
    page.wait_for_url("**/monitoring/kpi/*/?periode=2026-Q1")
    # Youths in care in 2026-Q1: the one trajectory from 14 Jan = 1; lower is better and the
    # target is 2, so on target.
    evaluation = page.locator("[data-testid=kpi-evaluation]")
    assert evaluation.locator("dd").nth(0).inner_text() == "1"
    assert evaluation.locator("[data-status=on_target]").count() == 1

    page.click("[data-testid=kpi-actions] a[href*='/narrative/']")
    page.fill("#id_text", "Eén jeugdige in zorg: de wachtlijst is weggewerkt.")
    page.click("form[data-testid=kpi-form] button[type=submit]")
    page.wait_for_url("**/monitoring/kpi/*/?periode=2026-Q1")
    assert "de wachtlijst is weggewerkt" in page.locator(
        "[data-testid=kpi-narratives]").inner_text()

    page.goto(f"{base}/monitoring/kpi/?periode=2026-Q1")
    row = page.locator("[data-testid=kpi-row-KPI-01]")
    assert row.locator("[data-status=on_target]").count() == 1
    assert row.locator("td").last.inner_text() == "1"  # one narrative for the period
    page.goto(f"{base}/monitoring/kpi/map/?periode=2026-Q1")
    assert "KPI-01" in page.locator("[data-testid=strategy-map]").inner_text()
    assert violations == []
    page.context.close()
