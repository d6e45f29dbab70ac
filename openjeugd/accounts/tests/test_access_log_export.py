"""The auditor exports the current search as CSV or XLSX, on screen and through the API;
each export is logged; text typed by an attacker stays text in the spreadsheet."""

import csv
import io

import pytest
from openpyxl import load_workbook

from openjeugd.accounts import audit
from openjeugd.accounts.models import AccessLogEntry
from openjeugd.registry.tests.factories import UserFactory


@pytest.fixture
def auditor(regions, client):
    reader = regions["reader"]
    audit.record(reader, "read", "registry.Youth", regions["youth"].pk, purpose="youth_record",
                 owner_region_id=regions["a"].pk)
    audit.record(reader, "update", "registry.Region", regions["b"].pk, purpose="=1+1",
                 object_repr="@SUM(A1)")
    client.force_login(regions["auditor_b"])
    return regions["auditor_b"]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_screen_offers_the_current_search_as_files(client, auditor):
    html = client.get("/accounts/access-log/", {"action": "read"}).content.decode()
    assert 'href="/accounts/access-log/export.csv?action=read"' in html
    assert 'href="/accounts/access-log/export.xlsx?action=read"' in html


def test_csv_export_of_a_search_in_words_and_logged(client, auditor, regions):
    response = client.get("/accounts/access-log/export.csv", {"action": "read"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response.content)
    assert header[:6] == ["Entry", "When", "User", "Action", "Object type", "Object"]
    assert [r[2:7] for r in rows] == [
        ["b-beheer", "read", "Youth", f"#{regions['youth'].pk}", "youth record"]]
    export = AccessLogEntry.objects.get(action="export")
    assert (export.user, export.hits, export.object_repr) == (auditor, 1, "CSV")


def test_xlsx_export_neutralises_formulas(client, auditor):
    response = client.get("/accounts/access-log/export.xlsx", {"action": "update"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][5:7] == ["'@SUM(A1)", "'=1+1"]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row[5:7])
    assert AccessLogEntry.objects.get(action="export").object_repr == "XLSX"


def test_api_export_uses_the_same_filters_and_scope(client, auditor):
    response = client.get("/api/accounts/access-log/export.csv", {"username": "b-beheer"})
    assert response.status_code == 200
    assert len(csv_rows(response.content)) == 1 + 2
    assert client.get("/api/accounts/access-log/export.pdf").status_code == 404


def test_an_export_contains_only_what_the_auditor_may_see(client, auditor, regions):
    client.force_login(regions["auditor_c"])
    response = client.get("/accounts/access-log/export.csv")
    assert {row[2] for row in csv_rows(response.content)[1:]} == {"audit-c"}  # own login


def test_a_bad_filter_is_refused_not_widened(client, auditor):
    assert client.get("/accounts/access-log/export.csv",
                      {"date_from": "2027-02-30"}).status_code == 404
    assert not AccessLogEntry.objects.filter(action="export").exists()


@pytest.mark.parametrize("url", ["/accounts/access-log/export.csv",
                                 "/api/accounts/access-log/export.xlsx",
                                 # the permission before the format, on screen and in the API
                                 "/accounts/access-log/export.pdf",
                                 "/api/accounts/access-log/export.pdf"])
def test_only_auditors_export(client, db, url):
    client.force_login(UserFactory(role="ret_chair"))
    assert client.get(url).status_code == 403


def test_command_exports_to_a_file(db, tmp_path, regions):
    from django.core.management import call_command

    audit.record(regions["reader"], "read", "registry.Youth", 5, purpose="youth_record")
    target = tmp_path / "log.xlsx"
    call_command("accesslog", "export", "--format", "xlsx", "--output", str(target))
    sheet = load_workbook(target).active
    assert sheet.max_row == 2  # header and the one entry
    export = AccessLogEntry.objects.get(action="export")
    assert export.username == "system:accesslog-command" and export.user is None
