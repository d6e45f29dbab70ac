"""Reads just the header of a message, tolerant of errors, so it can be archived first."""

import hashlib
from dataclasses import dataclass
from datetime import date

from lxml import etree

from openjeugd.ijw.codec.message_types import RETOUR, code_for_berichtcode, message_type

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
    dagtekening = _date(_text(root, ident + "/*[local-name()='Dagtekening']"))
    afzender = _text(root, header + "/*[local-name()='Afzender']")[:8]
    ontvanger = _text(root, header + "/*[local-name()='Ontvanger']")[:8]
    identificatie = _text(root, ident + "/*[local-name()='Identificatie']")[:64]
    name = code_for_berichtcode(code)
    if (found := message_type(name)) is not None and found.kind == RETOUR:
        # A return repeats the header of the message it answers; its own identification is
        # IdentificatieRetour, and it travels the other way.
        afzender, ontvanger = ontvanger, afzender
        identificatie = _text(root, header + "/*[local-name()='IdentificatieRetour']")[:64]
        dagtekening = _date(_text(root, header + "/*[local-name()='DagtekeningRetour']"))
    return Envelope(code=name, afzender=afzender, ontvanger=ontvanger,
                    identificatie=identificatie, dagtekening=dagtekening, sha256=digest)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None

