"""`ijw import|validate|process-pending`: iJw message files from the command line.

    manage.py ijw import messages/ more.zip one.xml   # archive + process, resumable
    manage.py ijw validate messages/                  # checks only, exit 1 if any is invalid
    manage.py ijw process-pending                     # finish what an earlier run left

Files are taken in sorted path order (zip members as `archive.zip/member.xml`), so two runs
over the same input do the same thing; re-delivered files count as duplicates.
"""

import getpass
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from openjeugd.ijw import clock, codec, services, uploads
from openjeugd.ijw.codec.codes import retourcode_meaning
from openjeugd.ijw.codec.rules import check
from openjeugd.ijw.services.sniff import sniff

SUFFIXES = {".xml", ".zip"}


@dataclass(frozen=True)
class Source:
    name: str
    read: Callable[[], bytes]


class Command(BaseCommand):
    help = "Import or validate iJw message files (.xml, .zip, directories)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        importing = sub.add_parser("import", help="Archive and process message files.")
        importing.add_argument("paths", nargs="+", type=Path)
        importing.add_argument(
            "--history", action="store_true",
            help="Date each message as received on its dagtekening (importing past years), so "
                 "deadlines and monthly figures fall when the traffic happened.")
        validating = sub.add_parser(
            "validate", help="Check message files without importing them (exit 1 if invalid).")
        validating.add_argument("paths", nargs="+", type=Path)
        validating.add_argument("--details", action="store_true",
                                help="Also print each finding with its text.")
        sub.add_parser("process-pending", help="Process messages archived but not processed.")

    def handle(self, *args, subcommand, **options):
        if subcommand == "import":
            self.history = options["history"]
            self.import_files(options["paths"])
        elif subcommand == "validate":
            self.validate_files(options["paths"], verbose=options["details"])
        else:
            self.process_pending()

    # --- import -------------------------------------------------------------------------------

    def import_files(self, paths: list[Path]) -> None:
        # Resumable: whatever a crashed run archived but did not process goes first.
        self.process_pending()
        sources = collect(paths)
        results: list[uploads.Result] = []
        with self._progress() as progress:
            task = progress.add_task("import", total=len(sources))
            for source in sources:
                results.append(self._deliver(source))
                progress.advance(task)
        self.stdout.write(f"Imported {len(results)} file(s):")
        for status, count in uploads.summary(results).items():
            self.stdout.write(f"  {status}: {count}")

    def _deliver(self, source: Source) -> uploads.Result:
        try:
            entry = uploads.Entry(source.name, source.read())
            with clock.at(_received_at(entry.data) if self.history else clock.now()):
                return uploads.deliver([entry], via=_operator())[0]
        except Exception as error:  # noqa: BLE001 - one bad file must not stop a bulk import
            self.stderr.write(f"{source.name}: error — {error}")
            return uploads.Result(source.name, refused=str(error))

    def _progress(self) -> Progress:
        console = Console(file=self.stdout._out, stderr=False)
        return Progress(TextColumn("[bold]{task.description}"), BarColumn(),
                        MofNCompleteColumn(), console=console, disable=not console.is_terminal)

    def process_pending(self) -> None:
        outcomes = services.process_pending()
        if outcomes:
            self.stdout.write(f"Processed {len(outcomes)} message(s) left from an earlier run.")

    # --- validate -----------------------------------------------------------------------------

    def validate_files(self, paths: list[Path], *, verbose: bool) -> None:
        invalid = 0
        sources = collect(paths)
        for source in sources:
            problems = validate(source.read())
            if problems:
                invalid += 1
            self.stdout.write(f"{source.name}: {describe(problems)}")
            for problem in problems if verbose else []:
                self.stdout.write(f"    {problem.retourcode} {problem.rule} {problem.ref}: "
                                  f"{problem.text}")
        if invalid:
            raise CommandError(f"{invalid} of {len(sources)} file(s) invalid.", returncode=1)


def _received_at(raw: bytes) -> datetime:
    # Noon on the dagtekening; a message without a readable one is dated now.
    dagtekening = sniff(raw).dagtekening
    if dagtekening is None:
        return clock.now()
    return timezone.make_aware(datetime.combine(dagtekening, time(12)))


@dataclass(frozen=True)
class Problem:
    retourcode: str
    rule: str
    ref: str
    text: str


def validate(raw: bytes) -> list[Problem]:
    """Everything that needs no stored context: parse, XSD (when configured), stateless rules."""
    try:
        parsed = codec.parse(raw)
    except codec.CodecError as error:
        return [Problem(error.retourcode or "0001", "XSD", error.path or "", error.message)]
    if settings.IJW_XSD_DIR:
        issues = codec.validate_xsd(raw, settings.IJW_XSD_DIR)
        if issues:
            return [Problem(i.retourcode, "XSD", i.path or "", f"line {i.line}: {i.text}")
                    for i in issues]
    return [Problem(f.retourcode, f.rule, f.ref, f.text)
            for f in check(parsed, today=clock.today())]


def describe(problems: list[Problem]) -> str:
    if not problems:
        return "valid"
    seen = dict.fromkeys((p.retourcode, p.rule) for p in problems)
    return "invalid — " + "; ".join(
        f"{code} {retourcode_meaning(code) or '?'} ({rule})" for code, rule in seen)


# --- files ------------------------------------------------------------------------------------

def collect(paths: list[Path]) -> list[Source]:
    """Every message file under the paths, zip members included, in sorted name order."""
    sources: dict[str, Source] = {}
    for path in paths:
        if not path.exists():
            raise CommandError(f"{path}: no such file or directory")
        for file in _files(path):
            for source in _sources(file):
                sources.setdefault(source.name, source)
    return [sources[name] for name in sorted(sources)]


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from (p for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
    else:
        yield path


def _sources(file: Path) -> list[Source]:
    if file.suffix.lower() != ".zip":
        return [Source(str(file), file.read_bytes)]
    try:
        with zipfile.ZipFile(file) as archive:
            members = [i.filename for i in archive.infolist() if uploads.is_message_member(i)]
    except zipfile.BadZipFile as error:
        raise CommandError(f"{file}: not a readable zip file") from error
    return [Source(f"{file}/{member}", _member_reader(file, member)) for member in members]


def _member_reader(file: Path, member: str) -> Callable[[], bytes]:
    def read() -> bytes:
        with zipfile.ZipFile(file) as archive, archive.open(member) as stream:
            data = stream.read(uploads.MAX_MESSAGE_BYTES + 1)
        if len(data) > uploads.MAX_MESSAGE_BYTES:
            raise ValueError("message larger than 5 MB once unpacked")
        return data
    return read


def _operator() -> str:
    """The administrator's import is logged under the OS account that ran it."""
    try:
        return f"command line, OS user {getpass.getuser()}"
    except (KeyError, OSError):
        return "command line"
