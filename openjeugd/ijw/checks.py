"""System check: production never processes iJw messages without the official XSDs.

Without IJW_XSD_DIR the pipeline still parses and applies the rules, but a message that breaks
the schema in a way the parser tolerates would be accepted instead of rejected with 0001 (IV028:
controleniveau 1 is the XSD). Fine for a laptop demo (DEBUG), never for a server.
"""

from pathlib import Path

from django.conf import settings
from django.core import checks

from openjeugd.ijw.codec.xsd import schema_problems

TAG = "ijw"
HINT = ("Download the iJw 3.2 XSDs published by Zorginstituut Nederland with the iStandaarden, "
        "unpack them into one folder and point IJW_XSD_DIR at it (docs/operations.md).")


@checks.register(TAG, checks.Tags.compatibility)
def xsd_dir_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    xsd_dir = settings.IJW_XSD_DIR
    if not xsd_dir:
        if settings.DEBUG:
            return []
        return [checks.Error("IJW_XSD_DIR is not set: messages would not be checked against "
                             "the official iJw XSDs.", hint=HINT, id="ijw.E001")]
    if not Path(xsd_dir).is_dir():
        return [checks.Error(f"IJW_XSD_DIR {xsd_dir} is not a directory.", hint=HINT,
                             id="ijw.E002")]
    problems = schema_problems(xsd_dir)
    if problems:
        return [checks.Error(f"The XSDs in IJW_XSD_DIR do not compile: {problems[0]}"
                             + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
                             hint=HINT, id="ijw.E003")]
    return []
