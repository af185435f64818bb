"""The build's one persistent cache: the sheets' blank PDFs, named by the hash of everything
they are made from.

A PDF takes WeasyPrint a noticeable part of a second; a build looks its name up first and only
makes what it does not find. The name covers every input (the print document, the code that
chooses its layout, the renderer's version), read afresh each build, so nothing can go stale:
a changed sheet, template or renderer gives a new name, and an old file is simply not asked for
again (`make clean` removes the folder). A cache that cannot be written (a read-only or full
disk) is no reason to fail a build: `put` says so and the build goes on without it. Nothing
here knows about MkDocs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import tempfile
from pathlib import Path
from typing import Callable


def folder(project: str | Path) -> Path:
    """The guide's cache in a project (the folder of mkdocs.yml), beside the theme's own."""
    return Path(project) / ".cache" / "guide"


def key(*parts: str | bytes) -> str:
    """One name for all of `parts`, in order (each part's length is hashed too, so that
    ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def made_by(module_file: str, *distributions: str) -> tuple[str, ...]:
    """The parts of a key that stand for the code making an entry: the module's source and the
    installed versions of the packages it uses, read now (never kept: `mkdocs serve` keeps this
    module loaded while the files change)."""
    return (Path(module_file).read_text(encoding="utf-8"),
            *(f"{name} {importlib.metadata.version(name)}" for name in distributions))


class Cache:
    def __init__(self, folder: Path, suffix: str = "", valid: Callable[[bytes], bool] = lambda data: True):
        """`valid` tells a whole entry from a damaged one (a disk full half-way, a hand edit):
        a damaged entry is made again, never served."""
        self.folder = Path(folder)
        self.suffix = suffix
        self.valid = valid

    def path(self, name: str) -> Path:
        return self.folder / (name + self.suffix)

    def get(self, name: str) -> bytes | None:
        try:
            data = self.path(name).read_bytes()
        except OSError:
            return None
        return data if self.valid(data) else None

    def put(self, name: str, data: bytes) -> OSError | None:
        """Keeps `data`; returns why it could not, instead of raising."""
        try:
            _write_whole(self.path(name), data)
        except OSError as error:
            return error
        return None


def _write_whole(path: Path, data: bytes) -> None:
    # Written beside its place and then renamed: two builds at once (tests, serve and a build)
    # never read half an entry.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
