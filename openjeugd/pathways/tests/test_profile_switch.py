"""Seed 004: the hoofdaannemer asks a switch with evidence; the regisseur approves or refuses;
everything on the case's log."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from openjeugd.pathways.models import SupportProfile
from openjeugd.pathways.services import cases, config, profile
from openjeugd.registry.tests.factories import ProviderFactory, UserFactory


@pytest.fixture
def current(region, people, youth, provider):
    config.apply_preset(region=region, preset="amsterdam")
    case = cases.open_case(people["worker"], youth_id=youth.pk, opened_on=date(2026, 6, 1))
    return profile.assign_profile(people["worker"], case=case, profile=4, intensity="intensief",
                                  hoofdaannemer=provider, valid_from=date(2026, 6, 1))


def test_only_the_hoofdaannemer_asks(current, region):
    other = UserFactory(role="provider_staff", region=region, provider=ProviderFactory())
    with pytest.raises(PermissionDenied):
        profile.request_switch(other, current=current, requested_on=date(2026, 6, 10),
                               profile=6, intensity="intensief", evidence="ROM-meting")


def test_switch_needs_evidence(current, people):
    with pytest.raises(ValidationError) as error:
        profile.request_switch(people["staff"], current=current, requested_on=date(2026, 6, 10),
                               profile=6, intensity="intensief", evidence="")
    assert "evidence" in error.value.message_dict


def test_approved_switch_ends_the_old_profile_and_starts_the_new(current, people):
    switch = profile.request_switch(people["staff"], current=current,
                                    requested_on=date(2026, 6, 10), profile=6,
                                    intensity="intensief", evidence="ROM-meting")
    profile.decide_switch(people["worker"], switch=switch, approve=True,
                          decided_on=date(2026, 6, 12))
    old, new = SupportProfile.objects.order_by("valid_from")
    assert (old.valid_to, new.profile, new.valid_from, new.valid_to) == (
        date(2026, 6, 11), 6, date(2026, 6, 12), None)
    log = list(current.case.events.values_list("kind", flat=True))
    assert log.count("profile_switch") == 2


def test_refusal_needs_a_reason_and_keeps_the_profile(current, people):
    switch = profile.request_switch(people["staff"], current=current,
                                    requested_on=date(2026, 6, 10), profile=6,
                                    intensity="intensief", evidence="ROM-meting")
    with pytest.raises(ValidationError):
        profile.decide_switch(people["worker"], switch=switch, approve=False,
                              decided_on=date(2026, 6, 12))
    profile.decide_switch(people["worker"], switch=switch, approve=False,
                          decided_on=date(2026, 6, 12), reason="Onvoldoende onderbouwd")
    assert SupportProfile.objects.get().valid_to is None
    switch.refresh_from_db()
    assert switch.status == "refused"
