"""Dividing an amount by a cost-sharing key so the parts add up to the cent.

Issue 9 "Cost sharing between municipalities and regions by an agreed key (population, use, fixed
shares)"; seed 000 "De G7 dragen echter gezamenlijk de kosten voor het beschikbaar houden van de
benodigde JeugdzorgPlus plekken"; seed 001 "Gezamenlijk is een verdeelsleutel afgesproken".
No seed says how cents are divided: each party gets its share rounded down to the cent, and the
cents left go one by one to the largest remainders (ties: the order of the key), so the parts
always sum to the total.
"""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from openjeugd.contracts.funding.errors import SharingKeyError
from openjeugd.lib.money import CENT, round_money


def split_by_key(total: Decimal, key: Mapping[str, Decimal | int]) -> dict[str, Decimal]:
    """`total` divided over the parties of `key` in proportion to their weights."""
    weights = _checked_weights(key)
    total = round_money(total)
    sign = -1 if total < 0 else 1
    cents = int(abs(total) / CENT)
    whole = sum(weights.values())
    shares = {party: Fraction(cents) * weight / whole for party, weight in weights.items()}
    floors = {party: int(share) for party, share in shares.items()}
    leftover = cents - sum(floors.values())
    by_remainder = sorted(weights, key=lambda party: shares[party] - floors[party], reverse=True)
    for party in by_remainder[:leftover]:
        floors[party] += 1
    return {party: sign * Decimal(floors[party]) * CENT for party in weights}


def _checked_weights(key: Mapping[str, Decimal | int]) -> dict[str, Fraction]:
    if not key:
        raise SharingKeyError("key", "verdeelsleutel", "names no party")
    weights = {}
    for party, weight in key.items():
        if isinstance(weight, float) or weight < 0:
            raise SharingKeyError(
                f"key[{party}]", "verdeelsleutel", f"weight {weight!r} must be a Decimal ≥ 0"
            )
        weights[party] = Fraction(weight)
    if sum(weights.values()) == 0:
        raise SharingKeyError("key", "verdeelsleutel", "all weights are zero")
    return weights
