"""Both sides through the API: the municipality assigns, the provider starts, stops and
declares; every step is a real message through the one path."""

from datetime import date
from decimal import Decimal

import pytest

from openjeugd.accounts.models import AccessLogEntry, User
from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Declaratie, Message, Start, Toewijzing
from openjeugd.registry.models import Municipality, Youth


@pytest.fixture
def people(provider):
    nijmegen = Municipality.objects.get(code="0268")
    region = nijmegen.region
    worker = User.objects.create_user(username="toegang", password="x", region=region,
                                      role=Role.ACCESS_WORKER, municipality=nijmegen)
    staff = User.objects.create_user(username="aanbieder", password="x", region=region,
                                     role=Role.PROVIDER_STAFF, provider=provider)
    other = User.objects.create_user(
        username="elders", password="x", region=region, role=Role.ACCESS_WORKER,
        municipality=region.municipalities.exclude(code="0268").first())
    youth = Youth.objects.create(bsn=samples.BSN, birth_date=date(2012, 3, 14),
                                 geslacht="2", surname="Berg", initials="S",
                                 municipality=nijmegen)
    return worker, staff, other, youth


def post(client, user, url, data):
    client.force_login(user)
    return client.post(url, data, content_type="application/json")


def assign(client, worker, youth):
    return post(client, worker, "/api/ijw/actions/toewijzingen/", {
        "youth": youth.pk, "provider": samples.AGB, "categorie": "45", "code": "45A48",
        "ingangsdatum": "2026-01-12", "einddatum": "2026-12-31", "volume": 4,
        "eenheid": "04", "frequentie": "2"})


def test_the_whole_chain_through_the_api(client, people):
    worker, staff, _, youth = people
    response = assign(client, worker, youth)
    assert response.status_code == 201, response.json()
    assert (response.json()["code"], response.json()["status"]) == ("JW301", "sent")
    toewijzing = Toewijzing.objects.get()
    started = post(client, staff, f"/api/ijw/actions/toewijzingen/{toewijzing.pk}/start/",
                   {"begindatum": "2026-01-14"})
    assert started.json()["status"] == "accepted", started.json()
    start = Start.objects.get()
    stopped = post(client, staff, f"/api/ijw/actions/starts/{start.pk}/stop/",
                   {"einddatum": "2026-02-28", "reden_beeindiging": "31"})
    assert stopped.json()["status"] == "accepted", stopped.json()
    declared = post(client, staff, "/api/ijw/actions/declaraties/", {
        "municipality": "0268", "begindatum": "2026-02-01", "einddatum": "2026-02-28",
        "lines": [{"toewijzing": toewijzing.pk, "referentie": "R1", "volume": 16,
                   "tarief": "85.50"}]})
    assert declared.json()["status"] == "accepted", declared.json()
    # 16 hours × € 85.50 = € 1,368.00, all granted: 16 ≤ 4 h/week × ceil(28/7) weeks.
    assert Declaratie.objects.get().totaal_toegekend == Decimal("1368.00")
    assert Message.objects.filter(code="JW325").count() == 1
    assert AccessLogEntry.objects.filter(username="toegang", action="create").exists()


def test_another_municipality_cannot_assign_for_this_youth(client, people):
    _, _, other, youth = people
    # Another municipality's youth does not exist for this worker.
    assert assign(client, other, youth).status_code == 404
    assert not Message.objects.exists()


def test_provider_cannot_assign(client, people):
    _, staff, _, youth = people
    # Provider staff may read the youth (care relation) but never send as the municipality.
    before = Message.objects.count()
    response = assign(client, staff, youth)
    assert response.status_code in (403, 404)
    assert Message.objects.count() == before


def test_a_municipality_cannot_declare(client, people):
    """A declaration is sent as a provider: a user without one is refused, not a 500."""
    worker, _, _, youth = people
    assert assign(client, worker, youth).status_code == 201
    toewijzing, before = Toewijzing.objects.get(), Message.objects.count()
    response = post(client, worker, "/api/ijw/actions/declaraties/", {
        "municipality": "0268", "begindatum": "2026-02-01", "einddatum": "2026-02-28",
        "lines": [{"toewijzing": toewijzing.pk, "referentie": "R1", "volume": 4,
                   "tarief": "85.50"}]})
    assert response.status_code == 403
    assert Message.objects.count() == before


def test_bad_date_names_the_field(client, people):
    worker, _, _, youth = people
    response = post(client, worker, "/api/ijw/actions/toewijzingen/", {
        "youth": youth.pk, "provider": samples.AGB, "categorie": "45",
        "ingangsdatum": "2027-06-31"})
    assert response.status_code == 400
    assert "ingangsdatum" in response.json()
    assert not Message.objects.exists()


def test_municipality_worker_cannot_declare_as_a_provider(client, people):
    worker, _, _, youth = people
    assert assign(client, worker, youth).status_code == 201
    toewijzing = Toewijzing.objects.get()  # the worker's own municipality's: in scope
    response = post(client, worker, "/api/ijw/actions/declaraties/", {
        "municipality": "0268", "begindatum": "2026-02-01", "einddatum": "2026-02-28",
        "lines": [{"toewijzing": toewijzing.pk, "referentie": "R1", "volume": 1,
                   "tarief": "1.00"}]})
    # Refused as a matter of who sends (it used to crash on a worker without a provider).
    assert response.status_code == 403
    assert not Message.objects.filter(code="JW323").exists()
