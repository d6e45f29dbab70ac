"""A provider's verzoek om wijziging (JW317) from the screen and the API: the form lists every
current toewijzing of the provider for the youth (TR349), the check shows what the rules find,
and sending archives a JW317 that takes the real ingest path and opens a Verzoek."""

from datetime import date

import pytest
from django.urls import reverse

from openjeugd.accounts.roles import Role
from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message, Toewijzing, Verzoek
from openjeugd.registry.models import Youth

API = "/api/ijw/actions/verzoeken-wijziging/"
ASSIGN = {"categorie": "45", "ingangsdatum": "2026-01-12", "einddatum": "2026-12-31",
          "volume": "4", "eenheid": "04", "frequentie": "2"}


@pytest.fixture
def people(provider, other_provider, nijmegen, user_with):
    youth = Youth.objects.create(bsn=samples.BSN, birth_date=date(2012, 3, 14), geslacht="2",
                                 surname="Berg", initials="S", municipality=nijmegen)
    return {"worker": user_with(Role.ACCESS_WORKER),
            "staff": user_with(Role.PROVIDER_STAFF, provider=provider),
            "stranger": user_with(Role.PROVIDER_STAFF, provider=other_provider),
            "youth": youth, "provider": provider}


def check(client, user, url, data):
    client.force_login(user)
    return client.post(url, {**data, "preview": "1"})


def send(client, user, url, data):
    shown = check(client, user, url, data)
    assert shown.status_code == 200, shown.context["form"].errors
    assert shown.context["draft"].sendable, shown.context["draft"].findings
    return client.post(url, {**data, "confirm": "1", "draft_key": shown.context["draft_key"]})


@pytest.fixture
def toewijzingen(client, people):
    """Two current toewijzingen of the provider (45A48, 45A49) and one withdrawn (13), which
    TR349 does not count as current — all through the municipality's own screens."""
    assign = reverse("ijw:assign", args=[people["youth"].pk])
    for code in ("45A48", "45A49", "45A50"):
        response = send(client, people["worker"], assign,
                        {**ASSIGN, "code": code, "provider": people["provider"].pk})
        assert response.status_code == 302
    withdrawn = Toewijzing.objects.get(product_code="45A50")
    response = send(client, people["worker"], reverse("ijw:change", args=[withdrawn.pk]),
                    {"einddatum": "2026-01-12", "reden_wijziging": "13"})
    assert response.status_code == 302
    withdrawn.refresh_from_db()
    assert withdrawn.reden_wijziging == "13"
    return {t.product_code: t for t in Toewijzing.objects.all()}


def url(people):
    return reverse("ijw:request-change", args=[people["youth"].pk])


def filled(form) -> dict:
    """What the browser posts for the prefilled form: every initial value, no box ticked."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name.endswith("_change") or value is None:
            continue
        data[name] = value.isoformat() if isinstance(value, date) else str(value)
    return data


def test_the_form_lists_every_current_toewijzing_prefilled(client, people, toewijzingen):
    client.force_login(people["staff"])
    response = client.get(url(people))
    assert response.status_code == 200
    form = response.context["form"]
    first, second = toewijzingen["45A48"], toewijzingen["45A49"]
    assert [t.pk for t in form.toewijzingen] == [first.pk, second.pk]  # not the withdrawn one
    nr = first.toewijzing_nummer
    # Today is 2026-06-15: the change is offered from tomorrow (TR357), the rest as stored.
    assert form[f"t{nr}_ingangsdatum"].value() == date(2026, 6, 16)
    assert (form[f"t{nr}_einddatum"].value(), form[f"t{nr}_volume"].value(),
            form[f"t{nr}_eenheid"].value(), form[f"t{nr}_frequentie"].value()) == (
        date(2026, 12, 31), 4, "04", "2")
    html = response.content.decode()
    assert f'name="t{second.toewijzing_nummer}_change"' in html
    assert f"t{toewijzingen['45A50'].toewijzing_nummer}_change" not in html


def test_the_timeline_offers_the_provider_a_change_request(client, people, toewijzingen):
    timeline = reverse("ijw:youth-timeline", args=[people["youth"].pk])
    client.force_login(people["staff"])
    assert url(people) in client.get(timeline).content.decode()
    client.force_login(people["worker"])
    assert url(people) not in client.get(timeline).content.decode()


def test_nothing_marked_to_change_is_refused_on_the_form(client, people, toewijzingen):
    client.force_login(people["staff"])
    form = client.get(url(people)).context["form"]
    response = check(client, people["staff"], url(people),
                     {**filled(form), "referentie_aanbieder": "VOW-1", "reden_verzoek": "1"})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not Message.objects.filter(code="JW317").exists()


def test_the_check_shows_what_the_rules_find_and_sends_nothing(client, people, toewijzingen):
    client.force_login(people["staff"])
    form = client.get(url(people)).context["form"]
    nr = toewijzingen["45A48"].toewijzing_nummer
    # An omvang per week without an end date: CD076 (condities-constraints) in the check.
    data = {**filled(form), "referentie_aanbieder": "VOW-1", "reden_verzoek": "1",
            f"t{nr}_change": "on", f"t{nr}_einddatum": ""}
    response = check(client, people["staff"], url(people), data)
    assert response.status_code == 200
    draft = response.context["draft"]
    assert [(f.rule, f.ref) for f in draft.findings] == [
        ("CD076", draft.message.client.verzoek.te_wijzigen_producten[0].ref)]
    assert not draft.sendable
    assert 'data-testid="confirm-button"' not in response.content.decode()
    # A confirm without a sendable check sends nothing.
    client.post(url(people), {**data, "confirm": "1",
                              "draft_key": response.context["draft_key"]})
    assert not Message.objects.filter(code="JW317").exists()


def test_send_archives_an_accepted_jw317_and_opens_a_verzoek(client, people, toewijzingen):
    client.force_login(people["staff"])
    form = client.get(url(people)).context["form"]
    changed, unchanged = toewijzingen["45A48"], toewijzingen["45A49"]
    nr = changed.toewijzing_nummer
    response = send(client, people["staff"], url(people), {
        **filled(form), "referentie_aanbieder": "VOW-SCHERM", "reden_verzoek": "2",
        f"t{nr}_change": "on", f"t{nr}_ingangsdatum": "2026-07-01", f"t{nr}_volume": "6"})
    assert response.status_code == 302
    message = Message.objects.get(code="JW317")
    assert message.status == "accepted", list(message.findings.values_list("retourcode"))
    assert response.url == reverse("ijw:message-detail", args=[message.pk])
    verzoek = Verzoek.objects.get(message=message)
    assert (verzoek.kind, verzoek.state, verzoek.referentie_aanbieder, verzoek.provider) == (
        Verzoek.Kind.WIJZIGING, Verzoek.State.OPEN, "VOW-SCHERM", people["provider"])
    # TR349: the unchanged toewijzing travels as OngewijzigdProduct, the withdrawn one not.
    sent = codec.parse(bytes(message.raw)).client.verzoek
    assert [p.toewijzing_nummer for p in sent.ongewijzigde_producten] == [
        unchanged.toewijzing_nummer]
    [line] = sent.te_wijzigen_producten
    assert (line.toewijzing_nummer, line.gewenste_ingangsdatum, line.einddatum,
            line.omvang.volume, line.omvang.eenheid, line.omvang.frequentie) == (
        nr, date(2026, 7, 1), date(2026, 12, 31), 6, "04", "2")
    assert sent.reden_verzoek == "2"


def test_another_providers_youth_is_404(client, people, toewijzingen):
    client.force_login(people["stranger"])
    assert client.get(url(people)).status_code == 404
    response = client.post(API, _api_body(people, toewijzingen), content_type="application/json")
    assert response.status_code == 404
    assert not Message.objects.filter(code="JW317").exists()


def test_an_access_worker_is_403(client, people, toewijzingen):
    client.force_login(people["worker"])
    assert client.get(url(people)).status_code == 403
    response = client.post(API, _api_body(people, toewijzingen), content_type="application/json")
    assert response.status_code == 403
    assert not Message.objects.filter(code="JW317").exists()


# --- the API ---------------------------------------------------------------------------------

def _api_body(people, toewijzingen, *, ongewijzigd=True):
    return {"youth": people["youth"].pk, "referentie_aanbieder": "VOW-API", "reden_verzoek": "1",
            "te_wijzigen": [{"toewijzing_nummer": toewijzingen["45A48"].toewijzing_nummer,
                             "gewenste_ingangsdatum": "2026-07-01", "einddatum": "2026-12-31",
                             "volume": 6, "eenheid": "04", "frequentie": "2"}],
            "ongewijzigd": [toewijzingen["45A49"].toewijzing_nummer] if ongewijzigd else []}


def test_api_sends_an_accepted_jw317(client, people, toewijzingen):
    client.force_login(people["staff"])
    response = client.post(API, _api_body(people, toewijzingen), content_type="application/json")
    assert response.status_code == 201, response.json()
    assert (response.json()["code"], response.json()["status"]) == ("JW317", "accepted")
    verzoek = Verzoek.objects.get(message_id=response.json()["id"])
    assert (verzoek.kind, verzoek.referentie_aanbieder) == (Verzoek.Kind.WIJZIGING, "VOW-API")


def test_api_a_request_leaving_out_a_current_toewijzing_is_rejected_9349(client, people,
                                                                         toewijzingen):
    client.force_login(people["staff"])
    response = client.post(API, _api_body(people, toewijzingen, ongewijzigd=False),
                           content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "rejected"
    # TR349 (technische-regels TR349): code 9349 on the Client.
    assert [(f["rule"], f["retourcode"], f["level"]) for f in body["findings"]] == [
        ("TR349", "9349", "client")]
    assert not Verzoek.objects.filter(kind=Verzoek.Kind.WIJZIGING).exists()


def test_api_refuses_an_unknown_reason_naming_the_field(client, people, toewijzingen):
    client.force_login(people["staff"])
    response = client.post(API, {**_api_body(people, toewijzingen), "reden_verzoek": "9"},
                           content_type="application/json")
    assert response.status_code == 400 and "reden_verzoek" in response.json()
    assert not Message.objects.filter(code="JW317").exists()
