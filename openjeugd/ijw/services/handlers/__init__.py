"""One handler per message code: stateful checks and the state change it brings.

The map is keyed by the codes of the one message-type table (codec.message_types) and covers
each of them (tests/test_message_types.py). It lives here and not in the table so the codec
stays free of Django: the table names facts of the standard, this map names our services.
"""

from openjeugd.ijw.codec.message_types import RETOUR, codes

from . import declaratie, replies, start_stop, toewijzing, verzoek

HANDLERS = {
    "JW301": toewijzing.handle_jw301,
    "JW305": start_stop.handle_jw305,
    "JW307": start_stop.handle_jw307,
    "JW315": verzoek.handle_jw315,
    "JW317": verzoek.handle_jw317,
    "JW319": verzoek.handle_jw319,
    "JW323": declaratie.handle_jw323,
    "JW325": replies.handle_jw325,
    **dict.fromkeys(codes(kind=RETOUR), replies.handle_return),
}
