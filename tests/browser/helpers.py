"""What the Dutch browser tests share: the region world (a region, its municipality, the
samples' provider), a user with a known password, a Dutch page, the login.

Write to the database before the browser starts (see the `chromium` fixture)."""

from typing import NamedTuple

from openjeugd.ijw.codec import samples
from openjeugd.pathways.services import config
from openjeugd.registry.models import Municipality, Provider, Region
from openjeugd.registry.tests.factories import RegionFactory, UserFactory

PASSWORD = "browser-tests-password-1"


def user(username, **fields):
    found = UserFactory(username=username, **fields)
    found.set_password(PASSWORD)
    found.save()
    return found


def dutch_page(chromium):
    context = chromium.new_context(locale="nl-NL")
    context.set_default_timeout(15_000)
    return context.new_page()


def log_in(page, live_server, username):
    """Through the real login form; the start page answers in Dutch."""
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.utrecht-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "nl"


class World(NamedTuple):
    region: Region
    nijmegen: Municipality
    provider: Provider


def region_with(code=samples.GEMEENTE, municipality="Nijmegen", *, name="Rijk van Nijmegen",
                province="Gelderland", preset=None):
    """A region holding one municipality (by default the samples' Nijmegen, 0268); the data
    migration may already hold the municipality: bind it to the region either way. With a
    preset, the region's pathways are configured by it."""
    region = RegionFactory(name=name)
    place, _ = Municipality.objects.update_or_create(
        code=code, defaults={"name": municipality, "province": province, "region": region})
    if preset:
        config.apply_preset(region=region, preset=preset)
    return region, place


def samples_provider(region):
    """The provider the iJw codec samples use (AGB samples.AGB), contracted in the region."""
    provider = Provider.objects.create(name="Jeugdhulp De Linde", agb_code=samples.AGB)
    provider.regions.add(region)
    return provider


def nijmegen_world(*, preset=None) -> World:
    """Rijk van Nijmegen with Nijmegen and the samples' provider: where the iJw samples live."""
    region, nijmegen = region_with(preset=preset)
    return World(region, nijmegen, samples_provider(region))
