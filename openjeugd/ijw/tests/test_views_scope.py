"""Who sees which iJw traffic on the pages: scope and permissions from accounts.policy."""

from django.urls import reverse

from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.models import Municipality
from openjeugd.registry.tests.factories import UserFactory


def _listed_ids(response) -> set[int]:
    return {m.pk for m in response.context["page"].object_list}


def test_provider_staff_sees_only_its_own_traffic(client, provider, two_providers_traffic,
                                                   user_with):
    ours, theirs = two_providers_traffic
    client.force_login(user_with("provider_staff", provider=provider))
    response = client.get(reverse("ijw:outbox"))
    assert response.status_code == 200
    # Issue #8: the boxes are the viewer's. Both providers sent a JW315; our outbox lists ours.
    assert _listed_ids(response) == {ours.message.pk}
    detail = client.get(reverse("ijw:message-detail", args=[theirs.message.pk]))
    assert detail.status_code == 404
    raw = client.get(reverse("ijw:message-raw", args=[theirs.message.pk]))
    assert raw.status_code == 404


def test_provider_staff_sees_the_returns_sent_to_it(client, provider, two_providers_traffic,
                                                    user_with):
    ours, _theirs = two_providers_traffic
    client.force_login(user_with("provider_staff", provider=provider))
    response = client.get(reverse("ijw:inbox"))
    # Each JW315 got a JW316 return at once; ours is the only one our Postvak IN received.
    assert _listed_ids(response) == {ours.reply.pk}


def test_access_worker_sees_the_traffic_of_its_municipality(client, two_providers_traffic,
                                                            user_with):
    ours, theirs = two_providers_traffic
    client.force_login(user_with("access_worker"))
    response = client.get(reverse("ijw:inbox"))
    assert _listed_ids(response) == {ours.message.pk, theirs.message.pk}


def test_access_worker_elsewhere_sees_nothing(client, two_providers_traffic):
    utrecht = Municipality.objects.get(code="0344")
    client.force_login(UserFactory(role="access_worker", region=utrecht.region,
                                   municipality=utrecht))
    assert _listed_ids(client.get(reverse("ijw:inbox"))) == set()


def test_policy_advisor_gets_figures_but_no_traffic(client, two_providers_traffic, user_with):
    client.force_login(user_with("policy_advisor"))
    assert client.get(reverse("ijw:inbox")).status_code == 403
    ours, _theirs = two_providers_traffic
    assert client.get(reverse("ijw:message-detail", args=[ours.message.pk])).status_code == 403
    # The overview moved to monitoring (#11): its old address sends the advisor there.
    assert client.get(reverse("ijw:overview")).status_code == 301


def test_auditor_views_traffic_but_cannot_upload(client, two_providers_traffic, user_with):
    ours, _theirs = two_providers_traffic
    client.force_login(user_with("auditor"))
    assert client.get(reverse("ijw:inbox")).status_code == 200
    assert client.get(reverse("ijw:message-detail", args=[ours.message.pk])).status_code == 200
    assert client.get(reverse("ijw:upload")).status_code == 403


def test_provider_staff_has_no_overview(client, provider, user_with):
    client.force_login(user_with("provider_staff", provider=provider))
    assert client.get(reverse("ijw:overview")).status_code == 403


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("ijw:inbox"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_opening_and_downloading_a_message_are_logged(client, two_providers_traffic,
                                                      user_with):
    ours, _theirs = two_providers_traffic
    user = user_with("access_worker")
    client.force_login(user)
    client.get(reverse("ijw:message-detail", args=[ours.message.pk]))
    raw = client.get(reverse("ijw:message-raw", args=[ours.message.pk]))
    # The download is exactly the bytes that were received.
    assert raw.content == bytes(ours.message.raw)
    assert raw["Content-Type"] == "application/xml"
    logged = list(AccessLogEntry.objects.filter(user=user, object_type="ijw.Message")
                  .values_list("action", "object_id"))
    assert sorted(logged) == [("export", str(ours.message.pk)), ("read", str(ours.message.pk))]
