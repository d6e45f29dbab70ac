"""Each entry is visible to the auditors of the region owning the data and of the reader's
region, and to nobody else; the screen speaks in words, not `registry.Youth 101`."""

from openjeugd.accounts.models import User


def table(response) -> str:
    html = response.content.decode()
    return html[html.index("<table"):html.index("</table>")]


def visible_youth_reads(client, auditor, youth, **filters):
    client.force_login(auditor)
    response = client.get("/api/accounts/access-log/", {
        "object_type": "registry.Youth", "object_id": str(youth.pk), **filters})
    assert response.status_code == 200
    return [(e["username"], e["action"]) for e in response.json()["results"]]


def test_another_regions_read_is_seen_by_owner_and_reader_auditors_only(client, regions):
    youth = regions["youth"]
    client.force_login(regions["reader"])
    assert client.get(f"/admin/registry/youth/{youth.pk}/change/").status_code == 200

    expected = [("b-beheer", "read")]
    assert visible_youth_reads(client, regions["auditor_a"], youth) == expected
    assert visible_youth_reads(client, regions["auditor_b"], youth) == expected
    assert visible_youth_reads(client, regions["auditor_c"], youth) == []


def test_side_filter_separates_our_data_from_our_users(client, regions):
    youth = regions["youth"]
    client.force_login(regions["reader"])
    client.get(f"/admin/registry/youth/{youth.pk}/change/")
    # For A the read is of its data, by someone else's user; for B the other way round.
    assert visible_youth_reads(client, regions["auditor_a"], youth, side="owner")
    assert not visible_youth_reads(client, regions["auditor_a"], youth, side="reader")
    assert visible_youth_reads(client, regions["auditor_b"], youth, side="reader")
    assert not visible_youth_reads(client, regions["auditor_b"], youth, side="owner")


def test_superuser_reads_are_seen_by_the_owners_auditor(client, regions):
    youth = regions["youth"]
    root = User.objects.create_superuser("root", password="x")  # no region
    client.force_login(root)
    client.get(f"/admin/registry/youth/{youth.pk}/change/")
    assert visible_youth_reads(client, regions["auditor_a"], youth) == [("root", "read")]
    assert visible_youth_reads(client, regions["auditor_b"], youth) == []


def test_an_auditor_without_region_sees_nothing(client, regions):
    client.force_login(regions["reader"])
    client.get(f"/admin/registry/youth/{regions['youth'].pk}/change/")
    stray = User.objects.create_user("stray", password="x", role="auditor")  # no region
    client.force_login(stray)
    assert client.get("/api/accounts/access-log/").json()["results"] == []


def test_screen_shows_words_and_no_youth_name(client, regions):
    youth = regions["youth"]
    client.force_login(regions["reader"])
    client.get(f"/admin/registry/youth/{youth.pk}/change/")
    client.force_login(regions["auditor_a"])
    html = table(client.get("/accounts/access-log/"))
    assert f"Youth #{youth.pk}" in html
    assert "youth record (admin)" in html  # the purpose's label, not its code
    assert "registry.Youth" not in html and "youth_record_admin" not in html
    assert "Geheim" not in html  # finding 4: auditors have no youth access
    assert "Regio A" in html and "Regio B" in html


def test_unknown_free_text_purpose_is_shown_as_it_is(client, regions):
    from openjeugd.accounts import audit

    audit.record(regions["reader"], "read", "ijw.Message", 7, purpose="iJw message detail")
    client.force_login(regions["auditor_b"])
    html = client.get("/accounts/access-log/", {"purpose": ""}).content.decode()
    assert "iJw message detail" in html


def test_purpose_filter(client, regions):
    youth = regions["youth"]
    client.force_login(regions["reader"])
    client.get(f"/admin/registry/youth/{youth.pk}/change/")
    client.get("/admin/registry/youth/")
    client.force_login(regions["auditor_a"])
    response = client.get("/api/accounts/access-log/", {"purpose": "youth_list_admin"})
    assert [e["purpose_label"] for e in response.json()["results"]] == ["youth list (admin)"]
