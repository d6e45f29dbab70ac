"""An amount with its build-up: named elements, each to the cent, that add up to the total.

Each element is rounded on its own and the total is their sum, so a screen that lists the
elements always shows a total that adds up.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Element:
    name: str
    amount: Decimal


@dataclass(frozen=True)
class BuildUp:
    elements: tuple[Element, ...]

    @property
    def total(self) -> Decimal:
        return sum((element.amount for element in self.elements), Decimal("0.00"))

    def amount_of(self, name: str) -> Decimal:
        return next(element.amount for element in self.elements if element.name == name)
