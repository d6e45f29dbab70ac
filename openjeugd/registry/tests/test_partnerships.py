"""A partnership has exactly one hoofdaannemer; a failed change leaves nothing half-saved."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry import services
from openjeugd.registry.models import Partnership, PartnershipMember
from openjeugd.registry.tests.factories import ProviderFactory, RegionFactory, UserFactory


@pytest.fixture
def admin(db):
    return UserFactory(role="regional_admin")


def test_partnership_with_hoofdaannemer_and_onderaannemers(admin):
    main, sub1, sub2 = ProviderFactory.create_batch(3)
    partnership = services.create_partnership(user=admin, name="Samen Sterk",
                                              region=RegionFactory(), hoofdaannemer=main,
                                              onderaannemers=[sub1, sub2])
    roles = dict(partnership.members.values_list("provider_id", "role"))
    assert roles == {main.pk: "hoofdaannemer", sub1.pk: "onderaannemer",
                     sub2.pk: "onderaannemer"}


def test_failing_partnership_leaves_no_rows(admin):
    main, sub = ProviderFactory.create_batch(2)
    # The third member repeats the second: refused after the partnership and two members
    # were already written, so this checks the rollback, not an up-front check.
    with pytest.raises(ValidationError) as error:
        services.create_partnership(user=admin, name="Half", region=RegionFactory(),
                                    hoofdaannemer=main, onderaannemers=[sub, sub])
    assert "__all__" in error.value.message_dict
    assert not Partnership.objects.exists()
    assert not PartnershipMember.objects.exists()
    assert not AccessLogEntry.objects.exists()


def test_hoofdaannemer_cannot_also_be_onderaannemer(admin):
    main = ProviderFactory()
    with pytest.raises(ValidationError):
        services.create_partnership(user=admin, name="Dubbel", region=RegionFactory(),
                                    hoofdaannemer=main, onderaannemers=[main])
    assert not Partnership.objects.exists()


def test_replacing_members_keeps_one_hoofdaannemer(admin):
    old_main, new_main, sub = ProviderFactory.create_batch(3)
    partnership = services.create_partnership(user=admin, name="Wissel", region=RegionFactory(),
                                              hoofdaannemer=old_main, onderaannemers=[sub])
    services.set_partnership_members(user=admin, partnership=partnership,
                                     hoofdaannemer=new_main, onderaannemers=[old_main, sub])
    main_members = partnership.members.filter(role="hoofdaannemer")
    assert list(main_members.values_list("provider_id", flat=True)) == [new_main.pk]
    assert partnership.members.count() == 3


def test_failed_member_replacement_keeps_the_old_members(admin):
    main, sub = ProviderFactory.create_batch(2)
    partnership = services.create_partnership(user=admin, name="Blijft", region=RegionFactory(),
                                              hoofdaannemer=main, onderaannemers=[sub])
    with pytest.raises(ValidationError):
        services.set_partnership_members(user=admin, partnership=partnership,
                                         hoofdaannemer=sub, onderaannemers=[sub])
    roles = dict(partnership.members.values_list("provider_id", "role"))
    assert roles == {main.pk: "hoofdaannemer", sub.pk: "onderaannemer"}


def test_the_database_also_refuses_a_second_hoofdaannemer(admin):
    main, other = ProviderFactory.create_batch(2)
    partnership = services.create_partnership(user=admin, name="Db", region=RegionFactory(),
                                              hoofdaannemer=main)
    with pytest.raises(IntegrityError):
        PartnershipMember.objects.create(partnership=partnership, provider=other,
                                         role="hoofdaannemer")
