"""The read-only registry pages: region overview, providers, facilities, teams."""

import pytest
from django.urls import reverse

from openjeugd.registry.models import Facility, Municipality, Region, Team
from openjeugd.registry.tests.factories import (
    FacilityFactory,
    PartnershipMemberFactory,
    ProviderFactory,
    TeamFactory,
    UserFactory,
)


@pytest.fixture
def nijmegen_region(db):
    return Region.objects.get(name="Rijk van Nijmegen")


@pytest.fixture
def advisor(client, nijmegen_region):
    user = UserFactory(role="policy_advisor", region=nijmegen_region)
    client.force_login(user)
    return user


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("registry:municipality-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_user_without_role_is_refused(client, db):
    client.force_login(UserFactory(role=""))
    assert client.get(reverse("registry:provider-list")).status_code == 403


def test_region_overview_lists_own_municipalities_with_totals(client, advisor):
    Municipality.objects.filter(code="0268").update(
        population_total=180000, population_0_17=33000, population_source="CBS 2025")
    Municipality.objects.filter(code="0296").update(
        population_total=57000, population_0_17=12000, population_source="Demo",
        population_is_estimate=True)
    response = client.get(reverse("registry:municipality-list"))
    assert response.status_code == 200
    # By name: Berg en Dal, Beuningen, Druten, Heumen, Mook en Middelaar, Nijmegen, Wijchen.
    assert [m.code for m in response.context["municipalities"]] == [
        "1945", "0209", "0225", "0252", "0944", "0268", "0296"]
    totals = response.context["totals"]
    # 180000 + 57000 and 33000 + 12000; five municipalities have no figures yet.
    assert (totals.total, totals.aged_0_17, totals.complete) == (237000, 45000, False)
    assert totals.has_estimates
    html = response.content.decode()
    rows = {row.split("</td>")[0].split(">")[-1]: row for row in html.split("<tr")[1:]
            if "</td>" in row}  # first cell (gemeentecode) -> the row's HTML
    assert "oj-estimate" in rows["0296"] and "Demo" in rows["0296"]
    assert "oj-estimate" not in rows["0268"] and "CBS 2025" in rows["0268"]
    assert "includes demo estimates" in html
    assert "<caption" in html and 'scope="col"' in html


def test_other_region_by_slug(client, advisor):
    response = client.get(reverse("registry:region-detail", args=["zuid-limburg"]))
    assert len(response.context["municipalities"]) == 16


def test_former_municipalities_are_listed_apart(client, advisor):
    Municipality.objects.filter(code="0209").update(active=False)
    response = client.get(reverse("registry:municipality-list"))
    assert len(response.context["municipalities"]) == 6
    assert [m.code for m in response.context["former"]] == ["0209"]


def test_region_list(client, advisor):
    response = client.get(reverse("registry:region-list"))
    sizes = {r.name: r.municipality_count for r in response.context["regions"]}
    assert sizes["Rijk van Nijmegen"] == 7


def test_provider_detail_shows_facilities_and_partnerships(client, advisor):
    provider = ProviderFactory(name="Pluryn")
    FacilityFactory(provider=provider, name="De Hoenderloo", kind=Facility.Kind.JEUGDZORGPLUS,
                    places=12, group_size=6, age_min=12, age_max=18)
    membership = PartnershipMemberFactory(provider=provider, role="hoofdaannemer")
    PartnershipMemberFactory(partnership=membership.partnership,
                             provider=ProviderFactory(name="Entrea Lindenhout"))
    response = client.get(reverse("registry:provider-detail", args=[provider.pk]))
    html = response.content.decode()
    for text in ["De Hoenderloo", "JeugdzorgPlus (closed)", "12–18 years",
                 membership.partnership.name, "Entrea Lindenhout", "main contractor"]:
        assert text in html, text


def test_provider_list_counts_places(client, advisor):
    provider = ProviderFactory()
    FacilityFactory(provider=provider, places=8, group_size=8)
    FacilityFactory(provider=provider, places=4, group_size=4)
    response = client.get(reverse("registry:provider-list"))
    [listed] = [p for p in response.context["providers"] if p.pk == provider.pk]
    assert (listed.facility_count, listed.place_count) == (2, 12)


def test_unknown_provider_is_404(client, advisor):
    assert client.get(reverse("registry:provider-detail", args=[999999])).status_code == 404


def test_facility_list_filters_by_type(client, advisor):
    FacilityFactory(name="Gezinshuis Ooij", kind=Facility.Kind.GEZINSHUIS)
    FacilityFactory(name="HIC Nijmegen", kind=Facility.Kind.HIC)
    response = client.get(reverse("registry:facility-list"), {"kind": "hic"})
    assert [f.name for f in response.context["page"]] == ["HIC Nijmegen"]
    assert 'for="id_kind"' in response.content.decode()


def test_team_list_groups_by_kind_with_municipalities(client, advisor, nijmegen_region):
    nijmegen = Municipality.objects.get(code="0268")
    TeamFactory(name="SLT Nijmegen", kind=Team.Kind.SLT, region=nijmegen_region,
                municipalities=[nijmegen])
    TeamFactory(name="RET Gelderland-Zuid", kind=Team.Kind.RET, region=nijmegen_region)
    TeamFactory(name="Elders", region=Region.objects.get(name="Zuid-Limburg"))
    response = client.get(reverse("registry:team-list"))
    groups = [(label, [t.name for t in teams]) for label, teams in response.context["groups"]]
    # Kinds in Team.Kind order (local team, SLT, RET, brigade); other regions left out.
    assert groups == [("Stevig Lokaal Team (SLT)", ["SLT Nijmegen"]),
                      ("Regional Expert Team (RET)", ["RET Gelderland-Zuid"])]
    assert "Nijmegen" in response.content.decode()
