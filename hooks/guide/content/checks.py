"""The content model: what a page may declare in its front matter, and every rule it must meet.

One source of truth: schema/page.schema.json (also what editors validate against). On top of
the schema, rules a schema cannot say: unique ids, 3 to 9 items per checklist, one placeholder
per checklist in the body, no raw HTML in text. Rules across pages (the same ids in both
languages, links between pages) live in `guide.content.consistency`.

Every problem names the file, the line, the field path and the rule, and all problems of a page
are reported together.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import fastjsonschema

from guide.bilingual import locales
from guide.content import frontmatter, inline

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "schema" / "page.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
# Two validators of the same schema: fastjsonschema compiles it to Python and passes a valid
# page 25 times faster; jsonschema then explains only what fastjsonschema rejected, with the
# path of every error (and is only imported then). tests/unit/test_checks.py holds them to the
# same verdicts.
_passes = fastjsonschema.compile(SCHEMA)


@functools.lru_cache(maxsize=1)
def explaining_validator():
    from jsonschema import Draft7Validator

    return Draft7Validator(SCHEMA)


MIN_ITEMS, MAX_ITEMS = 3, 9
INLINE_FIELDS = ("text", "hint", "prompt", "example")  # of items and sheet sections
GLANCE_FIELDS = ("time", "when", "need", "result")  # all inline Markdown
# The schema's id pattern, matched whole: JSON Schema's `$` (and Python's) also matches before a
# final line break, so "x\n" would pass the schema and then break the page's script.
ID = re.compile(SCHEMA["definitions"]["id"]["pattern"].strip("^$"))
ID_RULE = "use lowercase letters a-z, digits and single hyphens, like 'mijn-doel'"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str
    severity: str = "error"  # "warning": the build goes on, but strict mode fails it

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass
class Page:
    """A page's front matter after checking: `data` is only trusted when `problems` is empty."""

    file: str  # as contributors see it: docs/stap-1.en.md
    src_uri: str  # relative to docs/: stap-1.en.md
    front: frontmatter.FrontMatter
    problems: list[Problem]

    @property
    def data(self) -> dict:
        return self.front.data


def docs_folder(docs_dir: str) -> str:
    """The docs folder as problems name it (`docs/stap-1.md`): its name, not its full path."""
    return posixpath.basename(docs_dir.rstrip("/")) or "docs"


def check_page(src_uri: str, text: str, docs_dir: str = "docs") -> Page:
    page = Page(f"{docs_dir}/{src_uri}", src_uri, frontmatter.parse(text), [])
    if page.front.error:
        page.problems.append(Problem(page.file, page.front.error.line, "front matter", str(page.front.error)))
        return page
    report = _Reporter(page)
    for error in _schema_errors(page.data):
        report.schema_error(error)
    if not any(p.severity == "error" for p in page.problems):
        _check_rules(page, report)
        page.problems += _heading_problems(page)
    page.problems.sort(key=lambda p: (p.line, p.field))
    return page


def _schema_errors(data) -> list:
    try:
        _passes(data)
        return []
    except fastjsonschema.JsonSchemaException:
        return list(explaining_validator().iter_errors(data))


class _Reporter:
    def __init__(self, page: Page):
        self.page = page

    def add(self, path: tuple, message: str, severity: str = "error", line: int | None = None):
        line = line if line is not None else self.page.front.line(path)
        self.page.problems.append(
            Problem(self.page.file, line, frontmatter.format_path(path), message, severity)
        )

    def schema_error(self, error) -> None:
        path = tuple(error.absolute_path)
        kind, expected, value = error.validator, error.validator_value, error.instance
        if kind == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for key in value:
                if key not in allowed:
                    where = self.page.front.key_line(path + (key,))
                    self.add(path + (key,), f"unknown key '{key}'{_suggest(key, allowed)}", line=where)
        elif kind == "required":
            for key in expected:
                if key not in value:
                    self.add(path, f"missing required key '{key}'")
        elif kind == "type":
            # Unquoted, `15:30`, `no` or `2026-03-01` is a number, true/false or a date to YAML.
            quote = ": put the text in double quotes (\"…\")" if expected == "string" and _scalar(value) else ""
            self.add(path, f"must be {_TYPE_WORDS.get(expected, expected)}, not {_type_word(value)}{quote}")
        elif kind == "enum":
            options = ", ".join(f"'{o}'" for o in expected)
            self.add(path, f"'{value}' is not one of {options}{_suggest(str(value), expected)}")
        elif kind == "pattern" and path and path[-1] == "id":
            self.add(path, f"'{value}' is not a valid id: {ID_RULE}")
        elif kind == "pattern":
            self.add(path, f"'{value}' does not have the expected form (12 lowercase hexadecimal characters)")
        elif kind in ("minLength", "minItems"):
            self.add(path, "must not be empty")
        elif kind == "maxLength":
            self.add(path, f"is {len(value)} characters long; at most {expected} are allowed")
        elif kind == "minimum":
            self.add(path, f"is {value}; it must be at least {expected}")
        elif kind == "maximum":
            self.add(path, f"is {value}; it must be at most {expected}")
        elif kind == "maxItems":
            self.add(path, f"has {len(value)} entries; at most {expected} are allowed")
        elif kind == "uniqueItems":
            self.add(path, "lists the same value twice")
        else:  # a rule added to the schema later still gets a readable message
            self.add(path, error.message)


_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list",
               "object": "a mapping of keys to values", "boolean": "true or false"}


def _type_word(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, datetime.date):
        return "a date"
    return {str: "text", list: "a list", dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def _scalar(value) -> bool:
    return isinstance(value, int | float | datetime.date)  # bool is an int


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# Text fields that readers never see as text.
NOT_READ = {"id", "kind", "source_hash", "hide"}

# Fields the theme puts into the page as HTML, unescaped (the navigation, the <meta> tag): they
# must stay plain text, so what would be markup there is refused instead.
PLAIN_TEXT = {"title": "<>&", "description": '<>&"'}


# A heading line or a code fence, at the start of a line (an indented one belongs to a box).
_HEADING_OR_FENCE = re.compile(r"(?:(`{3,}|~{3,}).*|(#{1,6})[ \t]+(.*?)[ \t#]*)$")
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}$")  # {#id .class}


def _heading_problems(page: Page) -> list[Problem]:
    """At most one `# ` heading, first and worded as the title (the theme shows the title there
    when the body has none); each heading at most one level deeper than the one before."""
    found, fence, last, headings = [], None, 1, 0
    title = page.data["title"]
    for number, line in enumerate(page.front.body.split("\n"), start=page.front.body_line):
        # Only lines that start like a heading or a fence are matched: one pattern anchored at
        # every line start (re.M) cost 100 µs a page, this 35.
        match = _HEADING_OR_FENCE.match(line) if line[:1] in ("#", "`", "~") else None
        if match is None:
            continue
        marker, hashes, text = match.groups()
        if marker:  # a code fence opens, or closes the one that is open
            fence = None if fence and marker.startswith(fence) else fence or marker[:3]
            continue
        if fence:
            continue
        level, text = len(hashes), _ATTRIBUTES.sub("", text)
        headings += 1
        if level == 1 and headings > 1:
            message = (f"'# {text}' is not the page's first heading: a page has one '# ' heading, its title, "
                       f"at the top; make this one '## {text}'")
        elif level == 1 and text != title:
            message = (f"the heading '# {text}' differs from the title '{title}' (line "
                       f"{page.front.line(('title',))}): the navigation shows the one and the page the other; "
                       "make them the same")
        elif level > last + 1:
            message = (f"'{hashes} {text}' follows a level-{last} heading: make it '{'#' * (last + 1)} {text}' "
                       "(headings go down one level at a time)")
        else:
            message = None
        if message:
            found.append(Problem(page.file, number, "body", message))
        last = level
    return found


def _check_rules(page: Page, report: _Reporter) -> None:
    data = page.data
    for path, kept in frontmatter.cut_texts(page.front):
        if NOT_READ.intersection(path):
            continue  # an id or a setting: a comment after it is only a comment
        report.add(path, f"YAML reads everything from ' #' on as a comment, so readers would see only "
                         f"'{kept}': put the whole text in double quotes (\"…\"), or give a comment a line of its own")
    for name, refused in PLAIN_TEXT.items():
        found = sorted({c for c in data.get(name, "") if c in refused}, key=refused.index)
        if found:
            hint = " (for quotes use “ ” or ‘ ’)" if '"' in found else ""
            report.add((name,), f"may not contain {' '.join(found)}: the theme shows this field as HTML, so "
                                f"write it as plain text{hint}")
    if "source_hash" in data and locales.locale_of(page.src_uri) == locales.DEFAULT.code:
        report.add(("source_hash",), "only translations carry source_hash; remove it from the Dutch page")
    checklists = data.get("checklists", [])
    _unique_ids(report, ("checklists",), checklists)
    for n, checklist in enumerate(checklists):
        items = checklist["items"]
        _unique_ids(report, ("checklists", n, "items"), items)
        if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
            report.add(("checklists", n, "items"),
                       f"has {len(items)} items; a usable checklist has {MIN_ITEMS} to {MAX_ITEMS}", "warning")
        for m, item in enumerate(items):
            _check_inline(report, ("checklists", n, "items", m), item)
        _check_inline(report, ("checklists", n), checklist, ("next",))
        if checklist["kind"] == "self-check" and "next" in checklist:
            report.add(("checklists", n, "next"), "a self-check is never finished, so its next step would never "
                                                  "show: say in the page, below the list, what the count means")
    if "glance" in data:
        _check_inline(report, ("glance",), data["glance"], GLANCE_FIELDS)
    sheet = data.get("sheet")
    if sheet:
        _whole_id(report, ("sheet", "id"), sheet["id"])
        if ("sections" in sheet) == ("groups" in sheet):
            report.add(("sheet",), "needs either 'sections' or 'groups' (groups that each hold their sections), "
                                   "not " + ("both" if "sections" in sheet else "neither"))
            return
        # Group and section ids share one namespace: both become element ids <sheet id>-<id>.
        ids = [{"id": g["id"], "path": ("sheet", "groups", n)} for n, g in enumerate(sheet.get("groups", []))]
        ids += [{"id": s["id"], "path": path} for path, s in sheet_sections(sheet)]
        if len({entry["id"] for entry in ids}) < len(ids):  # which one came first: the file's order
            ids.sort(key=lambda entry: report.page.front.line(entry["path"]))
        _unique_ids(report, None, ids)
        for path, section in sheet_sections(sheet):
            _check_inline(report, path, section)


def sheet_sections(sheet: dict) -> list[tuple[tuple, dict]]:
    """(field path, section) of every section of a sheet's front matter, grouped or not, in order."""
    if "groups" in sheet:
        return [(("sheet", "groups", n, "sections", m), section)
                for n, group in enumerate(sheet["groups"]) for m, section in enumerate(group["sections"])]
    return [(("sheet", "sections", m), section) for m, section in enumerate(sheet.get("sections", []))]


def _unique_ids(report: _Reporter, path: tuple | None, entries: list[dict]) -> None:
    """Every entry's id is whole and used once. With `path` None, each entry carries its own
    field path (entries from several lists, as a sheet's groups and sections)."""
    first: dict[str, tuple] = {}
    for n, entry in enumerate(entries):
        where = entry["path"] + ("id",) if path is None else path + (n, "id")
        _whole_id(report, where, entry["id"])
        if entry["id"] in first:
            first_line = report.page.front.line(first[entry["id"]])
            report.add(where, f"duplicate id '{entry['id']}' (first used on line {first_line})")
        else:
            first[entry["id"]] = where


def _whole_id(report: _Reporter, path: tuple, value: str) -> None:
    if not ID.fullmatch(value):
        report.add(path, f"{value!r} is not a valid id: {ID_RULE}")


def _check_inline(report: _Reporter, path: tuple, entry: dict, fields: tuple = INLINE_FIELDS) -> None:
    for name in fields:
        if name in entry:
            for problem in inline.problems(entry[name]):
                report.add(path + (name,), problem)
