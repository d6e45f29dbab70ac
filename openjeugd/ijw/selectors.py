"""Reads for the iJw screens, the API and the CLI. Who sees what comes from accounts.policy."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from openjeugd.accounts import policy
from openjeugd.ijw import clock
from openjeugd.ijw.codec import codes
from openjeugd.ijw.codec.message_types import message_type
from openjeugd.ijw.models import (
    Finding,
    Message,
    Prestatie,
    Start,
    Stop,
    Toewijzing,
    ToewijzingVersion,
    Verzoek,
)
from openjeugd.registry.models import Provider


def message_name(code: str) -> str:
    """The plain name of a message ("Start of care"), from the one message-type table."""
    found = message_type(code)
    return str(found.name if found else _("unreadable message"))


def message_label(code: str) -> str:
    return f"{code} {message_name(code)}" if code else message_name(code)




# --- scope (decided in accounts.policy) ---------------------------------------------------

def messages_visible_to(user, *, figures: bool = False) -> QuerySet[Message]:
    """The one answer to "which iJw traffic may this user see" (metadata); with `figures`, the
    traffic its aggregated figures count."""
    q = policy.message_q(user, figures=figures)
    return Message.objects.none() if q is None else Message.objects.filter(q)


def message_content_visible(user, message: Message) -> bool:
    return policy.may_read_message_content(user, message)


# --- lists ----------------------------------------------------------------------------------

def overdue_q(today: date) -> Q:
    """Answer deadline passed without an answer, or answered after the deadline."""
    return Q(answer_due__isnull=False) & (
        Q(answered_at__isnull=True, answer_due__lt=today)
        | Q(answered_at__date__gt=F("answer_due"))
    )


def message_list(user, *, direction: str = "", box: str = "", code: str = "", status: str = "",
                 received_from: date | None = None, received_to: date | None = None,
                 overdue: bool = False, youths: QuerySet | None = None) -> QuerySet[Message]:
    """direction is the region's view (in = provider → municipality, for the API); box is the
    viewer's ("in": what the user's organisation received, "out": what it sent).

    Newest first; read it one page at a time (core.keyset) and fetch the findings of the rows
    shown only (`with_findings`)."""
    messages = messages_visible_to(user)
    if box and not messages.query.is_empty():
        # A box is a subset of the user's traffic by the policy's own terms (message_q admits
        # every message whose Afzender or Ontvanger is one of the user's codes): one column,
        # which the index ijw_inbox / ijw_outbox walks newest first.
        messages = Message.objects.filter(box_q(user, box))
    if direction:
        messages = messages.filter(direction=direction)
    if youths is not None:
        messages = messages.filter(about_youths_q(youths))
    if code:
        messages = messages.filter(code=code)
    if status:
        messages = messages.filter(status=status)
    if received_from:
        messages = messages.filter(received_at__date__gte=received_from)
    if received_to:
        messages = messages.filter(received_at__date__lte=received_to)
    if overdue:
        messages = messages.filter(overdue_q(clock.today()))
    return (messages.defer("raw").select_related("municipality", "provider")
            .order_by("-received_at", "-id"))


def with_findings(messages) -> list[Message]:
    """The shown rows with their findings, in one query for the page."""
    messages = list(messages)
    prefetch_related_objects(
        messages, Prefetch("findings", queryset=Finding.objects.order_by("retourcode")))
    return messages


def box_q(user, box: str) -> Q:
    """A provider's inbox holds what was sent to its AGB code, a municipality's (or region's)
    what was sent to one of its gemeentecodes; the outbox what they sent."""
    party = "ontvanger" if box == "in" else "afzender"
    return Q(**{f"{party}__in": policy.party_codes(user)})


def about_youths_q(youths: QuerySet) -> Q:
    """Messages about these youths: their own client messages and declarations naming them."""
    declared = Prestatie.objects.filter(youth__in=youths).values("declaratie__message_id")
    return Q(youth__in=youths) | Q(pk__in=declared)


def youths_matching(user, search: str) -> QuerySet:
    """Youths the user may see whose BSN is `search` or whose surname contains it."""
    search = search.strip()
    q = Q(bsn=search) if search.isdigit() else Q(surname__icontains=search)
    return policy.youths_visible_to(user).filter(q)


def retourcodes_of(message: Message) -> list[str]:
    """The distinct retourcodes given to a message (findings prefetched by message_list)."""
    return sorted({finding.retourcode for finding in message.findings.all()})


def providers_for_assignment(municipality) -> QuerySet[Provider]:
    """Providers registered for the municipality's region: those it can assign care to."""
    return Provider.objects.filter(regions=municipality.region_id).order_by("name")


def message_detail(user, pk) -> Message | None:
    return (messages_visible_to(user).select_related("municipality", "provider", "in_reply_to")
            .prefetch_related("findings", "replies").filter(pk=pk).first())


def deadline_state(message: Message, today: date) -> str:
    """"met", "late", "overdue" (still open past due), "open" or "" (no deadline)."""
    if message.answer_due is None:
        return ""
    if message.answered_at is not None:
        return "met" if message.answered_in_time else "late"
    return "overdue" if message.answer_due < today else "open"


# --- client timeline ------------------------------------------------------------------------

@dataclass
class Timeline:
    verzoeken: list
    toewijzingen: list
    starts: list
    stops: list
    prestaties: list


def youth_timeline(user, youth) -> Timeline:
    """Everything the messages say about one youth, limited to the user's traffic. The caller
    opened the youth through policy.read_youth, which logged the read."""
    versions = Prefetch("versions", queryset=ToewijzingVersion.objects.select_related("message"))
    # One scope question for the four kinds of facts on the same foreign keys (it may cost a
    # query for the region's codes), one for the declaration lines.
    scope = policy.scope_q(user)
    lines_scope = policy.scope_q(user, municipality="declaratie__municipality",
                                 provider="declaratie__provider")

    def facts(model, lookup):
        return model.objects.none() if lookup is None else model.objects.filter(lookup,
                                                                                youth=youth)

    return Timeline(
        verzoeken=list(facts(Verzoek, scope).select_related("provider", "message")
                       .order_by("message__received_at")),
        toewijzingen=list(facts(Toewijzing, scope).select_related("provider", "message")
                          .prefetch_related(versions).order_by("ingangsdatum", "id")),
        starts=list(facts(Start, scope).select_related("provider", "message", "deleted_by")),
        stops=list(facts(Stop, scope).select_related("provider", "message", "deleted_by")),
        prestaties=list(facts(Prestatie, lines_scope)
                        .select_related("declaratie__provider", "declaratie__message")),
    )


def reden_beeindiging_meaning(code: str) -> str:
    return codes.meaning("JZ588", code)
