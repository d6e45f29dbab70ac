"""Spending from the granted declaration lines (JW323/JW325), pure: amounts per youth in,
totals out. A credit line (negative, naming the debit it cancels) is granted as a negative
amount, so the signed sum is what was paid net."""

from decimal import Decimal

from openjeugd.lib.money import round_money

ZERO = Decimal("0.00")


def spending(per_youth: list[tuple[str, Decimal, Decimal, Decimal]]) -> dict:
    """per_youth: (bsn, granted net, declared, granted credits) for the period's lines.
    Youths whose lines net to nothing (a debit fully credited) are no cost."""
    granted = declared = credits = ZERO
    paid_for = 0
    # One pass (a region has hundreds of thousands of youth-periods). A database sum over no
    # rows (a youth without credits) is NULL; it and a zero add nothing.
    for _bsn, youth_granted, youth_declared, youth_credits in per_youth:
        if youth_granted:
            granted += youth_granted
            paid_for += 1
        if youth_declared:
            declared += youth_declared
        if youth_credits:
            credits += youth_credits
    return from_totals(granted, declared, credits, paid_for)


def from_totals(granted: Decimal, declared: Decimal, credits: Decimal, paid_for: int) -> dict:
    """The figures from the period's totals, when the database added the youths up:
    `paid_for` is the number of youths whose granted amount is not zero."""
    average = round_money(granted / paid_for) if paid_for else None
    return {"toegekend": str(round_money(granted)), "ingediend": str(round_money(declared)),
            "gecrediteerd": str(round_money(credits)), "jeugdigen": paid_for,
            "gemiddeld_per_jeugdige": None if average is None else str(average)}
