"""Sums of money and products in queries, in one place.

SQLite adds decimals as floats and drops their scale (2500 instead of 2500.00), so every sum of
money read from the database goes through `money_sum`, which rounds with lib.money like all
other amounts; PostgreSQL's exact sums pass unchanged.
"""

from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from openjeugd.lib.money import round_money

ZERO = Decimal("0.00")


def money_sum(queryset: QuerySet, field: str) -> Decimal:
    return round_money(queryset.aggregate(total=Sum(field))["total"] or ZERO)


def products_q(pairs) -> Q | None:
    """Declaration lines of any of these (productcategorie, productcode) pairs, as one filter
    (one query instead of one per product); None when there are none."""
    found = None
    for categorie, code in pairs:
        one = Q(product_categorie=categorie, product_code=code)
        found = one if found is None else found | one
    return found
