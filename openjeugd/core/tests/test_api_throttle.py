"""Finding 7: the API answers 429 once a client exceeds its rate."""

import pytest
from rest_framework.throttling import SimpleRateThrottle

from openjeugd import settings as production_settings
from openjeugd.accounts.roles import Role
from openjeugd.core.testing import english  # noqa: F401 - shared fixture
from openjeugd.registry.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _english_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def low_rates(monkeypatch, settings):
    # DRF binds the rates when the throttle class is imported; patch them where they are read.
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute",
                                                               "user": "5/minute"})
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_throttling_is_on_by_default_for_anonymous_and_logged_in_clients():
    drf = production_settings.REST_FRAMEWORK
    assert drf["DEFAULT_THROTTLE_CLASSES"] == [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ]
    assert set(drf["DEFAULT_THROTTLE_RATES"]) == {"anon", "user"}


def test_a_user_who_floods_the_api_gets_429(client, low_rates, db):
    user = UserFactory(role=Role.POLICY_ADVISOR)
    client.force_login(user)
    statuses = [client.get("/api/registry/municipalities/").status_code for _ in range(8)]
    assert statuses == [200] * 5 + [429] * 3
    throttled = client.get("/api/registry/municipalities/")
    assert int(throttled.headers["Retry-After"]) > 0

    # Another user is counted separately.
    client.force_login(UserFactory(role=Role.POLICY_ADVISOR))
    assert client.get("/api/registry/municipalities/").status_code == 200


def test_a_token_client_is_throttled_too(client, low_rates, db):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=UserFactory(role=Role.POLICY_ADVISOR))
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    statuses = [client.get("/api/registry/municipalities/", **auth).status_code
                for _ in range(6)]
    assert statuses[-1] == 429
