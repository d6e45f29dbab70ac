"""What a rule reports, and the small collector the per-message checks write into."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from stdnum.nl import bsn as stdnum_bsn

from ..codes import RULE_RETOURCODES, TECHNICAL_REJECTION

Level = Literal["header", "client", "product"]


@dataclass(frozen=True)
class Finding:
    """One broken rule. ``ref`` is the record (model ``Record.ref``) where it was found;
    ``level`` is where the retourcode goes in the return message, which for in-message rules
    (0001) is the header even when the error sits in a product: the whole message is refused."""

    rule: str
    retourcode: str
    ref: str
    level: Level
    text: str


@dataclass
class Checks:
    """Collects findings for one message; knows "today" and the optional external lists."""

    today: date
    gemeentecodes: frozenset[str] | None = None
    product_code_fits: Callable[[str, str], bool] | None = None
    findings: list[Finding] = field(default_factory=list)

    def add(self, rule: str, ref: str, text, level: Level | None = None, **params) -> None:
        """Record a finding; the retourcode and level come from codes.RULE_RETOURCODES
        (structural problems use rule "XSD" or the code list id: 0001 in the header, like the
        schema would). ``text`` is a gettext_lazy msgid rendered here, in the active language.
        """
        known = RULE_RETOURCODES.get(rule)
        retourcode = known.retourcode if known else TECHNICAL_REJECTION
        where = level or (known.level if known else "header")
        rendered = str(text) % params if params else str(text)
        self.findings.append(Finding(rule, retourcode, ref, where, rendered))


def bsn_valid(value: str | None) -> bool:
    # CS002 / OP079: nine digits passing the 11-proef; all zeros passes the sum but is no BSN.
    return bool(value) and len(value) == 9 and value != "000000000" and stdnum_bsn.is_valid(value)


def overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """Closed periods; an empty end date is open-ended."""
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


def duplicates(keys: Iterable) -> set:
    seen, double = set(), set()
    for key in keys:
        (double if key in seen else seen).add(key)
    return double
