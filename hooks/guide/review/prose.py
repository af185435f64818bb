"""The prose of a page, line by line: what a reader reads, without what is not language.

Front-matter texts (titles, descriptions, checklist items, sheet prompts...) come with the line
of their value; body lines with their file line. Code (fenced and inline), HTML comments and
tags, URLs, e-mail addresses, link targets, attribute lists ({#id}), footnote markers and the
admonition syntax are blanked out, so that checks only see words a reader sees. Markdown's own
emphasis characters are left for the checks to ignore.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.bilingual import locales
from guide.content import frontmatter, source

# Front-matter keys that hold text for readers; everything else (ids, kinds, hashes, numbers,
# the theme's `hide`) is data.
TEXT_KEYS = frozenset({"title", "description", "moment", "text", "hint", "heading", "prompt", "example"})


@dataclass(frozen=True)
class Line:
    file: str  # as shown in messages: docs/x.md
    line: int  # 1-based line in the file
    text: str  # the prose on that line, non-prose blanked
    locale: str  # nl or en
    field: str = ""  # front-matter field (checklists[0].items[2].text), "" for body text

    def where(self) -> str:
        return f"{self.file}:{self.line}" + (f": {self.field}" if self.field else "")


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"(.*)")?\s*$')
_BLANK = [
    re.compile(r"(`+).+?\1"),  # inline code
    re.compile(r"<!--.*?-->"),  # a comment on one line (placeholders)
    re.compile(r"<https?://[^>]*>|<[^@\s>]+@[^>\s]+>"),  # autolinks
    re.compile(r"</?[A-Za-z][^>]*>"),  # HTML tags
    re.compile(r"^\s*\[[^\]]+\]:\s*\S.*$"),  # reference definitions
    re.compile(r"\{\s*[:#.][^}]*\}"),  # attribute lists
    re.compile(r"\[\^[^\]]+\]:?"),  # footnote markers
    re.compile(r"https?://\S+|www\.\S+"),  # bare URLs
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
    re.compile(r"(?<![\w/])[\w./-]+\.(?:md|ya?ml|txt|html|pdf|json|py|css|js)\b"),  # file names
    re.compile(r"&#?\w+;"),  # entities
    re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$"),  # table rule lines
]
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")


def clean(text: str) -> str:
    """One line of Markdown with everything that is not prose replaced by a space."""
    text = _LINK_TARGET.sub("] ", text)
    for pattern in _BLANK:
        text = pattern.sub(" ", text)
    return text


def body_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    fence = None
    comment = False
    for n, raw in enumerate(body.split("\n")):
        number = first_line + n
        found = _FENCE.match(raw)
        if fence:
            if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                fence = None
            continue
        if found:
            fence = found.group(1)
            continue
        if comment:
            if "-->" in raw:
                comment = False
                raw = raw.split("-->", 1)[1]
            else:
                continue
        if "<!--" in raw and "-->" not in raw.split("<!--", 1)[1]:
            raw, comment = raw.split("<!--", 1)[0], True
        admonition = _ADMONITION.match(raw)
        if admonition:  # keep the title, drop the syntax (its quotes are syntax too)
            raw = admonition.group(2) or ""
        text = clean(raw)
        if text.strip():
            out.append((number, text))
    return out


def _texts(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key in TEXT_KEYS:
                yield path + (key,), value
            elif isinstance(value, (dict, list)):
                yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _texts(value, path + (n,))


def page_lines(file: Path, shown: str, locale: str | None = None, text: str | None = None) -> list[Line]:
    """Every line of prose in one page, front matter first; `text` is the page as
    guide.content.source reads it (read here when not given)."""
    text = source.read(file, shown) if text is None else text
    locale = locale or locales.locale_of(file.name)
    page = frontmatter.parse(text)
    lines = [
        Line(shown, page.line(path), clean(value), locale, frontmatter.format_path(path))
        for path, value in _texts(page.data)
    ]
    lines += [Line(shown, number, prose, locale) for number, prose in body_lines(page.body, page.body_line)]
    return lines


def guide_pages(docs: Path) -> list[Path]:
    """The guide's pages: every Markdown file below docs/, in a stable order."""
    return sorted(docs.rglob("*.md"))


def shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# Texts in mkdocs.yml that readers see: the site's name, description and copyright line, per
# language (mkdocs-static-i18n's `languages`), and navigation titles (`- Title: page.md`).
CONFIG_TEXT_KEYS = frozenset({"site_name", "site_description", "copyright", "name"})


def config_lines(file: Path, shown: str, default_locale: str = locales.DEFAULT.code) -> list[Line]:
    """Every reader-facing text of a MkDocs configuration, with its line. The YAML is composed,
    not loaded: MkDocs' own tags (!ENV) need no constructor, and quotes that are YAML syntax are
    gone from the values."""
    root = yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    lines: list[Line] = []

    def scalar(node, locale: str, field: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.value.strip():
            # A block scalar (>-, |) starts on the line after its indicator.
            line = node.start_mark.line + (2 if node.style in (">", "|") else 1)
            lines.append(Line(shown, line, clean(node.value), locale, field))

    def nav(node, locale: str) -> None:
        for item in node.value if isinstance(node, yaml.SequenceNode) else []:
            if isinstance(item, yaml.MappingNode):
                for key, value in item.value:
                    scalar(key, locale, "nav")
                    nav(value, locale)

    def walk(node, locale: str, path: str) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        pairs = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        code = pairs.get("locale")
        locale = code.value if isinstance(code, yaml.ScalarNode) else locale
        for key, value in pairs.items():
            here = f"{path}.{key}" if path else key
            if key in CONFIG_TEXT_KEYS and (key != "name" or code is not None):  # not theme.name
                scalar(value, locale, here)
            elif key == "nav":
                nav(value, locale)
            elif key == "nav_translations" and isinstance(value, yaml.MappingNode):
                for _, title in value.value:
                    scalar(title, locale, here)
            elif isinstance(value, yaml.MappingNode):
                walk(value, locale, here)
            elif isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    walk(item, locale, here)

    walk(root, default_locale, "")
    return lines


# The interface strings readers see around the text: ours (strings.py, per language and
# component) and the theme's as we override them (overrides/partials/languages/<locale>.html).
STRINGS_FILE = "hooks/guide/bilingual/strings.py"
THEME_STRINGS = "overrides/partials/languages/{locale}.html"
_THEME_STRING = re.compile(r'^\s*"([\w.-]+)":\s*"((?:[^"\\]|\\.)*)"')
_THEME_DATA = ("language", "direction", "search.config.")  # settings, not words


def interface_lines(root: Path) -> list[Line]:
    """Every interface string below `root` (the repository), with its line and key."""
    lines: list[Line] = []
    strings = root / STRINGS_FILE
    if strings.exists():
        code = strings.read_text(encoding="utf-8")
        rows = code.split("\n")
        tree = ast.parse(code)
        table = next((n.value for n in tree.body if isinstance(n, ast.AnnAssign | ast.Assign)
                      and isinstance(n.value, ast.Dict)), None)
        for locale, components in _pairs(table):
            for component, texts in _pairs(components):
                for key, value in _pairs(texts):
                    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                        continue
                    lines += [Line(STRINGS_FILE, n, clean(text), locale, f"{component}.{key}")
                              for n, text in _string_parts(value, rows)]
    for code in locales.CODES:
        shown_file = THEME_STRINGS.format(locale=code)
        path = root / shown_file
        if not path.exists():
            continue
        for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found = _THEME_STRING.match(row)
            if found and not found.group(1).startswith(_THEME_DATA):
                lines.append(Line(shown_file, number, found.group(2), code, found.group(1)))
    return lines


def _string_parts(value: ast.Constant, rows: list[str]) -> list[tuple[int, str]]:
    """(line, text) of a string constant: a string written in parts over several lines gives
    each part with its own line, so that a message points at the line to change."""
    if value.lineno != value.end_lineno:
        try:
            return [(n, ast.literal_eval(f"({rows[n - 1].strip().rstrip(',')})"))
                    for n in range(value.lineno, value.end_lineno + 1)
                    if rows[n - 1].strip().startswith(("'", '"'))]
        except (ValueError, SyntaxError):  # a comment or an expression in between: the whole string
            pass
    return [(value.lineno, value.value)]


def _pairs(node):
    """(key, value node) of a dict literal whose keys are strings."""
    if not isinstance(node, ast.Dict):
        return []
    return [(k.value, v) for k, v in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant) and isinstance(k.value, str)]
