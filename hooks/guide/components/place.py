"""Where a page shows its components: one placeholder grammar for all of them.

A page marks the place of a component with an HTML comment on a line of its own:
`<!-- checklist: richting -->`, `<!-- sheet: gespreksvoorbereiding -->`, `<!-- my-data -->`,
`<!-- progress -->` (the guide's progress overview) and `<!-- glance -->` (a page's at-a-glance
line, declared by its front matter's `glance:`).
They are looked for in the HTML that Markdown made of the page, where Markdown leaves them:
Markdown passes a comment line through as it is, but escapes one in a code block, keeps one in
the middle of a sentence inside that sentence's paragraph, and a comment around it hides it from
the browser. Anything that looks like a placeholder but is not one would silently show nothing,
so it is a problem of its own. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

KINDS = ("checklist", "sheet", "my-data", "progress", "glance")
WITHOUT_ID = ("my-data", "progress", "glance")  # at most one per page: no id
UNDECLARED = ("my-data", "progress")  # made from the whole site: no declaration in the page

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_WITH_ID = "|".join(k for k in KINDS if k not in WITHOUT_ID)
_GRAMMAR = re.compile(rf"\s*(?:(?P<kind>{_WITH_ID})\s*:\s*(?P<id>[^\s>]+)|(?P<bare>{'|'.join(WITHOUT_ID)}))\s*")
# What a reader of the Markdown would take for a placeholder: as a comment, or escaped in code.
# Two patterns, each starting with its literal, which the regex engine finds at a third of the
# cost of one pattern starting with either.
_LOOKALIKES = tuple(re.compile(rf"{opening}\s*(?P<kind>{'|'.join(KINDS)})\b(?:\s*:\s*(?P<id>[^\s>&]+))?")
                    for opening in ("<!--", "&lt;!--"))

Key = tuple  # (kind, id): ("checklist", "richting"), ("my-data", None)


@dataclass(frozen=True)
class Placeholder:
    kind: str
    id: str | None
    start: int  # where the comment starts and ends in the page's HTML
    end: int

    @property
    def key(self) -> Key:
        return (self.kind, self.id)


@dataclass(frozen=True)
class Problem:
    kind: str
    id: str | None
    occurrence: int  # the how-manieth text of this kind and id in the page's source it is (0-based)
    message: str


def find(html: str) -> tuple[list[Placeholder], list[Problem]]:
    """The placeholders in a page's HTML, in order, and what only looks like one."""
    problems, seen = [], {}

    def occurrence(kind, id_):
        seen[(kind, id_)] = seen.get((kind, id_), -1) + 1
        return seen[(kind, id_)]

    found = _placeholders(html)
    for placeholder in found:
        occurrence(placeholder.kind, placeholder.id)
    lookalikes = sorted((m for pattern in _LOOKALIKES for m in pattern.finditer(html)), key=lambda m: m.start())
    for lookalike in lookalikes:
        if any(p.start <= lookalike.start() < p.end for p in found):  # a real one
            continue
        kind, id_ = lookalike.group("kind"), lookalike.group("id")
        id_ = None if kind in WITHOUT_ID else id_
        problems.append(Problem(kind, id_, occurrence(kind, id_), _where(html, lookalike.start())))
    return found, problems


def _placeholders(html: str) -> list[Placeholder]:
    found = []
    for comment in _COMMENT.finditer(html):
        whole = _GRAMMAR.fullmatch(comment.group(1))
        if whole and _alone_on_line(html, comment.start(), comment.end()):
            found.append(Placeholder(whole.group("kind") or whole.group("bare"), whole.group("id"),
                                     comment.start(), comment.end()))
    return found


def _alone_on_line(html: str, start: int, end: int) -> bool:
    line_start = html.rfind("\n", 0, start) + 1
    line_end = html.find("\n", end)
    return not html[line_start:start].strip() and not html[end:None if line_end < 0 else line_end].strip()


def _where(html: str, position: int) -> str:
    before = html[:position]
    if before.count("<code") > before.count("</code>"):
        where = "inside code, where Markdown shows it as text"
    elif before.count("<!--") > before.count("-->"):
        where = "inside another comment, which hides it"
    else:
        where = "inside a line of text, where it stays a comment"
    return (f"this looks like a placeholder but is {where}: write it as a line of its own, "
            "outside code and comments, or take it out")


def problems(placeholders: list[Placeholder], declared: Iterable[Key]) -> list[Problem]:
    """Placeholders that name no declared component, or a component twice."""
    declared = set(declared)
    found, seen = [], {}
    for placeholder in placeholders:
        key = placeholder.key
        seen[key] = seen.get(key, 0) + 1
        if placeholder.kind not in UNDECLARED and key not in declared:
            found.append(Problem(*key, seen[key] - 1,
                                 f"placeholder for {component_name(key)}, which the front matter does not declare"))
        elif seen[key] == 2:
            found.append(Problem(*key, 1, f"{component_name(key)} is placed twice"))
    return found


def unplaced(placeholders: list[Placeholder], declared: Iterable[Key]) -> list[Key]:
    """Declared components that have no placeholder: they would not show."""
    placed = {p.key for p in placeholders}
    return [key for key in declared if key not in placed]


_SOURCE_COMMENT = re.compile(r"<!--\s*(?P<kind>[\w-]+)\s*(?::\s*(?P<id>[^\s>]+))?\s*-->")


def misspelt(source: str, key: Key) -> tuple[int, str] | None:
    """The line and text of a comment on a line of its own in a page's source that reads as the
    placeholder of `key` with its kind misspelt (`<!-- checklst: richting -->`, `<!-- mydata -->`).
    Looked for only once a component is known to be unplaced; the comment itself is not a
    problem anywhere else, since a page may hold comments of its own."""
    kind, id_ = key
    for number, line in enumerate(source.split("\n"), start=1):
        comment = _SOURCE_COMMENT.fullmatch(line.strip())
        if (comment and comment.group("id") == id_ and comment.group("kind") != kind
                and difflib.SequenceMatcher(None, comment.group("kind").lower(), kind).ratio() >= 0.75):
            return number, line.strip()
    return None


def placeholder_text(key: Key) -> str:
    return f"<!-- {key[0]} -->" if key[1] is None else f"<!-- {key[0]}: {key[1]} -->"


def component_name(key: Key) -> str:
    return key[0] if key[1] is None else f"{key[0]} '{key[1]}'"


def place(html: str, parts: Mapping[Key, str]) -> str:
    """The page's HTML with the placeholder of every part in `parts` replaced by that part."""
    out, at = [], 0
    for placeholder in _placeholders(html):
        if placeholder.key in parts:
            out += [html[at:placeholder.start], parts[placeholder.key]]
            at = placeholder.end
    return "".join(out) + html[at:]


def source_line(source: str, kind: str, id_: str | None, occurrence: int) -> int | None:
    """The line (1-based) of the `occurrence`-th mention of a placeholder in a page's source
    file, for a problem found in its HTML."""
    pattern = re.escape(kind) + (r"\b" if id_ is None else r"\s*:\s*" + re.escape(id_) + r"(?![\w-])")
    mentions = [m.start() for m in re.finditer(r"(?:<!--|&lt;!--)\s*" + pattern, source)]
    if occurrence < len(mentions):
        return source.count("\n", 0, mentions[occurrence]) + 1
    return None
