"""Message files on disk: .xml files and the .xml members of .zip files, in a stable order.

Pure (no Django): used by `ijw import` and by `ijw validate`, which runs without a project.
"""

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {".xml", ".zip"}
# A zip can claim small sizes and inflate to gigabytes: cap what we read, not what it says.
MAX_MESSAGE_BYTES = 5 * 1024 * 1024


class FileProblem(ValueError):
    """A path that does not exist, or a zip that cannot be read."""


@dataclass(frozen=True)
class Source:
    name: str
    read: Callable[[], bytes]


def collect(paths: list[Path]) -> list[Source]:
    """Every message file under the paths, zip members included, in sorted name order."""
    sources: dict[str, Source] = {}
    for path in paths:
        if not path.exists():
            raise FileProblem(f"{path}: no such file or directory")
        for file in _files(path):
            for source in _sources(file):
                sources.setdefault(source.name, source)
    return [sources[name] for name in sorted(sources)]


def is_message_member(info: zipfile.ZipInfo) -> bool:
    base = info.filename.rsplit("/", 1)[-1]
    return (not info.is_dir() and base.lower().endswith(".xml") and not base.startswith(".")
            and not info.filename.startswith("__MACOSX/"))


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
            members = [i.filename for i in archive.infolist() if is_message_member(i)]
    except zipfile.BadZipFile as error:
        raise FileProblem(f"{file}: not a readable zip file") from error
    return [Source(f"{file}/{member}", _member_reader(file, member)) for member in members]


def _member_reader(file: Path, member: str) -> Callable[[], bytes]:
    def read() -> bytes:
        with zipfile.ZipFile(file) as archive, archive.open(member) as stream:
            data = stream.read(MAX_MESSAGE_BYTES + 1)
        if len(data) > MAX_MESSAGE_BYTES:
            raise ValueError("message larger than 5 MB once unpacked")
        return data
    return read
