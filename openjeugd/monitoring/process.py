"""Process figures: were messages answered within their term? Pure: (kind, received,
answered) in, counts out. Terms from openjeugd.lib.workdays (iJw procesbeschrijving, cited
there): a retourbericht within 3 working days (OP090), the answer to a request (JW301 or JW319
on a JW315/JW317) within 5 (OP274/OP346), the JW325 on a declaration within 10 (OP090x4), each
counted from the day after receipt."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from openjeugd.lib import workdays

from .cbs.outcome import Ratio

# The figure's key -> the workdays deadline kind.
KINDS = {
    "retour": "retour",  # returns the region owes on the providers' messages
    "retour_aanbieders": "retour",  # returns the providers owe on JW301/JW319
    "antwoord_verzoek": "antwoord_verzoek",
    "declaratie_antwoord": "declaratie_antwoord",
}


@dataclass(frozen=True)
class Exchange:
    kind: str  # a key of KINDS
    received: date
    answered: date | None


def deadlines(exchanges: list[Exchange], *, today: date) -> dict:
    """Per kind: answered on time, late, unanswered past the term, unanswered within it; the
    share on time of those whose term passed or that were answered; the mean working days
    taken by the answered ones."""
    # Exchanges received and answered on the same days count alike: each distinct one is
    # judged once (the working-day arithmetic per exchange cost more than reading them).
    by_kind: dict[str, Counter] = {key: Counter() for key in KINDS}
    for exchange in exchanges:
        by_kind[exchange.kind][exchange] += 1
    out = {}
    for key, kind in KINDS.items():
        on_time = late = overdue = waiting = taken = 0
        for exchange, n in by_kind[key].items():
            due = workdays.deadline_for(kind, exchange.received)
            if exchange.answered is None:
                overdue += n * (due < today)
                waiting += n * (due >= today)
                continue
            taken += n * workdays.working_days_between(exchange.received, exchange.answered)
            if exchange.answered <= due:
                on_time += n
            else:
                late += n
        answered = on_time + late
        out[key] = {
            "termijn_werkdagen": workdays.WORKING_DAY_TERMS[kind],
            "binnen_termijn": on_time, "te_laat": late, "open_verlopen": overdue,
            "open": waiting,
            "op_tijd": Ratio(on_time, answered + overdue).as_dict(),
            "gemiddeld_werkdagen": (None if not answered
                                    else str((Decimal(taken) / answered).quantize(
                                        Decimal("0.1"), ROUND_HALF_UP))),
        }
    return out
