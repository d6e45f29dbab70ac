"""Spending from the granted declaration lines (JW323/JW325), pure: amounts per youth in,
totals out. A credit line (negative, naming the debit it cancels) is granted as a negative
amount, so the signed sum is what was paid net."""

from decimal import Decimal

from openjeugd.lib.money import round_money

ZERO = Decimal("0.00")


def spending(per_youth: list[tuple[str, Decimal, Decimal, Decimal]]) -> dict:
    """per_youth: (bsn, granted net, declared, granted credits) for the period's lines.
    Youths whose lines net to nothing (a debit fully credited) are no cost."""
    # A database sum over no rows (a youth without credits) is NULL.
    rows = [[amount or ZERO for amount in row[1:]] for row in per_youth]
    granted = sum((row[0] for row in rows), ZERO)
    declared = sum((row[1] for row in rows), ZERO)
    credits = sum((row[2] for row in rows), ZERO)
    paid_for = sum(1 for row in rows if row[0] != 0)
    average = round_money(granted / paid_for) if paid_for else None
    return {"toegekend": str(round_money(granted)), "ingediend": str(round_money(declared)),
            "gecrediteerd": str(round_money(credits)), "jeugdigen": paid_for,
            "gemiddeld_per_jeugdige": None if average is None else str(average)}
