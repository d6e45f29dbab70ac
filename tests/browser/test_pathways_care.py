"""The care pathway in a real browser, in Dutch, for two seed regions configured by their
presets (issue #10):

- G7 (RET and mobile brigade): request for help → triage → a placement refused without a
  verklarende analyse (the rule named) → referral → RET registration with verklarende analyse,
  perspectiefplan and signaleringsplan → the RET chair decides and deploys the brigade →
  placement.
- Amsterdam (profiles × intensities, hoofdaannemer): the regisseur sets profile and intensity,
  an Acuut episode beyond 14 days is refused, the hoofdaannemer asks a switch with evidence
  and the regisseur approves it.
- A work list shows an overdue item, marked in words and counted.

Dates follow today's date (not pinned): the live server and Chromium must agree on the clock
for the session cookie. Every fixture writes before the browser starts (see `chromium`).
"""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.pathways.services import care, cases
from openjeugd.registry import care_relations
from openjeugd.registry.models import Facility, Provider, Youth
from openjeugd.registry.tests.factories import FacilityFactory

from .helpers import dutch_page, log_in, region_with, samples_provider, user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASE_URL = re.compile(r".*/pathways/cases/(\d+)/$")
CARE_URL = re.compile(r".*/pathways/cases/\d+/care/$")


def _youth(place):
    # 14 years old in 2026 (born 14 March 2012): placeable in a facility for 12–17.
    return Youth.objects.create(bsn=samples.BSN, birth_date=date(2012, 3, 14), geslacht="2",
                                surname="Berg", initials="S", municipality=place)


def save(page, lands_on):
    page.click("[data-testid=save-button]")
    page.wait_for_url(lands_on)


def refused(page) -> str:
    """Save, stay on the form (400), and return what the error messages say."""
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.click("[data-testid=save-button]")
    assert answer.value.status == 400
    page.wait_for_load_state()
    return " ".join(page.locator("[role=alert]").all_inner_texts())


# --- G7 ------------------------------------------------------------------------------------------

@pytest.fixture
def g7(transactional_db):
    region, nijmegen = region_with(name="Gelderland-Zuid (G7)", preset="g7")
    provider = samples_provider(region)
    facility = FacilityFactory(provider=provider, municipality=nijmegen, name="De Hoeve",
                               kind=Facility.Kind.JEUGDZORGPLUS, age_min=12, age_max=17)
    return {
        "youth": _youth(nijmegen), "facility": facility,
        "worker": user("toegang", role=Role.ACCESS_WORKER, region=region,
                       municipality=nijmegen),
        "chair": user("ret-voorzitter", role=Role.RET_CHAIR, region=region),
    }


def test_g7_request_triage_ret_decision_brigade_and_placement(g7, live_server, chromium):
    today = timezone.localdate().isoformat()
    worker = dutch_page(chromium)
    log_in(worker, live_server, "toegang")

    # Request for help at the local team: the youth is found by BSN.
    worker.goto(f"{live_server.url}/pathways/")
    worker.click("a[href='/pathways/cases/new/']")
    worker.fill("#id_bsn", samples.BSN)
    worker.select_option("#id_channel", "phone")
    worker.fill("#id_question", "Zorgen over veiligheid thuis")
    worker.fill("#id_safety", "Escalaties thuis")
    save(worker, CASE_URL)
    case_url = worker.url

    # Triage: urgency, speed, professional, outcome.
    worker.click("a[href*='/triage/']")
    worker.select_option("#id_urgency", "high")
    worker.select_option("#id_speed", "within_week")
    worker.select_option("#id_assigned_to", str(g7["worker"].pk))
    worker.check("input[name=outcomes][value=referral_care]")
    save(worker, case_url)
    assert "(" + today in worker.locator("[data-testid=triage]").inner_text()

    # No placement without a verklarende analyse: refused, the rule named.
    worker.click("[data-testid=care-link]")
    worker.wait_for_url(CARE_URL)
    care_url = worker.url
    worker.click("[data-testid=place]")
    worker.select_option("#id_facility", str(g7["facility"].pk))
    message = refused(worker)
    assert "verklarende analyse" in message and "000" in message
    worker.goto(care_url)
    assert worker.locator("[data-testid=placements] li[data-facility]").count() == 0

    # Referral to the RET by the huisarts, then the registration with its three documents.
    worker.goto(case_url)
    worker.click("a[href$='/referral/']")
    worker.select_option("#id_referrer_code", "02")
    worker.fill("#id_referrer_name", "Huisarts Jansen")
    worker.select_option("#id_target", "expert_team")
    save(worker, case_url)
    worker.click("a[href$='/registration/']")
    for prefix in ("va", "pp", "sp"):
        worker.fill(f"#id_{prefix}_dated", today)
        worker.fill(f"#id_{prefix}_author", "L. Team")
    worker.fill("#id_pp_goal", "Veilig thuis blijven wonen")
    save(worker, case_url)
    assert worker.locator("[data-testid=documents] li").count() == 3
    assert worker.locator("[data-testid=registration]").count() == 1

    # The RET chair (who now sees the youth) decides and deploys the mobile brigade.
    chair = dutch_page(chromium)
    log_in(chair, live_server, "ret-voorzitter")
    chair.goto(case_url)
    chair.click("a[href*='/decision/']")
    chair.check("input[name=task_areas][value=residential]")
    for key in ("understood", "safety", "at_home", "network", "one_placement", "perspective"):
        chair.check(f"input[name=framework_{key}][value=yes]")
    chair.fill("#id_decision", "Plaatsing in De Hoeve, brigade ondersteunt")
    save(chair, case_url)
    assert "De Hoeve" in chair.locator("[data-testid=decision]").inner_text()
    chair.click("a[href$='/brigade/']")
    chair.fill("#id_question", "Eén gedeelde werkhypothese")
    save(chair, case_url)
    assert chair.locator("[data-testid=deployment]").count() == 1

    # Now the placement is accepted.
    worker.goto(care_url)
    worker.click("[data-testid=place]")
    worker.select_option("#id_facility", str(g7["facility"].pk))
    save(worker, care_url)
    placed = worker.locator(f"[data-testid=placements] li[data-facility='{g7['facility'].pk}']")
    assert placed.get_attribute("data-current") == "yes"
    assert "De Hoeve" in placed.inner_text()


# --- Amsterdam -----------------------------------------------------------------------------------

@pytest.fixture
def amsterdam(transactional_db):
    region, place = region_with("0363", "Amsterdam", name="Amsterdam-Amstelland",
                                province="Noord-Holland", preset="amsterdam")
    provider = Provider.objects.create(name="Samen Sterk Amsterdam", agb_code="87654321")
    provider.regions.add(region)
    youth = _youth(place)
    worker = user("regisseur", role=Role.ACCESS_WORKER, region=region, municipality=place)
    user("hoofdaannemer", role=Role.PROVIDER_STAFF, region=region, provider=provider)
    case = cases.open_case(worker, youth_id=youth.pk,
                           opened_on=timezone.localdate() - timedelta(days=30))
    # The hoofdaannemer holds the toewijzing, so its staff see the youth as a current client.
    care_relations.keep(youth=youth, provider=provider, kind="toewijzing",
                        source="browser-test:toewijzing", valid_from=case.opened_on,
                        valid_to=None)
    return {"case": case, "provider": provider}


def test_amsterdam_profile_acuut_and_switch_approved(amsterdam, live_server, chromium):
    today = timezone.localdate()
    care_url = f"{live_server.url}/pathways/cases/{amsterdam['case'].pk}/care/"
    regisseur = dutch_page(chromium)
    log_in(regisseur, live_server, "regisseur")

    # One profile × intensity for the family, held by the hoofdaannemer.
    regisseur.goto(care_url)
    regisseur.click("[data-testid=profile]")
    regisseur.select_option("#id_profile", "4")
    regisseur.select_option("#id_intensity", "intensief")
    regisseur.select_option("#id_hoofdaannemer", str(amsterdam["provider"].pk))
    regisseur.fill("#id_valid_from", (today - timedelta(days=20)).isoformat())
    save(regisseur, care_url)
    assert regisseur.locator("[data-testid=profiles] li[data-current=yes]").get_attribute(
        "data-profile") == "4"

    # An Acuut episode of 15 days (both ends counted) is refused: at most 14 (seed 004).
    regisseur.click("[data-testid=crisis]")
    first = today - timedelta(days=16)
    regisseur.fill("#id_reported_at", datetime.combine(first, time(9, 30)).strftime(
        "%Y-%m-%dT%H:%M"))
    regisseur.fill("#id_acuut_from", first.isoformat())
    regisseur.fill("#id_acuut_to", (first + timedelta(days=14)).isoformat())
    message = refused(regisseur)
    assert "14" in message and "15" in message and "004" in message
    regisseur.goto(care_url)
    assert regisseur.locator("[data-testid=crises] li").inner_text() == "–"

    # The hoofdaannemer asks a switch, with its evidence.
    provider = dutch_page(chromium)
    log_in(provider, live_server, "hoofdaannemer")
    provider.goto(care_url)
    provider.click("[data-testid=switch-request]")
    provider.select_option("#id_profile", "6")
    provider.select_option("#id_intensity", "intensief")
    provider.fill("#id_evidence", "Gedragsmeting 3 weken: zwaardere ondersteuning nodig")
    save(provider, care_url)
    assert provider.locator("[data-testid=switch-status]").get_attribute(
        "data-status") == "requested"
    assert provider.locator("[data-testid=switch-decide]").count() == 0  # not theirs

    # The regisseur approves: the new combination holds from today, the old one ended.
    regisseur.goto(care_url)
    regisseur.click("[data-testid=switch-decide]")
    regisseur.check("input[name=approve][value=approve]")
    save(regisseur, care_url)
    assert regisseur.locator("[data-testid=switch-status]").get_attribute(
        "data-status") == "approved"
    current = regisseur.locator("[data-testid=profiles] li[data-current=yes]")
    assert current.count() == 1 and current.get_attribute("data-profile") == "6"
    assert regisseur.locator("[data-testid=profiles] li[data-current=no]").get_attribute(
        "data-profile") == "4"


# --- work list -----------------------------------------------------------------------------------

@pytest.fixture
def overdue_crisis(g7):
    case = cases.open_case(g7["worker"], youth_id=g7["youth"].pk,
                           opened_on=timezone.localdate() - timedelta(days=5))
    reported = timezone.now() - timedelta(days=3)
    # Reported three days ago, no intervention yet: the 24-hour item is overdue. The Acuut
    # period runs on (its perspectiefplan item is due later: on time).
    care.record_crisis(g7["worker"], case=case, reported_at=reported,
                       acuut_from=timezone.localdate() - timedelta(days=3),
                       acuut_to=timezone.localdate() + timedelta(days=5))
    return case


def test_work_list_shows_the_overdue_item(overdue_crisis, live_server, chromium):
    page = dutch_page(chromium)
    log_in(page, live_server, "toegang")
    page.goto(f"{live_server.url}/pathways/")
    assert re.match(r"^1\b", page.locator("[data-testid=overdue-count]").inner_text())
    late = page.locator("[data-testid=work-list] tr.oj-row--overdue")
    assert late.count() == 1 and late.get_attribute("data-kind") == "crisis"
    # Not by colour alone: the row says it in words.
    assert late.locator("strong.oj-badge--overdue").inner_text().strip()
    on_time = page.locator("[data-testid=work-list] tr[data-kind=acuut]")
    assert on_time.count() == 1 and on_time.locator("strong").count() == 0
