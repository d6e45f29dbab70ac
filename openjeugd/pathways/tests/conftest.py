from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from openjeugd.accounts.roles import Role
from openjeugd.core.testing import client, english  # noqa: F401  (English msgids)
from openjeugd.ijw.codec import samples
from openjeugd.pathways.services import cases, config, expert_team
from openjeugd.registry.models import Facility, Municipality, Provider, Youth
from openjeugd.registry.tests.factories import FacilityFactory, UserFactory

TODAY = datetime(2026, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def pinned_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def nijmegen(db):
    return Municipality.objects.get(code=samples.GEMEENTE)


@pytest.fixture
def region(nijmegen):
    return nijmegen.region


@pytest.fixture
def g7(region):
    return config.apply_preset(region=region, preset="g7")


@pytest.fixture
def provider(region):
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
    provider.regions.add(region)
    return provider


@pytest.fixture
def people(nijmegen, region, provider):
    elsewhere = region.municipalities.exclude(code=nijmegen.code).order_by("code").first()

    def user(name, role, **scope):
        return UserFactory(username=name, role=role, region=region, **scope)

    return {
        "worker": user("worker", Role.ACCESS_WORKER, municipality=nijmegen),
        "colleague": user("colleague", Role.ACCESS_WORKER, municipality=nijmegen),
        "elsewhere": user("elsewhere", Role.ACCESS_WORKER, municipality=elsewhere),
        "chair": user("chair", Role.RET_CHAIR),
        "brigade": user("brigade", Role.BRIGADE_MEMBER),
        "staff": user("staff", Role.PROVIDER_STAFF, provider=provider),
        "advisor": user("advisor", Role.POLICY_ADVISOR),
    }


@pytest.fixture
def youth(nijmegen):
    # 14 on 14 March 2026: 16 on 14 March 2028, 18 on 14 March 2030.
    return Youth.objects.create(bsn=samples.BSN, birth_date=date(2012, 3, 14), geslacht="2",
                                surname="Berg", initials="S", municipality=nijmegen)


@pytest.fixture
def case(g7, people, youth):
    return cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))


def documents(user, case, on=date(2026, 6, 2)):
    for kind, goal in (("verklarende_analyse", ""), ("perspectiefplan", "Thuis wonen"),
                       ("signaleringsplan", "")):
        expert_team.add_document(user, case=case, kind=kind, dated=on, author="L. Team",
                                 goal=goal)


@pytest.fixture
def registered(case, people):
    documents(people["worker"], case)
    return expert_team.register(people["worker"], case=case, registered_on=date(2026, 6, 3))


@pytest.fixture
def essential_facility(provider, nijmegen):
    return FacilityFactory(provider=provider, municipality=nijmegen,
                           kind=Facility.Kind.JEUGDZORGPLUS, age_min=12, age_max=17)


@pytest.fixture
def family_home(provider, nijmegen):
    return FacilityFactory(provider=provider, municipality=nijmegen,
                           kind=Facility.Kind.GEZINSHUIS, age_min=4, age_max=17)
