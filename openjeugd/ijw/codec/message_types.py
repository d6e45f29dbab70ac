"""The 14 iJw 3.2 messages, one row each: the single source of every fixed fact about a message.

Pure (the only Django import is gettext_lazy, as in codes.py): the codec, the services, the
screens and the command-line validator all read this table; nothing else lists message codes.
"""

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext_lazy as _

# From the region's point of view: "out" is municipality → provider, "in" the reverse.
Direction = Literal["in", "out"]
# heen: a message that starts an exchange; retour: a retourbericht, which repeats the heenbericht
# with codes (IV028); antwoord: the JW325, a declaratie-antwoordbericht with its own header
# (IV087).
Kind = Literal["heen", "retour", "antwoord"]
HEEN, RETOUR, ANTWOORD = "heen", "retour", "antwoord"


@dataclass(frozen=True)
class MessageType:
    code: str  # "JW301"
    berichtcode: int  # COD002, the number in the header's BerichtCode
    direction: Direction
    kind: Kind
    name: object  # lazy English msgid, shown next to the code
    answered_by: str | None = None  # the return of a heenbericht (JW325 for the JW323)
    answers: str | None = None  # for a return: the heenbericht it answers
    # The openjeugd.lib.workdays.deadline_for kind of the answer to this message: every
    # heenbericht is returned within 3 working days, a declaration answered within 10. The
    # answer to a verzoek (JW301 or JW319 within 5 working days) is tracked on the Verzoek.
    deadline: str | None = None

    @property
    def is_return(self) -> bool:
        return self.answers is not None


def _pair(heen: str, number: int, direction: Direction, name, retour_name,
          deadline: str = "retour") -> tuple[MessageType, MessageType]:
    retour = f"JW{int(heen[2:]) + 1}"
    back: Direction = "in" if direction == "out" else "out"
    return (MessageType(heen, number, direction, HEEN, name, answered_by=retour,
                        deadline=deadline),
            MessageType(retour, number + 1, back, RETOUR, retour_name, answers=heen))


_ROWS = (
    *_pair("JW301", 436, "out", _("Assignment"), _("Assignment return")),
    *_pair("JW305", 438, "in", _("Start of care"), _("Start of care return")),
    *_pair("JW307", 440, "in", _("End of care"), _("End of care return")),
    *_pair("JW315", 446, "in", _("Request for assignment"), _("Request for assignment return")),
    *_pair("JW317", 486, "in", _("Request for change"), _("Request for change return")),
    *_pair("JW319", 488, "out", _("Answer to request"), _("Answer to request return")),
    MessageType("JW323", 490, "in", HEEN, _("Declaration"), answered_by="JW325",
                deadline="declaratie_antwoord"),
    MessageType("JW325", 491, "out", ANTWOORD, _("Declaration answer"), answers="JW323"),
)

MESSAGE_TYPES: dict[str, MessageType] = {row.code: row for row in _ROWS}
BY_BERICHTCODE: dict[int, MessageType] = {row.berichtcode: row for row in _ROWS}


def message_type(code: str) -> MessageType | None:
    return MESSAGE_TYPES.get(code)


def code_for_berichtcode(berichtcode: str | int) -> str:
    """"436" → "JW301"; "" for a number that is no iJw 3.2 message."""
    try:
        found = BY_BERICHTCODE.get(int(berichtcode))
    except (TypeError, ValueError):
        return ""
    return found.code if found else ""


def direction_of(code: str) -> Direction:
    # An unreadable message (no known code) was delivered to us: "in".
    found = MESSAGE_TYPES.get(code)
    return found.direction if found else "in"


def codes(*, kind: Kind | None = None, direction: Direction | None = None) -> list[str]:
    return [row.code for row in _ROWS
            if (kind is None or row.kind == kind)
            and (direction is None or row.direction == direction)]
