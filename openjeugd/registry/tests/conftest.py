import re
from collections import Counter
from pathlib import Path

import pytest

from openjeugd.core.testing import client, english  # noqa: F401 - shared fixtures

SHARED_DIVISION = Path("/work/shared/ijw/codelijsten/CBS_Gemeentecodes.md")


@pytest.fixture
def shared_rows() -> list[tuple[str, str, str, str]]:
    """(code, name, province, region) straight from the shared CBS list, parsed independently
    of the code under test: every table line that starts with a 4-digit code."""
    rows = []
    for line in SHARED_DIVISION.read_text(encoding="utf-8").splitlines():
        if re.match(r"^\|\s*\d{4}\s*\|", line):
            rows.append(tuple(cell.strip() for cell in line.strip().strip("|").split("|")))
    return rows


@pytest.fixture
def shared_region_sizes(shared_rows) -> Counter:
    return Counter(region for _code, _name, _province, region in shared_rows)


@pytest.fixture
def own_region(db):
    from openjeugd.registry.models import Region

    return Region.objects.get(name="Rijk van Nijmegen")


@pytest.fixture
def other_region(db):
    from openjeugd.registry.models import Region

    return Region.objects.get(name="Zuid-Limburg")


@pytest.fixture
def admin_client(client, own_region):  # noqa: F811 - the shared English client
    from openjeugd.registry.tests.factories import UserFactory

    client.force_login(UserFactory(username="beheer", role="regional_admin", region=own_region))
    return client
