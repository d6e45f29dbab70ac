"""A message built but not sent: what it says, its XML and what the stateless rules and the
official schema find in it — shown to the user before they confirm."""

from dataclasses import dataclass

from django.conf import settings

from openjeugd.ijw import clock, codec, content
from openjeugd.ijw.codec import codes, rules
from openjeugd.ijw.codec import model as m


@dataclass(frozen=True)
class Check:
    rule: str
    retourcode: str
    meaning: str
    level: str
    ref: str
    text: str


@dataclass
class Draft:
    message: m.Message
    xml: str
    findings: list[Check]
    summary: list[content.Section]

    @property
    def sendable(self) -> bool:
        return not self.findings


def review(message: m.Message) -> Draft:
    raw = codec.serialize(message)
    found = [_check(f.rule, f.retourcode, f.level, f.ref, str(f.text))
             for f in rules.check(message, today=clock.today())]
    found += _schema_checks(raw)
    return Draft(message=message, xml=raw.decode("utf-8"), findings=found,
                 summary=content.summarize(message))


def _schema_checks(raw: bytes) -> list[Check]:
    if not settings.IJW_XSD_DIR:  # outbox.send validates when configured; so does the preview
        return []
    return [_check("XSD", codes.rule_code("XSD").retourcode, "header", "header",
                   f"line {issue.line}: {issue.text}")
            for issue in codec.validate_xsd(raw, settings.IJW_XSD_DIR)]


def context_check(rule: str, ref: str, text: str) -> Check:
    """A stateful rule a service checks before sending, with its code and level from the rule
    table (the handler applies the same rule on arrival)."""
    found = codes.rule_code(rule)
    return _check(rule, found.retourcode, found.level, ref, text)


def _check(rule, retourcode, level, ref, text) -> Check:
    return Check(rule=rule, retourcode=retourcode, meaning=codes.retourcode_meaning(retourcode),
                 level=level, ref=ref, text=text)
