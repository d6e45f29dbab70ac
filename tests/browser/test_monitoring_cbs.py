"""The CBS screens in Dutch in Chromium: the StatLine tables for a policy advisor, and the
delivery file downloaded by the provider's back office."""

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
AMBULANT = {"categorie": "32", "productcode": "32A01"}  # JZ020 32 -> CBS hulpvorm 02
TW = {"toewijzing_nummer": "1001", "toewijzing_ingangsdatum": date(2026, 1, 12), **AMBULANT}


@pytest.fixture
def region(transactional_db):
    """Ambulant care in Nijmegen, 14 Jan - 31 Mar 2026, ended per plan (JZ588 31 -> §3.7 01),
    through the import path; built before the browser starts (see the `chromium` fixture)."""
    region = RegionFactory(name="Rijk van Nijmegen")
    Municipality.objects.update_or_create(
        code="0268", defaults={"name": "Nijmegen", "province": "Gelderland", "region": region})
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
    provider.regions.add(region)
    ingest(codec.serialize(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT)))
    ingest(codec.serialize(samples.sample_jw305(dagtekening=date(2026, 1, 14),
                                                begindatum=date(2026, 1, 14), **TW)))
    ingest(codec.serialize(samples.sample_jw307(dagtekening=date(2026, 3, 31),
                                                begindatum=date(2026, 1, 14),
                                                einddatum=date(2026, 3, 31), **TW)))
    user("beleid", role=Role.POLICY_ADVISOR, region=region)
    user("linde", role=Role.PROVIDER_STAFF, region=region, provider=provider)
    return region


def test_statline_tables_in_dutch(region, live_server, chromium):
    page = dutch_page(chromium)
    log_in(page, live_server, "beleid")
    response = page.goto(f"{live_server.url}/monitoring/cbs/statline/"
                         "?van=2026-01-01&tot=2026-06-30")
    assert response.status == 200
    table = page.locator("[data-testid='statline-2026-H1']")
    rows = table.locator("tbody tr")
    assert rows.count() == 2  # Nijmegen and the region's total
    assert rows.nth(0).locator("th").inner_text() == "Nijmegen (0268)"
    cells = rows.nth(0).locator("td")
    # Started 1 (new 1, herhaald 0), ended 1, 14 Jan - 31 Mar = 18 + 28 + 31 = 77 days.
    assert [cells.nth(i).inner_text() for i in range(5)] == ["1", "1", "0", "1", "77"]
    # Suppressed for publication: the one youth's cells become "–", zeros stay.
    page.check("#id_onderdrukt")
    page.click("[data-testid=period-form] button[type=submit]")
    page.wait_for_load_state("networkidle")
    cells = page.locator("[data-testid='statline-2026-H1'] tbody tr").nth(0).locator("td")
    assert [cells.nth(i).inner_text() for i in range(3)] == ["–", "–", "0"]
    link = page.locator("[data-testid=statline-exports] a").nth(1)
    download = page.request.get(live_server.url + "/monitoring/cbs/statline/"
                                + link.get_attribute("href"))
    assert download.status == 200 and download.body().startswith(b"PK")


def test_provider_downloads_the_delivery_file(region, live_server, chromium):
    page = dutch_page(chromium)
    log_in(page, live_server, "linde")
    page.goto(f"{live_server.url}/monitoring/cbs/aanlevering/")
    page.select_option("#id_halfjaar", "2026-1")
    with page.expect_download() as info:
        page.click("[data-testid=download]")
    download = info.value
    assert download.suggested_filename == f"CBS_jeugdhulp_{samples.AGB}_2026-1.txt"
    content = open(download.path(), "rb").read()
    # AGB, period, BSN, born 14 Mar 2012, V, Nijmegen, verwijzer 01 (no request before the
    # toewijzing: the municipality's own decision, §3.2 01), hulpvorm 02, no crisis 02,
    # 14 Jan - 31 Mar 2026, reason 01, no outcome measured.
    assert content == (f"{samples.AGB}2026-1{samples.BSN}20120314V0268  010202"
                       "202601142026033101        \r\n").encode("ascii")
    # The check shows what the file holds, in Dutch.
    page.click("button[name=controleren]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=record-count]").inner_text() == "1"
