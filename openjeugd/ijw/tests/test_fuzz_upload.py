"""Fuzz the upload API (`POST /api/ijw/messages/upload/`) with broken messages: never a server
error, never a partial write. A rejected message leaves no toewijzing, start, stop, verzoek or
declaratie behind, and every archived message ends in a final status.

Fast profile in the normal test run; the big run (≥ 10,000 messages) is `scripts/fuzz`.
"""

import sys
import traceback
from collections import Counter

from django.apps import apps
from django.test import Client
from hypothesis import given

from openjeugd.accounts.roles import Role
from openjeugd.ijw.codec import samples
from openjeugd.ijw.codec.message_types import direction_of
from openjeugd.ijw.models import Finding, Message, Prestatie
from openjeugd.ijw.tests.fuzz import VALID, fuzz_settings, mutated_message

UPLOAD = "/api/ijw/messages/upload/"


def rows_pointing_at_messages():
    """Every (model, field) that records a state change caused by a message."""
    for model in apps.get_models():
        if model in (Message, Finding):
            continue
        for field in model._meta.get_fields():
            if field.many_to_one and field.related_model is Message:
                yield model, field.name


def partial_writes(new_messages) -> list[str]:
    rejected = list(new_messages.filter(status=Message.Status.REJECTED)
                    .values_list("pk", flat=True))
    found = [f"{model.__name__}.{name} -> rejected message"
             for model, name in rows_pointing_at_messages()
             if model.objects.filter(**{f"{name}__in": rejected}).exists()]
    if Prestatie.objects.filter(declaratie__message__in=rejected).exists():
        found.append("Prestatie -> rejected declaration")
    unfinished = new_messages.filter(status=Message.Status.RECEIVED).count()
    if unfinished:
        found.append(f"{unfinished} message(s) left unprocessed")
    return found


def test_upload_never_fails_and_never_writes_half(deliver, user_with, provider):
    # A client and toewijzing to declare against, so mutations reach the handlers' writes.
    deliver(samples.sample_jw301())
    senders = {"out": Client(raise_request_exception=False),
               "in": Client(raise_request_exception=False)}
    senders["out"].force_login(user_with(Role.ACCESS_WORKER))
    senders["in"].force_login(user_with(Role.PROVIDER_STAFF, provider=provider))
    stats = Counter()

    @fuzz_settings()
    @given(mutated_message(fresh_numbers=True))
    def upload_one(case):
        code, raw = case
        last = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        try:
            response = senders[direction_of(code)].post(UPLOAD, raw,
                                                        content_type="application/xml")
        except Exception:  # noqa: BLE001 - a crash in the test client is a server error too
            stats["server errors"] += 1
            raise AssertionError(traceback.format_exc()) from None
        stats["messages"] += 1
        if response.status_code >= 500:
            stats["server errors"] += 1
            raise AssertionError(f"{response.status_code} for a mutated {code}")
        assert response.status_code in (200, 400), response.status_code
        if response.status_code == 200:
            stats.update(f"status {result['status']}" for result in response.json())
        problems = partial_writes(Message.objects.filter(pk__gt=last))
        stats["partial writes"] += bool(problems)
        assert not problems, problems

    # Every valid message once as well: the mutations then meet a populated database.
    for code in sorted(VALID):
        senders[direction_of(code)].post(UPLOAD, VALID[code], content_type="application/xml")
    upload_one()
    print(f"\n{stats['messages']} messages, {stats['server errors']} server errors, "
          f"{stats['partial writes']} partial writes", file=sys.stderr)
    print(", ".join(f"{key[7:]}: {n}" for key, n in sorted(stats.items())
                    if key.startswith("status ")), file=sys.stderr)
