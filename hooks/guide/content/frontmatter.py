"""Front matter read with line numbers, so every problem can name the line it is on.

MkDocs parses front matter itself, but turns malformed YAML into `{}` without a word
(mkdocs/utils/meta.py). This module reads the same block again, keeps where each key and value
stands in the file, and reports broken YAML with its line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import yaml

# The same opening and closing lines MkDocs accepts: `---` ... `---` (or `...`).
_OPEN = re.compile(r"\A-{3}[ \t]*\n")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.M)

Path = tuple  # a field path such as ("checklists", 0, "items", 2, "id")


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # file line (1-based) of the body's first line
    value_lines: dict[Path, int] = field(default_factory=dict)
    key_lines: dict[Path, int] = field(default_factory=dict)
    error: tuple[int, str] | None = None  # (line, message) when the YAML cannot be read

    def line(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that is in the file."""
        while path:
            if path in self.value_lines:
                return self.value_lines[path]
            path = path[:-1]
        return self.value_lines.get((), 1)


@functools.lru_cache(maxsize=8192)
def parse(text: str) -> FrontMatter:
    """The page's front matter, body and lines. Kept per text: the content model reads every
    page, then the hooks of each language read theirs again. Treat the result as read-only."""
    opening = _OPEN.match(text)
    if not opening:
        return FrontMatter({}, text, 1, {(): 1})
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return FrontMatter({}, text, 1, {(): 1}, error=(1, "front matter has no closing '---' line"))
    source = text[opening.end() : closing.start()]
    first_line = 2  # the YAML starts on the line after the opening ---
    body_start = closing.end() + 1
    body_line = text.count("\n", 0, body_start) + 1
    found = FrontMatter({}, text[body_start:], body_line, {(): 1})
    try:
        data, node = _load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None or mark.index >= len(source):  # "at end of stream": point at the cause
            mark = getattr(exc, "context_mark", None) or mark
        line = first_line + mark.line if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        found.error = (line, f"front matter is not valid YAML: {problem}")
        return found
    if data is None:
        return found
    if not isinstance(data, dict):
        found.error = (first_line, "front matter must be a mapping of keys to values")
        return found
    found.data = data
    _record_lines(node, (), first_line, found)
    return found


# libyaml's loader where PyYAML was built with it (it usually is): several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(source: str):
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = _Loader(source)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _record_lines(node, path: Path, offset: int, into: FrontMatter) -> None:
    into.value_lines[path] = node.start_mark.line + offset
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            into.key_lines[child] = key.start_mark.line + offset
            _record_lines(value, child, offset, into)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            _record_lines(value, path + (index,), offset, into)


def format_path(path: Path) -> str:
    """("checklists", 0, "items", 2, "id") -> "checklists[0].items[2].id"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "front matter"
