"""Rules across pages: the Dutch and English versions declare the same ids and the same settings
(a checklist's kind; which sheet groups come after the conversation; which sections are main),
checklist and sheet ids are unique across the site, and links in front-matter text lead to pages
that exist (their anchors are checked by MkDocs itself, with the links of the page's body:
content_hook.py).

Readers' saved ticks and answers are keyed by these ids and shared between the languages, so a
mismatch would silently lose or mix their progress.
"""

from __future__ import annotations

import posixpath

from guide.bilingual import locales
from guide.content import frontmatter, inline
from guide.content.checks import GLANCE_FIELDS, INLINE_FIELDS, Page, Problem, sheet_sections


def check_pages(pages: list[Page]) -> list[Problem]:
    """Problems across `pages` (each already checked on its own and free of errors)."""
    by_uri = {page.src_uri: page for page in pages}
    problems: list[Problem] = []
    for page in pages:
        if locales.locale_of(page.src_uri) != locales.DEFAULT.code:
            source = by_uri.get(locales.source_of(page.src_uri))
            if source is not None:
                problems += _same_ids(source, page)
        problems += _links_exist(page, by_uri)
    problems += _ids_unique(pages, "checklist")
    problems += _ids_unique(pages, "sheet")
    return sorted(problems, key=lambda p: (p.file, p.line))


def _ids(entries) -> list[str]:
    return [entry["id"] for entry in entries]


def _same_ids(source: Page, translation: Page) -> list[Problem]:
    """Compare every id list of a translation with its Dutch source."""
    found = []

    def compare(path: tuple, nl: list[str], en: list[str], what: str):
        if nl == en or sorted(nl) == sorted(en):
            return
        missing = [i for i in nl if i not in en]
        extra = [i for i in en if i not in nl]
        parts = []
        if missing:
            parts.append("missing " + ", ".join(f"'{i}'" for i in missing))
        if extra:
            parts.append("not in the Dutch page: " + ", ".join(f"'{i}'" for i in extra))
        found.append(Problem(
            translation.file, translation.front.line(path), frontmatter.format_path(path),
            f"{what} differ from {source.file} (line {source.front.line(path)}): " + "; ".join(parts),
        ))

    def same(path: tuple, nl: dict, en: dict, key: str, default):
        """A setting that makes the component work or look different: the same in both languages."""
        if nl.get(key, default) != en.get(key, default):
            found.append(Problem(translation.file, translation.front.line(path), frontmatter.format_path(path),
                                 f"is {_shown(en.get(key, default))} here and {_shown(nl.get(key, default))} in "
                                 f"{source.file} (line {source.front.line(path)}): the languages must agree"))

    nl_lists = {c["id"]: c for c in source.data.get("checklists", [])}
    en_lists = translation.data.get("checklists", [])
    compare(("checklists",), list(nl_lists), _ids(en_lists), "checklist ids")
    for n, checklist in enumerate(en_lists):
        if checklist["id"] in nl_lists:
            compare(("checklists", n, "items"), _ids(nl_lists[checklist["id"]]["items"]),
                    _ids(checklist["items"]), f"item ids of checklist '{checklist['id']}'")
            same(("checklists", n, "kind"), nl_lists[checklist["id"]], checklist, "kind", "read-do")
    if ("glance" in source.data) != ("glance" in translation.data):
        has, lacks = (source, translation) if "glance" in source.data else (translation, source)
        found.append(Problem(translation.file, translation.front.line(("glance",)),
                             "glance", f"{has.file} has an at-a-glance line and {lacks.file} does not"))
    nl_sheet, en_sheet = source.data.get("sheet"), translation.data.get("sheet")
    if bool(nl_sheet) != bool(en_sheet):
        has, lacks = (source, translation) if nl_sheet else (translation, source)
        found.append(Problem(translation.file, translation.front.line(("sheet",)), "sheet",
                             f"{has.file} declares a sheet and {lacks.file} does not"))
    elif nl_sheet:
        compare(("sheet", "id"), [nl_sheet["id"]], [en_sheet["id"]], "sheet id")
        grouped = "groups" in en_sheet
        if ("groups" in nl_sheet) != grouped:
            found.append(Problem(translation.file, translation.front.line(("sheet",)), "sheet",
                                 f"{(translation if grouped else source).file} groups its sections and "
                                 f"{(source if grouped else translation).file} does not"))
            return found
        if not grouped:
            compare(("sheet", "sections"), _ids(nl_sheet["sections"]), _ids(en_sheet["sections"]), "section ids")
        else:
            nl_groups = {g["id"]: g for g in nl_sheet["groups"]}
            compare(("sheet", "groups"), list(nl_groups), _ids(en_sheet["groups"]), "group ids")
            for n, group in enumerate(en_sheet["groups"]):
                if group["id"] in nl_groups:
                    compare(("sheet", "groups", n, "sections"), _ids(nl_groups[group["id"]]["sections"]),
                            _ids(group["sections"]), f"section ids of group '{group['id']}'")
                    same(("sheet", "groups", n, "after"), nl_groups[group["id"]], group, "after", False)
        nl_sections = {section["id"]: section for _, section in sheet_sections(nl_sheet)}
        for path, section in sheet_sections(en_sheet):
            if section["id"] in nl_sections:
                same(path + ("main",), nl_sections[section["id"]], section, "main", False)
    return found


def _shown(value) -> str:
    return str(value).lower() if isinstance(value, bool) else f"'{value}'"


def _links_exist(page: Page, by_uri: dict[str, Page]) -> list[Problem]:
    found = []
    for path, text in inline_texts(page.data):
        for target in inline.link_targets(text):
            problem = _link_problem(page.src_uri, target, by_uri)
            if problem:
                found.append(Problem(page.file, page.front.line(path), frontmatter.format_path(path),
                                     f"links to '{target}', {problem}"))
    return found


def _link_problem(src_uri: str, target: str, by_uri: dict[str, Page]) -> str | None:
    """Why a link in a front-matter text leads nowhere, as MkDocs' own check would say it of a
    link in the body: no such page, an address on the host instead of a file, outside docs/."""
    page_part = target.split("#", 1)[0].split("?", 1)[0]
    if "://" in target or target.startswith(("mailto:", "#")) or not page_part:
        return None
    if page_part.startswith("/"):
        return "an absolute path: link to the page's file relative to this one, like 'stap-1-richting.md'"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), page_part))
    if resolved.startswith("../"):
        return "which is outside docs/"
    if resolved.endswith(".md") and resolved not in by_uri:
        return f"but docs/{resolved} does not exist"
    return None


def inline_texts(data: dict):
    """(field path, text) of every text with inline Markdown in a page's front matter."""
    for name in GLANCE_FIELDS:
        if name in data.get("glance", {}):
            yield ("glance", name), data["glance"][name]
    for n, checklist in enumerate(data.get("checklists", [])):
        for m, item in enumerate(checklist["items"]):
            for name in INLINE_FIELDS:
                if name in item:
                    yield ("checklists", n, "items", m, name), item[name]
        if "next" in checklist:
            yield ("checklists", n, "next"), checklist["next"]
    for path, section in sheet_sections(data.get("sheet") or {}):
        for name in INLINE_FIELDS:
            if name in section:
                yield path + (name,), section[name]


def _declared(page: Page, kind: str):
    """(field path, id) of the page's checklists or its sheet."""
    if kind == "checklist":
        return [(("checklists", n, "id"), c["id"]) for n, c in enumerate(page.data.get("checklists", []))]
    sheet = page.data.get("sheet")
    return [(("sheet", "id"), sheet["id"])] if sheet else []


def _ids_unique(pages: list[Page], kind: str) -> list[Problem]:
    """A checklist's or a sheet's id names the reader's saved ticks or answers: two must not
    share one (a second sheet's "clear" would erase the first one's answers)."""
    found = []
    for locale in locales.CODES:
        first: dict[str, tuple[Page, tuple]] = {}  # id -> where it is first declared
        for page in sorted(pages, key=lambda p: p.src_uri):
            if locales.locale_of(page.src_uri) != locale:
                continue
            for path, value in _declared(page, kind):
                if value in first and first[value][0] is not page:
                    other, other_path = first[value]
                    found.append(Problem(page.file, page.front.line(path), frontmatter.format_path(path),
                                         f"{kind} id '{value}' is already used by {other.file} "
                                         f"(line {other.front.line(other_path)})"))
                else:
                    first.setdefault(value, (page, path))
    return found
