"""Accounts for the load test, written as JSON for the locustfile (run by bench/load/run).

Seven roles log in with their demo account (`manage.py demo_logins`). The regional
administrator must also give a TOTP code, and django-otp accepts a code once per 30-second step
per device, so the eighth role gets a pool of look-alike accounts of its own — same role, same
region as the demo's `beheer` — each with a confirmed TOTP device whose secret is written to the
JSON file. The demo accounts' passwords are hashed again with the configured hasher. Run only
against a throwaway database: it creates users and secrets.
"""

import json
import os
import secrets
import sys

import django


def main(path: str, pool_size: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
    django.setup()
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from openjeugd.accounts.models import User
    from openjeugd.accounts.roles import Role
    from openjeugd.demo.services import DEMO_PASSWORD, DEMO_USERS

    roles, admin = [], None
    for username, role, _first, _last in DEMO_USERS:
        if role == Role.MESSAGE_CHANNEL:
            continue  # a service account: the API, not the screens
        account = User.objects.get(username=username)
        # Hashed now with the configured hasher: many simulated users share this account, and
        # a rehash at login (an older hash) would end the sessions the others just opened.
        account.set_password(DEMO_PASSWORD)
        account.save(update_fields=["password"])
        if role == Role.REGIONAL_ADMIN:
            admin = account
            roles.append({"role": role.value, "totp_pool": "regional_admin"})
        else:
            roles.append({"role": role.value, "username": username, "password": DEMO_PASSWORD,
                          "totp_pool": None})
    password = secrets.token_urlsafe(16)
    hashed = make_password(password)
    pool = []
    for number in range(1, pool_size + 1):
        user, _created = User.objects.update_or_create(
            username=f"bench-beheer-{number:02d}",
            defaults={"role": Role.REGIONAL_ADMIN, "region": admin.region, "password": hashed,
                      "is_active": True, "first_name": "Bench", "last_name": f"Beheer {number}"})
        TOTPDevice.objects.filter(user=user).delete()
        key = secrets.token_hex(20)
        TOTPDevice.objects.create(user=user, name="bench", key=key, confirmed=True)
        pool.append({"username": user.username, "password": password, "totp_key": key})
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"roles": roles, "totp_accounts": {"regional_admin": pool}}, handle, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
