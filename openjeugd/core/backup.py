"""Back up and restore the whole database: SQLite with its online backup API, PostgreSQL with
pg_dump / pg_restore. Plain functions; `manage.py backup` is the way in."""

import os
import re
import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump/pg_restore with an argument list, no shell
import tempfile
from pathlib import Path

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """The backup or restore could not be done; the message says why."""


def create(path: Path, *, using: str = "default") -> None:
    """Write a consistent copy of the live database to `path` (replaced when it exists)."""
    partial = path.with_name(path.name + ".partial")
    if _is_sqlite(using):
        _sqlite_create(partial, using)
    else:
        _pg_dump(partial, using)
    partial.replace(path)  # never leave half a backup under the real name


def restore(path: Path, *, using: str = "default") -> None:
    """Replace the whole database with the backup at `path`."""
    _require_format(path, SQLITE_MAGIC if _is_sqlite(using) else PG_DUMP_MAGIC)
    if _is_sqlite(using):
        _sqlite_restore(path, using)
    else:
        _pg_restore(path, using)
    connections[using].close()  # forget anything cached about the old database


def _is_sqlite(using: str) -> bool:
    return connections[using].vendor == "sqlite"


def _require_format(path: Path, magic: bytes) -> None:
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with path.open("rb") as file:
        if not file.read(len(magic)).startswith(magic):
            raise BackupError(f"{path}: not a backup of this kind of database")


def _sqlite_create(path: Path, using: str) -> None:
    connection = connections[using]
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        # Online backup: consistent even while others write; pages copied in one go.
        connection.connection.backup(target)
        # One self-contained file, whatever journal mode the live database uses.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def _sqlite_restore(path: Path, using: str) -> None:
    connection = connections[using]
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("cannot restore inside a transaction")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        # A damaged file (a copy cut short) is refused before a page of it is written over
        # the live database.
        found = source.execute("PRAGMA quick_check").fetchone()[0]
        if found != "ok":
            raise BackupError(f"{path} is damaged: {found}")
        source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be restored: {error}") from error
    finally:
        source.close()


def _pg_restore(path: Path, using: str) -> None:
    """The schema emptied and the backup's script run by psql in one transaction: a failed
    restore leaves the database as it was. Not `pg_restore --clean`: it drops each partition's
    inherited constraints one by one, which PostgreSQL refuses (the access log is partitioned
    by month, accounts migration 0006)."""
    settings = connections[using].settings_dict
    # The script goes through a file, not memory (a national database's script is many GB),
    # and not a pipe either: psql commits at the end of its input, so a pg_restore failing
    # half-way through a pipe would commit half a restore. pg_restore must finish first.
    with tempfile.TemporaryDirectory(prefix="openjeugd-restore-") as folder:
        script = Path(folder) / "restore.sql"
        _run(["pg_restore", "--no-owner", "--no-privileges", "--file", str(script), str(path)],
             settings)
        _run(["psql", *_pg_connection_args(settings), "--no-psqlrc", "--quiet",
              "--single-transaction", "--set", "ON_ERROR_STOP=1",
              "--command", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
              "--file", str(script), "--dbname", settings["NAME"]], settings)


def _run(command: list[str], settings: dict) -> str:
    program, *arguments = command
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]  # never on the command line (ps shows it)
    done = subprocess.run([_pg_binary(program), *arguments], env=env,  # noqa: S603
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout


def _pg_dump(path: Path, using: str) -> None:
    settings = connections[using].settings_dict
    _run(["pg_dump", *_pg_connection_args(settings), "--format=custom", "--file", str(path),
          settings["NAME"]], settings)


def _pg_connection_args(settings: dict) -> list[str]:
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [option, str(settings[key])]
    return args


def _pg_binary(program: str) -> str:
    """PG_BIN when set, else the newest /usr/lib/postgresql/<version>/bin, else the PATH.
    pg_dump must be at least as new as the server, hence the newest."""
    folder = os.environ.get("PG_BIN")
    if not folder:
        versions = [p for p in Path("/usr/lib/postgresql").glob("*/bin") if
                    re.fullmatch(r"\d+", p.parent.name)]
        if versions:
            folder = str(max(versions, key=lambda p: int(p.parent.name)))
    found = shutil.which(program, path=folder) if folder else shutil.which(program)
    if found is None:
        raise BackupError(f"{program} not found; set PG_BIN to the folder that holds it")
    return found
