"""ToewijzingNummers come from a locked counter per municipality, never from a scan."""

from datetime import date

import pytest

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Toewijzing, ToewijzingNummerCounter
from openjeugd.ijw.services import actions
from openjeugd.ijw.tests.race import run_together
from openjeugd.registry.models import Youth
from openjeugd.registry.tests.factories import valid_bsn


@pytest.fixture
def worker(user_with):
    return user_with(Role.ACCESS_WORKER)


def youth_in(municipality, n):
    return Youth.objects.create(bsn=valid_bsn(7000 + n), birth_date=date(2012, 3, 14),
                                geslacht="2", surname=f"Jong{n}", initials="S",
                                municipality=municipality)


def assign(worker, provider, youth):
    return actions.assign(worker, youth_id=youth.pk, provider=provider, categorie="45",
                          code="45A48", ingangsdatum=date(2026, 1, 12),
                          einddatum=date(2026, 12, 31), volume=4, eenheid="04", frequentie="2")


def numbers(municipality):
    return sorted(Toewijzing.objects.filter(municipality=municipality)
                  .values_list("toewijzing_nummer", flat=True))


def test_counter_starts_after_the_highest_number_and_skips_imported_ones(
        deliver, worker, provider, nijmegen):
    deliver(samples.sample_jw301())  # toewijzing 1001, from the municipality's own system
    assign(worker, provider, youth_in(nijmegen, 1))
    assert numbers(nijmegen) == ["1001", "1002"]
    # The municipality's system then sends 1003 itself: the counter steps over it.
    deliver(samples.sample_jw301(identificatie="TW000002", toewijzing_nummer="1003"))
    assign(worker, provider, youth_in(nijmegen, 2))
    assert numbers(nijmegen) == ["1001", "1002", "1003", "1004"]
    assert ToewijzingNummerCounter.objects.get(municipality=nijmegen).last == 1004


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_assignments_at_the_same_moment_get_different_numbers(
        worker, provider, nijmegen, round_):
    youths = [youth_in(nijmegen, 10 * round_ + i) for i in (1, 2)]
    outcomes = run_together(*(lambda y=y: assign(worker, provider, y) for y in youths))
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    # Both JW301s became their own toewijzing: 1 and 2, neither overwrote the other.
    assert numbers(nijmegen) == ["1", "2"]
    assert {t.youth_id for t in Toewijzing.objects.all()} == {y.pk for y in youths}
