"""The one flow every message action follows on screen: fill in the form → see the message,
its XML and the rule checks (nothing sent, no number taken) → confirm → the service sends it
→ the message's page. The services decide who may send; these views only find the object
in the user's scope (404 otherwise) and render."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from openjeugd.ijw import selectors

CONFIRM = "confirm"


def act(request, form, *, preview, send, title: str, about: str, back: str):
    """preview(data) → Draft; send(data) → the archived Message; both may raise
    PermissionDenied (403) or ValidationError (shown on the form)."""
    draft, data = None, None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            draft = preview(data)
            if CONFIRM in request.POST and draft.sendable and _confirms(request, form):
                return _sent(request, send(data))
        except ValidationError as error:
            form.add_error(None, error)
            draft = None
    return render(request, "ijw/action.html", {
        "form": form, "draft": draft, "title": title, "about": about, "back": back,
        "draft_key": _draft_key(request, form) if draft else "",
        "stale": CONFIRM in request.POST and draft is not None and draft.sendable,
    }, status=400 if form.errors else 200)


def _sent(request, message):
    messages.success(request, _("%(message)s %(id)s was sent: %(status)s.") % {
        "message": selectors.message_label(message.code), "id": message.identificatie,
        "status": message.get_status_display()})
    return redirect("ijw:message-detail", message.pk)


def _draft_key(request, form) -> str:
    """Ties "send" to the values the user saw in the preview: changed values preview again."""
    values = {name: request.POST.get(form.add_prefix(name), "") for name in form.fields}
    return salted_hmac("ijw.draft", json.dumps(values, sort_keys=True) + str(request.user.pk),
                       algorithm="sha256").hexdigest()


def _confirms(request, form) -> bool:
    return constant_time_compare(request.POST.get("draft_key", ""), _draft_key(request, form))
