"""The mix of care follows the profile: spending per block divided by cost per trajectory."""

import math
from collections import Counter
from decimal import Decimal

from openjeugd.demo.events import Start, Toewijzing
from openjeugd.demo.generator import generate_history
from openjeugd.demo.tests.conftest import END

# By hand from profiles.py: weight = spending (seed 001, EUR mln) / cost per trajectory.
#   ambulant          25.4e6 / 5,000  = 5,080
#   verblijf          32.5e6 / 48,000 =   677.083
#   dyslexie           1.2e6 / 4,150  =   289.157
#   jeugdbescherming   6.1e6 / 13,000 =   469.231      total 6,515.471
# Crisis takes a fixed 2 %, the rest share 98 %: ambulant 0.98 * 5,080 / 6,515.471 = 0.7641.
EXPECTED = {
    "ambulant": 0.7641, "verblijf": 0.1018, "dyslexie": 0.0435,
    "jeugdbescherming": 0.0706, "crisis": 0.02,
}


def test_the_profile_computes_the_same_shares(nijmegen_profile):
    shares = nijmegen_profile.block_shares()
    for key, expected in EXPECTED.items():
        assert abs(float(shares[key]) - expected) < 0.0001, key
    assert sum(shares.values()) == Decimal(1)


def test_generated_trajectories_follow_the_mix(nijmegen_profile):
    events = generate_history(nijmegen_profile, youths=4000, years=3, seed=21, end=END)
    block_of = {p.code: b.key for b in nijmegen_profile.blocks for p in b.products}
    # A trajectory is a toewijzing, or for taakgericht crisis care a start without one.
    codes = [e.product_code for e in events if isinstance(e, Toewijzing)]
    codes += [e.product_code for e in events if isinstance(e, Start) and not e.toewijzing_nummer]
    counts = Counter(block_of[code] for code in codes)
    total = sum(counts.values())
    for key, expected in EXPECTED.items():
        # Four standard deviations of a binomial share, plus half a point for the few
        # second trajectories that find no product for the youth's age.
        tolerance = 4 * math.sqrt(expected * (1 - expected) / total) + 0.005
        assert abs(counts[key] / total - expected) <= tolerance, (key, counts[key] / total)
