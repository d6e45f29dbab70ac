"""`ijw import|validate|process-pending`: iJw message files from the command line.

    manage.py ijw import messages/ more.zip one.xml   # archive + process, resumable
    manage.py ijw validate messages/                  # checks only, exit 1 if any is invalid
    manage.py ijw process-pending                     # finish what an earlier run left
    manage.py ijw tallies [--rebuild]                 # check (or recount) the figures' tallies
    manage.py ijw summaries [--rebuild]               # check (or recompute) the care summaries

Files are taken in sorted path order (zip members as `archive.zip/member.xml`), so two runs
over the same input do the same thing; re-delivered files count as duplicates.
"""

import getpass
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from openjeugd.ijw import clock, files, services, uploads, validation
from openjeugd.ijw.services.sniff import sniff


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
        validating.add_argument("--xsd", metavar="DIR", default=None,
                                help="Directory with the official XSDs (default: IJW_XSD_DIR).")
        sub.add_parser("process-pending", help="Process messages archived but not processed.")
        tallying = sub.add_parser(
            "tallies", help="Compare the overview's tallies with a recount of the messages "
                            "(exit 1 when they differ); --rebuild recounts them.")
        tallying.add_argument("--rebuild", action="store_true")
        summarising = sub.add_parser(
            "summaries", help="Compare the care summaries monitoring reads (episodes, declared "
                              "amounts) with the facts (exit 1 when they differ); --rebuild "
                              "recomputes them.")
        summarising.add_argument("--rebuild", action="store_true")

    def handle(self, *args, subcommand, **options):
        if subcommand == "import":
            self.history = options["history"]
            self.import_files(options["paths"])
        elif subcommand == "validate":
            self.validate_files(options["paths"], verbose=options["details"],
                                xsd_dir=options["xsd"] or settings.IJW_XSD_DIR)
        elif subcommand == "tallies":
            self.tallies(rebuild=options["rebuild"])
        elif subcommand == "summaries":
            self.summaries(rebuild=options["rebuild"])
        else:
            self.process_pending()

    def tallies(self, *, rebuild: bool) -> None:
        from openjeugd.ijw.services import tallies

        if rebuild:
            messages, findings = tallies.rebuild()
            self.stdout.write(f"Recounted: {messages} message tallies, {findings} finding tallies.")
            return
        if (tallies.stored_messages() != tallies.recount_messages()
                or tallies.stored_findings() != tallies.recount_findings()):
            raise CommandError("The tallies differ from the messages: run `ijw tallies "
                               "--rebuild`.")
        self.stdout.write("The tallies match the messages.")

    def summaries(self, *, rebuild: bool) -> None:
        from openjeugd.ijw.services import summaries

        if rebuild:
            written = summaries.rebuild()
            self.stdout.write("Recomputed: " + ", ".join(f"{n} {name}"
                                                         for name, n in written.items()) + ".")
            return
        if summaries.stored() != summaries.recount():
            raise CommandError("The care summaries differ from the facts: run `ijw summaries "
                               "--rebuild`.")
        self.stdout.write("The care summaries match the facts.")

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

    def _deliver(self, source: files.Source) -> uploads.Result:
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

    def validate_files(self, paths: list[Path], *, verbose: bool, xsd_dir: str) -> None:
        # The same check as `openjeugd ijw validate`, which runs without a project.
        code = validation.run(paths, xsd_dir=xsd_dir, today=clock.today(), details=verbose,
                              out=self.stdout, err=self.stderr)
        if code:
            raise CommandError("Validation failed.", returncode=code)


def _received_at(raw: bytes) -> datetime:
    # Noon on the dagtekening; a message without a readable one is dated now.
    dagtekening = sniff(raw).dagtekening
    if dagtekening is None:
        return clock.now()
    return timezone.make_aware(datetime.combine(dagtekening, time(12)))


def collect(paths: list[Path]) -> list[files.Source]:
    try:
        return files.collect(paths)
    except files.FileProblem as error:
        raise CommandError(str(error)) from error


def _operator() -> str:
    """The administrator's import is logged under the OS account that ran it."""
    try:
        return f"command line, OS user {getpass.getuser()}"
    except (KeyError, OSError):
        return "command line"
