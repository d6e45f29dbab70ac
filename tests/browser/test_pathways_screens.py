"""The care pathway in a real browser (Dutch UI), G7 variant: the local team takes a request
for help, triages it, refers and registers with the RET (with the three documents); the RET
chair, who sees the case only now, decides with the assessment framework and deploys the mobile
brigade, which lands on the chair's work list; the local team sends the toewijzing (JW301) from
the case.

Dates follow today's date (not pinned): the live server and Chromium must agree on the clock.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.registry.models import Youth

from .helpers import PASSWORD, nijmegen_world, user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db):
    """Built before the browser starts: see the `chromium` fixture."""
    region, nijmegen, provider = nijmegen_world(preset="g7")
    Youth.objects.create(bsn=samples.BSN, birth_date=timezone.localdate().replace(year=2012),
                         geslacht="2", surname="Berg", initials="S", municipality=nijmegen)
    return {
        "worker": user("toegang", first_name="Tess", last_name="Toegang",
                        role=Role.ACCESS_WORKER, region=region, municipality=nijmegen),
        "chair": user("ret", role=Role.RET_CHAIR, region=region),
        "provider": provider,
    }


def log_in(chromium, live_server, username):
    context = chromium.new_context(locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def save(page):
    page.click("[data-testid=save-button]")
    page.wait_for_url(re.compile(r".*/pathways/cases/\d+/$"))


def test_g7_request_to_brigade_and_jw301(world, live_server, chromium):
    today = timezone.localdate().isoformat()
    worker = log_in(chromium, live_server, "toegang")
    worker.click("text=Werklijst")
    worker.click("text=Nieuwe hulpvraag")
    worker.fill("#id_bsn", samples.BSN)
    worker.select_option("#id_channel", "phone")
    worker.fill("#id_question", "Zorgen om thuis en school")
    worker.fill("#id_school_work", "Verzuimt al weken")
    save(worker)
    case_url = worker.url
    assert "Verzuimt al weken" in worker.get_by_test_id("request").inner_text()

    worker.click("text=Triage uitvoeren")
    worker.select_option("#id_urgency", "high")
    worker.select_option("#id_speed", "within_week")
    worker.select_option("#id_assigned_to", label="Tess Toegang")
    worker.check("input[name=outcomes][value=slt_help]")
    worker.check("input[name=outcomes][value=referral_care]")
    save(worker)
    assert "hoog, binnen een week, Tess Toegang" in worker.get_by_test_id("triage").inner_text()

    worker.click("text=Verwijzing")
    worker.select_option("#id_referrer_code", "02")
    worker.fill("#id_referrer_name", "Huisarts Jansen")
    worker.select_option("#id_target", "expert_team")
    save(worker)

    worker.click("text=Aanmelden bij het RET")
    # Without the documents the rule is shown on the form and nothing is registered.
    worker.click("[data-testid=save-button]")
    assert "verklarende analyse" in worker.get_by_test_id("form-errors").inner_text()
    for prefix in ("va", "pp", "sp"):
        worker.fill(f"#id_{prefix}_dated", today)
        worker.fill(f"#id_{prefix}_author", "Tess Toegang")
    worker.fill("#id_pp_goal", "Thuis blijven wonen en naar school gaan")
    save(worker)
    assert worker.get_by_test_id("registration").count() == 1

    chair = log_in(chromium, live_server, "ret")
    chair.goto(case_url)
    chair.click("text=Besluiten")
    for criterion in ("understood", "safety", "at_home", "network", "one_placement",
                      "perspective"):
        chair.check(f"input[name=framework_{criterion}][value=yes]")
    chair.check("input[name=task_areas][value=jggz]")
    chair.fill("#id_decision", "Ambulant, met de mobiele brigade")
    save(chair)
    assert "Ambulant" in chair.get_by_test_id("decision").inner_text()
    chair.click("text=Mobiele brigade inzetten")
    chair.fill("#id_question", "Eén werkhypothese maken")
    save(chair)
    assert "uiterlijk beschikbaar op" in chair.get_by_test_id("deployment").inner_text()
    chair.click("text=Werklijst")
    assert chair.locator("[data-testid=work-list] tr[data-kind=brigade]").count() == 1

    worker.goto(case_url)
    worker.click("text=Besluit en toewijzing (JW301)")
    worker.select_option("#id_provider", str(world["provider"].pk))
    worker.select_option("#id_categorie", "45")
    worker.fill("#id_code", "45A48")
    worker.fill("#id_ingangsdatum", today)
    worker.fill("#id_einddatum", (timezone.localdate() + timedelta(days=300)).isoformat())
    worker.fill("#id_volume", "4")
    worker.select_option("#id_eenheid", "04")
    worker.select_option("#id_frequentie", "2")
    worker.click("[data-testid=preview-button]")
    worker.wait_for_selector("[data-testid=checks-ok]")
    worker.click("[data-testid=confirm-button]")
    worker.wait_for_url(re.compile(r".*/ijw/messages/\d+/$"))
    worker.goto(case_url)
    assert "JW301" in worker.get_by_test_id("beschikkingen").inner_text()
