"""Who sees trajectories (BSN: youth access only, logged) and who sees figures."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.monitoring import selectors
from openjeugd.registry.models import Region
from openjeugd.registry.tests.factories import ProviderFactory, UserFactory

from .test_command import AMBULANT, start

FIRST, LAST = date(2026, 1, 1), date(2026, 6, 30)


@pytest.fixture
def care(deliver, nijmegen):
    deliver(samples.sample_jw301(dagtekening=date(2026, 1, 5), **AMBULANT))
    deliver(start(1, date(2026, 1, 14)))
    return nijmegen.region


def test_access_worker_sees_rows_and_each_youth_is_logged(care, user_with):
    worker = user_with(Role.ACCESS_WORKER)
    rows = selectors.trajectories_for(worker, care, FIRST, LAST)
    assert [row["bsn"] for row in rows] == [samples.BSN]
    entry = AccessLogEntry.objects.get(user=worker, purpose="monitoring_trajectories")
    assert entry.object_type == "registry.Youth" and entry.action == "read"


def test_figures_roles_get_no_person_level_rows(care, user_with):
    with pytest.raises(PermissionDenied):
        selectors.trajectories_for(user_with(Role.POLICY_ADVISOR), care, FIRST, LAST)


def test_another_provider_sees_none_of_these_trajectories(care, nijmegen):
    elders = ProviderFactory(agb_code="98000017")
    elders.regions.add(nijmegen.region)
    staff = UserFactory(role=Role.PROVIDER_STAFF, region=nijmegen.region, provider=elders)
    assert selectors.trajectories_for(staff, care, FIRST, LAST) == []
    assert not AccessLogEntry.objects.filter(purpose="monitoring_trajectories").exists()


def test_figures_of_another_region_do_not_exist_for_the_user(care, user_with):
    other = Region.objects.exclude(pk=care.pk).first()
    with pytest.raises(Http404):
        selectors.indicators_for(user_with(Role.POLICY_ADVISOR), other, FIRST, LAST,
                                 today=date(2026, 7, 15))


def test_small_cells_go_when_figures_leave_the_region(care, user_with):
    # One youth started in 2026-H1: inside the region the figure is 1; leaving it, a cell
    # of 1-4 youths is suppressed.
    advisor = user_with(Role.POLICY_ADVISOR)
    inside = selectors.indicators_for(advisor, care, FIRST, LAST, today=date(2026, 7, 15))
    outside = selectors.indicators_for(advisor, care, FIRST, LAST, today=date(2026, 7, 15),
                                       leaves_region=True)
    assert inside["perioden"][0]["gestart"] == 1
    assert outside["perioden"][0]["gestart"] is None
