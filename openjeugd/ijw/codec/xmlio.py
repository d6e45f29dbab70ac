"""parse(bytes) -> Message and serialize(Message) -> bytes."""

import re

from lxml import etree

from .errors import TECHNICAL, CodecError
from .model import MESSAGE_CLASSES, MESSAGE_CODES, Message
from .xmlmap import BASIS_NS, Reader, message_ns, write

# No entities, no network, no size tricks: input comes from outside the organisation.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, dtd_validation=False)
_NAMESPACE = re.compile(r"http://www\.istandaarden\.nl/ijw/3_2/(jw[0-9]{3})/schema")


def parse(data: bytes) -> Message:
    """Read one iJw 3.2 message; raise CodecError (WJ001 retourcode, text, path) if unusable."""
    root = _root(data)
    qname = etree.QName(root)
    match = _NAMESPACE.fullmatch(qname.namespace or "")
    if match is None:
        raise CodecError(TECHNICAL, f"Unknown namespace {qname.namespace!r}; expected an "
                         "iJw 3.2 message namespace.", f"/{qname.localname}")
    code = match.group(1).upper()
    cls = MESSAGE_CLASSES.get(code)
    if cls is None:
        raise CodecError(TECHNICAL, f"Unknown message {code}.", f"/{qname.localname}")
    if qname.localname != "Bericht":
        raise CodecError(TECHNICAL, f"Root element must be Bericht, not {qname.localname}.",
                         f"/{qname.localname}")
    reader = Reader(qname.namespace)
    message = reader.read(cls, root, "/Bericht")
    if message.header.berichtcode != MESSAGE_CODES[code]:
        raise CodecError(TECHNICAL, f"BerichtCode {message.header.berichtcode} does not belong "
                         f"to {code} ({MESSAGE_CODES[code]}).", "/Bericht/Header/BerichtCode")
    reader.check_leftovers(root)
    return message


def _root(data: bytes):
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise CodecError(TECHNICAL, f"Not well-formed XML: {error}") from None
    if root.getroottree().docinfo.doctype:
        # iJw messages never carry a DOCTYPE; refusing it closes the entity-expansion door.
        raise CodecError(TECHNICAL, "A DOCTYPE is not allowed in an iJw message.")
    return root


def serialize(msg: Message) -> bytes:
    """UTF-8 XML with declaration, elements in XSD order, empty optionals left out."""
    ns = message_ns(msg.code)
    root = etree.Element(f"{{{ns}}}Bericht", nsmap={None: ns, "ijw": BASIS_NS})
    write(msg, root, ns)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
