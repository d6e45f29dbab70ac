"""Argon2 for passwords; a PBKDF2 hash from before is rehashed at the user's next login."""

import re

from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher
from django.test import Client

import openjeugd.settings as production
from openjeugd.registry.tests.factories import UserFactory

PASSWORD = "Voorjaar-in-Nijmegen-2026"  # noqa: S105


def test_production_hashes_with_argon2_and_still_reads_pbkdf2():
    assert production.PASSWORD_HASHERS[0] == "openjeugd.accounts.hashers.Argon2PasswordHasher"
    assert any(h.endswith(".PBKDF2PasswordHasher") for h in production.PASSWORD_HASHERS)


def log_in(client, username, password):
    """As a browser does: fetch the form, send it back with its CSRF token."""
    form = client.get("/login/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    return client.post("/login/", {"csrfmiddlewaretoken": token, "username": username,
                                   "password": password}, REMOTE_ADDR="127.0.0.1")


def test_a_pbkdf2_user_logs_in_through_the_form_and_leaves_with_an_argon2_hash(db, settings):
    # test_settings use MD5 for speed; here the production list.
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = UserFactory(username="oud-wachtwoord", role="policy_advisor")
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "vasteZoutWaarde12")
    user.save(update_fields=["password"])

    client = Client(enforce_csrf_checks=True)
    response = log_in(client, "oud-wachtwoord", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"

    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    # argon2id with OWASP's cost: 19 MiB, 2 passes, 1 lane
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)
    response = log_in(Client(enforce_csrf_checks=True), "oud-wachtwoord", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_hash_with_other_argon2_costs_is_rehashed_at_login(db, settings):
    from django.contrib.auth.hashers import Argon2PasswordHasher as DjangoDefaults

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = UserFactory(username="zware-hash", role="policy_advisor")
    user.password = DjangoDefaults().encode(PASSWORD, "vasteZoutWaarde12")  # 100 MiB, 8 lanes
    user.save(update_fields=["password"])
    assert log_in(Client(enforce_csrf_checks=True), "zware-hash", PASSWORD).status_code == 302
    user.refresh_from_db()
    assert "$m=19456,t=2,p=1$" in user.password
