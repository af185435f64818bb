"""Front matter read as MkDocs reads it, with the line of every field kept for error messages.

MkDocs parses front matter itself, but turns malformed YAML into `{}` without a word
(mkdocs/utils/meta.py) and keeps the last of two equal keys. This module reads the same block as
MkDocs does (the same opening and closing lines), reports broken YAML with its line, and refuses
what a page never needs and a mistake or an attack brings: duplicate keys and aliases. Lines
are looked up in the YAML's node tree only when a problem needs one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# MkDocs' own pattern (mkdocs/utils/meta.py): the closing line must end in a line break, or
# MkDocs treats the whole file as body and the front matter shows on the page.
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPENING = re.compile(r"-{3}[ \t]*\n")
_CLOSING_AT_END = re.compile(r"\n(?:\.{3}|-{3})[ \t]*\Z")
_EMPTY = re.compile(r"-{3}[ \t]*\n(?:\.{3}|-{3})[ \t]*(?:\n|\Z)")  # MkDocs reads no front matter there

FieldPath = tuple  # a field's place in the front matter: ("checklists", 0, "items", 2, "id")

# libyaml's loader where PyYAML was built with it (it usually is): several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # file line (1-based) of the body's first line
    source: str = ""  # the YAML between the two '---' lines
    error: FrontMatterError | None = None  # the YAML cannot be read: `data` is empty
    _tree: yaml.Node | None = field(default=None, init=False, repr=False)

    @property
    def node(self) -> yaml.Node | None:
        """The YAML's node tree, which knows the lines. Made again when a line is asked for, not
        kept from reading: a guide's worth of trees kept alive made the garbage collector cost
        more than reading them did."""
        if self._tree is None and self.source and self.error is None:
            self._tree = _compose(self.source)
        return self._tree

    def line(self, path: FieldPath) -> int:
        """The line of `path`'s value, or of its nearest ancestor that is in the file."""
        found = self._node(path, key=False)
        return found.start_mark.line + 2 if found is not None else 1

    def key_line(self, path: FieldPath) -> int:
        """The line of the key that names `path` (for an unknown key, say)."""
        found = self._node(path, key=True)
        return found.start_mark.line + 2 if found is not None else self.line(path[:-1])

    def _node(self, path: FieldPath, key: bool):
        node, found = self.node, self.node
        for n, part in enumerate(path):
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        child = key_node if key and n == len(path) - 1 else value_node
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                child = node.value[part]
            if child is None:
                return None if key else found
            node = found = child
        return found


def parse(text: str) -> FrontMatter:
    """The page's front matter and body, as MkDocs will see them."""
    block = _BLOCK.match(text)
    if not block:
        if _OPENING.match(text) and _CLOSING_AT_END.search(text):
            return FrontMatter({}, text, 1, error=FrontMatterError(
                text.count("\n") + 1, "the closing '---' of the front matter needs a line break after it"))
        if _EMPTY.match(text):
            return FrontMatter({}, text, 1, error=FrontMatterError(
                2, "the front matter is empty: a page needs at least its title (title: …) between the two '---'"))
        if _OPENING.match(text):
            return FrontMatter({}, text, 1, error=FrontMatterError(1, "front matter has no closing '---' line"))
        return FrontMatter({}, text, 1)
    source = block.group(1)
    body_line = text.count("\n", 0, block.end()) + 1
    found = FrontMatter({}, text[block.end():], body_line, source)
    node = None
    try:
        _refuse_aliases(source)
        node = _compose(source)
        if node is not None:
            _refuse_duplicate_keys(node)
            found.data = _construct(node)
    except FrontMatterError as error:
        found.error = error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if mark is None or mark.index >= len(source):  # "at end of stream": point at the cause
            mark = getattr(error, "context_mark", None) or mark
        problem = getattr(error, "problem", None) or str(error)
        line = 2 + mark.line if mark else 1
        found.error = FrontMatterError(line, f"front matter is not valid YAML: {problem}{_hint(problem, source, line)}")
    if found.error is None and node is not None and not isinstance(found.data, dict):
        found.error = FrontMatterError(2, "front matter must be a mapping of keys to values")
    if found.error is not None:
        found.data = {}
    return found


# What libyaml says when a text needed quotes: `hint: Let op: dus`, `text: *Eerst* dit`,
# `text: [link](x.md) eerst` (and some indentation mistakes). The hint names the characters that
# make YAML read a text as syntax, as a condition: the cause may be elsewhere.
_UNQUOTED_TEXT = ("mapping values are not allowed", "did not find expected", "could not find expected ':'",
                  "found character that cannot start any token", "expected alphabetic or numeric character")
_QUOTE_HINT = ("; if a text here holds ': ' or ' #', or starts with * [ ` { & ! | > % @ or a quote, put it "
               "in double quotes (\"…\"), with “ ” or \\\" for quotes inside it")
_TITLE = re.compile(r'^title:[ \t]*["\']?(.+?)["\']?[ \t]*$', re.M)
_STRAIGHT_QUOTE = re.compile(r':\s*"[^"]*"[^"#]+"')  # title: "Een "rechte" titel"
_STRAIGHT_QUOTE_HINT = ("; a straight quote inside a \"…\" value ends it early: write curly quotes (‘…’ or “…”) "
                        "in the text")


def _hint(problem: str, source: str, line: int) -> str:
    """The likeliest cause of a YAML error in this guide's pages: the page's own '# Title' inside
    the front matter (its closing '---' is missing, and a '---' further down closed it); a
    straight quote inside a quoted text on the error's line or the two before; a text that
    needed quotes."""
    rows = source.split("\n")
    title = _TITLE.search(source)
    if title:
        heading = next((n for n, row in enumerate(rows, start=2) if row.strip() == f"# {title.group(1)}"), None)
        if heading is not None:
            return (f"; line {heading} is the page's heading: the '---' that closes the front matter is missing "
                    "above it")
    if any(_STRAIGHT_QUOTE.search(row) for row in rows[max(0, line - 4): line - 1]):
        return _STRAIGHT_QUOTE_HINT
    return _QUOTE_HINT if problem.startswith(_UNQUOTED_TEXT) else ""


def cut_texts(front: FrontMatter):
    """(path, text) of each unquoted text that a ` #` on its line cut short: YAML reads the rest
    of the line as a comment (`hint: Kies #1 uit je lijst` is "Kies"). Only a page with such a
    ` #` pays for the lines."""
    if not re.search(r"[^\s][ \t]+#", front.source):
        return
    lines = front.source.split("\n")
    todo = [((), front.node)]
    while todo:
        path, node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            todo += [(path + (key.value,), value) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            todo += [(path + (n,), value) for n, value in enumerate(node.value)]
        # Plain (unquoted) style is '' from libyaml and None from PyYAML's own loader.
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.tag.endswith(":str"):
            rest = lines[node.end_mark.line][node.end_mark.column:]
            if rest.lstrip(" \t").startswith("#"):
                yield path, node.value


def _compose(source: str):
    loader = _Loader(source)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _construct(node: yaml.Node):
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _refuse_aliases(source: str) -> None:
    """An alias (`*name`) repeats an anchored value (`&name`): nine nested levels of them grow
    into billions of values for whatever walks the data. No page needs one."""
    if "&" not in source:  # no anchor, so no alias (an alias without one is a YAML error)
        return
    for event in yaml.parse(source, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError(event.start_mark.line + 2,
                                   "front matter uses a YAML alias (*name): write the value out instead")


def _refuse_duplicate_keys(root: yaml.Node) -> None:
    todo = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if key.value in keys:
                    raise FrontMatterError(key.start_mark.line + 2,
                                           f"key '{key.value}' appears twice in one mapping "
                                           f"(first on line {keys[key.value]}): keep one")
                keys[key.value] = key.start_mark.line + 2
                todo.append(value)
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value


def format_path(path: FieldPath) -> str:
    """("checklists", 0, "items", 2, "id") -> "checklists[0].items[2].id"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "front matter"
