"""The monitoring page in Dutch in Chromium: the charts are drawn (images from data: URIs,
no script, no CSP violation) and each has its table."""

from datetime import date

import pytest

from openjeugd.accounts.roles import Role
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services import ingest

from .helpers import PASSWORD, nijmegen_world, user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def dutch_page(chromium):
    context = chromium.new_context(locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.csp_violations, page.loaded = [], []
    page.on("requestfinished", lambda r: page.loaded.append(r.url))
    page.on("console", lambda m: page.csp_violations.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def advisor(transactional_db):
    """An ambulant trajectory (JZ020 32) in Nijmegen from 14 Jan 2026, through the import
    path; built before the browser starts (see the `chromium` fixture)."""
    region = nijmegen_world().region
    ambulant = {"categorie": "32", "productcode": "32A01"}
    ingest(codec.serialize(samples.sample_jw301(dagtekening=date(2026, 1, 5), **ambulant)))
    ingest(codec.serialize(samples.sample_jw305(dagtekening=date(2026, 1, 14),
                                                begindatum=date(2026, 1, 14), **ambulant)))
    return user("beleid", role=Role.POLICY_ADVISOR, region=region)


def test_dashboard_in_dutch_draws_its_charts(advisor, live_server, dutch_page):
    page, base = dutch_page, live_server.url
    page.goto(f"{base}/login/")
    page.fill("#id_username", "beleid")
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{base}/")
    response = page.goto(f"{base}/monitoring/?van=2026-01-01&tot=2026-12-31")
    page.wait_for_load_state("networkidle")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("nav").get_by_text("Monitoring").count() == 1
    rows = page.locator("[data-testid=periods] tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator("th").inner_text() == "2026-H1"
    assert rows.nth(0).locator("td").nth(0).inner_text() == "1"  # started
    assert page.locator("[data-testid=municipalities] tbody th").inner_text() == (
        "Nijmegen (0268)")
    widths = page.eval_on_selector_all("img.oj-chart", "imgs => imgs.map(i => i.naturalWidth)")
    # Half years, municipalities, message deadlines, G7 themes, beds per segment (no
    # declarations: no provider charts).
    assert widths == [640, 640, 640, 640, 640]  # every SVG decoded and drawn
    # G7 themes: the region's row and Nijmegen's; no casework, so no cases, and the
    # toewijzing of 5 Jan started on 14 Jan: one wait of 9 days, "9,0" in Dutch.
    themes = page.locator("[data-testid=themes] tbody tr")
    assert themes.count() == 2
    assert themes.nth(1).locator("th").inner_text() == "Nijmegen (0268)"
    waits = page.locator("[data-testid=theme-waits] tbody tr")
    assert waits.nth(1).locator("td").nth(0).inner_text() == "1"
    assert waits.nth(1).locator("td").nth(1).inner_text() == "9,0"
    assert page.locator("[data-testid=theme-deadlines] tbody tr").count() == 4
    # Segments: no ceilings, so the whole region; nobody in care with stay (ambulant care).
    assert page.locator("[data-testid=segment-kpis]").count() == 1
    assert page.locator("[data-testid=segment-beds]").inner_text().startswith("0, 0")
    process = page.locator("[data-testid=process] tbody tr")
    assert process.count() == 4
    # The JW306 return Open Jeugd sent while taking the JW305: on time, 100 %.
    assert process.nth(0).locator("td").nth(0).inner_text() == "1"
    assert process.nth(0).locator("td").nth(4).inner_text() == "100,0 %"
    # The report links carry the period; the session downloads the PDF and the workbook.
    for kind, magic in (("pdf", b"%PDF"), ("xlsx", b"PK")):
        link = page.locator(f"[data-testid=report-links] a[href*='report.{kind}']")
        assert "van=2026-01-01" in link.get_attribute("href")
        download = page.request.get(base + link.get_attribute("href"))
        assert download.status == 200 and download.body().startswith(magic)
    assert page.csp_violations == []
    assert [url for url in page.loaded if not url.startswith((base, "data:"))] == []
