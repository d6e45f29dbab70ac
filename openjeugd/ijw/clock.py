"""The time the message core works with. Normally now; a history import sets it per message.

Replaying years of history through the real path must date every receipt, answer and deadline
as it happened then, not as the moment of import.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_moment: ContextVar[datetime | None] = ContextVar("ijw_clock", default=None)


def now() -> datetime:
    return _moment.get() or timezone.now()


def today() -> date:
    return timezone.localtime(now()).date()


@contextmanager
def at(moment: datetime):
    token = _moment.set(moment)
    try:
        yield
    finally:
        _moment.reset(token)
