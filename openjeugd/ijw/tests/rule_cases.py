"""Which test produces which rule's code, so the rule table cannot claim more than is applied.

    @produces("TR389")
    def test_second_debit_is_refused(deliver): ...

After the test body ran, the wrapper asserts that processing stored a finding of that rule with
the code and level the rule table prescribes, and that the return sent for that message (when
Open Jeugd answers it) carries the code on the same record. Findings are only written by the
real processing path, so a test that never delivers a message cannot pass.
test_rules_applied_table.py checks every rule marked applied against PRODUCES.
"""

import functools

from openjeugd.ijw import codec
from openjeugd.ijw.codec.codes import rule_code
from openjeugd.ijw.models import (
    Finding,
    Message,
    Start,
    Stop,
    Toewijzing,
    ToewijzingVersion,
    Verzoek,
)
from openjeugd.ijw.services.records import retourcodes_in
from openjeugd.registry.models import CareRelation, Youth

PRODUCES: dict[str, list[str]] = {}


def produces(rule: str, *, via: str | None = None):
    """Mark a test as producing ``rule``'s code through ingest. ``via``: a procedure rule
    (OP033) is shown through the rule whose code it prescribes."""
    shown_by = via or rule

    def mark(test):
        PRODUCES.setdefault(rule, []).append(f"{test.__module__}::{test.__name__}")

        @functools.wraps(test)
        def run(*args, **kwargs):
            test(*args, **kwargs)
            assert_produced(shown_by)

        return run

    return mark


def assert_produced(rule: str) -> None:
    expected = rule_code(rule)
    found = Finding.objects.filter(rule=rule).select_related("message")
    assert found.exists(), f"no finding of {rule} was stored"
    right = [f for f in found if (f.retourcode, f.level) == (expected.retourcode, expected.level)]
    assert right, (f"{rule}: expected {expected.retourcode} at {expected.level}, got "
                   f"{[(f.retourcode, f.level) for f in found]}")
    for finding in right:
        reply = finding.message.replies.first()
        if reply is not None:
            carried = set(retourcodes_in(codec.parse(bytes(reply.raw))))
            assert (finding.ref, finding.retourcode) in carried, (
                f"{rule}: the return does not carry {finding.retourcode} on {finding.ref}: "
                f"{sorted(carried)}")


def found(outcome) -> list[tuple[str, str, str]]:
    """(rule, retourcode, level) of every finding of the delivered message."""
    return [(f.rule, f.retourcode, f.level) for f in outcome.message.findings.all()]


def state() -> dict:
    """Every fact a non-declaration message can change (IV032: a rejected one changes none)."""
    return {model.__name__: model.objects.count() for model in (
        Youth, Toewijzing, ToewijzingVersion, Start, Stop, Verzoek, CareRelation)} | {
        "verzoek_states": sorted(Verzoek.objects.values_list("state", flat=True)),
        "toewijzingen": sorted(Toewijzing.objects.values_list(
            "toewijzing_nummer", "einddatum", "reden_wijziging", "volume")),
        "deleted": sorted(str(x) for x in Start.objects.values_list("deleted_by", flat=True))
        + sorted(str(x) for x in Stop.objects.values_list("deleted_by", flat=True))}


def assert_nothing_applied(outcome, before: dict) -> None:
    assert outcome.message.status == Message.Status.REJECTED
    assert state() == before, "a rejected message changed state"
