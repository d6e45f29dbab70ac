"""The screens of steps 6–11 through the real views: each rule's outcome on the form (400, the
rule named, nothing written) and the accepted path. Today is pinned to 15 June 2026 (conftest);
the youth was born 14 March 2012 (14 years old)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from openjeugd.pathways.models import (
    CrisisEpisode,
    ExpertTeamRegistration,
    Hypermaatwerk,
    Measurement,
    Move,
    OneOnOneSupport,
    OutflowPlan,
    Placement,
    ProfileSwitchRequest,
    RegieRole,
    SupportProfile,
)
from openjeugd.pathways.services import care, config, expert_team, profile
from openjeugd.registry import care_relations

from .conftest import documents

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client
    return sign_in


def errors(response) -> str:
    form = response.context["form"]
    return " ".join([*form.non_field_errors(), *(str(e) for e in form.errors.values())])


# --- step 6 ------------------------------------------------------------------------------------

def test_placement_without_verklarende_analyse_is_refused_naming_the_rule(
        signed_in, people, case, essential_facility):
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:placement", args=[case.pk]), {
        "facility": essential_facility.pk, "started_on": "2026-06-10"})
    assert response.status_code == 400
    assert "No placement without a verklarende analyse (seed 000)" in str(
        response.context["form"].errors["facility"])
    assert not Placement.objects.exists()


def test_placement_then_moves_voluntary_and_involuntary(
        signed_in, people, case, essential_facility, family_home):
    documents(people["worker"], case)
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:placement", args=[case.pk]), {
        "facility": essential_facility.pk, "started_on": "2026-06-03",
        "planned_end_on": "2027-06-03"})
    assert response.status_code == 302
    assert response["Location"] == reverse("pathways:care", args=[case.pk])
    url = reverse("pathways:move", args=[case.pk])
    # Voluntary or not is an explicit answer, never assumed.
    base = {"facility": family_home.pk, "moved_on": "2026-06-10", "reason": "Passender"}
    assert client.post(url, base).status_code == 400
    # Without a reason: the service's rule.
    response = client.post(url, {**base, "reason": "", "voluntary": "no"})
    assert response.status_code == 400 and "reason of the move" in errors(response)
    assert client.post(url, {**base, "voluntary": "no"}).status_code == 302
    moved = Move.objects.get()
    assert (moved.voluntary, moved.to_placement.facility) == (False, family_home)
    assert Placement.objects.filter(ended_on=None).get().facility == family_home
    page = client.get(reverse("pathways:care", args=[case.pk])).content.decode()
    assert "<strong>involuntary</strong>" in page


def test_one_on_one_before_the_placement_is_refused(signed_in, people, case, family_home):
    documents(people["worker"], case)
    placement = care.place(people["worker"], case=case, facility=family_home,
                           started_on=date(2026, 6, 5))
    client = signed_in(people["worker"])
    url = reverse("pathways:one-on-one", args=[placement.pk])
    response = client.post(url, {"started_on": "2026-06-04", "reason": "Onrust op de groep"})
    assert response.status_code == 400
    assert "cannot start before the placement" in errors(response)
    response = client.post(url, {"started_on": "2026-06-06", "reason": ""})
    assert response.status_code == 400 and "Record why" in errors(response)
    assert client.post(url, {"started_on": "2026-06-06",
                             "reason": "Onrust op de groep"}).status_code == 302
    assert OneOnOneSupport.objects.get().placement == placement


def test_end_placement_before_its_start_is_refused(signed_in, people, case, family_home):
    documents(people["worker"], case)
    placement = care.place(people["worker"], case=case, facility=family_home,
                           started_on=date(2026, 6, 5))
    client = signed_in(people["worker"])
    url = reverse("pathways:placement-end", args=[placement.pk])
    response = client.post(url, {"ended_on": "2026-06-04"})
    assert response.status_code == 400 and "stop cannot come before the start" in errors(
        response)
    assert client.post(url, {"ended_on": "2026-06-12"}).status_code == 302
    placement.refresh_from_db()
    assert placement.ended_on == date(2026, 6, 12)


def test_hypermaatwerk_only_after_the_expert_team_decided_and_justified(
        signed_in, people, registered):
    case = registered.case
    client = signed_in(people["worker"])
    url = reverse("pathways:hypermaatwerk", args=[case.pk])
    data = {"decided_on": "2026-06-12", "justification": "Geen passende plek in de regio",
            "alternatives_tried": "Gezinshuis, driemilieu"}
    response = client.post(url, data)
    assert response.status_code == 400 and "last resort" in errors(response)
    expert_team.decide(people["chair"], registration=registered, version=registered.version,
                       decided_on=date(2026, 6, 10), task_areas=["jggz"],
                       decision="Hypermaatwerk",
                       framework={key: "yes" for key in (
                           "understood", "safety", "at_home", "network", "one_placement",
                           "perspective")})
    response = client.post(url, {**data, "justification": ""})
    assert response.status_code == 400 and "justification" in errors(response)
    assert client.post(url, data).status_code == 302
    assert Hypermaatwerk.objects.get().alternatives_tried == "Gezinshuis, driemilieu"


# --- step 7 ------------------------------------------------------------------------------------

def test_acuut_beyond_14_days_is_refused_and_intervention_closes_the_24h_item(
        signed_in, people, case):
    client = signed_in(people["worker"])
    url = reverse("pathways:crisis", args=[case.pk])
    data = {"reported_at": "2026-06-13T22:30", "acuut_from": "2026-06-13",
            # 13 June up to and including 27 June: 15 days.
            "acuut_to": "2026-06-27", "spoedhulp": "before"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "at most 14 days (seed 004); this one lasts 15" in str(
        response.context["form"].errors["acuut_to"])
    assert not CrisisEpisode.objects.exists()
    assert client.post(url, {**data, "acuut_to": "2026-06-26"}).status_code == 302
    episode = CrisisEpisode.objects.get()
    # Reported 13 June 22:30: the intervention was due 14 June 22:30; today (15 June) it is late.
    page = client.get(reverse("pathways:work-list"))
    crisis_items = [i for i in page.context["items"] if i.kind == "crisis"]
    assert [(i.due, i.overdue) for i in crisis_items] == [(date(2026, 6, 14), True)]
    url = reverse("pathways:intervention", args=[episode.pk])
    response = client.post(url, {"intervened_at": "2026-06-13T21:00"})
    assert response.status_code == 400 and "before the report" in errors(response)
    assert client.post(url, {"intervened_at": "2026-06-14T09:15"}).status_code == 302
    episode.refresh_from_db()
    assert episode.intervened_at == datetime(2026, 6, 14, 9, 15, tzinfo=AMS)
    page = client.get(reverse("pathways:work-list"))
    assert not [i for i in page.context["items"] if i.kind == "crisis"]


# --- step 8 ------------------------------------------------------------------------------------

@pytest.fixture
def amsterdam(case, region, provider, youth):
    config.apply_preset(region=region, preset="amsterdam")
    # The hoofdaannemer holds the toewijzing: its staff see the youth as a current client.
    care_relations.keep(youth=youth, provider=provider, kind="toewijzing", source="test:1",
                        valid_from=date(2026, 6, 1), valid_to=None)
    return case


def test_profile_switch_requested_by_the_hoofdaannemer_and_approved(
        signed_in, people, amsterdam, provider):
    case = amsterdam
    client = signed_in(people["worker"])
    url = reverse("pathways:profile", args=[case.pk])
    data = {"profile": "4", "intensity": "intensief", "hoofdaannemer": provider.pk,
            "valid_from": "2026-06-01"}
    assert client.post(url, data).status_code == 302
    # One profile per family: a second without the regisseur's consent is refused.
    response = client.post(url, {**data, "profile": "5"})
    assert response.status_code == 400 and "One profile per family (seed 004)" in errors(
        response)
    current = SupportProfile.objects.get()
    # The regisseur (access worker) cannot ask the switch: that is the hoofdaannemer's.
    switch_url = reverse("pathways:switch-request", args=[current.pk])
    assert client.get(switch_url).status_code == 403
    staff = signed_in(people["staff"])
    care_page = staff.get(reverse("pathways:care", args=[case.pk])).content.decode()
    assert switch_url in care_page
    response = staff.post(switch_url, {"requested_on": "2026-06-10", "profile": "6",
                                       "intensity": "intensief", "evidence": ""})
    assert response.status_code == 400 and "evidence for a switch (seed 004)" in errors(
        response)
    assert staff.post(switch_url, {"requested_on": "2026-06-10", "profile": "6",
                                   "intensity": "intensief",
                                   "evidence": "ROM-meting 3 juni"}).status_code == 302
    switch = ProfileSwitchRequest.objects.get()
    regisseur = signed_in(people["worker"])
    decide_url = reverse("pathways:switch-decision", args=[switch.pk])
    response = regisseur.post(decide_url, {"approve": "refuse", "decided_on": "2026-06-12"})
    assert response.status_code == 400 and "reason of a refusal" in errors(response)
    assert regisseur.post(decide_url, {"approve": "approve",
                                       "decided_on": "2026-06-12"}).status_code == 302
    old, new = SupportProfile.objects.order_by("valid_from")
    # Approved on 12 June: the old profile ends on 11 June, the new one starts on 12 June.
    assert (old.valid_to, new.profile, new.valid_from) == (date(2026, 6, 11), 6,
                                                           date(2026, 6, 12))
    log = list(case.events.filter(kind="profile_switch").values_list("text", flat=True))
    assert len(log) == 2 and "approved by the regisseur" in log[1]


def test_acuut_profile_beyond_14_days_is_refused(signed_in, people, amsterdam, provider):
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:profile", args=[amsterdam.pk]), {
        "profile": "7", "intensity": "acuut", "hoofdaannemer": provider.pk,
        # 1 June up to and including 15 June: 15 days.
        "valid_from": "2026-06-01", "valid_to": "2026-06-15"})
    assert response.status_code == 400
    assert "Acuut lasts at most 14 days (seed 004)" in str(
        response.context["form"].errors["valid_to"])
    assert not SupportProfile.objects.exists()


def test_switch_decision_of_a_foreign_case_is_404(signed_in, people, amsterdam, provider):
    current = profile.assign_profile(people["worker"], case=amsterdam, profile=4,
                                     intensity="intensief", hoofdaannemer=provider,
                                     valid_from=date(2026, 6, 1))
    switch = profile.request_switch(people["staff"], current=current,
                                    requested_on=date(2026, 6, 10), profile=5,
                                    intensity="intensief", evidence="ROM")
    client = signed_in(people["elsewhere"])
    assert client.get(reverse("pathways:switch-decision", args=[switch.pk])).status_code == 404


# --- step 9 ------------------------------------------------------------------------------------

def test_regie_hand_over_is_chained_and_the_brigade_never_takes_regie(signed_in, people, case):
    client = signed_in(people["worker"])
    url = reverse("pathways:regie", args=[case.pk])
    data = {"kind": "casusregisseur", "phase": "request", "holder_name": "A. Toegang",
            "valid_from": "2026-06-01"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "holder_name": "B. Brigade",
                                 "holder": people["brigade"].pk, "valid_from": "2026-06-10"})
    assert response.status_code == 400 and "does not take over regie (seed 000)" in errors(
        response)
    response = client.post(url, {**data, "holder_name": "C. Eerder",
                                 "valid_from": "2026-05-30"})
    assert response.status_code == 400 and "hand-over cannot come before" in errors(response)
    assert client.post(url, {**data, "phase": "care", "holder_name": "D. Opvolger",
                             "valid_from": "2026-06-10"}).status_code == 302
    first, second = RegieRole.objects.order_by("valid_from")
    assert (first.valid_to, second.handed_over_from, second.valid_to) == (
        date(2026, 6, 10), first, None)
    page = client.get(reverse("pathways:care", args=[case.pk])).content.decode()
    assert "took over from A. Toegang" in page


# --- step 10 -----------------------------------------------------------------------------------

def test_outflow_plan_conflict_is_shown_not_overwritten(signed_in, people, case):
    client = signed_in(people["worker"])
    url = reverse("pathways:outflow", args=[case.pk])
    assert client.get(url).context["form"].initial["version"] == 1
    mine = {"version": 1, "planned_outflow_on": "2027-03-01", "toekomstplan_on": ""}
    theirs = {"version": 1, "planned_outflow_on": "2027-09-01"}
    assert client.post(url, mine).status_code == 302
    response = client.post(url, theirs)
    assert response.status_code == 400
    assert "Someone else saved this outflow plan" in errors(response)
    plan = OutflowPlan.objects.get()
    assert (plan.planned_outflow_on, plan.version) == (date(2027, 3, 1), 2)


def test_outflow_follow_up_needs_its_place(signed_in, people, case):
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:outflow", args=[case.pk]), {
        "version": 1, "follow_up_arranged_on": "2026-06-10"})
    assert response.status_code == 400 and "Name the follow-up place" in errors(response)


def test_no_follow_up_registers_with_the_expert_team_again(signed_in, people, case):
    documents(people["worker"], case)
    client = signed_in(people["worker"])
    response = client.post(reverse("pathways:outflow-registration", args=[case.pk]))
    assert response.status_code == 302
    registration = ExpertTeamRegistration.objects.get()
    assert registration.for_outflow and OutflowPlan.objects.get().new_registration == (
        registration)
    # A second time: already registered, the follow-up still missing, nothing more written.
    outflow = OutflowPlan.objects.get()
    outflow.follow_up_place, outflow.follow_up_arranged_on = "Kamertraining", date(2026, 6, 12)
    outflow.save()
    client.post(reverse("pathways:outflow-registration", args=[case.pk]))
    assert ExpertTeamRegistration.objects.count() == 1


def test_care_page_shows_the_age_terms(signed_in, people, case):
    page = signed_in(people["worker"]).get(reverse("pathways:care", args=[case.pk]))
    terms = page.context["terms"]
    # Born 14 March 2012: 16 on 14 March 2028; 18 on 14 March 2030, follow-up clear by
    # 14 December 2029 (three months earlier).
    assert (terms.toekomstplan_due, terms.eighteenth_birthday, terms.follow_up_before_18) == (
        date(2028, 3, 14), date(2030, 3, 14), date(2029, 12, 14))


# --- step 11 -----------------------------------------------------------------------------------

def test_measurement_rules(signed_in, people, case):
    client = signed_in(people["worker"])
    url = reverse("pathways:measurement", args=[case.pk])
    data = {"moment": "start", "informant": "ouder", "measured_on": "2026-06-10"}
    response = client.post(url, {**data, "tevredenheid": "11"})
    assert response.status_code == 400 and "report mark from 1 to 10 (CBS §4.3)" in errors(
        response)
    response = client.post(url, data)
    assert response.status_code == 400 and "satisfaction mark or a goal" in errors(response)
    assert client.post(url, {**data, "tevredenheid": "8", "doelrealisatie": "02"}
                       ).status_code == 302
    response = client.post(url, {**data, "tevredenheid": "7"})
    assert response.status_code == 400 and "already been measured" in errors(response)
    assert Measurement.objects.get().tevredenheid == 8


# --- access ------------------------------------------------------------------------------------

CASE_PAGES = ("care", "placement", "move", "hypermaatwerk", "crisis", "profile", "regie",
              "outflow", "measurement")


def test_foreign_municipality_gets_404_and_policy_403(signed_in, people, case):
    client = signed_in(people["elsewhere"])
    for name in CASE_PAGES:
        assert client.get(reverse(f"pathways:{name}", args=[case.pk])).status_code == 404, name
    client = signed_in(people["advisor"])
    for name in CASE_PAGES:
        assert client.get(reverse(f"pathways:{name}", args=[case.pk])).status_code == 403, name


def test_work_list_marks_overdue_in_words_and_counts(signed_in, people, case):
    care.record_crisis(people["worker"], case=case,
                       reported_at=datetime(2026, 6, 12, 10, 0, tzinfo=AMS),
                       acuut_from=date(2026, 6, 12), acuut_to=date(2026, 6, 20))
    page = signed_in(people["worker"]).get(reverse("pathways:work-list")).content.decode()
    # Crisis due 13 June (overdue) and Acuut without perspectiefplan due 20 June (on time).
    assert "1 item overdue" in page
    assert page.count(">overdue</strong>") == 1 and "on time" in page


def test_work_list_and_care_page_share_the_due_items_table(signed_in, people, case):
    # One include (pathways/_due_items.html) draws both tables: the same crisis row (reported
    # 12 June 10:00, intervention due 13 June: overdue on 15 June), the youth column only on
    # the work list, which spans several cases.
    care.record_crisis(people["worker"], case=case,
                       reported_at=datetime(2026, 6, 12, 10, 0, tzinfo=AMS),
                       acuut_from=date(2026, 6, 12), acuut_to=date(2026, 6, 20))
    client = signed_in(people["worker"])
    work = client.get(reverse("pathways:work-list")).content.decode()
    work_table = work.split('data-testid="work-list"', 1)[1].split("</table>", 1)[0]
    care_page = client.get(reverse("pathways:care", args=[case.pk])).content.decode()
    care_table = care_page.split('data-testid="care-due"', 1)[1].split("</table>", 1)[0]
    for table in (work_table, care_table):
        row = table.split('data-kind="crisis"', 1)[1].split("</tr>", 1)[0]
        assert "2026-06-13" in row and ">overdue</strong>" in row
    assert "Due and overdue items of your cases" in work_table and ">Youth<" in work_table
    assert reverse("pathways:case-detail", args=[case.pk]) in work_table
    assert "2 items due" in care_table and ">Youth<" not in care_table
