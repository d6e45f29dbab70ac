"""The list of rules left to the app agrees with WJ001 and the rule table."""

from openjeugd.ijw.codec import codes
from openjeugd.ijw.codec.rules import STATEFUL_RULES


def test_stateful_rules_use_the_prescribed_code_and_level():
    for rule in STATEFUL_RULES:
        assert rule.retourcode in codes.RETOURCODES, rule.rule
        if rule.rule in codes.RULE_RETOURCODES:  # OP033 is a procedure over TR063/TR074
            assert codes.rule_code(rule.rule) == codes.RuleCode(rule.retourcode, rule.level)
        assert rule.messages and all(m.startswith("JW") for m in rule.messages)


def test_a_few_codes_by_hand():
    by_rule = {r.rule: r for r in STATEFUL_RULES}
    # WJ001: 9056 identification not unique; 9333 declaratienummer not unique; 0611 tariff.
    assert (by_rule["TR056"].retourcode, by_rule["TR056"].level) == ("9056", "header")
    # IV087: 9333 goes on the DeclaratieAntwoord, the class holding DeclaratieNummer.
    assert (by_rule["TR333"].retourcode, by_rule["TR333"].level) == ("9333", "declaratie")
    assert (by_rule["TR418"].retourcode, by_rule["TR418"].level) == ("0611", "product")
    # A stop without a matching start: TR069's 9069, also used for TR382.
    assert by_rule["TR069"].retourcode == "9069"
    assert len(by_rule) == len(STATEFUL_RULES)  # each rule listed once


def test_every_wj001_rule_is_either_stateless_or_listed():
    # Rules whose code WJ001 lists must be handled somewhere: in check() (TR135, TR319) or in
    # the app through STATEFUL_RULES.
    checked_here = {"TR135", "TR319"}
    listed = {r.rule for r in STATEFUL_RULES}
    rules_in_wj001 = {rc.rule for rc in codes.RETOURCODES.values() if rc.rule}
    # TR069 is in WJ001 through 9069; TR382 shares that code.
    assert rules_in_wj001 - listed - checked_here == set()
