"""Fixed facts about the 14 iJw 3.2 messages: direction, return message, answer deadline."""

# Municipality → provider ("out" from the region's point of view) and the reverse.
OUTGOING = {"JW301", "JW306", "JW308", "JW316", "JW318", "JW319", "JW325"}
INCOMING = {"JW302", "JW305", "JW307", "JW315", "JW317", "JW320", "JW323"}

# Messages that are returns (retourberichten) of another message.
RETURN_FOR = {
    "JW302": "JW301", "JW306": "JW305", "JW308": "JW307", "JW316": "JW315",
    "JW318": "JW317", "JW320": "JW319",
}
RETURN_OF = {original: ret for ret, original in RETURN_FOR.items()}

# Which deadline (openjeugd.lib.workdays.deadline_for kind) applies to a message's reply.
# Every message with a return must be returned within 3 working days; the JW325 is both the
# return and the answer of a declaration (10 working days). The answer to a verzoek (JW301 or
# JW319 within 5 working days) is tracked on the Verzoek itself.
ANSWER_DEADLINE = {
    "JW301": "retour", "JW305": "retour", "JW307": "retour", "JW315": "retour",
    "JW317": "retour", "JW319": "retour", "JW323": "declaratie_antwoord",
}


def direction_of(code: str) -> str:
    if code in OUTGOING:
        return "out"
    return "in"
