"""A folder of build outputs named by the hash of everything they are made from.

For what is slow to make and rarely changes, such as a sheet's blank PDF: a build looks its
key up first and only makes what it does not find. The key covers every input, so there is
nothing to invalidate: a changed sheet, template or renderer gives a new key, and an old entry
is simply not asked for again (`make clean` removes the folder). The same idea as the theme's
own `.cache` for social cards. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable


def key(*parts: str | bytes) -> str:
    """One name for all of `parts`, in order (each part's length is hashed too, so that
    ("ab", "c") and ("a", "bc") differ)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


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

    def put(self, name: str, data: bytes) -> None:
        # Written beside its place and then renamed: two builds at once (tests, serve and a
        # build) never read half an entry.
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self.path(name))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get_or_make(self, name: str, make: Callable[[], bytes]) -> tuple[bytes, bool]:
        """The entry, made and stored first if missing; and whether it was made now."""
        data = self.get(name)
        if data is not None:
            return data, False
        data = make()
        self.put(name, data)
        return data, True
