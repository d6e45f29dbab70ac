"""Django admin: every registry model is there; youth lists show no BSN and reads are logged."""

import pytest
from django.contrib import admin

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry import models
from openjeugd.registry.tests.factories import (
    FacilityFactory,
    PartnershipMemberFactory,
    TeamFactory,
    UserFactory,
    YouthFactory,
)


@pytest.fixture
def superuser(client, db):
    user = UserFactory(role="regional_admin", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize("model", [
    models.Region, models.Municipality, models.Division, models.Provider,
    models.CertifiedInstitution, models.Partnership, models.Facility, models.Team, models.Youth,
])
def test_every_model_has_a_working_changelist(client, superuser, model):
    assert admin.site.is_registered(model)
    FacilityFactory(), TeamFactory(), PartnershipMemberFactory()
    url = f"/admin/registry/{model._meta.model_name}/"
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "a"}).status_code == 200


def test_youth_list_shows_no_bsn(client, superuser):
    youth = YouthFactory(surname="Smit")
    assert "bsn" not in admin.site.get_model_admin(models.Youth).list_display
    response = client.get("/admin/registry/youth/")
    html = response.content.decode()
    assert "Smit" in html
    assert youth.bsn not in html


def test_youth_admin_reads_are_logged(client, superuser):
    youth = YouthFactory()
    client.get("/admin/registry/youth/")
    client.get(f"/admin/registry/youth/{youth.pk}/change/")
    purposes = list(AccessLogEntry.objects.filter(object_type="registry.Youth",
                                                  object_id=str(youth.pk))
                    .order_by("id").values_list("action", "purpose"))
    assert purposes == [("read", "youth_list_admin"), ("read", "youth_record_admin")]


def test_youth_found_by_exact_bsn(client, superuser):
    youth = YouthFactory(surname="Smit")
    YouthFactory(surname="Mulder")
    response = client.get("/admin/registry/youth/", {"q": youth.bsn})
    assert list(response.context["cl"].result_list) == [youth]


def test_population_edit_in_admin_is_validated_and_audited(client, superuser):
    nijmegen = models.Municipality.objects.get(code="0268")
    url = f"/admin/registry/municipality/{nijmegen.pk}/change/"
    bad = {"population_total": "1000", "population_0_17": "2000", "population_source": "CBS"}
    response = client.post(url, bad)
    assert response.status_code == 200  # form shown again with the error
    assert "cannot exceed the total population" in response.content.decode()
    good = {**bad, "population_0_17": "200", "population_is_estimate": "on"}
    assert client.post(url, good).status_code == 302
    nijmegen.refresh_from_db()
    assert (nijmegen.population_0_17, nijmegen.population_is_estimate) == (200, True)
    entry = AccessLogEntry.objects.get(object_type="registry.Municipality")
    assert (entry.action, entry.user) == ("update", superuser)
