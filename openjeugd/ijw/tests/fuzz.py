"""Hypothesis strategies that break valid iJw messages the ways an attacker or a broken sender
would: elements deleted, duplicated, moved or renamed, random text in fields, huge numbers,
truncation, junk bytes, wrong encodings, DOCTYPEs and entities."""

import os
from copy import deepcopy

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from lxml import etree

from openjeugd.ijw import codec
from openjeugd.ijw.codec import samples

VALID = {code: codec.serialize(samples.sample(code)) for code in sorted(samples.SAMPLES)}


def fuzz_settings(**overrides) -> settings:
    """`fast` (default): 50 examples, the same every run. `fuzz`: FUZZ_EXAMPLES (10,000)
    random ones — `HYPOTHESIS_PROFILE=fuzz`, see docs/operations.md."""
    if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz":
        chosen = {"max_examples": int(os.environ.get("FUZZ_EXAMPLES", "10000")),
                  "derandomize": False}
    else:
        chosen = {"max_examples": 50, "derandomize": True}
    return settings(deadline=None, database=None, print_blob=True,
                    suppress_health_check=list(HealthCheck), **{**chosen, **overrides})


FIELD_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from([
        "", " ", "9" * 40, "-1", "0", "-0.00", "1e308", "NaN", "Infinity", "99999999999999.99",
        "2026-02-30", "0000-00-00", "9999-12-31", "2026-13-01", "&amp;", "<![CDATA[x]]>",
        "\u202e", "\x00", "💥", "Ω" * 500, "x" * 5000, "\ud800",
    ]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)

DOCTYPES = [
    b'<!DOCTYPE Bericht [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE Bericht [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    b'<!DOCTYPE Bericht SYSTEM "http://example.invalid/x.dtd">',
    b'<!DOCTYPE Bericht [<!ENTITY % p SYSTEM "http://example.invalid/p"> %p;]>',
]


@st.composite
def mutated_message(draw, *, fresh_numbers: bool = False) -> tuple[str, bytes]:
    """(code of the message it started as, mutated bytes). fresh_numbers: new identification,
    declaration number and prestatie references first, so that against a database that holds
    the samples, mutations reach the handlers instead of stopping at TR056 or TR333."""
    code = draw(st.sampled_from(sorted(VALID)))
    raw = VALID[code]
    if fresh_numbers:
        raw = _on_tree(_fresh_numbers)(draw, raw)
    for _ in range(draw(st.integers(min_value=0 if fresh_numbers else 1, max_value=3))):
        raw = draw(st.sampled_from(_MUTATIONS))(draw, raw)
    return code, raw


_NUMBERS = {"IdentificatieRetour", "DeclaratieNummer", "ReferentieNummer"}


def _fresh_numbers(draw, root):
    number = f"FZ{draw(st.integers(min_value=0, max_value=10**9))}"
    own = [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname in
           _NUMBERS]
    if not any(etree.QName(e).localname == "IdentificatieRetour" for e in own):
        own += root.xpath("/*/*[local-name()='Header']/*[local-name()='BerichtIdentificatie']"
                          "/*[local-name()='Identificatie']")
    for element in own:
        element.text = number


def _tree(raw: bytes):
    try:
        return etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _element(draw, root):
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    return draw(st.sampled_from(elements))


def _on_tree(change):
    def mutation(draw, raw: bytes) -> bytes:
        root = _tree(raw)
        if root is None:  # an earlier mutation broke the XML: break the bytes further
            return _junk(draw, raw)
        change(draw, root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return mutation


def _delete(draw, root):
    element = _element(draw, root)
    if element.getparent() is not None:
        element.getparent().remove(element)


def _duplicate(draw, root):
    element = _element(draw, root)
    parent = element.getparent()
    if parent is not None:
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            parent.insert(parent.index(element), _copy(element))


def _copy(element):
    return deepcopy(element)


def _move(draw, root):
    element, target = _element(draw, root), _element(draw, root)
    if element.getparent() is not None and element not in target.iterancestors() \
            and element is not target:
        target.append(element)


def _set_text(draw, root):
    leaves = [e for e in root.iter() if isinstance(e.tag, str) and len(e) == 0]
    element = draw(st.sampled_from(leaves))
    text = draw(FIELD_TEXT)
    # lxml refuses text XML cannot hold (NUL, lone surrogates): send those as bytes instead.
    try:
        element.text = text
    except ValueError:
        element.text = "?"


def _rename(draw, root):
    element = _element(draw, root)
    qname = etree.QName(element)
    name = draw(st.sampled_from(["Onbekend", "Header", "Client", "Bericht", "Prestatie",
                                 "BerichtCode", "Identificatie", qname.localname.upper()]))
    element.tag = etree.QName(qname.namespace, name).text if qname.namespace else name


def _add_attribute(draw, root):
    element = _element(draw, root)
    element.set(draw(st.sampled_from(["id", "{http://www.w3.org/2001/XMLSchema-instance}nil",
                                      "{http://www.w3.org/2001/XMLSchema-instance}type"])),
                draw(st.sampled_from(["true", "x", ""])))


def _truncate(draw, raw: bytes) -> bytes:
    return raw[:draw(st.integers(min_value=0, max_value=len(raw)))]


def _junk(draw, raw: bytes) -> bytes:
    at = draw(st.integers(min_value=0, max_value=len(raw)))
    return raw[:at] + draw(st.binary(min_size=1, max_size=20)) + raw[at:]


def _encoding(draw, raw: bytes) -> bytes:
    choice = draw(st.sampled_from(["utf16-claimed", "latin1", "utf16", "bom", "no-decl"]))
    if choice == "utf16-claimed":
        return raw.replace(b"encoding='UTF-8'", b"encoding='UTF-16'", 1)
    if choice == "latin1":
        return raw.replace(b"</Bericht>", "é\xff</Bericht>".encode("latin-1"))
    if choice == "utf16":
        return raw.decode("utf-8", errors="replace").encode("utf-16")
    if choice == "bom":
        return b"\xef\xbb\xbf" + raw
    return raw.split(b"?>", 1)[-1]


def _doctype(draw, raw: bytes) -> bytes:
    head, _, body = raw.partition(b"?>")
    doctype = draw(st.sampled_from(DOCTYPES))
    if b"ENTITY" in doctype and b"<Bericht" in body:
        body = body.replace(b"</BerichtCode>", b"&e;&d;</BerichtCode>", 1)
    return head + b"?>" + doctype + body if body else doctype + raw


def _huge_number(draw, root):
    # Amounts, volumes, codes and BSNs are digits: make one of them absurd.
    numeric = [e for e in root.iter() if isinstance(e.tag, str) and len(e) == 0
               and (e.text or "").strip().isdigit()]
    if numeric:
        draw(st.sampled_from(numeric)).text = draw(st.sampled_from(
            ["9" * 30, "1" + "0" * 400, "-" + "9" * 20, "0" * 50, "1.5", "+7"]))


_MUTATIONS = [
    _on_tree(_delete), _on_tree(_duplicate), _on_tree(_move), _on_tree(_set_text),
    _on_tree(_set_text), _on_tree(_rename), _on_tree(_add_attribute),
    _on_tree(_huge_number), _truncate, _junk, _encoding, _doctype,
]
