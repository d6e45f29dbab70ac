"""Each rule of the pathway refuses with a message naming it, and writes nothing."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from openjeugd.pathways.models import (
    BrigadeDeployment,
    Case,
    CrisisEpisode,
    ExpertTeamRegistration,
    Placement,
    SupportProfile,
)
from openjeugd.pathways.services import care, cases, config, expert_team, outflow, profile
from openjeugd.registry.models import Youth

from .conftest import documents

AMS = ZoneInfo("Europe/Amsterdam")


def refused(error: pytest.ExceptionInfo, field: str, words: str) -> bool:
    messages = " ".join(error.value.message_dict.get(field, []))
    return words in messages


def test_placement_without_verklarende_analyse_is_refused(case, people, family_home):
    with pytest.raises(ValidationError) as error:
        care.place(people["worker"], case=case, facility=family_home,
                   started_on=date(2026, 6, 10))
    assert refused(error, "facility", "No placement without a verklarende analyse (seed 000)")
    assert not Placement.objects.exists()


def test_placement_with_verklarende_analyse_is_accepted(case, people, family_home):
    documents(people["worker"], case)
    placement = care.place(people["worker"], case=case, facility=family_home,
                           started_on=date(2026, 6, 10))
    assert placement.case == case
    case.refresh_from_db()
    assert case.phase == Case.Phase.CARE


def test_verklarende_analyse_dated_after_the_placement_does_not_count(case, people,
                                                                      family_home):
    documents(people["worker"], case, on=date(2026, 6, 12))
    with pytest.raises(ValidationError):
        care.place(people["worker"], case=case, facility=family_home,
                   started_on=date(2026, 6, 10))


def test_registration_needs_the_three_documents(case, people):
    expert_team.add_document(people["worker"], case=case, kind="verklarende_analyse",
                             dated=date(2026, 6, 2), author="X")
    with pytest.raises(ValidationError) as error:
        expert_team.register(people["worker"], case=case, registered_on=date(2026, 6, 3))
    assert refused(error, "documents", "perspectiefplan")
    assert not ExpertTeamRegistration.objects.exists()


def test_perspectiefplan_needs_a_goal(case, people):
    with pytest.raises(ValidationError) as error:
        expert_team.add_document(people["worker"], case=case, kind="perspectiefplan",
                                 dated=date(2026, 6, 2), author="X", goal="  ")
    assert refused(error, "goal", "clear goal")


def test_acuut_episode_beyond_14_days_is_refused(case, people):
    # 1 to 15 June is 15 days, one too many.
    with pytest.raises(ValidationError) as error:
        care.record_crisis(people["worker"], case=case,
                           reported_at=datetime(2026, 6, 1, 9, tzinfo=AMS),
                           acuut_from=date(2026, 6, 1), acuut_to=date(2026, 6, 15))
    assert refused(error, "acuut_to", "at most 14 days (seed 004)")
    assert not CrisisEpisode.objects.exists()
    # 1 to 14 June is allowed.
    care.record_crisis(people["worker"], case=case, reported_at=datetime(2026, 6, 1, 9,
                                                                         tzinfo=AMS),
                       acuut_from=date(2026, 6, 1), acuut_to=date(2026, 6, 14))


def test_crisis_intervention_before_the_report_is_refused(case, people):
    with pytest.raises(ValidationError) as error:
        care.record_crisis(people["worker"], case=case,
                           reported_at=datetime(2026, 6, 2, 9, tzinfo=AMS),
                           intervened_at=datetime(2026, 6, 1, 9, tzinfo=AMS),
                           acuut_from=date(2026, 6, 2), acuut_to=date(2026, 6, 5))
    assert refused(error, "intervened_at", "before the report")


@pytest.fixture
def amsterdam_case(region, people, youth, provider):
    config.apply_preset(region=region, preset="amsterdam")
    case = cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))
    return case


def test_second_profile_without_consent_is_refused(amsterdam_case, people, provider):
    profile.assign_profile(people["worker"], case=amsterdam_case, profile=3,
                           intensity="intensief", hoofdaannemer=provider,
                           valid_from=date(2026, 6, 1))
    with pytest.raises(ValidationError) as error:
        profile.assign_profile(people["worker"], case=amsterdam_case, profile=5,
                               intensity="duurzaam", hoofdaannemer=provider,
                               valid_from=date(2026, 6, 5))
    assert refused(error, "stacking_consent_by", "One profile per family (seed 004)")
    assert SupportProfile.objects.count() == 1
    # With the regisseur's consent (seed 004 "mits afgestemd met de regisseur") it is allowed.
    profile.assign_profile(people["worker"], case=amsterdam_case, profile=5,
                           intensity="duurzaam", hoofdaannemer=provider,
                           valid_from=date(2026, 6, 5), stacking_consent_by="R. Regisseur")
    assert SupportProfile.objects.count() == 2


def test_acuut_profile_needs_an_end_within_14_days(amsterdam_case, people, provider):
    with pytest.raises(ValidationError) as error:
        profile.assign_profile(people["worker"], case=amsterdam_case, profile=2,
                               intensity="acuut", hoofdaannemer=provider,
                               valid_from=date(2026, 6, 1), valid_to=date(2026, 6, 20))
    assert refused(error, "valid_to", "at most 14 days")


def test_profile_outside_1_to_10_is_refused(amsterdam_case, people, provider):
    with pytest.raises(ValidationError) as error:
        profile.assign_profile(people["worker"], case=amsterdam_case, profile=11,
                               intensity="intensief", hoofdaannemer=provider,
                               valid_from=date(2026, 6, 1))
    assert refused(error, "profile", "1 to 10")


def test_profiles_need_the_profile_model(case, people, provider):
    # G7 works without profiles: configuration, not code branches.
    with pytest.raises(ValidationError) as error:
        profile.assign_profile(people["worker"], case=case, profile=3, intensity="intensief",
                               hoofdaannemer=provider, valid_from=date(2026, 6, 1))
    assert refused(error, "profile", "does not work with support profiles")


def test_new_youth_born_in_the_future_is_refused(g7, people):
    with pytest.raises(ValidationError) as error:
        cases.open_case(people["worker"], opened_on=date(2026, 6, 1),
                        new_youth={"bsn": "999990019", "birth_date": date(2026, 7, 1),
                                   "surname": "Toekomst"})
    assert refused(error, "birth_date", "cannot be in the future")
    assert not Youth.objects.filter(bsn="999990019").exists()


def test_stop_before_start_is_refused(case, people, family_home):
    documents(people["worker"], case)
    placement = care.place(people["worker"], case=case, facility=family_home,
                           started_on=date(2026, 6, 10))
    with pytest.raises(ValidationError) as error:
        care.end_placement(people["worker"], placement=placement, ended_on=date(2026, 6, 9))
    assert refused(error, "ended_on", "A stop cannot come before the start")


def test_one_open_case_per_youth(case, people, youth):
    with pytest.raises(ValidationError) as error:
        cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 2))
    assert refused(error, "youth", "one open case per youth")


def test_referral_needs_a_legal_referrer(case, people):
    # COD327 06 is "Zelfverwijzer / geen verwijzer".
    with pytest.raises(ValidationError) as error:
        cases.refer(people["worker"], case=case, referrer_code="06", referrer_name="-",
                    referred_on=date(2026, 6, 2), target="expert_team")
    assert refused(error, "referrer_code", "legal referrer")


def test_brigade_directly_only_for_youth_in_essential_residence(case, people, family_home,
                                                                 essential_facility):
    with pytest.raises(ValidationError) as error:
        care.deploy_brigade(people["worker"], case=case, deployed_on=date(2026, 6, 15),
                            question="Vastgelopen")
    assert refused(error, "case", "directly only for a youth already in essential residence")
    documents(people["worker"], case)
    # In a gezinshuis (not an essential function) still refused; in JeugdzorgPlus allowed.
    care.place(people["worker"], case=case, facility=family_home, started_on=date(2026, 6, 5))
    with pytest.raises(ValidationError):
        care.deploy_brigade(people["worker"], case=case, deployed_on=date(2026, 6, 15),
                            question="Vastgelopen")
    care.move(people["worker"], case=case, facility=essential_facility,
              moved_on=date(2026, 6, 8), voluntary=True, reason="Matched care")
    deployment = care.deploy_brigade(people["worker"], case=case,
                                     deployed_on=date(2026, 6, 15), question="Vastgelopen")
    # Monday 15 June 2026 + 3 working days = Thursday 18 June.
    assert (deployment.direct, deployment.available_by) == (True, date(2026, 6, 18))


def test_ret_chair_deploys_the_brigade_via_the_registration(registered, people):
    deployment = care.deploy_brigade(people["chair"], case=registered.case,
                                     deployed_on=date(2026, 6, 12), question="Expertise")
    # Friday 12 June: Mon 15, Tue 16, Wed 17.
    assert (deployment.direct, deployment.registration, deployment.available_by) == (
        False, registered, date(2026, 6, 17))


def test_brigade_ends_with_one_working_hypothesis(registered, people):
    deployment = care.deploy_brigade(people["chair"], case=registered.case,
                                     deployed_on=date(2026, 6, 12), question="Expertise")
    with pytest.raises(ValidationError) as error:
        care.record_brigade_work(people["brigade"], deployment=deployment,
                                 started_on=date(2026, 6, 15), advice="Advies",
                                 ended_on=date(2026, 6, 20))
    assert refused(error, "working_hypothesis", "one shared working hypothesis")
    assert BrigadeDeployment.objects.get().ended_on is None


def test_brigade_does_not_take_regie(case, people):
    with pytest.raises(ValidationError) as error:
        cases.assign_regie(people["worker"], case=case, kind="casusregisseur", phase="care",
                           holder_name="Bo Brigade", valid_from=date(2026, 6, 2),
                           holder=people["brigade"])
    assert refused(error, "holder", "does not take over regie")


def test_consensus_meeting_needs_an_independent_chair_and_referrer_decides(region, people,
                                                                           youth):
    config.apply_preset(region=region, preset="limburg")
    case = cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))
    documents(people["worker"], case)
    registration = expert_team.register(people["worker"], case=case,
                                        registered_on=date(2026, 6, 3))
    with pytest.raises(ValidationError) as error:
        expert_team.hold_consensus_meeting(
            people["worker"], registration=registration, held_on=date(2026, 6, 8),
            chair_name="A. Voorzitter", chair_independent=False, consensus=True, outcome="x")
    assert refused(error, "chair_independent", "independent chair")
    with pytest.raises(ValidationError) as error:
        expert_team.hold_consensus_meeting(
            people["worker"], registration=registration, held_on=date(2026, 6, 8),
            chair_name="A. Voorzitter", chair_independent=True, consensus=False, outcome="x")
    assert refused(error, "referrer_decision", "the referrer decides")
    expert_team.hold_consensus_meeting(
        people["worker"], registration=registration, held_on=date(2026, 6, 8),
        chair_name="A. Voorzitter", chair_independent=True, consensus=False, outcome="Geen",
        referrer_decision="Behandeling met verblijf")
    registration.refresh_from_db()
    decided = expert_team.decide(
        people["worker"], registration=registration, version=registration.version,
        decided_on=date(2026, 6, 9), framework=dict.fromkeys(
            expert_team.assessment.CRITERIA, "yes"), task_areas=["residential"],
        decision="Behandeling met verblijf")
    assert decided.decided_by_referrer is True


def test_decision_needs_the_whole_framework(registered, people):
    with pytest.raises(ValidationError) as error:
        expert_team.decide(people["worker"], registration=registered,
                           version=registered.version, decided_on=date(2026, 6, 9),
                           framework={"understood": "yes"}, task_areas=["jggz"],
                           decision="Ambulant")
    assert refused(error, "framework", "assessment framework")


def test_escalation_ladder_runs_its_configured_steps(region, people, youth):
    config.apply_preset(region=region, preset="wbo")
    case = cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))
    documents(people["worker"], case)
    registration = expert_team.register(people["worker"], case=case,
                                        registered_on=date(2026, 6, 3))
    steps = [expert_team.escalate(people["worker"], registration=registration,
                                  started_on=date(2026, 6, 8)) for _ in range(3)]
    # Monday 8 June + 5 working days = Monday 15 June; the third rung: + 10 = Monday 22 June.
    assert [s.due_on for s in steps] == [date(2026, 6, 15), date(2026, 6, 15),
                                         date(2026, 6, 22)]
    with pytest.raises(ValidationError) as error:
        expert_team.escalate(people["worker"], registration=registration,
                             started_on=date(2026, 6, 9))
    assert refused(error, "registration", "last step")


def test_no_escalation_in_a_region_without_a_ladder(registered, people):
    with pytest.raises(ValidationError) as error:
        expert_team.escalate(people["worker"], registration=registered,
                             started_on=date(2026, 6, 8))
    assert refused(error, "registration", "no escalation ladder")


def test_measurement_rules(case, people):
    with pytest.raises(ValidationError) as error:
        outflow.record_measurement(people["worker"], case=case, moment="start",
                                   informant="jeugdige", measured_on=date(2026, 6, 2),
                                   tevredenheid=11)
    assert refused(error, "tevredenheid", "1 to 10")
    outflow.record_measurement(people["worker"], case=case, moment="start",
                               informant="jeugdige", measured_on=date(2026, 6, 2),
                               tevredenheid=7, doelrealisatie="02")
    with pytest.raises(ValidationError) as error:
        outflow.record_measurement(people["worker"], case=case, moment="start",
                                   informant="jeugdige", measured_on=date(2026, 6, 3),
                                   tevredenheid=8)
    assert refused(error, "moment", "already been measured")
    # The parent measures the same moment too (CBS: at most 2 per record).
    outflow.record_measurement(people["worker"], case=case, moment="start", informant="ouder",
                               measured_on=date(2026, 6, 3), doelrealisatie="01")


def test_involuntary_move_is_recorded_as_such(case, people, family_home, essential_facility):
    documents(people["worker"], case)
    care.place(people["worker"], case=case, facility=family_home, started_on=date(2026, 6, 5))
    moved = care.move(people["worker"], case=case, facility=essential_facility,
                      moved_on=date(2026, 6, 9), voluntary=False, reason="Veiligheid")
    assert moved.voluntary is False
    assert "INVOLUNTARY" in case.events.last().text
    assert Placement.objects.get(ended_on=None).facility == essential_facility


def test_hypermaatwerk_is_the_last_resort(case, people):
    with pytest.raises(ValidationError) as error:
        care.record_hypermaatwerk(people["worker"], case=case, decided_on=date(2026, 6, 9),
                                  justification="Niets past", alternatives_tried="Alles")
    assert refused(error, "case", "last resort")


def test_no_triage_where_the_region_has_none(case, people, g7):
    g7.has_triage = False
    g7.save()
    item = cases.record_request(people["worker"], case=case, channel="phone",
                                received_on=date(2026, 6, 1))
    with pytest.raises(ValidationError) as error:
        cases.triage(people["worker"], item=item, version=1, urgency="high", speed="planned",
                     assigned_to=people["worker"], triaged_on=date(2026, 6, 2),
                     outcomes=["network"])
    assert refused(error, "item", "no triage step")
