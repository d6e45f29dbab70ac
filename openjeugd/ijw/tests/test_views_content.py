"""What a message says, on its page, to whoever may see the client; the boxes from the
viewer's side; search by BSN as a POST. (The overview chart moved to monitoring, #11.)"""

from django.urls import reverse
from django.utils import translation

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.ijw.codec import samples
from openjeugd.ijw.models import Message
from openjeugd.ijw.tests.conftest import OTHER_BSN
from openjeugd.ijw.tests.test_views_actions import assigned, people, send, started

__all__ = ["people"]  # the fixture, shared with the action screens


def _declared(client, people):
    toewijzing = assigned(client, people)
    started(client, people, toewijzing)
    send(client, people["staff"], reverse("ijw:declare", args=[toewijzing.pk]),
         {"maand": "2026-02", "referentie": "R1", "volume": "12", "tarief": "85.00"})
    return Message.objects.get(code="JW323")


def test_detail_shows_products_periods_amounts_and_codes(client, people):
    declaration = _declared(client, people)
    client.force_login(people["worker"])
    with translation.override("nl"):
        html = client.get(reverse("ijw:message-detail", args=[declaration.pk]),
                          HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    # 12 hours × € 85.00 = € 1,020.00, in Dutch notation with a thousands separator.
    assert "€ 1.020,00" in html
    assert samples.BSN in html and "45A48" in html
    assert "1-2-2026 – 28-2-2026" in html  # the ProductPeriode, Dutch short dates
    assert "04 (Uur)" in html  # Eenheid with its meaning (WJ756)


def test_detail_shows_each_line_with_its_retourcodes(client, people, deliver):
    # A start without a toewijzing: the JW306 marks the product with 9019.
    start = deliver(samples.sample_jw305())
    Message.objects.filter(pk=start.reply.pk).update(youth=people["youth"])
    client.force_login(people["worker"])
    response = client.get(reverse("ijw:message-detail", args=[start.reply.pk]))
    sections = [s for top in response.context["content"] for s in _all(top)]
    marked = {rc.code: rc.meaning for s in sections for rc in s.retourcodes}
    assert "9019" in marked and marked["9019"]
    assert "9019" in response.content.decode()


def _all(section):
    yield section
    for child in section.children:
        yield from _all(child)


def test_metadata_roles_see_no_content(client, people):
    declaration = _declared(client, people)
    client.force_login(people["manager"])  # VIEW_MESSAGES without VIEW_YOUTH
    response = client.get(reverse("ijw:message-detail", args=[declaration.pk]))
    assert response.status_code == 200
    assert response.context["content"] is None
    assert samples.BSN not in response.content.decode()
    assert "1.020" not in response.content.decode()


def test_the_provider_inbox_holds_what_it_received(client, people):
    assigned(client, people)
    jw301 = Message.objects.get(code="JW301")
    client.force_login(people["staff"])
    inbox = client.get(reverse("ijw:inbox"))
    assert [m.pk for m in inbox.context["page"]] == [jw301.pk]
    assert "JW301" in inbox.content.decode()
    assert [m.pk for m in client.get(reverse("ijw:outbox")).context["page"]] == []
    # The municipality sent it: its outbox, not its inbox.
    client.force_login(people["worker"])
    assert [m.pk for m in client.get(reverse("ijw:outbox")).context["page"]] == [jw301.pk]
    assert [m.pk for m in client.get(reverse("ijw:inbox")).context["page"]] == []


def test_inbox_shows_return_codes_with_their_meaning(client, people, deliver):
    start = deliver(samples.sample_jw305())  # rejected with 9019
    client.force_login(people["worker"])
    html = client.get(reverse("ijw:inbox")).content.decode()
    assert start.message.code in html
    assert "9019 " in html  # the code followed by its meaning, not a count


def test_search_by_bsn_is_a_post_and_is_logged(client, people, deliver, other_provider):
    assigned(client, people)
    # Another youth's request: its JW316 return is in the municipality's outbox too.
    deliver(samples.sample_jw315(agb=other_provider.agb_code, bsn=OTHER_BSN,
                                 referentie_aanbieder="ANDER"))
    assert Message.objects.filter(code="JW316").exists()
    client.force_login(people["worker"])
    response = client.post(reverse("ijw:outbox"), {"q": samples.BSN})
    assert response.status_code == 200
    assert [m.code for m in response.context["page"]] == ["JW301"]
    entry = AccessLogEntry.objects.filter(action="search").latest("pk")
    assert (entry.hits, entry.username) == (1, people["worker"].username)
    assert samples.BSN not in entry.object_repr  # the log keeps the kind of search
    # The page never puts the BSN in a link.
    assert f"q={samples.BSN}" not in response.content.decode()


def test_search_finds_only_youths_the_user_may_see(client, people):
    assigned(client, people)
    client.force_login(people["elsewhere"])  # another municipality: not its youth
    response = client.post(reverse("ijw:inbox"), {"q": samples.BSN})
    assert list(response.context["page"]) == []
