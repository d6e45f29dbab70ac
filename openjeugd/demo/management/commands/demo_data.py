"""`manage.py demo_data --region NAME|KEY`: a demo region whose care history arrives as iJw
messages.

1. registry set-up (population estimates, providers, GI, partnership, facilities, teams, users);
2. the care history as events (openjeugd.demo.generator, deterministic for --seed);
3. openjeugd.demo.ijw_bridge.load_history turns the events into iJw messages and imports them
   through the ordinary import path.

A seed key (g7, nijmegen, limburg, wbo, amsterdam) chooses the region's data file in
openjeugd/demo/seeds/: its providers, then its contracts, lots, products, tariffs and budgets
(openjeugd.demo.seeding, through the contracts services) before step 2, declarations at those
tariffs, and afterwards cases in every state of its pathway (openjeugd.demo.casework).
"""

import datetime
import os
import time
from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from openjeugd.demo import casework, identities, ijw_bridge, seeding, seeds, services
from openjeugd.demo.generator import _years_before, generate_history
from openjeugd.demo.models import DemoRun
from openjeugd.demo.organisations import plan_from_seed, plan_organisations
from openjeugd.demo.profiles import profile_for, profile_from_seed
from openjeugd.registry.models import Provider, Region


class Command(BaseCommand):
    help = "Set up a demo region and feed it a synthetic care history as iJw messages."

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="Jeugdregio name, e.g. 'Rijk van "
                            "Nijmegen', or a seed region: " + "|".join(seeds.KEYS) + ".")
        parser.add_argument("--youths", type=int, default=200, help="Youths in care.")
        parser.add_argument("--years", type=int, default=1, help="Years of history.")
        parser.add_argument("--seed", type=int, default=7, help="Same seed, same region.")
        parser.add_argument("--end", type=datetime.date.fromisoformat, default=None,
                            help="Last day of the history (YYYY-MM-DD); default today.")
        parser.add_argument("--export", metavar="DIR", default=None,
                            help="Write the history as iJw message files to DIR instead of "
                                 "importing it (then: openjeugd ijw import DIR).")
        parser.add_argument("--reset", action="store_true",
                            help="Remove this region's earlier demo data first.")
        parser.add_argument("--jobs", type=int, default=None,
                            help="Municipalities imported side by side (PostgreSQL only; "
                                 "default there: one per core; SQLite: 1).")

    def handle(self, *args, **options):
        console = Console(file=self.stdout._out, width=100, highlight=False)
        if options["youths"] < 0 or options["years"] < 1:
            raise CommandError("--youths must be 0 or more and --years at least 1.")
        if options["jobs"] is not None and options["jobs"] < 1:
            raise CommandError("--jobs must be 1 or more.")
        most = len(identities.valid_test_bsns())
        if options["youths"] > most:
            # Before any set-up: every demo youth needs a test BSN of its own.
            raise CommandError(f"--youths: at most {most:,} demo "
                               f"youths, the test BSNs that start with "
                               f"{identities.TEST_BSN_PREFIX} and pass the 11-proef.")
        seed = seeds.load(options["region"]) if options["region"] in seeds.KEYS else None
        region = _region(seed.region if seed else options["region"])
        end = options["end"] or timezone.localdate()
        municipalities = list(region.municipalities.filter(active=True)
                              .values_list("code", "name"))
        profile = profile_for(region.name, municipalities)
        plan = (plan_from_seed(seed, profile, options["seed"]) if seed
                else plan_organisations(profile, options["seed"]))
        try:
            self._set_up(console, region, profile, plan, options, end)
            if seed:
                profile = _configure(console, region, seed, plan, municipalities, options, end)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        events = generate_history(profile, youths=options["youths"], years=options["years"],
                                  seed=options["seed"], end=end, organisations=plan)
        _summary(console, region, profile, events)
        if options["export"]:
            written = ijw_bridge.export_history(events, Path(options["export"]))
            console.print(f"Wrote {written} iJw messages to {options['export']}.")
            return
        _load(console, region, events, options["jobs"] or os.cpu_count() or 1)
        if seed:
            _after_history(console, region, seed, plan, profile, end)

    def _set_up(self, console, region, profile, plan, options, end) -> None:
        if DemoRun.objects.filter(region=region).exists() and not options["reset"]:
            raise CommandError(f"{region} already has demo data; add --reset to replace it.")
        if options["reset"]:
            casework.reset(region=region)
            _reset_history(region)
            seeding.reset_configuration(region=region)
            if services.reset_region(region=region):
                console.print(f"Removed the earlier demo set-up of {region}.")
        services.set_up_region(region=region, profile=profile, plan=plan, seed=options["seed"],
                               youths=options["youths"], years=options["years"], end=end)
        console.print(f"Set up {region}: {len(plan.providers)} providers, "
                      f"{len(plan.teams)} teams, {len(services.DEMO_USERS)} demo users.")


def _configure(console, region, seed, plan, municipalities, options, end):
    """The seed's contracts, lots, tariffs and budgets; returns the profile whose products carry
    the tariffs the database now holds."""
    providers = {spec.key: Provider.objects.get(agb_code=agb.agb_code)
                 for spec, agb in zip(seed.providers, plan.providers, strict=True)}
    run = DemoRun.objects.get(region=region)
    first = _years_before(end, options["years"])
    seeding.load_configuration(region=region, seed=seed, providers=providers,
                               partnership=run.partnerships.get(),
                               years=list(range(first.year, end.year + 1)))
    console.print(f"Configured {region} from {seed.key}.toml: {len(seed.contracts)} contracts, "
                  f"{len(seed.products)} products ({seed.source}).")
    return profile_from_seed(seed, municipalities, seeding.prices(region))


def _after_history(console, region, seed, plan, profile, end) -> None:
    settled = seeding.settle_past_years(region=region, seed=seed, end=end)
    today = min(end, timezone.localdate())
    made = casework.populate(region=region, seed=seed, today=today,
                             assignment=_assignment(profile, plan, today))
    console.print(f"Settled {settled} provider-municipality years; casework: "
                  + ", ".join(f"{n} {name}" for name, n in made.items() if n) + ".")


def _assignment(profile, plan, today) -> dict:
    """What the demo's decision step assigns: a contracted ambulant product (the case asks for
    help at home; in Amsterdam a profile), per week and per hour when there is one."""
    def usable(blocks):
        return [p for b in blocks for p in b.products if p.eenheid and plan.providers_for(p.code)]

    products = usable(b for b in profile.blocks if b.key == "ambulant") or usable(profile.blocks)
    products.sort(key=lambda p: (p.frequentie != "2", p.eenheid != "04", -p.weight, p.code))
    product = products[0]
    product.tariff_on(today)  # refuses a product without a tariff today
    return {"categorie": product.categorie, "code": product.code, "eenheid": product.eenheid,
            "frequentie": product.frequentie, "volume": product.volume[0],
            "provider": plan.providers_for(product.code)[0].agb_code}


def _region(name: str) -> Region:
    region = Region.objects.filter(name=name).first()
    if region is None:
        names = ", ".join(Region.objects.order_by("name").values_list("name", flat=True))
        raise CommandError(f"No jeugdregio named {name!r}. Valid names: {names or '(none)'}.")
    return region


def _summary(console: Console, region, profile, events) -> None:
    counts = Counter(type(event).__name__ for event in events)
    console.print(f"Generated care history of {region}:")
    table = Table()
    table.add_column("Event")
    table.add_column("Count", justify="right")
    for name in ("Referral", "Toewijzing", "Change", "Start", "Stop", "Declaration"):
        table.add_row(name, str(counts[name]))
    console.print(table)
    console.print(f"The whole region would have about {profile.youths_in_care:,} youths in "
                  f"care ({profile.care_rate:.0%} of {profile.population_0_17:,} aged 0-17).")


def _bridge():
    # Tests replace this by None to set up a region without importing its history.
    return ijw_bridge


def _reset_history(region) -> None:
    # The bridge owns the imported messages and care state; it removes them before the
    # providers they refer to can go.
    bridge = _bridge()
    if bridge is not None and hasattr(bridge, "reset_history"):
        bridge.reset_history(region=region)


def _load(console: Console, region, events, jobs: int) -> None:
    bridge = _bridge()
    if bridge is None:
        console.print(f"[yellow]Warning:[/yellow] no iJw bridge, so the {len(events)} events "
                      "were generated but not imported. The registry set-up is in place.")
        return
    columns = (TextColumn("Importing iJw messages"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    # No refresh thread: a parallel load forks its workers, and forking a process that runs
    # other threads may leave a lock held in the child. The bar is redrawn as steps finish.
    with Progress(*columns, console=console, auto_refresh=False) as progress:
        task = progress.add_task("import", total=len(events))
        drawn = [0.0]

        def report(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)
            if done == total or time.monotonic() - drawn[0] > 0.25:
                progress.refresh()
                drawn[0] = time.monotonic()

        bridge.load_history(events, progress=report, jobs=jobs)
    console.print(f"Imported the care history of {region}.")
