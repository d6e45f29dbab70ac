"""The one message-type table: every other list of messages is derived from it."""

from django.utils import translation

from openjeugd.ijw import codec
from openjeugd.ijw.codec import message_types as mt
from openjeugd.ijw.codec.codes import BERICHTCODE
from openjeugd.ijw.selectors import message_label, message_name
from openjeugd.ijw.services.handlers import HANDLERS
from openjeugd.ijw.services.sniff import sniff


def test_every_message_has_a_handler_and_a_codec_class():
    assert set(HANDLERS) == set(mt.MESSAGE_TYPES) == set(codec.MESSAGE_CLASSES)
    assert len(mt.MESSAGE_TYPES) == 14


def test_returns_pair_up_both_ways():
    for code, row in mt.MESSAGE_TYPES.items():
        if row.answered_by:
            assert mt.MESSAGE_TYPES[row.answered_by].answers == code
            # An answer travels the other way.
            assert mt.MESSAGE_TYPES[row.answered_by].direction != row.direction
        assert codec.MESSAGE_CLASSES[code].is_return == row.is_return
    # IV087: the JW325 answers the JW323 but is no retourbericht (it has its own header).
    assert mt.MESSAGE_TYPES["JW325"].kind == mt.ANTWOORD


def test_berichtcode_from_the_table_reaches_the_header_and_the_code_list():
    # COD002: JW301 is 436, JW325 491.
    assert BERICHTCODE["JW301"] == "436" and codec.MESSAGE_CODES["JW325"] == 491
    raw = codec.serialize(codec.samples.sample_jw305())
    assert b"<BerichtCode>438</BerichtCode>" in raw
    assert sniff(raw).code == "JW305"
    assert mt.code_for_berichtcode("999") == "" and mt.code_for_berichtcode("x") == ""


def test_deadlines_follow_the_answer():
    retour = {c for c, t in mt.MESSAGE_TYPES.items() if t.deadline == "retour"}
    assert retour == {"JW301", "JW305", "JW307", "JW315", "JW317", "JW319"}
    assert mt.MESSAGE_TYPES["JW323"].deadline == "declaratie_antwoord"


def test_selectors_name_messages_from_the_table():
    with translation.override("en"):
        assert message_name("JW305") == "Start of care"
        assert message_label("JW325") == "JW325 Declaration answer"
        assert message_label("") == "unreadable message"
