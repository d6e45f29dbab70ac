from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import get_valid_filename

from openjeugd.accounts import audit, policy
from openjeugd.accounts.decorators import requires
from openjeugd.accounts.policy import Perm
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw import clock, selectors
from openjeugd.ijw.forms import MessageFilterForm
from openjeugd.ijw.models import Message

PAGE_SIZE = 50


@requires(Perm.VIEW_MESSAGES)
def inbox(request):
    return _traffic(request, Message.Direction.IN)


@requires(Perm.VIEW_MESSAGES)
def outbox(request):
    return _traffic(request, Message.Direction.OUT)


def _traffic(request, direction: str):
    form = MessageFilterForm(request.GET or None)
    messages = selectors.message_list(request.user, direction=direction, **form.filters())
    page = Paginator(messages, PAGE_SIZE).get_page(request.GET.get("page"))
    _mark_deadlines(page.object_list)
    return render(request, "ijw/traffic.html", {
        "form": form, "page": page, "direction": direction,
        "can_exchange": policy.has_perm(request.user, Perm.EXCHANGE_MESSAGES),
    })


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
    return render(request, "ijw/message_detail.html", {
        "message": message,
        "findings": message.findings.all(),
        "replies": message.replies.all(),
        "can_view_youth": policy.has_perm(request.user, Perm.VIEW_YOUTH),
        # References name clients (BSN): only for users with youth access.
        "can_view_content": selectors.message_content_visible(request.user, message),
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
