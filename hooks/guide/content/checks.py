"""The content model: what a page may declare in its front matter, and every rule it must meet.

One source of truth: schema/page.schema.json (also what editors validate against). On top of
the schema, rules a schema cannot say: unique ids, 3 to 9 items per checklist, one placeholder
per checklist in the body, no raw HTML in text. Rules across pages (the same ids in both
languages, links between pages) live in `guide.content.consistency`.

Every problem names the file, the line, the field path and the rule, and all problems of a page
are reported together.
"""

from __future__ import annotations

import difflib
import functools
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path as FilePath

import fastjsonschema

from guide.build import cache
from guide.content import frontmatter
from guide.content import inline
from guide.bilingual import locales

SCHEMA_FILE = FilePath(__file__).resolve().parents[3] / "schema" / "page.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
# Two validators of the same schema: fastjsonschema compiles it to Python and passes a valid
# page 25 times faster; jsonschema then explains only what fastjsonschema rejected, with the
# path of every error (and is only imported then). tests/unit/test_model.py holds them to the
# same verdicts.
_passes = fastjsonschema.compile(SCHEMA)


@functools.lru_cache(maxsize=1)
def explaining_validator():
    from jsonschema import Draft7Validator

    return Draft7Validator(SCHEMA)

MIN_ITEMS, MAX_ITEMS = 3, 9
PLACEHOLDER = re.compile(r"^<!--\s*(checklist|sheet):\s*(\S*)\s*-->\s*$", re.M)
INLINE_FIELDS = ("text", "hint", "prompt", "example")


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
    text: str
    problems: list[Problem]
    kept_data: dict | None = None  # what an earlier build found in this text (see CHECKS)

    @functools.cached_property
    def front(self) -> frontmatter.FrontMatter:
        """The front matter with its lines; read only when a problem needs a line, if the page
        came from an earlier build's checks."""
        return frontmatter.parse(self.text)

    @property
    def data(self) -> dict:
        return self.kept_data if self.kept_data is not None else self.front.data


def docs_folder(docs_dir: str) -> str:
    """The docs folder as problems name it (`docs/stap-1.md`): its name, not its full path."""
    return posixpath.basename(docs_dir.rstrip("/")) or "docs"


# The front matter of every page that passed, kept between builds (content_hook.py says where):
# a later build then only reads and checks the pages whose text changed. Named after everything
# the verdict comes from: the schema, this module, the reader of front matter, the locales, the
# converter that finds unsafe links, and their packages.
CHECKS = cache.Kept("checks", lambda: (SCHEMA_FILE.read_text(encoding="utf-8"),
                                       *cache.made_by(__file__, "fastjsonschema", "PyYAML"),
                                       *cache.made_by(frontmatter.__file__), *cache.made_by(locales.__file__),
                                       *cache.made_by(inline.__file__, "markdown-it-py", "mdurl")), limit=50_000)


def check_page(src_uri: str, text: str, docs_dir: str = "docs") -> Page:
    file = f"{docs_dir}/{src_uri}"
    key = cache.key(src_uri, text) if CHECKS.active else None
    kept = _kept_data(CHECKS.get(key)) if key else None
    if kept is not None:
        return Page(file, src_uri, text, [], kept)
    page = Page(file, src_uri, text, [])
    front = page.front
    if front.error:
        line, message = front.error
        page.problems.append(Problem(file, line, "front matter", message))
        return page
    report = _Reporter(page)
    for error in _schema_errors(front.data):
        report.schema_error(error)
    if not any(p.severity == "error" for p in page.problems):
        _check_rules(page, report)
    page.problems.sort(key=lambda p: (p.line, p.field))
    if key and not page.problems:
        _keep(key, front.data)
    return page


def _kept_data(kept: str | None) -> dict | None:
    try:
        data = json.loads(kept) if kept is not None else None
    except ValueError:  # a damaged entry (edited by hand): the page is simply checked again
        return None
    return data if isinstance(data, dict) else None


def _keep(key: str, data: dict) -> None:
    # Only what JSON gives back unchanged: a date or a number as a key (YAML allows both) would
    # come back different, so such a page is simply checked again next time.
    try:
        kept = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    if json.loads(kept) == data:
        CHECKS.put(key, kept)


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
                    where = self.page.front.key_lines.get(path + (key,))
                    self.add(path + (key,), f"unknown key '{key}'{_suggest(key, allowed)}", line=where)
        elif kind == "required":
            for key in expected:
                if key not in value:
                    self.add(path, f"missing required key '{key}'")
        elif kind == "type":
            self.add(path, f"must be {_TYPE_WORDS.get(expected, expected)}, not {_type_word(value)}")
        elif kind == "enum":
            options = ", ".join(f"'{o}'" for o in expected)
            self.add(path, f"'{value}' is not one of {options}{_suggest(str(value), expected)}")
        elif kind == "pattern" and path and path[-1] == "id":
            self.add(path, f"'{value}' is not a valid id: use lowercase letters a-z, digits and single hyphens, like 'mijn-doel'")
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
        elif kind == "uniqueItems":
            self.add(path, "lists the same value twice")
        else:  # a rule added to the schema later still gets a readable message
            self.add(path, error.message)


_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping of keys to values"}


def _type_word(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    return {str: "text", list: "a list", dict: "a mapping", type(None): "empty"}.get(type(value), type(value).__name__)


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, [str(o) for o in options], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_rules(page: Page, report: _Reporter) -> None:
    data = page.data
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
    sheet = data.get("sheet")
    if sheet:
        _unique_ids(report, ("sheet", "sections"), sheet["sections"])
        for m, section in enumerate(sheet["sections"]):
            _check_inline(report, ("sheet", "sections", m), section)
    _check_placeholders(page, report, checklists, sheet)


def _unique_ids(report: _Reporter, path: tuple, entries: list[dict]) -> None:
    first: dict[str, int] = {}
    for n, entry in enumerate(entries):
        line = report.page.front.line(path + (n, "id"))
        if entry["id"] in first:
            report.add(path + (n, "id"), f"duplicate id '{entry['id']}' (first used on line {first[entry['id']]})")
        else:
            first[entry["id"]] = line


def _check_inline(report: _Reporter, path: tuple, entry: dict) -> None:
    for name in INLINE_FIELDS:
        if name in entry:
            for problem in inline.problems(entry[name]):
                report.add(path + (name,), problem)


def _check_placeholders(page: Page, report: _Reporter, checklists: list[dict], sheet: dict | None) -> None:
    declared = {("checklist", c["id"]): ("checklists", n, "id") for n, c in enumerate(checklists)}
    if sheet:
        declared[("sheet", sheet["id"])] = ("sheet", "id")
    seen: dict[tuple[str, str], int] = {}
    body = page.front.body
    for match in PLACEHOLDER.finditer(body):
        line = page.front.body_line + body.count("\n", 0, match.start())
        key = (match.group(1), match.group(2))
        if key not in declared:
            report.add(("body",), f"placeholder for {key[0]} '{key[1]}', which the front matter does not declare", line=line)
        elif key in seen:
            report.add(("body",), f"{key[0]} '{key[1]}' is placed twice (first on line {seen[key]})", line=line)
        else:
            seen[key] = line
    for key, path in declared.items():
        if key not in seen:
            report.add(path, f"is not placed in the page: add a line <!-- {key[0]}: {key[1]} --> to the body")
