"""Validation against the official iJw XSDs (which the user installs; see IJW_XSD_DIR)."""

import functools
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import TECHNICAL, CodecError
from .message_types import MESSAGE_TYPES
from .xmlio import _NAMESPACE, _root

_SCHEMA_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class XsdIssue:
    line: int
    path: str | None
    text: str

    @property
    def retourcode(self) -> str:
        # IV028: a message that fails its XSD is rejected as a whole for technical reasons.
        return TECHNICAL


def schema_for(code: str, xsd_dir) -> etree.XMLSchema:
    """The compiled schema of one message ("JW301"), cached per (directory, message)."""
    return _compile(str(Path(xsd_dir).resolve()), code.lower())


@functools.cache
def _compile(xsd_dir: str, name: str) -> etree.XMLSchema:
    path = Path(xsd_dir) / f"{name}.xsd"
    if not path.is_file():
        raise FileNotFoundError(f"No XSD for {name.upper()} in {xsd_dir}")
    # The message XSD imports basisschema.xsd by relative path: parse from the file.
    return etree.XMLSchema(etree.parse(str(path), _SCHEMA_PARSER))


def schema_problems(xsd_dir) -> list[str]:
    """Why this directory cannot check iJw 3.2 messages; empty when every message's XSD
    (and the basisschema it imports) compiles."""
    if not xsd_dir:
        return ["no XSD directory given"]
    if not Path(xsd_dir).is_dir():
        return [f"{xsd_dir} is not a directory"]
    problems = []
    for code in MESSAGE_TYPES:
        try:
            schema_for(code, xsd_dir)
        except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
            problems.append(f"{code}: {error}")
    return problems


def validate_xsd(data: bytes, xsd_dir) -> list[XsdIssue]:
    """Every XSD problem of one message; an empty list means valid."""
    try:
        root = _root(data)
    except CodecError as error:
        return [XsdIssue(0, None, error.message)]
    match = _NAMESPACE.fullmatch(etree.QName(root).namespace or "")
    if match is None:
        return [XsdIssue(root.sourceline or 0, f"/{etree.QName(root).localname}",
                         "Not an iJw 3.2 message namespace.")]
    try:
        schema = schema_for(match.group(1), xsd_dir)
    except FileNotFoundError as error:
        return [XsdIssue(root.sourceline or 0, None, str(error))]
    if schema.validate(root):
        return []
    return [XsdIssue(e.line, e.path, e.message) for e in schema.error_log]
