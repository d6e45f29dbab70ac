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


def mark_otp_verified(client, user):
    """Let this test client's session count as having passed two-factor authentication.

    Creates a confirmed TOTP device for the user when there is none, as the setup page would.
    """
    from django_otp import DEVICE_ID_SESSION_KEY

    from openjeugd.accounts.twofactor import confirmed_device

    device = confirmed_device(user)
    if device is None:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
