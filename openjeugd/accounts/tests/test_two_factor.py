"""Two-factor authentication for regional admins and superusers: no page without the code.

These tests log in through the real password form (not force_login, which the test plugin
treats as having passed the second factor) and then try to get around the second step.
"""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from openjeugd.accounts.roles import Role
from openjeugd.core.testing import english  # noqa: F401 - shared fixture
from openjeugd.registry.tests.factories import RegionFactory, UserFactory

PASSWORD = "a-long-enough-password-1"
VERIFY, SETUP = "/accounts/2fa/verify/", "/accounts/2fa/setup/"
# Pages a half-logged-in attacker would try; each must send them to the second step.
TARGETS = ["/", "/admin/", "/admin/accounts/user/", "/accounts/access-log/",
           "/registry/youths/", "/api/registry/municipalities/", "/api/docs/"]


@pytest.fixture(autouse=True)
def _english_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def make_user(**fields):
    user = UserFactory(region=RegionFactory(), **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def password_login(client, user):
    response = client.post("/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password step itself must succeed"


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


@pytest.fixture
def regional_admin(db):
    return make_user(username="regiobeheer", role=Role.REGIONAL_ADMIN)


@pytest.fixture
def superuser(db):
    return make_user(username="super", role=Role.AUDITOR, is_staff=True, is_superuser=True)


@pytest.mark.parametrize("who", ["regional_admin", "superuser"])
@pytest.mark.parametrize("target", TARGETS)
def test_skipping_the_code_leads_nowhere(client, request, who, target):
    user = request.getfixturevalue(who)
    enrolled(user)
    password_login(client, user)

    response = client.get(target)

    if target.startswith("/api/"):
        assert response.status_code == 403
        assert "Two-factor" in response.json()["detail"]
    else:
        assert response.status_code == 302
        assert response.url.startswith(f"{VERIFY}?next=")


def test_without_a_device_every_page_leads_to_setup(client, regional_admin):
    password_login(client, regional_admin)
    response = client.get("/registry/youths/")
    assert response.status_code == 302
    assert response.url == f"{SETUP}?next=%2Fregistry%2Fyouths%2F"


def test_setup_shows_a_qr_code_as_inline_svg_and_confirms_with_a_code(client, regional_admin):
    password_login(client, regional_admin)
    page = client.get(SETUP)
    html = page.content.decode()

    assert page.status_code == 200
    assert re.search(r'<figure class="oj-qr"[^>]*>\s*<svg[^>]*viewBox', html)
    assert "data:" not in html and "<img" not in html and "<script" not in html
    device = TOTPDevice.objects.get(user=regional_admin)
    assert device.confirmed is False
    shown = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', html).group(1)
    assert b32decode(shown.replace(" ", "") + "=" * (-len(shown.replace(" ", "")) % 8)) \
        == device.bin_key

    response = client.post(SETUP, {"token": current_code(device), "next": "/accounts/access-log/"})

    assert response.status_code == 302 and response.url == "/accounts/access-log/"
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get("/").status_code == 200


def test_a_wrong_code_keeps_you_out(client, regional_admin):
    device = enrolled(regional_admin)
    password_login(client, regional_admin)
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(VERIFY, {"token": wrong, "next": "/"})

    assert response.status_code == 200
    assert "This code is not valid" in response.content.decode()
    assert client.get("/").url.startswith(VERIFY)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the next guess has to wait


def test_the_right_code_opens_the_site_and_the_admin(client, superuser):
    device = enrolled(superuser)
    password_login(client, superuser)
    before = client.session.session_key

    response = client.post(VERIFY, {"token": current_code(device), "next": "/admin/"})

    assert response.status_code == 302 and response.url == "/admin/"
    assert client.session.session_key != before  # a fresh session key after the second step
    assert client.get("/admin/").status_code == 200
    assert client.get("/").status_code == 200


def test_next_cannot_send_you_to_another_site(client, regional_admin):
    device = enrolled(regional_admin)
    password_login(client, regional_admin)
    response = client.post(VERIFY, {"token": current_code(device),
                                    "next": "https://evil.example/"})
    assert response.url == "/"


def test_with_only_the_password_you_cannot_enrol_your_own_authenticator(client, regional_admin):
    enrolled(regional_admin)
    password_login(client, regional_admin)

    response = client.get(SETUP)

    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert client.post(SETUP, {"token": "123456"}).url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=regional_admin).count() == 1


def test_other_roles_need_no_second_factor(client, db):
    advisor = make_user(username="beleid", role=Role.POLICY_ADVISOR)
    password_login(client, advisor)
    assert client.get("/").status_code == 200
    assert not TOTPDevice.objects.filter(user=advisor).exists()


def test_the_admin_asks_the_code_of_every_staff_user(client, db):
    staff = make_user(username="staf", role=Role.POLICY_ADVISOR, is_staff=True)
    password_login(client, staff)
    assert client.get("/").status_code == 200  # the rest of the site: as for the role
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(SETUP)


def test_admin_site_itself_refuses_an_unverified_session(client, superuser):
    # Second lock: even when the middleware is bypassed, the admin site checks verification.
    from django.test import RequestFactory

    from openjeugd.core.admin_site import VerifiedAdminSite

    request = RequestFactory().get("/admin/")
    request.user = superuser
    superuser.is_verified = lambda: False
    assert VerifiedAdminSite().has_permission(request) is False
    superuser.is_verified = lambda: True
    assert VerifiedAdminSite().has_permission(request) is True


def test_force_login_helper_marks_the_session_verified(client, regional_admin):
    from django.test import Client

    client.force_login(regional_admin)
    assert client.get("/").status_code == 200
    # Without the test plugin's help the same user is sent to the second step.
    unverified = Client()
    unverified.raw_force_login(regional_admin)
    assert unverified.get("/").url.startswith(VERIFY)


def test_client_login_with_a_password_works_and_counts_for_lockout(client, db):
    advisor = make_user(username="beleid", role=Role.POLICY_ADVISOR)
    assert client.login(username="beleid", password=PASSWORD)
    client.logout()
    for _ in range(5):
        assert not client.login(username="beleid", password="wrong")
    assert not client.login(username="beleid", password=PASSWORD)  # locked out now
    assert advisor.is_active
