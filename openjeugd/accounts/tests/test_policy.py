"""The central policy: which role may do what, and every personal-data read is logged."""

import pytest
from django.http import Http404

from openjeugd.accounts import policy
from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.accounts.roles import Role
from openjeugd.registry.models import Municipality, Region, Youth


@pytest.fixture
def region(db):
    region = Region.objects.create(name="Testregio", slug="testregio")
    Municipality.objects.create(code="9901", name="Oostdorp", province="Gelderland", region=region)
    Municipality.objects.create(code="9902", name="Westdorp", province="Gelderland", region=region)
    return region


def make_user(region, role, **scope):
    return User.objects.create_user(username=role, password="x", role=role, region=region,
                                    **scope)


def youth_in(code, bsn):
    return Youth.objects.create(bsn=bsn, birth_date="2012-03-04",
                                municipality=Municipality.objects.get(code=code))


def test_access_worker_sees_only_youths_of_own_municipality(region):
    worker = make_user(region, Role.ACCESS_WORKER,
                       municipality=Municipality.objects.get(code="9901"))
    own = youth_in("9901", "999990019")
    youth_in("9902", "999990032")
    assert list(policy.youths_visible_to(worker)) == [own]


def _registered(youth, kind, *, source):
    from datetime import date

    from openjeugd.registry import care_relations
    return care_relations.keep(youth=youth, provider=None, kind=kind, source=source,
                               valid_from=date(2020, 1, 1), valid_to=None)


@pytest.mark.parametrize(("role", "kind"), [(Role.RET_CHAIR, "expert_team"),
                                            (Role.BRIGADE_MEMBER, "brigade")])
def test_ret_and_brigade_see_only_youths_registered_with_them(region, role, kind):
    # Issue #10: not the whole region any more, only the youths registered with their team.
    user = make_user(region, role)
    registered = youth_in("9901", "999990019")
    youth_in("9902", "999990032")
    other_kind = youth_in("9902", "999990044")
    _registered(registered, kind, source="pathways.Case:1")
    _registered(other_kind, "brigade" if kind == "expert_team" else "expert_team",
                source="pathways.Case:2")
    assert list(policy.youths_visible_to(user)) == [registered]


def test_ret_loses_sight_when_the_registration_is_revoked(region):
    from datetime import date

    from openjeugd.registry import care_relations
    chair = make_user(region, Role.RET_CHAIR)
    youth = youth_in("9901", "999990019")
    _registered(youth, "expert_team", source="pathways.Case:1")
    assert policy.youths_visible_to(chair).count() == 1
    care_relations.revoke(kind="expert_team", source="pathways.Case:1", on=date(2020, 2, 1))
    assert policy.youths_visible_to(chair).count() == 0


@pytest.mark.parametrize("role", [Role.POLICY_ADVISOR, Role.CONTRACT_MANAGER, Role.AUDITOR,
                                  Role.REGIONAL_ADMIN])
def test_roles_without_casework_see_no_personal_data(region, role):
    user = make_user(region, role)
    youth_in("9901", "999990019")
    assert not policy.has_perm(user, policy.Perm.VIEW_YOUTH)
    assert policy.youths_visible_to(user).count() == 0


def test_read_youth_logs_the_read_with_purpose(region):
    worker = make_user(region, Role.ACCESS_WORKER,
                       municipality=Municipality.objects.get(code="9901"))
    youth = youth_in("9901", "999990019")
    assert policy.read_youth(worker, youth.pk, purpose="triage") == youth
    entry = AccessLogEntry.objects.get()
    assert (entry.username, entry.action, entry.object_id, entry.purpose) == (
        "access_worker", "read", str(youth.pk), "triage")


def test_read_outside_scope_is_refused_and_logged_as_denied(region):
    worker = make_user(region, Role.ACCESS_WORKER,
                       municipality=Municipality.objects.get(code="9901"))
    other = youth_in("9902", "999990032")
    with pytest.raises(Http404):
        policy.read_youth(worker, other.pk, purpose="curiosity")
    assert AccessLogEntry.objects.get().action == "denied"


def test_inactive_user_has_no_permissions(region):
    chair = make_user(region, Role.RET_CHAIR)
    chair.is_active = False
    assert not policy.has_perm(chair, policy.Perm.VIEW_YOUTH)
