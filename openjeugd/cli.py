"""The `openjeugd` command: Django's management commands with the project's settings.

`openjeugd demo-data ...` and `openjeugd ijw import ...` are management commands; dashes in the
first word are accepted for underscores so the command reads naturally.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openjeugd.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    execute_from_command_line(["openjeugd", *args[1:]])


if __name__ == "__main__":
    main()
