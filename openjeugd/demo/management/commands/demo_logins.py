"""`manage.py demo_logins`: the demo accounts, their shared password, role and scope."""

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.table import Table

from openjeugd.demo.selectors import demo_accounts
from openjeugd.demo.services import DEMO_PASSWORD


class Command(BaseCommand):
    help = "List the demo accounts with their password, role and scope."

    def handle(self, *args, **options):
        console = Console(file=self.stdout._out, width=160, highlight=False)
        accounts = demo_accounts()
        if not accounts:
            console.print("No demo accounts yet: run `manage.py demo_data --region NAME` first.")
            return
        table = Table(title="Demo accounts (demo only: never on a server with real data)")
        for column in ("Username", "Password", "Role", "Scope"):
            table.add_column(column)
        for account in accounts:
            table.add_row(account.username, DEMO_PASSWORD, str(account.get_role_display()),
                          scope_label(account))
        console.print(table)


def scope_label(account) -> str:
    if account.provider_id:
        return f"{account.region} – {account.provider.name}"
    if account.municipality_id:
        return f"{account.region} – {account.municipality.name}"
    return str(account.region)
