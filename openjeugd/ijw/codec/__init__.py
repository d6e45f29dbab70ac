"""iJw 3.2 message codec: typed model, parse/serialize, XSD validation and return messages.

Pure Python (lxml), no Django: usable from the web app, the demo generator and benchmarks.
"""

from .errors import CodecError
from .model import *  # noqa: F403 - the record classes are the public API
from .model import MESSAGE_CLASSES, MESSAGE_CODES, RETURN_OF, Message, Record
from .returns import build_declaratie_antwoord, build_return
from .xmlio import parse, serialize
from .xsd import XsdIssue, schema_for, validate_xsd

__all__ = [
    "CodecError", "MESSAGE_CLASSES", "MESSAGE_CODES", "RETURN_OF", "Message", "Record",
    "XsdIssue", "build_declaratie_antwoord", "build_return", "parse", "schema_for",
    "serialize", "validate_xsd",
]
