"""Maps the model's dataclasses to iJw XML and back, driven by the field metadata.

Namespaces follow the XSDs (elementFormDefault qualified): an element declared in a message
schema is in that message's namespace, an element declared inside a basisschema composite
(CDT_*) is in the basisschema namespace. So within a message-level record the first step of a
path is in the message namespace and deeper steps are in the basisschema namespace; list
wrappers and their items are message-level; records marked ``basis`` live wholly in it.
"""

import dataclasses
import functools
import re
import types
import typing
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from lxml import etree

from openjeugd.lib.money import round_money

from .errors import TECHNICAL, CodecError

BASIS_NS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?")


def message_ns(code: str) -> str:
    return f"http://www.istandaarden.nl/ijw/3_2/{code.lower()}/schema"


@dataclass(frozen=True)
class _Spec:
    name: str
    path: str
    qnames: tuple[str, ...]
    type: type
    conv: str | None
    is_list: bool
    required: bool


@functools.cache
def _specs(cls: type, msg_ns: str) -> tuple[_Spec, ...]:
    hints = typing.get_type_hints(cls)
    basis = getattr(cls, "basis", False)
    specs = []
    for f in dataclasses.fields(cls):
        if "xml" not in f.metadata:
            continue
        tp, optional = _unwrap_optional(hints[f.name])
        is_list = typing.get_origin(tp) is list
        if is_list:
            tp = typing.get_args(tp)[0]
        steps = f.metadata["xml"].split("/")
        namespaces = [msg_ns if not basis and (i == 0 or is_list) else BASIS_NS
                      for i in range(len(steps))]
        required = not (optional or is_list)
        specs.append(_Spec(f.name, f.metadata["xml"],
                           tuple(f"{{{ns}}}{s}" for ns, s in zip(namespaces, steps, strict=True)),
                           tp, f.metadata["conv"], is_list, required))
    # RetourCodes closes every record in the return XSDs, also when inherited from a base.
    specs.sort(key=lambda s: s.name == "retourcodes")
    return tuple(specs)


def _unwrap_optional(tp) -> tuple[type, bool]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


# --- writing ---------------------------------------------------------------------------------


def write(record, parent: etree._Element, msg_ns: str) -> None:
    for spec in _specs(type(record), msg_ns):
        value = getattr(record, spec.name)
        if value is None or (spec.is_list and not value):
            continue
        container = _ensure(parent, spec.qnames[:-1])
        for item in value if spec.is_list else [value]:
            _write_value(etree.SubElement(container, spec.qnames[-1]), item, spec, msg_ns)


def _ensure(parent, qnames):
    for qname in qnames:
        parent = parent[-1] if len(parent) and parent[-1].tag == qname else \
            etree.SubElement(parent, qname)
    return parent


def _write_value(element, value, spec: _Spec, msg_ns: str) -> None:
    if dataclasses.is_dataclass(value):
        write(value, element, msg_ns)
    elif spec.conv in ("dc", "totaal-dc"):
        amount = "Bedrag" if spec.conv == "dc" else "TotaalBedrag"
        etree.SubElement(element, f"{{{BASIS_NS}}}{amount}").text = _cents(abs(value))
        sign = "C" if value.is_signed() else "D"
        etree.SubElement(element, f"{{{BASIS_NS}}}DebetCredit").text = sign
    elif spec.conv == "cents":
        element.text = _cents(value)
    elif isinstance(value, date | time):
        element.text = value.isoformat()
    else:
        element.text = str(value)


def _cents(euros: Decimal) -> str:
    cents = Decimal(euros) * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"amount {euros} has more than two decimals")
    return str(int(cents))


# --- reading ---------------------------------------------------------------------------------


class Reader:
    """Reads one message; remembers every element it used so leftovers can be reported."""

    def __init__(self, msg_ns: str):
        self.msg_ns = msg_ns
        self.seen: set = set()

    def read(self, cls: type, element, path: str):
        values = {}
        for spec in _specs(cls, self.msg_ns):
            if spec.is_list:
                values[spec.name] = self._read_list(spec, element, path)
                continue
            node = self._find(element, spec.qnames)
            if node is None:
                if spec.required:
                    raise CodecError(TECHNICAL, f"Required element {spec.path} is missing.",
                                     f"{path}/{spec.path}")
                values[spec.name] = None
            else:
                values[spec.name] = self._value(node, spec, f"{path}/{spec.path}")
        return cls(**values)

    def _read_list(self, spec: _Spec, element, path: str) -> list:
        container = self._find(element, spec.qnames[:-1])
        if container is None:
            return []
        items = [child for child in container if child.tag == spec.qnames[-1]]
        values = []
        for index, item in enumerate(items, start=1):
            self.seen.add(item)
            values.append(self._value(item, spec, f"{path}/{spec.path}[{index}]"))
        return values

    def _find(self, element, qnames):
        for qname in qnames:
            element = next((c for c in element if c.tag == qname), None)
            if element is None:
                return None
            self.seen.add(element)
        return element

    def _value(self, node, spec: _Spec, path: str):
        if dataclasses.is_dataclass(spec.type):
            return self.read(spec.type, node, path)
        if spec.conv in ("dc", "totaal-dc"):
            return self._signed_amount(node, spec.conv, path)
        text = node.text or ""
        try:
            return _convert(text, spec)
        except (ValueError, ArithmeticError) as error:  # ArithmeticError: absurd amounts
            raise CodecError(TECHNICAL, f"Invalid value {text!r}: {error}", path) from None

    def _signed_amount(self, node, conv: str, path: str) -> Decimal:
        amount_name = "Bedrag" if conv == "dc" else "TotaalBedrag"
        amount_spec = _Spec(amount_name, amount_name, (f"{{{BASIS_NS}}}{amount_name}",),
                            Decimal, "cents", False, True)
        sign_spec = _Spec("DebetCredit", "DebetCredit", (f"{{{BASIS_NS}}}DebetCredit",),
                          str, None, False, True)
        amount = self._value(self._required(node, amount_spec, path), amount_spec,
                             f"{path}/{amount_name}")
        sign = self._value(self._required(node, sign_spec, path), sign_spec,
                           f"{path}/DebetCredit")
        if sign not in ("D", "C"):
            raise CodecError(TECHNICAL, f"DebetCredit must be D or C, not {sign!r}.",
                             f"{path}/DebetCredit")
        return amount.copy_negate() if sign == "C" else amount

    def _required(self, node, spec: _Spec, path: str):
        found = self._find(node, spec.qnames)
        if found is None:
            raise CodecError(TECHNICAL, f"Required element {spec.path} is missing.",
                             f"{path}/{spec.path}")
        return found

    def check_leftovers(self, root) -> None:
        for element in root.iter(etree.Element):
            if element is not root and element not in self.seen:
                raise CodecError(TECHNICAL, "Unexpected element.", element_path(element))


def _convert(text: str, spec: _Spec):
    if spec.type is str:
        if spec.conv == "digits" and not _DIGITS.fullmatch(text):
            raise ValueError("only digits are allowed")
        if spec.conv == "integer":
            text = text.strip()
            if not _INTEGER.fullmatch(text):
                raise ValueError("not a whole number")
            # xs:integer allows "+0001001": the number is 1001, and is stored as such.
            return str(int(text))
        return text
    text = text.strip()
    if spec.type is int or spec.conv == "cents":
        if not _INTEGER.fullmatch(text):
            raise ValueError("not a whole number")
        return round_money(Decimal(text) / 100) if spec.conv == "cents" else int(text)
    if spec.type is date:
        if not _DATE.fullmatch(text):
            raise ValueError("not a date (YYYY-MM-DD)")
        return date.fromisoformat(text)
    if spec.type is time:
        if not _TIME.fullmatch(text):
            raise ValueError("not a time (hh:mm:ss)")
        return time.fromisoformat(text)
    raise TypeError(f"no conversion for {spec.type}")


def element_path(element) -> str:
    names = [etree.QName(e).localname for e in [element, *element.iterancestors()]]
    return "/" + "/".join(reversed(names))
