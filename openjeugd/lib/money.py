"""Money in euros: one way to round to the cent, the way the iJw rules round.

Amounts are `Decimal` euros with two decimals everywhere (the messages carry eurocents). The
rules round "op 2 decimalen volgens de rekenkundige regels. Dit betekent dat 1,455 wordt
afgerond naar 1,46" (invulinstructie IV081, also for IngediendBedrag, TR346): halves away from
zero, ROUND_HALF_UP in `decimal`. Python's default, ROUND_HALF_EVEN, would round 1,445 to 1,44.
A float is refused: it cannot hold most cent amounts exactly.
"""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def round_money(value: Decimal | int) -> Decimal:
    """`value` rounded to the cent, halves away from zero: 2.345 → 2.35, -2.345 → -2.35."""
    if isinstance(value, float) or not isinstance(value, Decimal | int):
        raise TypeError(f"money must be Decimal or int, not {type(value).__name__}")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
