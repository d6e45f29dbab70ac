"""Files that carry iJw messages (one .xml, or a .zip of many) and delivering them one by one.

Used by the upload page, the API and `manage.py ijw import`; each message still takes the one
path in, services.ingest.
"""

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from openjeugd.accounts import audit, policy
from openjeugd.accounts.purposes import Purpose
from openjeugd.ijw import services
from openjeugd.ijw.files import MAX_MESSAGE_BYTES, is_message_member
from openjeugd.ijw.services.sniff import sniff

# A zip can claim small sizes and inflate to gigabytes: cap what we read, not what it says.
MAX_ENTRIES = 10_000


class BundleError(ValueError):
    """The file is not a readable zip, or it is too big once unpacked."""


@dataclass
class Entry:
    name: str
    data: bytes


@dataclass
class Result:
    name: str
    outcome: services.Outcome | None = None
    refused: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.outcome.status if self.outcome else "refused"

    @property
    def duplicate(self) -> bool:
        return bool(self.outcome and self.outcome.duplicate)


def is_zip(name: str, data: bytes) -> bool:
    return name.lower().endswith(".zip") or data[:4] == b"PK\x03\x04"


def unpack(name: str, data: bytes, *, max_total: int) -> list[Entry]:
    """The messages in one uploaded file, zip entries in name order (deterministic)."""
    if not is_zip(name, data):
        return [Entry(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise BundleError(_("%(name)s is not a readable zip file.") % {"name": name}) from error
    with archive:
        return _read_entries(name, archive, max_total)


def _read_entries(name: str, archive: zipfile.ZipFile, max_total: int) -> list[Entry]:
    infos = sorted((i for i in archive.infolist() if is_message_member(i)),
                   key=lambda i: i.filename)
    if len(infos) > MAX_ENTRIES:
        raise BundleError(_("%(name)s holds more than %(max)s messages.") %
                          {"name": name, "max": MAX_ENTRIES})
    entries, total = [], 0
    for info in infos:
        with archive.open(info) as stream:
            data = stream.read(MAX_MESSAGE_BYTES + 1)
        total += len(data)
        if len(data) > MAX_MESSAGE_BYTES or total > max_total:
            raise BundleError(_("%(name)s is too big once unpacked.") % {"name": name})
        entries.append(Entry(f"{name}/{info.filename}", data))
    return entries


def deliver(entries: list[Entry], *, user=None, via: str = "") -> list[Result]:
    """Ingest each entry. With a `user` (web, API, channel) every message must pass the
    policy's sender check first; a refused or unreadable one is not stored at all, so a zip of
    junk costs no archive rows. Without a user (the administrator's import command) `via`
    names the command for the access log."""
    refusal_for = _refusals(user) if user is not None else (lambda envelope: "")
    results, refused = [], []
    for entry in entries:
        refusal = refusal_for(sniff(entry.data))
        if refusal:
            refused.append(f"{entry.name}: {refusal}")
            results.append(Result(entry.name, refused=_("Refused: %(why)s Nothing was stored.")
                                  % {"why": refusal}))
            continue
        outcome = services.ingest(entry.data, filename=entry.name.rsplit("/", 1)[-1], user=user)
        if not outcome.duplicate:
            audit.record_object(user, "upload", outcome.message, purpose=Purpose.MESSAGE_UPLOAD,
                                system="" if user is not None else via)
        results.append(Result(entry.name, outcome=outcome, notes=list(outcome.notes)))
    if refused:
        # One entry per delivery, with the count: a zip of junk must not flood the log either.
        audit.record(user, "denied", "ijw.Message", None, purpose=Purpose.MESSAGE_UPLOAD,
                     object_repr=refused[0][:200], hits=len(refused))
    return results


def _refusals(user):
    sender_refusal = policy.sender_check(user)

    def refusal(envelope) -> str:
        if not envelope.code:
            # Without a readable header nobody can tell who sent it: never stored for a person.
            return _("the file is not a readable iJw message (no BerichtCode in its Header).")
        return sender_refusal(envelope.afzender, envelope.ontvanger)
    return refusal


def summary(results: list[Result]) -> dict[str, int]:
    """How many files ended in each status; duplicates counted apart."""
    counts: dict[str, int] = {}
    for result in results:
        key = "duplicate" if result.duplicate else result.status
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))
