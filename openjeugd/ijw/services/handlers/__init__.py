"""One handler per message code: stateful checks and the state change it brings."""

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
    **{code: replies.handle_return for code in
       ("JW302", "JW306", "JW308", "JW316", "JW318", "JW320")},
}
