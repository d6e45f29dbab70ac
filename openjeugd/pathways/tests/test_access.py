"""Who sees a case: the local team of the youth's municipality; the RET and the brigade only
once the case is registered with them; the provider only its current clients; aggregate roles
never. Every read and write is in the access log."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.pathways.services import base, care, expert_team
from openjeugd.registry import care_relations

from .conftest import documents


def visible(user, case) -> bool:
    return base.cases_visible_to(user).filter(pk=case.pk).exists()


def test_local_team_of_the_municipality_sees_the_case(case, people):
    assert visible(people["worker"], case) and visible(people["colleague"], case)


def test_foreign_municipality_gets_404_and_the_attempt_is_logged(case, people):
    assert not visible(people["elsewhere"], case)
    with pytest.raises(Http404):
        base.case_for(people["elsewhere"], case.pk)
    assert AccessLogEntry.objects.filter(user=people["elsewhere"], action="denied",
                                         object_type="pathways.Case",
                                         object_id=str(case.pk)).exists()


def test_ret_sees_the_case_only_once_registered(case, people):
    assert not visible(people["chair"], case)
    documents(people["worker"], case)
    expert_team.register(people["worker"], case=case, registered_on=date(2026, 6, 3))
    assert visible(people["chair"], case)
    # Registration with the RET is not a deployment of the brigade.
    assert not visible(people["brigade"], case)


def test_brigade_sees_the_case_once_deployed_and_not_after_revocation(case, people):
    documents(people["worker"], case)
    expert_team.register(people["worker"], case=case, registered_on=date(2026, 6, 3))
    care.deploy_brigade(people["chair"], case=case, deployed_on=date(2026, 6, 8),
                        question="Expertise")
    assert visible(people["brigade"], case)
    care_relations.revoke(kind="brigade", source=expert_team.relation_source(case),
                          on=date(2026, 6, 9))
    assert not visible(people["brigade"], case)


def test_provider_sees_only_current_clients(case, people, provider):
    assert not visible(people["staff"], case)
    care_relations.keep(youth=case.youth, provider=provider, kind="toewijzing",
                        source="test:1", valid_from=date(2026, 1, 1), valid_to=None)
    assert visible(people["staff"], case)
    # Provider staff read a case, but do no casework.
    with pytest.raises(PermissionDenied):
        base.case_for(people["staff"], case.pk)
    assert base.case_for(people["staff"], case.pk, write=False) == case


def test_policy_roles_see_no_case(case, people):
    assert not visible(people["advisor"], case)
    with pytest.raises(PermissionDenied):
        base.case_for(people["advisor"], case.pk, write=False)


def test_reads_and_writes_are_logged(case, people):
    base.case_for(people["worker"], case.pk, write=False)
    entries = AccessLogEntry.objects.filter(user=people["worker"])
    # Opening wrote the case (create); reading it logs the case and the youth.
    assert set(entries.values_list("action", "object_type")) >= {
        ("create", "pathways.Case"), ("read", "pathways.Case"), ("read", "registry.Youth")}
    assert entries.filter(object_type="pathways.Case").first().owner_region_id == (
        case.municipality.region_id)
