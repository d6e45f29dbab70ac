"""Shared pytest fixtures. Tests that read English msgids import these into their conftest;
the Dutch UI itself is tested in core/tests/test_translations.py."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
