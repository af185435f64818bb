"""A page's file read as text the way MkDocs reads it (UTF-8; a byte-order mark is dropped; Windows
and old Mac line ends become "\n"), for the build and for `make translations` alike, with an
error that names the file."""

from __future__ import annotations

from pathlib import Path


class SourceError(ValueError):
    """The file is not UTF-8 text."""


def decode(data: bytes, shown: str) -> str:
    """`data` as text; `shown` names the file in the error (docs/stap-1.md)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(
            f"{shown}:{line}: the file is not UTF-8 text (byte {data[error.start]:#04x}); "
            "save it as UTF-8 (in most editors: File, Save with encoding, UTF-8)"
        ) from None
    # MkDocs opens pages in text mode, which does the same: an editor that saves "\r\n" (Git for
    # Windows, core.autocrlf) must not make its front matter unreadable to the checks.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(path: Path, shown: str | None = None) -> str:
    return decode(Path(path).read_bytes(), shown or Path(path).as_posix())
