"""Reads for the demo app."""

from openjeugd.accounts.models import User
from openjeugd.demo.services import DEMO_USERS


def demo_accounts() -> list[User]:
    """The demo accounts that exist, in the order of DEMO_USERS."""
    order = [username for username, *_rest in DEMO_USERS]
    accounts = User.objects.filter(username__in=order, demo_account__isnull=False).select_related(
        "region", "municipality", "provider")
    by_name = {account.username: account for account in accounts}
    return [by_name[name] for name in order if name in by_name]
