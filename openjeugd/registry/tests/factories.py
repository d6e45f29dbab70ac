"""factory_boy factories for the registry and for users; other apps reuse them.

The data migration already loads the 342 real municipalities, so factories use codes and
numbers that cannot collide with them: gemeentecodes from 5000 up (CBS codes end below 2000),
AGB codes from 98000000, BSNs 999000000-999899999 (clear of the 99999xxxx test
BSNs written by hand in other tests).
"""

import datetime

import factory
from django.utils.text import slugify

from openjeugd.accounts.models import User
from openjeugd.accounts.roles import SCOPE_OF_ROLE, Role, ScopeKind
from openjeugd.registry.models import (
    Facility,
    Municipality,
    Partnership,
    PartnershipMember,
    Provider,
    Region,
    Team,
    Youth,
)


def valid_bsn(n: int) -> str:
    """The n-th test BSN that passes the 11-proef; distinct n give distinct BSNs."""
    # 11-proef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11. Each n owns a block
    # of ten 8-digit prefixes; the check digit only fails (would be 10) for one of them.
    base = 99900000 + 10 * (n % 9000)
    for prefix in range(base, base + 10):
        digits = [int(d) for d in str(prefix)]
        check = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10:
            return f"{prefix}{check}"
    raise AssertionError("unreachable: at most one prefix in ten fails")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Testregio {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{5000 + n % 4000:04d}")
    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    province = "Gelderland"
    region = factory.SubFactory(RegionFactory)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ["agb_code"]

    name = factory.Sequence(lambda n: f"Zorgaanbieder {n}")
    agb_code = factory.Sequence(lambda n: f"{98000000 + n % 1000000:08d}")
    kvk_number = factory.Sequence(lambda n: f"{70000000 + n % 1000000:08d}")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Samenwerkingsverband {n}")
    region = factory.SubFactory(RegionFactory)


class PartnershipMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipMember

    partnership = factory.SubFactory(PartnershipFactory)
    provider = factory.SubFactory(ProviderFactory)
    role = PartnershipMember.Role.ONDERAANNEMER


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    provider = factory.SubFactory(ProviderFactory)
    name = factory.Sequence(lambda n: f"Locatie {n}")
    kind = Facility.Kind.BEHANDELGROEP
    municipality = factory.SubFactory(MunicipalityFactory)
    places = 8
    group_size = 8
    age_min = 12
    age_max = 17


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Team {n}")
    kind = Team.Kind.LOKAAL_TEAM
    region = factory.SubFactory(RegionFactory)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create and extracted:
            self.municipalities.set(extracted)


class YouthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Youth

    bsn = factory.Sequence(valid_bsn)
    birth_date = datetime.date(2012, 3, 4)
    geslacht = Youth.Geslacht.ONBEKEND
    initials = "J."
    surname = factory.Sequence(lambda n: f"Jansen-{n}")
    municipality = factory.SubFactory(MunicipalityFactory)


def _scope_is(kind: ScopeKind):
    return factory.LazyAttribute(lambda o: SCOPE_OF_ROLE.get(o.role) == kind)


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a role and the scope that role needs.

    UserFactory(role=Role.ACCESS_WORKER) also makes a municipality in the user's region;
    pass municipality=... or provider=... to bind to an existing one.
    """

    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    class Params:
        needs_municipality = _scope_is(ScopeKind.MUNICIPALITY)
        needs_provider = _scope_is(ScopeKind.PROVIDER)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("x")
    role = Role.POLICY_ADVISOR
    region = factory.SubFactory(RegionFactory)
    municipality = factory.Maybe(
        "needs_municipality",
        yes_declaration=factory.SubFactory(MunicipalityFactory,
                                           region=factory.SelfAttribute("..region")),
        no_declaration=None,
    )
    provider = factory.Maybe("needs_provider", yes_declaration=factory.SubFactory(ProviderFactory),
                             no_declaration=None)
