"""The official schemas compile and are cached; validation reports line and text."""

import os
from pathlib import Path

import pytest
from lxml import etree

from openjeugd.ijw import codec
from openjeugd.ijw.codec.samples import sample_jw301

XSD_DIR = Path(os.environ.get("IJW_XSD_DIR")
               or Path(__file__).resolve().parents[4] / "shared" / "ijw" / "xsd")


@pytest.mark.parametrize("code", sorted(codec.MESSAGE_CODES))
def test_every_xsd_compiles(code):
    assert isinstance(codec.schema_for(code, XSD_DIR), etree.XMLSchema)


def test_compiled_schema_is_cached():
    assert codec.schema_for("JW301", XSD_DIR) is codec.schema_for("jw301", str(XSD_DIR))


def test_missing_xsd_directory_is_an_issue_not_a_crash(tmp_path):
    issues = codec.validate_xsd(codec.serialize(sample_jw301()), tmp_path)
    assert len(issues) == 1 and "No XSD for JW301" in issues[0].text


def test_invalid_code_value_is_reported_with_its_line():
    raw = codec.serialize(sample_jw301(eenheid="99"))  # WJ756 has no unit 99
    issues = codec.validate_xsd(raw, XSD_DIR)
    line = next(n for n, text in enumerate(raw.splitlines(), 1) if b"<ijw:Eenheid>" in text)
    assert [(i.line, "Eenheid" in i.text) for i in issues] == [(line, True)]


def test_malformed_xml_is_one_issue():
    issues = codec.validate_xsd(b"<Bericht>", XSD_DIR)
    assert len(issues) == 1 and issues[0].line == 0
