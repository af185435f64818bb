"""The theme's templates compiled once for both language builds, not once per build.

mkdocs-static-i18n runs a complete MkDocs build per language, and each build makes a new Jinja
environment that compiles every theme template again: a quarter of a clean build of the guide.
Giving both environments this bytecode store lets the second build load what the first
compiled. Jinja keys each template by its name and file and checks the source's checksum before
using stored code, so an edited template is compiled afresh (`mkdocs serve` never shows a stale
one). Nothing is written to disk; the store lives as long as the process.
"""

from __future__ import annotations

import jinja2


class Compiled(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, tuple[str, bytes]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        stored = self._code.get(bucket.key)
        if stored is not None and stored[0] == bucket.checksum:
            bucket.code = stored[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)
