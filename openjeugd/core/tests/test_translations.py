"""The Dutch catalogue: compiled, complete, and used by default; English on request.

The .po is parsed here with a few lines of code rather than a library, so the check needs
neither gettext tools nor an extra dependency on a fresh machine.
"""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")


def _unquote(line: str) -> str:
    body = line[line.index('"') + 1:line.rindex('"')]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), body)


def _parse_entry(block: str) -> dict:
    entry: dict = {"flags": set()}
    field = None
    for line in block.splitlines():
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] += _unquote(line)
        else:
            field = line.split(" ", 1)[0]
            entry[field] = _unquote(line)
    return entry


def po_entries() -> list[dict]:
    """Every entry of the .po, the header included (its msgid is "")."""
    blocks = PO_FILE.read_text(encoding="utf-8").split("\n\n")
    return [_parse_entry(block) for block in blocks if "msgid" in block]


def _translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


# (a) the compiled catalogue loads and is ours


@pytest.mark.parametrize(("msgid", "dutch"), [
    # Django's own nl catalogue says "Aanmelden" here: "Inloggen" proves ours wins.
    ("Log in", "Inloggen"),
    ("Youths", "Jeugdigen"),                        # core navigation
    ("Access log", "Toegangslog"),                  # accounts
    ("policy advisor", "beleidsadviseur"),          # accounts roles
    ("Youth-care regions", "Jeugdregio's"),         # registry
    ("Request for assignment", "Verzoek om toewijzing"),  # ijw message names
    ("Declaration answer", "Declaratieantwoord"),
    ("demo accounts", "demoaccounts"),              # demo
    ("Dutch", "Nederlands"),                        # settings.LANGUAGES
])
def test_known_msgids_translate_to_dutch(msgid, dutch):
    with translation.override("nl"):
        assert translation.gettext(msgid) == dutch


def test_plural_forms_follow_dutch_rules():
    # nl: one form for n == 1, the other for everything else, 0 included.
    with translation.override("nl"):
        one = translation.ngettext("%(n)s youth", "%(n)s youths", 1) % {"n": 1}
        zero = translation.ngettext("%(n)s youth", "%(n)s youths", 0) % {"n": 0}
    assert (one, zero) == ("1 jeugdige", "0 jeugdigen")


def test_placeholders_survive_translation():
    with translation.override("nl"):
        text = translation.gettext("Welcome, %(name)s") % {"name": "Fatima"}
    assert text == "Welkom, Fatima"


def test_compiled_catalogue_matches_the_po():
    # A .po edited without running compilemessages would show untranslated text in production.
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in po_entries():
        if entry["msgid"] == "":
            continue
        if "msgid_plural" in entry:
            got = [compiled.ngettext(entry["msgid"], entry["msgid_plural"], n) for n in (1, 2)]
            want = [entry["msgstr[0]"], entry["msgstr[1]"]]
        else:
            got, want = compiled.gettext(entry["msgid"]), entry["msgstr"]
        if got != want:
            stale.append(entry["msgid"])
    assert stale == []


# (b) the login page: Dutch by default, English when asked


def test_login_page_is_dutch_by_default(client):
    html = client.get("/login/").content.decode()
    assert '<html lang="nl"' in html
    assert "Inloggen" in html
    assert "Wachtwoord" in html


def test_login_page_is_english_for_an_english_browser(client):
    html = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in html
    assert "Password" in html
    assert "Inloggen" not in html


def test_language_switch_turns_the_login_page_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert response.status_code == 302
    html = client.get("/login/").content.decode()
    assert "Log in" in html
    assert "Wachtwoord" not in html


# (c) completeness of the .po


def test_po_header_declares_dutch_plurals():
    header = next(entry for entry in po_entries() if entry["msgid"] == "")
    assert "Language: nl\n" in header["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header["msgstr"]


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = po_entries()
    # The header plus the several hundred strings of the apps; a near-empty .po means
    # makemessages found nothing and would pass the checks below vacuously.
    assert len(entries) > 500
    fuzzy = [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]]
    empty = [entry["msgid"] for entry in entries if "" in _translations(entry)]
    assert fuzzy == []
    assert empty == []


def test_translations_keep_the_placeholders_of_the_msgid():
    wrong = []
    for entry in po_entries():
        wanted = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for text in _translations(entry):
            if entry["msgid"] and set(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(entry["msgid"])
    assert wrong == []
