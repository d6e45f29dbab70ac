"""The contract manager's screens in a real browser, in Dutch: the ceiling overview shows
budget, committed, spent and forecast with a chart drawn from a data: image in the page, a
figure drills down to its counts, a tariff is created through the form and an overlapping one
is refused on its field naming the rule, and the Excel export downloads with the screen's
figures.

Dates follow today's date (not pinned): the live server and Chromium must agree on the clock
for the session cookie. The expected figures are the selector's, computed before the browser
starts; their hand-computed values are tested in openjeugd/contracts/tests/screens.
"""

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from openpyxl import load_workbook

from openjeugd.accounts.roles import Role
from openjeugd.contracts import selectors_screens, services
from openjeugd.contracts.models import Ceiling, Contract, FundingModel, Product
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message
from openjeugd.ijw.services.ingest import ingest

from .helpers import PASSWORD, nijmegen_world, user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COLUMNS = ("budget", "committed", "spent", "forecast")


def _accepted(message):
    outcome = ingest(codec.serialize(message))
    refused = (Message.Status.RECEIVED, Message.Status.REJECTED, Message.Status.PARTLY_GRANTED)
    assert outcome.message.status not in refused, [
        f.text for f in outcome.message.findings.all()]
    return outcome


def _care(today: date) -> None:
    """4 hours a week of 45A48 from the first of two months ago; last month declared (16 h x
    EUR 85.50 = EUR 1,368.00)."""
    last_month_end = today.replace(day=1) - timedelta(days=1)
    last_month = last_month_end.replace(day=1)
    start = (last_month - timedelta(days=1)).replace(day=1)
    _accepted(samples.sample_jw301(dagtekening=start, ingangsdatum=start,
                                   einddatum=date(today.year, 12, 31)))
    _accepted(samples.sample_jw323(
        dagtekening=today, periode=(last_month, last_month_end),
        prestaties=[samples.sample_prestatie(begindatum=last_month, einddatum=last_month_end)]))


@pytest.fixture
def world(transactional_db):
    """Built before the browser starts: see the `chromium` fixture."""
    today = timezone.localdate()
    region, _nijmegen, provider = nijmegen_world()
    product = Product.objects.create(
        region=region, product_categorie="45", product_code="45A48", name="Ambulant",
        eenheid="04", uitvoeringsvariant="inspanningsgericht", funding_model=FundingModel.PXQ)
    contract = services.create_contract(
        region=region, reference="RvN-01", name="Jeugdhulp", procedure="open_house",
        start_date=date(today.year - 1, 1, 1), initial_end_date=date(today.year + 3, 12, 31),
        status=Contract.Status.ACTIVE)
    services.award_contract(contract=contract, provider=provider,
                            start_date=date(today.year - 1, 1, 1))
    services.set_tariff(contract=contract, product=product, amount=Decimal("85.50"),
                        valid_from=date(today.year - 1, 1, 1))
    _care(today)
    services.set_ceiling(region=region, year=today.year, level=Ceiling.Level.REGION,
                         amount=Decimal("250000.00"))
    user("contractbeheer", role=Role.CONTRACT_MANAGER, region=region)
    row = selectors_screens.ceiling_overview(region, today.year).rows[0]
    with translation.override("nl"):
        shown = {c: f"€ {floatformat(getattr(row, c), '2g')}" for c in COLUMNS}
    return {"contract": contract, "row": row, "shown": shown, "year": today.year,
            "provider": provider, "product": product}


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="nl-NL", accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.csp_violations = []
    page.on("console", lambda m: page.csp_violations.append(m.text)
            if "Content Security Policy" in m.text or "Refused to" in m.text else None)
    yield page
    context.close()


def test_contract_manager_reads_drills_down_sets_a_tariff_and_exports(world, live_server,
                                                                      page):
    base, row = live_server.url, world["row"]
    assert row.spent == Decimal("1368.00") and row.committed > 0  # the figures are real

    page.goto(f"{base}/login/")
    page.fill("#id_username", "contractbeheer")
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert page.locator("html").get_attribute("lang") == "nl"

    # The ceiling overview from the main menu: the four figures, and the chart drawn.
    page.click("nav a[href='/contracts/ceilings/']")
    table = page.get_by_test_id("ceilings-region")
    for column, text in world["shown"].items():
        assert table.locator(f"[data-column={column}]").inner_text() == text, column
    chart = page.get_by_test_id("chart-region")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart
                           .element_handle())
    assert chart.get_attribute("src").startswith("data:image/svg+xml;base64,")

    # Drill down from "spent": a contract manager sees the counts, no youth.
    table.locator("[data-column=spent] a").click()
    assert page.get_by_test_id("line-count").inner_text() == "1"
    assert page.get_by_test_id("toewijzing-count").inner_text() == "1"
    assert page.get_by_test_id("counts-only").is_visible()

    # A provider's own tariff from next year, through the form; then one overlapping it.
    contract = world["contract"]
    next_year = world["year"] + 1
    for amount in ("88.00", "89.00"):
        page.goto(f"{base}/contracts/{contract.pk}/")
        page.click("[data-testid=tariff-create]")
        page.select_option("#id_product", str(world["product"].pk))
        page.select_option("#id_provider", str(world["provider"].pk))
        page.fill("#id_amount", amount)
        page.fill("#id_valid_from", f"{next_year}-01-01")
        page.click("form.utrecht-form button[type=submit]")
    # The second is refused on "valid from", naming the clashing period and the rule.
    error = page.locator("#id_valid_from ~ [role=alert]")
    assert error.count() == 1
    message = error.inner_text()
    assert f"{next_year}-01-01" in message and contract.reference in message
    page.goto(f"{base}/contracts/{contract.pk}/")
    tariffs = page.get_by_test_id("tariffs-4545A48").inner_text()
    assert "€ 88,00" in tariffs and "€ 89,00" not in tariffs

    # The Excel export: the screen's figures in its cells.
    page.goto(f"{base}/contracts/ceilings/")
    with page.expect_download() as download_info:
        page.click("[data-testid=export-xlsx]")
    download = download_info.value
    assert download.suggested_filename == f"plafonds-{world['year']}.xlsx"
    sheet = load_workbook(BytesIO(open(download.path(), "rb").read())).active
    cells = [Decimal(str(cell.value)).quantize(Decimal("0.01")) for cell in sheet[3][2:6]]
    assert cells == list(row.amounts())
    assert page.csp_violations == []
