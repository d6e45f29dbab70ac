"""The iJw screens in a real browser, in Dutch: the region overview draws its bars (SVG
numbers are never written with a decimal comma), and the main flow — an access worker
assigns (JW301), the provider starts (JW305) and declares (JW323), the municipality sees the
declaration answer (JW325) — works from the screens alone.

Dates follow today's date (not pinned): the live server and Chromium must agree on the clock
for the session cookie.
"""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from openjeugd.accounts.roles import Role
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.services.ingest import ingest
from openjeugd.registry.models import Youth

from .helpers import dutch_page, log_in, nijmegen_world, user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db):
    """Built before the browser starts: see the `chromium` fixture."""
    region, nijmegen, provider = nijmegen_world()
    youth = Youth.objects.create(bsn=samples.BSN, birth_date=date(2012, 3, 14), geslacht="2",
                                 surname="Berg", initials="S", municipality=nijmegen)
    return {
        "youth": youth, "provider": provider,
        "worker": user("toegang", role=Role.ACCESS_WORKER, region=region,
                       municipality=nijmegen),
        "staff": user("linde", role=Role.PROVIDER_STAFF, region=region, provider=provider),
        "advisor": user("beleid", role=Role.POLICY_ADVISOR, region=region),
    }


def check_and_send(page):
    """Check the message, see that it passes, send it; lands on the message's page."""
    page.click("[data-testid=preview-button]")
    page.wait_for_selector("[data-testid=checks-ok]")
    assert page.locator("[data-testid=summary]").inner_text()
    page.click("[data-testid=confirm-button]")
    page.wait_for_url(re.compile(r".*/ijw/messages/\d+/$"))


@pytest.fixture
def traffic(world):
    """A request and a start without toewijzing (rejected), each answered: one month of
    four messages, so a bar with fractional coordinates ("2.0", 636 px wide)."""
    ingest(codec.serialize(samples.sample_jw315(dagtekening=timezone.localdate())))
    ingest(codec.serialize(samples.sample_jw305(dagtekening=timezone.localdate())))


def test_overview_bars_are_drawn_in_dutch(traffic, live_server, chromium):
    page = dutch_page(chromium)
    log_in(page, live_server, "beleid")
    page.goto(f"{live_server.url}/monitoring/overview/")  # moved from ijw (#11)
    bars = page.locator("svg.oj-chart rect")
    assert bars.count() >= 1
    for index in range(bars.count()):
        bar = bars.nth(index)
        for name in ("x", "y", "width", "height"):
            value = bar.get_attribute(name)
            assert re.fullmatch(r"-?\d+(\.\d+)?", value), f"{name}={value!r}"
        box = bar.bounding_box()
        assert box is not None and box["height"] > 0 and box["width"] > 0
        assert bar.is_visible()


def test_assign_start_declare_and_see_the_answer_in_dutch(world, live_server, chromium):
    youth = world["youth"]
    today = timezone.localdate()
    first_of_last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    timeline = f"{live_server.url}/ijw/youths/{youth.pk}/"

    # The municipality's access worker assigns 4 hours a week.
    page = dutch_page(chromium)
    log_in(page, live_server, "toegang")
    page.goto(timeline)
    page.click("[data-testid=assign]")
    page.select_option("#id_provider", str(world["provider"].pk))
    page.select_option("#id_categorie", "45")
    page.fill("#id_code", "45A48")
    page.fill("#id_ingangsdatum", first_of_last_month.isoformat())
    page.fill("#id_einddatum", (today + timedelta(days=300)).isoformat())
    page.fill("#id_volume", "4")
    page.select_option("#id_eenheid", "04")
    page.select_option("#id_frequentie", "2")
    check_and_send(page)
    assert "JW301" in page.locator("h1").inner_text()
    page.context.close()

    # The provider starts care on the first day and declares last month.
    page = dutch_page(chromium)
    log_in(page, live_server, "linde")
    page.goto(timeline)
    page.click("[data-testid=start]")
    page.fill("#id_begindatum", first_of_last_month.isoformat())
    check_and_send(page)
    assert "JW305" in page.locator("h1").inner_text()
    page.goto(timeline)
    page.click("[data-testid=declare]")
    page.fill("#id_maand", first_of_last_month.strftime("%Y-%m"))
    page.fill("#id_referentie", "BROWSER-1")
    page.fill("#id_volume", "4")
    page.fill("#id_tarief", "85.50")
    check_and_send(page)
    assert "JW323" in page.locator("h1").inner_text()
    # 4 hours × € 85.50 = € 342.00, in Dutch notation.
    assert "€ 342,00" in page.get_by_test_id("content").inner_text()
    page.context.close()

    # The municipality sees its answer to the declaration in its outbox, and opens it.
    page = dutch_page(chromium)
    log_in(page, live_server, "toegang")
    page.goto(f"{live_server.url}/ijw/outbox/")
    answer = page.locator("[data-testid=messages] a", has_text="JW325")
    assert answer.count() == 1
    answer.click()
    page.wait_for_url(re.compile(r".*/ijw/messages/\d+/$"))
    assert "JW325" in page.locator("h1").inner_text()
    assert "€ 342,00" in page.get_by_test_id("content").inner_text()
    page.context.close()
