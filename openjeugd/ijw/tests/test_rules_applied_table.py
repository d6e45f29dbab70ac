"""The rule table claims no more than the app applies.

Every rule in STATEFUL_RULES marked applied must have a test marked ``@produces(rule)`` (see
rule_cases.py): that test delivers messages through ingest and fails unless processing stored
the rule's code at the table's level and the return carries it. Rules not applied say why.
Handlers name the rule only; code and level come from the table.
"""

import ast
import importlib
import pkgutil
from pathlib import Path

from openjeugd.ijw import tests as tests_package
from openjeugd.ijw.codec import codes
from openjeugd.ijw.codec.rules.stateful import NOT_APPLIED, PIPELINE_INSTRUCTIONS, STATEFUL_RULES
from openjeugd.ijw.services import handlers
from openjeugd.ijw.tests.rule_cases import PRODUCES

SERVICES = Path(handlers.__file__).parent.parent


def _load_rule_tests() -> None:
    for module in pkgutil.iter_modules(tests_package.__path__):
        if module.name.startswith("test_rules_applied_"):
            importlib.import_module(f"{tests_package.__name__}.{module.name}")


def test_every_applied_rule_has_a_test_producing_its_code():
    _load_rule_tests()
    untested = [r.rule for r in STATEFUL_RULES if r.applied and r.rule not in PRODUCES]
    assert untested == [], f"marked applied, but no test produces their code: {untested}"


def test_rules_not_applied_say_why_and_exist():
    listed = {r.rule for r in STATEFUL_RULES}
    assert set(NOT_APPLIED) <= listed
    for rule in STATEFUL_RULES:
        assert rule.applied == (rule.rule not in NOT_APPLIED)
        assert rule.applied or len(rule.not_applied) > 20, rule.rule
    # No product code list is available (codelijsten has JZ020 categories only).
    assert not {r.rule: r for r in STATEFUL_RULES}["TR381"].applied


def _reject_calls():
    for path in [SERVICES / "parties.py", *sorted((SERVICES / "handlers").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "reject":
                yield path.name, node


def test_handlers_name_the_rule_and_nothing_else():
    calls = list(_reject_calls())
    assert len(calls) > 30
    for name, call in calls:
        keywords = {k.arg: k.value for k in call.keywords}
        assert set(keywords) == {"rule", "ref", "text"}, (name, call.lineno, set(keywords))
        rule = keywords["rule"]
        if isinstance(rule, ast.Constant):  # a literal rule must be in the table
            assert rule.value in codes.RULE_RETOURCODES, (name, rule.value)


def test_every_rule_a_handler_names_is_in_the_table():
    listed = {r.rule for r in STATEFUL_RULES} | {"AGB"}
    named = set()
    for path in [SERVICES / "parties.py", *(SERVICES / "handlers").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    node.value[:2] in ("TR", "OP") and node.value[2:].isdigit():
                named.add(node.value)
    assert named - listed == set()


def test_table_agrees_with_the_lookup():
    for rule in STATEFUL_RULES:
        if rule.rule in codes.RULE_RETOURCODES:
            assert codes.rule_code(rule.rule) == codes.RuleCode(rule.retourcode, rule.level)


def test_levels_follow_the_record_class():
    # IV028: the level is the class of the record holding the element.
    assert codes.record_level("header") == "header"
    assert codes.record_level("declaratie") == "declaratie"
    assert codes.record_level("client") == "client"
    assert codes.record_level("client:999993653") == "client"
    assert codes.record_level("prestatie:ReferentieNummer=P1") == "product"
    assert codes.record_level("verzoek") == "product"
    assert codes.record_level("antwoord") == "product"


def test_the_pipeline_documents_its_invulinstructies():
    assert [i.iv for i in PIPELINE_INSTRUCTIONS] == [
        "IV008", "IV028", "IV032", "IV087", "IV088", "IV097"]
    assert all(i.summary and i.where for i in PIPELINE_INSTRUCTIONS)
