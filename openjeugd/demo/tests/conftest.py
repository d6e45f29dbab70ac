from datetime import date

import pytest

from openjeugd.core.testing import client, english  # noqa: F401 - shared fixtures
from openjeugd.demo.profiles import profile_for

# The seven municipalities of Rijk van Nijmegen in the CBS division of 2026.
NIJMEGEN_MUNICIPALITIES = (
    ("0209", "Beuningen"), ("0225", "Druten"), ("0252", "Heumen"), ("0268", "Nijmegen"),
    ("0296", "Wijchen"), ("0944", "Mook en Middelaar"), ("1945", "Berg en Dal"),
)
END = date(2026, 6, 30)


@pytest.fixture(scope="session")
def nijmegen_profile():
    return profile_for("Rijk van Nijmegen", NIJMEGEN_MUNICIPALITIES)
