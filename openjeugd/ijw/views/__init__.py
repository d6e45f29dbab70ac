"""iJw pages: inbox/outbox, message detail and raw download, upload, client timeline, overview,
and the forms that send a message (actions).

Thin views: the policy decides access, selectors read, services write.
"""

from . import actions
from .overview import overview
from .timeline import youth_timeline
from .traffic import inbox, message_detail, message_raw, outbox
from .upload import upload

__all__ = ["actions", "inbox", "message_detail", "message_raw", "outbox", "overview", "upload",
           "youth_timeline"]
