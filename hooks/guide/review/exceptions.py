"""Justified exceptions to the review checks, listed in docs/.review-exceptions.txt.

One exception a line, four parts separated by at least two spaces, so each part may contain
single spaces; `#` starts a comment:

    <file or *>  <what>  <rule>  <why>
    *                       signalen-herkennen/deadlines  first-word  a statement whose subject is a noun
    docs/voorbeelden.md     rotz…                         ellipsis-space  a cut-off word

`what` is a checklist item (checklist id/item id; ids are the same in both languages, so `*`
covers both pages) or, for `ellipsis-space`, the cut-off word with its ellipsis. A reason is
required; an exception that no longer matches anything is reported, so the list stays true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

RULES = frozenset({"items", "words", "first-word", "ellipsis-space"})


@dataclass(frozen=True)
class Exception_:
    line: int
    file: str  # docs/x.md, or * for every file
    what: str
    rule: str
    why: str

    def covers(self, file: str, what: str, rule: str) -> bool:
        return self.rule == rule and self.what == what and self.file in ("*", file)


def path(docs: Path) -> Path:
    return docs / ".review-exceptions.txt"


def read(file: Path, shown: str) -> tuple[list[Exception_], list[str]]:
    """The exceptions, and a message for every line that cannot be read."""
    found, errors = [], []
    if not file.exists():
        return found, errors
    for number, raw in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        row = raw.split("#", 1)[0].strip()
        if not row:
            continue
        parts = re.split(r"\s{2,}|\t", row, maxsplit=3)
        if len(parts) < 4 or not parts[3].strip():
            errors.append(f"{shown}:{number}: exception: write '<file or *>  <what>  <rule>  <why>', "
                          f"two spaces between the parts, with a reason")
            continue
        if parts[2] not in RULES:
            errors.append(f"{shown}:{number}: exception: unknown rule '{parts[2]}' "
                          f"(one of {', '.join(sorted(RULES))})")
            continue
        found.append(Exception_(number, *parts))
    return found, errors
