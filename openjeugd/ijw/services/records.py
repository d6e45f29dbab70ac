"""Generic helpers over the codec's dataclasses (walk records, make JSON-safe copies)."""

import dataclasses
import json
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal


def _default(value):
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value))


def to_jsonable(record) -> dict:
    return json.loads(json.dumps(dataclasses.asdict(record), default=_default))


def walk(record) -> Iterator:
    """Every dataclass instance inside a message, depth first."""
    if dataclasses.is_dataclass(record):
        yield record
        for f in dataclasses.fields(record):
            yield from walk(getattr(record, f.name))
    elif isinstance(record, list | tuple):
        for item in record:
            yield from walk(item)


def retourcodes_in(message) -> Iterator[tuple[str, str]]:
    """(ref, retourcode) for every code a return message carries, at any level."""
    for record in walk(message):
        for code in getattr(record, "retourcodes", None) or []:
            yield getattr(record, "ref", type(record).__name__), code
