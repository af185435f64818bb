"""A folder of build outputs named by the hash of everything they are made from.

For what is slow to make and rarely changes, such as a sheet's blank PDF: a build looks its
key up first and only makes what it does not find. The key covers every input, so there is
nothing to invalidate: a changed sheet, template or renderer gives a new key, and an old entry
is simply not asked for again (`make clean` removes the folder). The same idea as the theme's
own `.cache` for social cards. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
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


@functools.lru_cache(maxsize=None)
def made_by(module_file: str, *distributions: str) -> tuple[str, ...]:
    """The parts of a key that stand for the code making an entry: the module's source and the
    installed versions of the packages it uses. Changing either gives new keys."""
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

    def put(self, name: str, data: bytes) -> None:
        _write_whole(self.path(name), data)


class Memo:
    """Many small results (short texts) in one JSON file: the same idea as `Cache` for things
    too small and too many for a file each. Read at the first `get`, written by `save` when
    something was added. It only grows as texts are edited; past `limit` entries it starts over.
    The file's name must stand for everything that makes its values, as `Cache` keys do."""

    def __init__(self, path: Path, limit: int = 200_000):
        self.path = Path(path)
        self.limit = limit
        self._values: dict[str, str] | None = None
        self._added = False

    def _loaded(self) -> dict[str, str]:
        if self._values is None:
            try:
                values = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):  # none yet, or damaged: start over
                values = {}
            ok = isinstance(values, dict) and all(isinstance(v, str) for v in values.values())
            self._values = values if ok and len(values) <= self.limit else {}
        return self._values

    def get(self, key: str) -> str | None:
        return self._loaded().get(key)

    def put(self, key: str, value: str) -> None:
        self._loaded()[key] = value
        self._added = True

    def save(self) -> None:
        if self._added:
            _write_whole(self.path, json.dumps(self._values, ensure_ascii=False).encode("utf-8"))
            self._added = False


class Kept:
    """A module's results kept between builds in one `Memo`, once a build says where (`keep_in`).
    The file is `<name>-<hash>.json`, the hash of `made_of()`: everything the results come from
    (module sources, templates, schema, package versions), so a change to any of them starts a
    new file. Until `keep_in`, nothing is kept: unit tests and tools other than a build compute
    everything afresh."""

    def __init__(self, name: str, made_of: Callable[[], tuple], limit: int = 200_000):
        self.name = name
        self.made_of = made_of
        self.limit = limit
        self.memo: Memo | None = None

    def keep_in(self, folder: Path) -> None:
        path = Path(folder) / f"{self.name}-{key(*self.made_of())[:16]}.json"
        if self.memo is None or self.memo.path != path:
            self.memo = Memo(path, self.limit)

    @property
    def active(self) -> bool:
        return self.memo is not None

    def get(self, entry: str) -> str | None:
        return self.memo.get(entry) if self.memo is not None else None

    def put(self, entry: str, value: str) -> None:
        if self.memo is not None:
            self.memo.put(entry, value)

    def save(self) -> None:
        if self.memo is not None:
            self.memo.save()


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
