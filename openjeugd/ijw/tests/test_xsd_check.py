"""The system check that keeps production from processing messages without the official XSDs."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from openjeugd.ijw.checks import xsd_dir_check

OFFICIAL = settings.IJW_XSD_DIR  # the test run's official iJw 3.2 XSDs


def _ids() -> list[str]:
    return [message.id for message in xsd_dir_check()]


@pytest.mark.parametrize("debug", [False, True])
def test_official_xsds_pass(debug):
    with override_settings(DEBUG=debug, IJW_XSD_DIR=OFFICIAL):
        assert _ids() == []


def test_missing_in_production_is_an_error():
    with override_settings(DEBUG=False, IJW_XSD_DIR=""):
        assert _ids() == ["ijw.E001"]


def test_missing_while_debugging_is_allowed():
    with override_settings(DEBUG=True, IJW_XSD_DIR=""):
        assert _ids() == []


def test_not_a_directory(tmp_path):
    with override_settings(DEBUG=False, IJW_XSD_DIR=str(tmp_path / "absent")):
        assert _ids() == ["ijw.E002"]
    file = tmp_path / "jw301.xsd"
    file.write_text("")
    with override_settings(DEBUG=False, IJW_XSD_DIR=str(file)):
        assert _ids() == ["ijw.E002"]


def test_schemas_that_do_not_compile(tmp_path):
    # A folder with one broken schema and the other 13 missing.
    (tmp_path / "jw301.xsd").write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
                                        "<xs:element name='x' type='nope'/></xs:schema>")
    with override_settings(DEBUG=False, IJW_XSD_DIR=str(tmp_path)):
        [message] = xsd_dir_check()
    assert message.id == "ijw.E003" and "JW301" in message.msg and "13 more" in message.msg
    assert "Zorginstituut Nederland" in message.hint


def test_the_check_is_registered_and_stops_manage_py_check():
    # Only the iJw checks: the others look at the database.
    with override_settings(DEBUG=False, IJW_XSD_DIR=""), pytest.raises(SystemCheckError,
                                                                       match="ijw.E001"):
        call_command("check", tag=["ijw"])
