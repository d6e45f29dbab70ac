"""Same seed, same history: byte for byte, also in another process with another hash seed."""

import hashlib
import os
import subprocess
import sys

from openjeugd.demo.generator import generate_history
from openjeugd.demo.tests.conftest import END

SCRIPT = """
import hashlib
from openjeugd.demo.generator import generate_history
from openjeugd.demo.tests.conftest import END, NIJMEGEN_MUNICIPALITIES
from openjeugd.demo.profiles import profile_for
profile = profile_for("Rijk van Nijmegen", NIJMEGEN_MUNICIPALITIES)
events = generate_history(profile, youths=150, years=2, seed=11, end=END)
print(hashlib.sha256(repr(events).encode()).hexdigest())
"""


def _digest(events) -> str:
    return hashlib.sha256(repr(events).encode()).hexdigest()


def test_same_seed_gives_the_same_events(nijmegen_profile):
    first = generate_history(nijmegen_profile, youths=150, years=2, seed=11, end=END)
    second = generate_history(nijmegen_profile, youths=150, years=2, seed=11, end=END)
    assert first == second
    assert len(first) > 150  # at least a referral or start per youth, plus declarations


def test_another_seed_gives_another_history(nijmegen_profile):
    first = generate_history(nijmegen_profile, youths=150, years=2, seed=11, end=END)
    other = generate_history(nijmegen_profile, youths=150, years=2, seed=12, end=END)
    assert first != other
    # Not just reordered: the youths themselves differ.
    assert {e.youth.bsn for e in first} != {e.youth.bsn for e in other}


def test_hash_randomisation_does_not_change_the_history(nijmegen_profile):
    # Set and dict order depend on PYTHONHASHSEED; the history must not.
    expected = _digest(generate_history(nijmegen_profile, youths=150, years=2, seed=11,
                                        end=END))
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        # Our own interpreter and script: no untrusted input.
        result = subprocess.run([sys.executable, "-c", SCRIPT], env=env,  # noqa: S603
                                capture_output=True, text=True, check=True)
        assert result.stdout.strip() == expected
