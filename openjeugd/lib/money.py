"""Money in one place: amounts are rounded to the cent, half up, as the iJw rules do (IV081)."""

from decimal import ROUND_HALF_UP, Decimal


def round_money(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
