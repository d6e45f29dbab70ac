"""Demo youths carry BSNs that are valid, recognisably test numbers, and unique."""

import random

import pytest
from stdnum.nl import bsn

from openjeugd.demo import identities
from openjeugd.demo.generator import generate_history
from openjeugd.demo.tests.conftest import END


def test_every_bsn_passes_the_11_proef_has_the_test_prefix_and_is_unique(nijmegen_profile):
    events = generate_history(nijmegen_profile, youths=800, years=1, seed=3, end=END)
    youths = {event.youth.bsn: event.youth for event in events}
    assert len(youths) == 800  # one BSN per youth, none shared
    for number in youths:
        assert bsn.is_valid(number), number
        assert number.startswith("9999"), number


def test_check_digit_matches_a_hand_computed_example():
    # 99990001?: 9*9 + 9*8 + 9*7 + 9*6 + 0*5 + 0*4 + 0*3 + 1*2 = 81+72+63+54+2 = 272;
    # 272 mod 11 = 8 (11*24 = 264), so the ninth digit is 8 and 999900018 is valid.
    assert identities.check_digit("99990001") == 8
    assert bsn.is_valid("999900018")


def test_the_pool_holds_every_valid_test_number_once():
    pool = identities.valid_test_bsns()
    assert len(pool) == len(set(pool))
    # 10,000 eight-digit prefixes; a prefix fails only when its remainder is 10, about 1 in 11.
    assert 9000 < len(pool) < 9200
    assert all(bsn.is_valid(number) for number in pool)


def test_asking_for_more_youths_than_test_numbers_is_refused():
    with pytest.raises(ValueError, match="At most"):
        identities.draw_test_bsns(random.Random(1), 20_000)
