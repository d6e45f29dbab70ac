"""Field helpers that tie a dataclass attribute to its iJw element path.

A path is ``Element`` or ``Outer/Inner`` (a flattened composite such as
``Geboortedatum/Datum``). List fields use ``Wrapper/Item`` (``RetourCodes/RetourCode``).
``conv`` picks a conversion at the XML edge when the Python type alone is not enough:

- ``digits``: a string of digits kept as text (BSN: leading zeros matter).
- ``integer``: an xs:integer kept as text (ToewijzingNummer: compared with stored strings).
- ``cents``: an xs:integer of eurocents in XML, a ``Decimal`` in euros in the model.
- ``dc`` / ``totaal-dc``: ``Bedrag``/``TotaalBedrag`` plus ``DebetCredit`` in XML, one signed
  ``Decimal`` in euros in the model (credit is negative; ``Decimal("-0.00")`` keeps a zero
  credit a credit).
"""

from dataclasses import field


def req(path: str, conv: str | None = None):
    return field(metadata={"xml": path, "conv": conv})


def opt(path: str, conv: str | None = None):
    return field(default=None, metadata={"xml": path, "conv": conv})


def many(path: str):
    return field(default_factory=list, metadata={"xml": path, "conv": None})


def codes():
    """RetourCodes of a record; always written last, as every iJw return XSD has it."""
    return field(default_factory=list, metadata={"xml": "RetourCodes/RetourCode", "conv": None})
