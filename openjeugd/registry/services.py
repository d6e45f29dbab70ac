"""Writes to the registry. Every function: keyword-only arguments, full validation, one
transaction, an audit record, and the object back."""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from openjeugd.accounts import audit
from openjeugd.registry.division import DivisionRow, read_division
from openjeugd.registry.models import (
    Division,
    Facility,
    Municipality,
    Partnership,
    PartnershipMember,
    Provider,
    Region,
    Team,
    Youth,
)

PURPOSE = "registry maintenance"


# --- municipal division -----------------------------------------------------------------------

@dataclass
class DivisionSummary:
    year: int
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    regions_created: int = 0
    moved: list[str] = field(default_factory=list)  # gemeentecodes that changed region


def load_division(source: str | Path | Iterable[Mapping[str, str]], *, year: int,
                  user=None) -> DivisionSummary:
    """Bring regions and municipalities in line with the CBS division of `year`.

    Municipalities missing from the division are deactivated, never deleted: messages,
    youths and declaraties still refer to them. Population figures are left alone.
    """
    rows = read_division(source)
    _refuse_older_division(year)
    label = str(source) if isinstance(source, str | Path) else "rows"
    with transaction.atomic():
        summary = DivisionSummary(year=year)
        regions = _upsert_regions(rows, summary)
        _upsert_municipalities(rows, regions, summary)
        _deactivate_absent(rows, summary)
        division, _created = Division.objects.update_or_create(year=year, defaults={
            "source": label[-200:], "created": summary.created, "updated": summary.updated,
            "deactivated": summary.deactivated,
        })
        audit.record_object(user, "create", division, purpose=f"load division {year}")
    return summary


def _refuse_older_division(year: int) -> None:
    latest = Division.objects.order_by("-year").values_list("year", flat=True).first()
    if latest is not None and year < latest:
        raise ValidationError({"year": _(
            "Division %(year)s is older than the loaded division %(latest)s; loading it would "
            "undo later mergers.") % {"year": year, "latest": latest}})


def _upsert_regions(rows: list[DivisionRow], summary: DivisionSummary) -> dict[str, Region]:
    regions = {region.name: region for region in Region.objects.all()}
    taken_slugs = {region.slug: region.name for region in regions.values()}
    new = []
    for name in dict.fromkeys(row.jeugdregio for row in rows):
        if name in regions:
            continue
        slug = slugify(name)
        if slug in taken_slugs:
            raise ValidationError({"jeugdregio": _(
                "Region %(name)r would get the web address %(slug)r, already used by "
                "%(other)r.") % {"name": name, "slug": slug, "other": taken_slugs[slug]}})
        taken_slugs[slug] = name
        new.append(Region(name=name, slug=slug))
    for region in Region.objects.bulk_create(new):
        regions[region.name] = region
    if new and new[0].pk is None:  # backends that do not return keys from bulk_create
        regions = {region.name: region for region in Region.objects.all()}
    summary.regions_created = len(new)
    return regions


_DIVISION_FIELDS = ["name", "province", "region", "active"]


def _upsert_municipalities(rows, regions, summary: DivisionSummary) -> None:
    existing = {m.code: m for m in Municipality.objects.all()}
    new, changed = [], []
    for row in rows:
        region = regions[row.jeugdregio]
        municipality = existing.get(row.gemeentecode)
        if municipality is None:
            new.append(Municipality(code=row.gemeentecode, name=row.gemeentenaam,
                                    province=row.provincie, region=region))
            continue
        if municipality.region_id != region.pk:
            summary.moved.append(row.gemeentecode)
        wanted = (row.gemeentenaam, row.provincie, region.pk, True)
        current = (municipality.name, municipality.province, municipality.region_id,
                   municipality.active)
        if wanted != current:
            municipality.name, municipality.province = row.gemeentenaam, row.provincie
            municipality.region, municipality.active = region, True
            changed.append(municipality)
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(changed, _DIVISION_FIELDS)
    summary.created, summary.updated = len(new), len(changed)


def _deactivate_absent(rows, summary: DivisionSummary) -> None:
    codes = {row.gemeentecode for row in rows}
    summary.deactivated = (
        Municipality.objects.filter(active=True).exclude(code__in=codes).update(active=False)
    )


# --- population -------------------------------------------------------------------------------

def update_population(*, user, municipality: Municipality, population_total: int | None,
                      population_0_17: int | None, population_source: str,
                      population_is_estimate: bool, request=None) -> Municipality:
    municipality.population_total = population_total
    municipality.population_0_17 = population_0_17
    municipality.population_source = population_source
    municipality.population_is_estimate = population_is_estimate
    return _save(user, municipality, "update", request=request)


# --- organisations ----------------------------------------------------------------------------

def create_provider(*, user, name: str, agb_code: str, kvk_number: str = "",
                    regions: Iterable[Region] = (), request=None) -> Provider:
    with transaction.atomic():
        provider = _save(user, Provider(name=name, agb_code=agb_code, kvk_number=kvk_number),
                         "create", request=request)
        provider.regions.set(regions)
    return provider


def update_provider(*, user, provider: Provider, request=None, **changes) -> Provider:
    regions = changes.pop("regions", None)
    _assign(provider, changes, {"name", "agb_code", "kvk_number"})
    with transaction.atomic():
        _save(user, provider, "update", request=request)
        if regions is not None:
            provider.regions.set(regions)
    return provider


def register_provider(*, user, provider: Provider, region: Region, request=None) -> Provider:
    """Register a provider for a region (the provider–region relation); idempotent."""
    with transaction.atomic():
        provider.regions.add(region)
        audit.record_object(user, "update", provider, request=request,
                           purpose=f"{PURPOSE}: register for region {region.slug}")
    return provider


def unregister_provider(*, user, provider: Provider, region: Region, request=None) -> Provider:
    with transaction.atomic():
        provider.regions.remove(region)
        audit.record_object(user, "update", provider, request=request,
                           purpose=f"{PURPOSE}: unregister from region {region.slug}")
    return provider


def create_partnership(*, user, name: str, region: Region, hoofdaannemer: Provider,
                       onderaannemers: Iterable[Provider] = (), request=None) -> Partnership:
    """A samenwerkingsverband with exactly one hoofdaannemer, who holds the contract."""
    with transaction.atomic():
        partnership = _save(user, Partnership(name=name, region=region), "create",
                            request=request)
        _add_members(user, partnership, hoofdaannemer, onderaannemers, request)
    return partnership


def set_partnership_members(*, user, partnership: Partnership, hoofdaannemer: Provider,
                            onderaannemers: Iterable[Provider] = (),
                            request=None) -> Partnership:
    """Replace the members; the partnership always ends with exactly one hoofdaannemer."""
    with transaction.atomic():
        for member in partnership.members.all():
            audit.record_object(user, "delete", member, purpose=PURPOSE, request=request)
        partnership.members.all().delete()
        _add_members(user, partnership, hoofdaannemer, onderaannemers, request)
    return partnership


def _add_members(user, partnership, hoofdaannemer, onderaannemers, request) -> None:
    Role = PartnershipMember.Role
    members = [(hoofdaannemer, Role.HOOFDAANNEMER)]
    members += [(provider, Role.ONDERAANNEMER) for provider in onderaannemers]
    for provider, role in members:
        # full_clean checks the unique constraints: a provider joins once, one hoofdaannemer.
        _save(user, PartnershipMember(partnership=partnership, provider=provider, role=role),
              "create", request=request)


# --- places -----------------------------------------------------------------------------------

FACILITY_FIELDS = {"provider", "name", "kind", "municipality", "places", "group_size",
                   "age_min", "age_max"}


def create_facility(*, user, provider: Provider, name: str, kind: str,
                    municipality: Municipality, places: int = 0, group_size: int | None = None,
                    age_min: int = 0, age_max: int = 17, request=None) -> Facility:
    _require_active(municipality, "municipality")
    facility = Facility(provider=provider, name=name, kind=kind, municipality=municipality,
                        places=places, group_size=group_size, age_min=age_min, age_max=age_max)
    return _save(user, facility, "create", request=request)


def update_facility(*, user, facility: Facility, request=None, **changes) -> Facility:
    _assign(facility, changes, FACILITY_FIELDS)
    if "municipality" in changes:
        _require_active(facility.municipality, "municipality")
    return _save(user, facility, "update", request=request)


def create_team(*, user, name: str, kind: str, region: Region,
                municipalities: Iterable[Municipality] = (), request=None) -> Team:
    with transaction.atomic():
        team = _save(user, Team(name=name, kind=kind, region=region), "create", request=request)
        _set_team_municipalities(team, municipalities)
    return team


def update_team(*, user, team: Team, request=None, **changes) -> Team:
    municipalities = changes.pop("municipalities", None)
    _assign(team, changes, {"name", "kind", "region"})
    with transaction.atomic():
        _save(user, team, "update", request=request)
        if municipalities is not None or "region" in changes:
            _set_team_municipalities(
                team, team.municipalities.all() if municipalities is None else municipalities)
    return team


def _set_team_municipalities(team: Team, municipalities: Iterable[Municipality]) -> None:
    municipalities = list(municipalities)
    # A team works for municipalities of its own region: they commission it together.
    outside = [m.name for m in municipalities if m.region_id != team.region_id]
    if outside:
        raise ValidationError({"municipalities": _(
            "Not in the team's region %(region)s: %(names)s.")
            % {"region": team.region, "names": ", ".join(outside)}})
    team.municipalities.set(municipalities)


# --- youths -----------------------------------------------------------------------------------

def create_youth(*, user, bsn: str, birth_date: datetime.date | str,
                 municipality: Municipality, geslacht: str = Youth.Geslacht.ONBEKEND,
                 initials: str = "", surname: str = "", request=None) -> Youth:
    _require_active(municipality, "municipality")
    if Youth.objects.filter(bsn=bsn, municipality=municipality).exists():
        raise ValidationError({"bsn": _("This municipality already has a record of this BSN.")})
    youth = Youth(bsn=bsn, birth_date=parse_date(birth_date, "birth_date"), geslacht=geslacht,
                  initials=initials, surname=surname, municipality=municipality)
    return _save(user, youth, "create", request=request)


def update_youth(*, user, youth: Youth, request=None, **changes) -> Youth:
    if "birth_date" in changes:
        changes["birth_date"] = parse_date(changes["birth_date"], "birth_date")
    _assign(youth, changes, {"bsn", "birth_date", "geslacht", "initials", "surname",
                             "municipality"})
    if "municipality" in changes:
        _require_active(youth.municipality, "municipality")
    return _save(user, youth, "update", request=request)


# --- helpers ----------------------------------------------------------------------------------

def parse_date(value: datetime.date | str, field_name: str) -> datetime.date:
    """A date, or an ISO date string; '2027-06-31' is refused, naming the field."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError({field_name: _(
            "%(value)r is not a valid date (YYYY-MM-DD).") % {"value": value}}) from None


def _require_active(municipality: Municipality, field_name: str) -> None:
    if municipality is not None and not municipality.active:
        raise ValidationError({field_name: _(
            "%(municipality)s no longer exists in the current municipal division.")
            % {"municipality": municipality}})


def _assign(obj, changes: dict, allowed: set[str]) -> None:
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of {obj._meta.label}.")
    for name, value in changes.items():
        setattr(obj, name, value)


def _save(user, obj, action: str, *, request=None):
    with transaction.atomic():
        obj.full_clean()
        obj.save()
        audit.record_object(user, action, obj, purpose=PURPOSE, request=request)
    return obj
