"""Dutch working days and the iJw answer deadlines that are counted in them.

A working day is Monday to Friday and not a public holiday as the `holidays` package knows them
for the Netherlands. That calendar moves Koningsdag to Saturday 26 April when 27 April is a
Sunday, counts Goede Vrijdag as a holiday, and Bevrijdingsdag only in lustrum years (2025, 2030).
Pure module: no Django, so it can be used and tested anywhere.
"""

from datetime import date, timedelta

import holidays

_NL_HOLIDAYS = holidays.country_holidays("NL")  # fills in years lazily on lookup

# Deadline kinds and where the iJw 3.2 procesbeschrijving / bedrijfsregels set them. Every term
# runs from the day *after* receipt: the texts say "binnen drie werkdagen na ontvangst" (OP090;
# procesbeschrijving §2.5.3, §3.3.3, §4.3.2, §4.4.1) and "binnen 10 werkdagen na ontvangst"
# (OP090x4; §5.4, §5.5), so the day of receipt itself is day 0 and never counts.
WORKING_DAY_TERMS = {
    "retour": 3,  # OP090: every received message gets its retourbericht
    "antwoord_verzoek": 5,  # OP274 / OP346: answer a VOT / VOW with a toewijzing or JW319
    "declaratie_antwoord": 10,  # OP090x4: JW325 for every JW323
    "start_stop_melding": 5,  # OP271 / OP272: provider reports start/stop after the actual date
}
# OP359 and procesbeschrijving §2.5.1: rejecting a VOT on the woonplaatsbeginsel must happen
# "binnen 2 weken" — a term in calendar weeks, so 14 calendar days after receipt. We do not push
# it past weekends or holidays: a screen that warns on the earlier date is the safe side.
CALENDAR_DAY_TERMS = {
    "woonplaatsbeginsel": 14,
}
DEADLINE_KINDS = frozenset(WORKING_DAY_TERMS) | frozenset(CALENDAR_DAY_TERMS)


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in _NL_HOLIDAYS


def add_working_days(d: date, n: int) -> date:
    """The date n working days after d (d itself does not count); n < 0 goes back in time.

    With n == 0 the answer is d, whatever kind of day it is.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d):
            remaining -= 1
    return d


def working_days_between(a: date, b: date) -> int:
    """Working days after a up to and including b; negative when b lies before a.

    The inverse of add_working_days: working_days_between(d, add_working_days(d, n)) == n.
    """
    if b < a:
        return -working_days_between(b, a)
    return sum(1 for offset in range(1, (b - a).days + 1) if is_working_day(a + timedelta(offset)))


def deadline_for(kind: str, received: date) -> date:
    """Last day on which the answer of the given kind is still on time."""
    if kind in WORKING_DAY_TERMS:
        return add_working_days(received, WORKING_DAY_TERMS[kind])
    if kind in CALENDAR_DAY_TERMS:
        return received + timedelta(days=CALENDAR_DAY_TERMS[kind])
    raise ValueError(f"unknown deadline kind {kind!r}; expected one of {sorted(DEADLINE_KINDS)}")
