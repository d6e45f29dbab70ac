"""`ijw validate`: check message files before sending them, without a database or a project.

A provider's back office runs this on its own files: parse, the official XSDs (IJW_XSD_DIR or
--xsd) and every rule that needs no stored context. It needs no database, no SECRET_KEY and no
settings module; only the texts of the findings (lazy translations) need Django's translation
machinery, which `ensure_translations` sets up with nothing but the locale files.
"""

import argparse
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

import django
from django.conf import settings

from openjeugd.conf import env
from openjeugd.ijw import codec
from openjeugd.ijw.codec.codes import TECHNICAL_REJECTION, retourcode_meaning
from openjeugd.ijw.codec.rules import check
from openjeugd.ijw.codec.xsd import schema_problems
from openjeugd.ijw.files import FileProblem, collect

REGION_TIME_ZONE = ZoneInfo("Europe/Amsterdam")  # TR135 compares the dagtekening with today


@dataclass(frozen=True)
class Problem:
    retourcode: str
    rule: str
    ref: str
    text: str


def validate(raw: bytes, *, xsd_dir: str | None, today: date) -> list[Problem]:
    """Everything that needs no stored context: parse, XSD (when given), stateless rules."""
    try:
        parsed = codec.parse(raw)
    except codec.CodecError as error:
        return [Problem(error.retourcode or TECHNICAL_REJECTION, "XSD", error.path or "",
                        error.message)]
    if xsd_dir:
        issues = codec.validate_xsd(raw, xsd_dir)
        if issues:
            return [Problem(i.retourcode, "XSD", i.path or "", f"line {i.line}: {i.text}")
                    for i in issues]
    return [Problem(f.retourcode, f.rule, f.ref, str(f.text))
            for f in check(parsed, today=today)]


def describe(problems: list[Problem]) -> str:
    if not problems:
        return "valid"
    seen = dict.fromkeys((p.retourcode, p.rule) for p in problems)
    return "invalid — " + "; ".join(
        f"{code} {retourcode_meaning(code) or '?'} ({rule})" for code, rule in seen)


def run(paths: list[Path], *, xsd_dir: str | None, today: date, details: bool = False,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Validate every file; one line each on `out`. Exit code 0 only when all are valid."""
    out, err = out or sys.stdout, err or sys.stderr
    if not xsd_dir:
        err.write("Warning: IJW_XSD_DIR is not set (nor --xsd): the official XSDs were NOT "
                  "checked.\n")
    elif problems := schema_problems(xsd_dir):
        err.write(f"The XSDs in {xsd_dir} cannot be used: {problems[0]}\n")
        return 2
    try:
        sources = collect(paths)
    except FileProblem as error:
        err.write(f"{error}\n")
        return 2
    invalid = 0
    for source in sources:
        problems = validate(source.read(), xsd_dir=xsd_dir, today=today)
        invalid += bool(problems)
        out.write(f"{source.name}: {describe(problems)}\n")
        for problem in problems if details else []:
            out.write(f"    {problem.retourcode} {problem.rule} {problem.ref}: {problem.text}\n")
    if invalid:
        err.write(f"{invalid} of {len(sources)} file(s) invalid.\n")
        return 1
    return 0


def main(argv: list[str]) -> int:
    """`openjeugd ijw validate [--xsd DIR] [--details] PATH...`, before any project set-up."""
    parser = argparse.ArgumentParser(
        prog="openjeugd ijw validate",
        description="Check iJw message files (.xml, .zip, directories) without importing "
                    "them; exit 1 if any is invalid. Needs no database.")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--xsd", metavar="DIR", default=env("IJW_XSD_DIR") or None,
                        help="Directory with the official iJw 3.2 XSDs (default: IJW_XSD_DIR).")
    parser.add_argument("--details", action="store_true",
                        help="Also print each finding with its text.")
    options = parser.parse_args(argv)
    ensure_translations()
    return run(options.paths, xsd_dir=options.xsd, details=options.details,
               today=datetime.now(REGION_TIME_ZONE).date())


def ensure_translations() -> None:
    """Finding texts are lazy translations: give them the locale files and nothing else."""
    if settings.configured:
        return
    settings.configure(USE_I18N=True, LANGUAGE_CODE="nl", USE_TZ=True,
                       TIME_ZONE=str(REGION_TIME_ZONE),
                       LOCALE_PATHS=[Path(__file__).resolve().parents[1] / "locale"])
    django.setup()
