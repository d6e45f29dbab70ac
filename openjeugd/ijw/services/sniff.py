"""Reads just the header of a message, tolerant of errors, so it can be archived first."""

import hashlib
from dataclasses import dataclass
from datetime import date

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class Envelope:
    code: str = ""
    afzender: str = ""
    ontvanger: str = ""
    identificatie: str = ""
    dagtekening: date | None = None
    sha256: str = ""


def _text(root, xpath: str) -> str:
    found = root.xpath(xpath)
    return found[0].text.strip() if found and found[0].text else ""


def sniff(raw: bytes) -> Envelope:
    digest = hashlib.sha256(raw).hexdigest()
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError:
        return Envelope(sha256=digest)
    header = "/*/*[local-name()='Header']"
    ident = header + "/*[local-name()='BerichtIdentificatie']"
    code = _text(root, header + "/*[local-name()='BerichtCode']")
    try:
        dagtekening = date.fromisoformat(_text(root, ident + "/*[local-name()='Dagtekening']"))
    except ValueError:
        dagtekening = None
    return Envelope(
        code=_code_name(code),
        afzender=_text(root, header + "/*[local-name()='Afzender']")[:8],
        ontvanger=_text(root, header + "/*[local-name()='Ontvanger']")[:8],
        identificatie=_text(root, ident + "/*[local-name()='Identificatie']")[:64],
        dagtekening=dagtekening,
        sha256=digest,
    )


def _code_name(berichtcode: str) -> str:
    from openjeugd.ijw.codec import MESSAGE_CODES

    by_number = {str(number): name for name, number in MESSAGE_CODES.items()}
    return by_number.get(berichtcode, "")
