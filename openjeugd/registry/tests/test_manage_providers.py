"""Registering and unregistering providers for the own region (Provider.regions)."""

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Provider
from openjeugd.registry.tests.factories import ProviderFactory


def test_register_and_unregister_a_provider(admin_client, own_region, other_region):
    provider = ProviderFactory(agb_code="98111111")
    provider.regions.add(other_region)
    response = admin_client.post("/registry/manage/providers/", {"agb_code": "98111111"})
    assert response.status_code == 302
    assert set(provider.regions.all()) == {own_region, other_region}

    admin_client.post(f"/registry/manage/providers/{provider.pk}/unregister/")
    # Only the own region's registration goes; the other region keeps the provider.
    assert list(provider.regions.all()) == [other_region]
    assert [e.purpose for e in AccessLogEntry.objects.exclude(action="login").order_by("id")] == [
        "registry maintenance: register for region rijk-van-nijmegen",
        "registry maintenance: unregister from region rijk-van-nijmegen"]


def test_unregistering_a_provider_of_another_region_is_404(admin_client, other_region):
    provider = ProviderFactory()
    provider.regions.add(other_region)
    response = admin_client.post(f"/registry/manage/providers/{provider.pk}/unregister/")
    assert response.status_code == 404
    assert list(provider.regions.all()) == [other_region]


def test_unknown_agb_code_names_the_field(admin_client):
    response = admin_client.post("/registry/manage/providers/", {"agb_code": "98999999"})
    assert list(response.context["form"].errors) == ["agb_code"]


def test_create_a_new_provider_for_the_own_region(admin_client, own_region):
    response = admin_client.post("/registry/manage/providers/new/", {
        "name": "Jeugdhulp Waal", "agb_code": "98222222", "kvk_number": "12345678"})
    assert response.status_code == 302
    assert list(Provider.objects.get(agb_code="98222222").regions.all()) == [own_region]


def test_invalid_agb_code_names_the_field(admin_client):
    response = admin_client.post("/registry/manage/providers/new/",
                                 {"name": "X", "agb_code": "abc"})
    assert "agb_code" in response.context["form"].errors
    assert not Provider.objects.filter(name="X").exists()
