import re
from collections import Counter
from pathlib import Path

import pytest
from django.utils import translation

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


@pytest.fixture(autouse=True)
def english():
    """These tests read the English msgids; the Dutch UI is tested in test_translations.py."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
