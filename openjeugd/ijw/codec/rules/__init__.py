"""Stateless iJw 3.2 rules: everything one message can be checked on without stored context.

    findings = check(message, today=date(2025, 5, 1))

Each finding names the rule (TR/CS/CD id, a code list id, or "XSD" for what the schema itself
would refuse), the retourcode the standard prescribes for it (codes.RULE_RETOURCODES) and the
record it is about. Rules that need earlier messages, contracts or external lists are listed in
STATEFUL_RULES for the app to apply. Texts are gettext_lazy msgids rendered in the active
language, so call this inside a configured Django project (the app, its tests, commands).
"""

from collections.abc import Callable, Iterable
from datetime import date

from ..model import Message
from .base import Checks, Finding
from .common import check_header, check_retourcodes
from .messages import check_message
from .stateful import STATEFUL_RULES, StatefulRule

__all__ = ["STATEFUL_RULES", "Finding", "StatefulRule", "check"]


def check(msg: Message, *, today: date | None = None,
          gemeentecodes: Iterable[str] | None = None,
          product_code_fits: Callable[[str, str], bool] | None = None) -> list[Finding]:
    """All stateless findings for one parsed message, header first.

    today: the system date for TR135 (defaults to the real date). gemeentecodes: the CBS codes
    that are valid (enables TR378 / S300). product_code_fits(categorie, code): the product code
    list in force (enables TR381 / S329).
    """
    checks = Checks(
        today=today or date.today(),
        gemeentecodes=frozenset(gemeentecodes) if gemeentecodes is not None else None,
        product_code_fits=product_code_fits,
    )
    check_header(checks, msg)
    if msg.is_return:
        check_retourcodes(checks, msg)
    check_message(checks, msg)
    return checks.findings
