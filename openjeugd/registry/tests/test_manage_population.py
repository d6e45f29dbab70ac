"""Population figures of the own region on screen; another region's municipality is 404."""

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Municipality

FIGURES = {"population_total": "180000", "population_0_17": "33000",
           "population_source": "CBS 2025"}


def test_edit_population_of_own_municipality(admin_client):
    response = admin_client.post("/registry/manage/municipalities/0268/population/", FIGURES)
    assert response.status_code == 302
    nijmegen = Municipality.objects.get(code="0268")
    assert (nijmegen.population_total, nijmegen.population_0_17, nijmegen.population_source,
            nijmegen.population_is_estimate) == (180000, 33000, "CBS 2025", False)
    entry = AccessLogEntry.objects.exclude(action="login").get()
    assert (entry.username, entry.action, entry.object_id) == ("beheer", "update",
                                                                str(nijmegen.pk))


def test_model_rules_name_the_field(admin_client):
    response = admin_client.post("/registry/manage/municipalities/0268/population/",
                                 {**FIGURES, "population_source": ""})
    assert list(response.context["form"].errors) == ["population_source"]
    assert Municipality.objects.get(code="0268").population_total is None
    assert not AccessLogEntry.objects.exclude(action="login").exists()


def test_another_regions_municipality_is_404(admin_client):
    url = "/registry/manage/municipalities/0935/population/"
    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, FIGURES).status_code == 404
    assert Municipality.objects.get(code="0935").population_total is None


def test_region_page_links_to_the_form_for_own_municipalities_only(admin_client):
    own = admin_client.get("/registry/regions/rijk-van-nijmegen/").content.decode()
    assert "/registry/manage/municipalities/0268/population/" in own
    other = admin_client.get("/registry/regions/zuid-limburg/").content.decode()
    assert "/manage/municipalities/" not in other
