"""The work list shows due and overdue items of the responsible person; monitoring can count
overdue items per kind."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from openjeugd.pathways import selectors
from openjeugd.pathways.services import care, expert_team, outflow

from .conftest import documents

AMS = ZoneInfo("Europe/Amsterdam")


def kinds(items):
    return {(item.kind, item.due, item.overdue) for item in items}


def test_brigade_crisis_and_acuut_items(case, people):
    documents(people["worker"], case, on=date(2026, 6, 2))
    expert_team.register(people["worker"], case=case, registered_on=date(2026, 6, 3))
    # Deployed Thursday 4 June: Fri 5, Mon 8, Tue 9 → due 9 June; today (15 June) overdue.
    care.deploy_brigade(people["chair"], case=case, deployed_on=date(2026, 6, 4),
                        question="Expertise")
    # Reported Sunday 14 June 20:00, no intervention yet: due Monday 15 June 20:00 (today).
    care.record_crisis(people["worker"], case=case,
                       reported_at=datetime(2026, 6, 14, 20, tzinfo=AMS),
                       acuut_from=date(2026, 6, 14), acuut_to=date(2026, 6, 27))
    items = kinds(selectors.work_list(people["worker"]))
    assert ("brigade", date(2026, 6, 9), True) in items
    assert ("crisis", date(2026, 6, 15), False) in items
    # No perspectiefplan since the Acuut start (the one of 2 June is older): due at its end.
    assert ("acuut", date(2026, 6, 27), False) in items
    # The brigade sees the deployment on its own list; the colleague (not responsible) not.
    assert ("brigade", date(2026, 6, 9), True) in kinds(selectors.work_list(people["brigade"]))
    assert selectors.work_list(people["colleague"]) == []
    counts = selectors.overdue_counts(case.municipality.region)
    assert counts["brigade"] == 1 and counts["crisis"] == 0


def test_outflow_and_age_items(case, people, family_home):
    documents(people["worker"], case)
    # Planned outflow 30 Nov 2026: the window runs from 30 May (− 6 months) to 30 Aug
    # (− 3 months); today, 15 June, lies inside it: shown, not overdue.
    care.place(people["worker"], case=case, facility=family_home, started_on=date(2026, 6, 5),
               planned_end_on=date(2026, 11, 30))
    items = kinds(selectors.work_list(people["worker"]))
    assert ("follow_up", date(2026, 8, 30), False) in items
    # Start measurement due on the first day of the stay (5 June): overdue.
    assert ("measurement", date(2026, 6, 5), True) in items
    # Born 14 March 2012: the toekomstplan (16 on 14 March 2028) shows from 14 Sep 2027 —
    # not yet; the 18th birthday − 3 months (14 Dec 2029) shows from 14 Dec 2028 — not yet.
    assert not {k for k, _d, _o in items} & {"toekomstplan", "before_18"}
    plan = outflow.outflow_plan(case)
    outflow.plan_outflow(people["worker"], case=case, version=plan.version,
                         planned_outflow_on=date(2026, 11, 30), follow_up_place="Thuis",
                         follow_up_arranged_on=date(2026, 6, 12))
    outflow.record_measurement(people["worker"], case=case, moment="start",
                               informant="jeugdige", measured_on=date(2026, 6, 12),
                               tevredenheid=6)
    assert selectors.work_list(people["worker"]) == []


def test_toekomstplan_shows_six_months_before_the_16th_birthday(g7, people, nijmegen,
                                                                family_home):
    from openjeugd.pathways.services import cases
    from openjeugd.registry.models import Youth
    youth = Youth.objects.create(bsn="999990019", birth_date=date(2010, 9, 1),
                                 municipality=nijmegen)
    case = cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))
    # 16 on 1 Sep 2026 (shown from 1 March 2026); 18 on 1 Sep 2028, so with a stay the
    # follow-up must be clear by 1 June 2028 (shown from 1 June 2027).
    items = kinds(selectors.work_list(people["worker"]))
    assert ("toekomstplan", date(2026, 9, 1), False) in items
    documents(people["worker"], case)
    care.place(people["worker"], case=case, facility=family_home, started_on=date(2026, 6, 5))
    assert "before_18" not in {k for k, _d, _o in kinds(selectors.work_list(people["worker"]))}
