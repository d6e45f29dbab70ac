from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import get_valid_filename

from openjeugd.accounts import audit, policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.core import keyset
from openjeugd.ijw import clock, content, selectors
from openjeugd.ijw.forms import MessageFilterForm, MessageSearchForm
from openjeugd.ijw.models import Message

PAGE_SIZE = 50


@requires(Perm.VIEW_MESSAGES)
def inbox(request):
    return _traffic(request, "in")


@requires(Perm.VIEW_MESSAGES)
def outbox(request):
    return _traffic(request, "out")


def _traffic(request, box: str):
    """The viewer's own Postvak IN / UIT; a POSTed search narrows it to the youths the user may
    see with that BSN or surname (first page only: the search is not repeated in links)."""
    form = MessageFilterForm(request.GET or None)
    search = MessageSearchForm(request.POST if request.method == "POST" else None)
    youths = None
    if search.is_bound and search.is_valid() and policy.has_perm(request.user, Perm.VIEW_YOUTH):
        youths = selectors.youths_matching(request.user, search.cleaned_data["q"])
    messages = selectors.message_list(request.user, box=box, youths=youths, **form.filters())
    # Newest first, one page after another without counting the history (core.keyset).
    page = keyset.page(messages, {} if search.is_bound else request.GET, size=PAGE_SIZE,
                       time_field="received_at")
    page.object_list = selectors.with_findings(page.object_list)
    if youths is not None:
        # One youth's messages: few enough to count for the log.
        _log_search(request, search.cleaned_data["q"], messages.count())
    _mark_rows(page.object_list)
    return render(request, "ijw/traffic.html", {
        "form": form, "search": search, "searched": youths is not None, "page": page,
        "direction": box, "can_exchange": policy.has_perm(request.user, Perm.EXCHANGE_MESSAGES),
        "can_search": policy.has_perm(request.user, Perm.VIEW_YOUTH),
    }, status=400 if search.errors else 200)


def _log_search(request, words: str, hits: int) -> None:
    # The search words are personal data: the log keeps only what kind of search it was.
    kind = "by BSN" if words.strip().isdigit() else "by surname"
    audit.record(request.user, "search", "ijw.Message", None, purpose=Purpose.YOUTH_SEARCH,
                 request=request, hits=hits, object_repr=kind)


def _mark_rows(messages) -> None:
    _mark_deadlines(messages)
    # get_status_display() flattens the choices anew for every row: the labels once a page.
    labels = {value: str(label) for value, label in Message.Status.choices}
    for message in messages:
        message.retourcodes = selectors.retourcodes_of(message)
        message.status_label = labels.get(message.status, message.status)


def _mark_deadlines(messages) -> None:
    today = clock.today()
    for message in messages:
        message.deadline = selectors.deadline_state(message, today)


def _visible_message(request, pk) -> Message:
    message = selectors.message_detail(request.user, pk)
    if message is None:
        raise Http404
    return message


@requires(Perm.VIEW_MESSAGES)
def message_detail(request, pk):
    message = _visible_message(request, pk)
    # Findings can name a client (BSN in a reference): opening a message counts as a read.
    audit.record_object(request.user, "read", message, purpose=Purpose.MESSAGE_DETAIL,
                        request=request)
    _mark_deadlines([message])
    can_view_content = selectors.message_content_visible(request.user, message)
    return render(request, "ijw/message_detail.html", {
        "message": message,
        # What the message says (clients, products, amounts): parsed from the stored bytes.
        "content": content.read_stored(message.raw) if can_view_content else None,
        "findings": message.findings.all(),
        "replies": message.replies.all(),
        "can_view_youth": policy.has_perm(request.user, Perm.VIEW_YOUTH),
        # References name clients (BSN): only for users with youth access.
        "can_view_content": can_view_content,
    })


@requires(Perm.VIEW_MESSAGES)
def message_raw(request, pk):
    message = _visible_message(request, pk)
    if not selectors.message_content_visible(request.user, message):
        # The bytes name the client: metadata roles and former care providers get nothing,
        # and the same answer as for a message that does not exist.
        audit.record_object(request.user, "denied", message, purpose=Purpose.MESSAGE_RAW,
                            request=request)
        raise Http404
    audit.record_object(request.user, "export", message, purpose=Purpose.MESSAGE_RAW,
                        request=request)
    return raw_response(message)


def raw_response(message: Message) -> HttpResponse:
    """The bytes exactly as received, as a download (shared with the API)."""
    name = get_valid_filename(message.filename or f"{message.code}-{message.identificatie}.xml")
    response = HttpResponse(bytes(message.raw), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
