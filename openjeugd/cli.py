"""The `openjeugd` command: Django's management commands with the project's settings.

`openjeugd demo-data ...` and `openjeugd ijw import ...` are management commands; dashes in the
first word are accepted for underscores so the command reads naturally.

`openjeugd ijw validate ...` is the exception: a provider's back office runs it on its own files
before sending, with no database and no SECRET_KEY, so it runs before (and without) the project
settings.
"""

import os
import sys

from openjeugd.ijw import validation


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    if args[1:3] == ["ijw", "validate"]:
        code = validation.main(args[3:])
        if code:
            sys.exit(code)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["openjeugd", *args[1:]])


if __name__ == "__main__":
    main()
