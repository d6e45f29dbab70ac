"""iJw pages: inbox/outbox, message detail and raw download, upload, client timeline, overview.

Thin views: the policy decides access, selectors read, uploads.deliver writes via ingest.
"""

from .overview import overview
from .timeline import youth_timeline
from .traffic import inbox, message_detail, message_raw, outbox
from .upload import upload

__all__ = ["inbox", "message_detail", "message_raw", "outbox", "overview", "upload",
           "youth_timeline"]
