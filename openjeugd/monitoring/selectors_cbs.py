"""Reads for the CBS outputs of issue #11: a provider's delivery file for a half year and the
StatLine-style tables of a region. The facts come through monitoring.selectors.facts (the same
starts and stops, OP033 corrections applied); the formatting is cbs.delivery_file/statline.

Only the `_for` functions decide access (accounts.policy) and log personal-data reads; the
plain ones serve the command line, which logs under its OS user.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.http import Http404

from openjeugd.accounts import policy
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw.models import Start
from openjeugd.monitoring import seams, selectors
from openjeugd.monitoring.cbs import delivery_file, statline
from openjeugd.monitoring.cbs.deliveries import Report, deliveries
from openjeugd.monitoring.cbs.delivery_file import Person, Problems
from openjeugd.monitoring.cbs.periods import Period, half_years
from openjeugd.monitoring.cbs.trajectories import merge
from openjeugd.registry.models import Provider, Region, Youth


@dataclass
class DeliveryFile:
    agb: str
    period: Period
    rows: list[dict]
    problems: Problems
    youth_ids: set[int] = field(default_factory=set)  # the youth records in the file
    omitted: int = 0  # records of youths this user may not open (web only)

    @property
    def text(self) -> str:
        return delivery_file.render(self.rows)

    @property
    def filename(self) -> str:
        return delivery_file.filename(self.agb, self.period)


def provider_delivery(agb: str, period: Period, *, scope: Q | None = None,
                      regions=None, visible: set[int] | None = None) -> DeliveryFile:
    """The provider's records for the half year over every region of this installation where
    it delivered care (a youth moving between regions stays one record, §7.5), each region's
    products mapped by its own catalogue. `scope` narrows the facts (a user's municipalities);
    `visible`: the youth ids a user may open (None: all, the command line)."""
    starts_of = Start.objects.filter(provider__agb_code=agb, deleted_by__isnull=True,
                                     begindatum__lte=period.last)
    if scope is not None:
        starts_of = starts_of.filter(scope)
    region_ids = set(starts_of.values_list("municipality__region", flat=True).distinct())
    regions = Region.objects.filter(pk__in=region_ids) if regions is None else [
        region for region in regions if region.pk in region_ids]
    problems, found, crisis, measurements = Problems(), [], set(), []

    def facts_scope(**paths) -> Q:
        own = Q(**{paths.get("provider", "provider") + "__agb_code": agb})
        return own & scope if scope is not None else own

    for region in regions:
        starts, stops = selectors.facts(region, until=period.last, scope=facts_scope)
        hulpvorm_of = seams.hulpvorm_lookup(region)
        delivered, _ = deliveries(starts, stops, hulpvorm_of, as_of=period.last)
        found += delivered
        crisis |= delivery_file.crisis_starts(starts, hulpvorm_of)
        for product, bsns in delivery_file.unmapped_in_period(
                starts, stops, hulpvorm_of, period, agb).items():
            problems.unmapped.setdefault(product, set()).update(bsns)
        if delivered:
            earliest = min(delivery.start for delivery in delivered)
            measurements += seams.measurements(region, earliest, period.last)
    trajectories = [t for t in merge(found) if t.overlaps(period.first, period.last)]
    omitted = 0
    if visible is not None:
        shown = [t for t in trajectories
                 if delivery_file.current_member(t, period.last).youth_id in visible]
        omitted, trajectories = len(trajectories) - len(shown), shown
    ids = {delivery_file.current_member(t, period.last).youth_id for t in trajectories}
    persons = {pk: Person(bsn, born, geslacht) for pk, bsn, born, geslacht in
               Youth.objects.filter(pk__in=ids).values_list("pk", "bsn", "birth_date",
                                                             "geslacht")}
    rows = delivery_file.records(trajectories, persons, period, agb=agb, crisis=crisis,
                                 measurements=measurements, problems=problems)
    return DeliveryFile(agb, period, rows, problems, ids, omitted)


def statline_tables(region, first: date, last: date, *,
                    scope: selectors.Scope | None = None) -> tuple[list[dict], Report]:
    """Per half year (clipped to [first, last]) and municipality, from the trajectories as
    known at `last` (selectors.region_trajectories)."""
    found, report = selectors.region_trajectories(region, first, last, scope=scope)
    periods = [Period(max(first, half.first), min(last, half.last))
               for half in half_years(first, last)]
    return statline.tables(found, periods), report


# --- access-controlled ----------------------------------------------------------------------

def delivery_file_for(user, agb: str, period: Period, *, request=None) -> DeliveryFile:
    """Person-level (BSN): VIEW_YOUTH. A provider's staff get their own AGB's file; region
    staff with youth access that of a provider of their region, limited to their
    municipalities. Another provider, or one outside the region, is 404. Records of youths the
    user may not open are left out and counted; every youth in the file is logged as read."""
    policy.require(user, policy.Perm.VIEW_YOUTH)
    own = policy.provider_agb(user)
    scope = policy.scope_q(user)
    if scope is None or (own is not None and own != agb):
        raise Http404("No such provider in your scope.")
    regions = None
    if own is None:
        if not Provider.objects.filter(agb_code=agb, regions=user.region_id).exists():
            raise Http404("No such provider in your region.")
        regions = [user.region]
    visible = set(policy.youths_visible_to(user).values_list("pk", flat=True))
    found = provider_delivery(agb, period, scope=None if own else scope, regions=regions,
                              visible=visible)
    youths = Youth.objects.filter(pk__in=found.youth_ids).select_related(
        "municipality").order_by("pk")
    policy.log_youth_list(user, list(youths), purpose=Purpose.MONITORING_TRAJECTORIES,
                          request=request)
    return found


def providers_for(user) -> list[tuple[str, str]]:
    """(AGB, name) of the providers whose delivery file this user may ask for."""
    own = policy.provider_agb(user)
    if own is not None:
        return list(Provider.objects.filter(agb_code=own).values_list("agb_code", "name"))
    if user.region_id is None:
        return []
    return list(Provider.objects.filter(regions=user.region_id).order_by("name")
                .values_list("agb_code", "name"))


def statline_for(user, region, first: date, last: date) -> tuple[list[dict], Report]:
    """Figures within the user's scope (VIEW_REGION_FIGURES); another region is 404."""
    policy.require(user, policy.Perm.VIEW_REGION_FIGURES)
    if region is None or user.region_id != region.pk:
        raise Http404("No such region in your scope.")
    if policy.scope_q(user) is None:
        return [], Report()

    def scope(**paths) -> Q:
        return policy.scope_q(user, **paths) or Q(pk__in=[])

    return statline_tables(region, first, last, scope=scope)


def half_years_ended(today: date, count: int = 4) -> list[Period]:
    """The last `count` half years that have ended by `today`, newest first (§7.4: CBS asks
    the data "binnen een termijn van drie weken na afloop van de verslagperiode")."""
    found = []
    year, half = (today.year, 1) if today.month > 6 else (today.year - 1, 2)
    while len(found) < count:
        found.append(delivery_file.parse_half_year(f"{year}-{half}"))
        year, half = (year, 1) if half == 2 else (year - 1, 2)
    return found


def unmapped_rows(problems: Problems) -> list[dict]:
    return [{"productcategorie": cat, "productcode": code, "jeugdigen": len(bsns)}
            for (cat, code), bsns in problems.unmapped.items()]

