"""The auditor searches the access log on screen and through the API; others may not."""

import pytest

from openjeugd.accounts import audit
from openjeugd.accounts.models import User
from openjeugd.accounts.roles import Role
from openjeugd.registry.models import Region


@pytest.fixture
def setup(db):
    region = Region.objects.create(name="Testregio", slug="testregio")
    auditor = User.objects.create_user(username="auditor", password="x", role=Role.AUDITOR,
                                       region=region)
    chair = User.objects.create_user(username="voorzitter", password="x", role=Role.RET_CHAIR,
                                     region=region)
    audit.record(chair, "read", "registry.Youth", 41, purpose="RET meeting")
    audit.record(chair, "read", "registry.Youth", 42, purpose="RET meeting")
    audit.record(auditor, "export", "ijw.Message", 7, purpose="audit")
    return auditor, chair


def test_auditor_filters_by_object(client, setup):
    auditor, _ = setup
    client.force_login(auditor)
    response = client.get("/accounts/access-log/", {"object_type": "registry.Youth",
                                                     "object_id": "42"})
    assert response.status_code == 200
    assert [e.object_id for e in response.context["page"]] == ["42"]


def test_api_filters_by_user_and_action(client, setup):
    auditor, _ = setup
    client.force_login(auditor)
    response = client.get("/api/accounts/access-log/", {"username": "voorzitter",
                                                         "action": "read"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2  # a page by position: no count


def test_api_rejects_bad_dates_naming_the_field(client, setup):
    auditor, _ = setup
    client.force_login(auditor)
    response = client.get("/api/accounts/access-log/", {"date_from": "2027-06-31"})
    assert response.status_code == 400
    assert "date_from" in response.json()


def test_other_roles_cannot_read_the_log(client, setup):
    _, chair = setup
    client.force_login(chair)
    assert client.get("/accounts/access-log/").status_code == 403
    assert client.get("/api/accounts/access-log/").status_code == 403


def test_a_whole_user_name_finds_that_user_and_a_part_finds_every_name_containing_it(
        client, setup):
    auditor, chair = setup
    region = auditor.region
    deputy = User.objects.create_user(username="voorzitter2", password="x",
                                      role=Role.RET_CHAIR, region=region)
    audit.record(deputy, "read", "registry.Youth", 43, purpose="RET meeting")
    client.force_login(auditor)

    def found(text):
        response = client.get("/accounts/access-log/", {"username": text})
        return sorted(e.object_id for e in response.context["page"])

    # "Voorzitter" is an account's whole name (in any case): only its two reads, not the
    # deputy's, although "voorzitter2" contains it.
    assert found("Voorzitter") == ["41", "42"]
    # "oorzit" is nobody's name: every name containing it (voorzitter, voorzitter2).
    assert found("oorzit") == ["41", "42", "43"]
