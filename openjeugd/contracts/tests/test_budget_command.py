"""openjeugd contracts budget --region NAME --year YYYY [--format json]"""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from openjeugd import cli
from openjeugd.contracts import services
from openjeugd.contracts.models import Ceiling, LearningContribution
from openjeugd.contracts.tests.budget_case import AS_OF, deliver_history
from openjeugd.registry.tests.factories import ProviderFactory


@pytest.fixture
def history(deliver, contracted, region, product, provider):
    at = {"region": region, "year": 2026, "as_of": AS_OF}
    services.set_ceiling(level=Ceiling.Level.REGION, amount=Decimal("24000.00"),
                         efficiency_discount=Decimal("2.50"), ventiel=Decimal("250.00"), **at)
    services.set_ceiling(level=Ceiling.Level.PRODUCT, product=product,
                         amount=Decimal("10000.00"), **at)
    deliver_history(deliver)
    for provider_, amount, paid_on in ((provider, "1000.00", date(2026, 3, 1)),
                                       (ProviderFactory(), "1500.00", None)):
        if provider_ is not provider:
            services.award_contract(contract=contracted, provider=provider_,
                                    start_date=date(2026, 1, 1))
        LearningContribution.objects.create(region=region, contract=contracted,
                                            provider=provider_, year=2026,
                                            amount=Decimal(amount), paid_on=paid_on)
    return region


def run(*args) -> str:
    out = StringIO()
    call_command("contracts", "budget", *args, "--as-of", AS_OF.isoformat(), stdout=out)
    return out.getvalue()


def test_json_lists_every_ceiling(history):
    report = json.loads(run("--region", history.name, "--year", "2026", "--format", "json"))
    assert report["year"] == 2026
    region, product = report["ceilings"]
    # Amounts from budget_case: see test_budget_figures for the arithmetic.
    assert {k: region[k] for k in ("level", "budget", "committed", "spent", "forecast",
                                   "status", "unpriced_toewijzingen")} == {
        "level": "region", "budget": "23650.00", "committed": "10829.71", "spent": "1368.00",
        "forecast": "20835.42", "status": "ok", "unpriced_toewijzingen": 1}
    assert (product["committed"], product["status"]) == ("8989.71", "exhausted")
    # L&O: EUR 2,500.00 agreed, of which 1,000.00 paid (the fixture below).
    assert report["leren_en_ontwikkelen"] == {"budget": "2500.00", "paid": "1000.00"}


def test_table_by_default(history):
    table = run("--region", history.slug, "--year", "2026")
    assert "Rijk van Nijmegen 2026" in table
    region_row = next(line for line in table.splitlines() if "region:" in line)
    for figure in ("23650.00", "10829.71", "1368.00", "20835.42", "ok"):
        assert figure in region_row
    assert "exhausted" in next(line for line in table.splitlines() if "product:" in line)
    assert "Leren & Ontwikkelen: budget 2500.00, paid 1000.00" in table


def test_unknown_region_is_an_error(db):
    with pytest.raises(CommandError, match="No region named 'Atlantis'"):
        run("--region", "Atlantis", "--year", "2026")


def test_through_the_openjeugd_command(history, capsys):
    cli.main(["openjeugd", "contracts", "budget", "--region", history.name, "--year", "2026",
              "--format", "json", "--as-of", AS_OF.isoformat()])
    report = json.loads(capsys.readouterr().out)
    assert [c["level"] for c in report["ceilings"]] == ["region", "product"]
