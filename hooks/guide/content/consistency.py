"""Rules across pages: the Dutch and English versions declare the same ids, checklist ids are
unique across the site, and links in front-matter text lead to pages that exist.

Readers' saved ticks and answers are keyed by these ids and shared between the languages, so a
mismatch would silently lose or mix their progress.
"""

from __future__ import annotations

import re

from guide.content import frontmatter
from guide.bilingual import locales
from guide.content.checks import INLINE_FIELDS, Page, Problem

_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")


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
    problems += _checklist_ids_unique(pages)
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

    nl_lists = {c["id"]: c for c in source.data.get("checklists", [])}
    en_lists = translation.data.get("checklists", [])
    compare(("checklists",), list(nl_lists), _ids(en_lists), "checklist ids")
    for n, checklist in enumerate(en_lists):
        if checklist["id"] in nl_lists:
            compare(("checklists", n, "items"), _ids(nl_lists[checklist["id"]]["items"]),
                    _ids(checklist["items"]), f"item ids of checklist '{checklist['id']}'")
    nl_sheet, en_sheet = source.data.get("sheet"), translation.data.get("sheet")
    if bool(nl_sheet) != bool(en_sheet):
        has, lacks = (source, translation) if nl_sheet else (translation, source)
        found.append(Problem(translation.file, translation.front.line(("sheet",)), "sheet",
                             f"{has.file} declares a sheet and {lacks.file} does not"))
    elif nl_sheet:
        compare(("sheet", "id"), [nl_sheet["id"]], [en_sheet["id"]], "sheet id")
        compare(("sheet", "sections"), _ids(nl_sheet["sections"]), _ids(en_sheet["sections"]), "section ids")
    return found


def _links_exist(page: Page, by_uri: dict[str, Page]) -> list[Problem]:
    found = []
    for path, text in _inline_texts(page.data):
        for target in _MD_LINK.findall(text):
            page_part = target.split("#", 1)[0]
            if "://" in target or target.startswith(("mailto:", "#")) or not page_part.endswith(".md"):
                continue
            if page_part not in by_uri:
                found.append(Problem(page.file, page.front.line(path), frontmatter.format_path(path),
                                     f"links to '{target}', but docs/{page_part} does not exist"))
    return found


def _inline_texts(data: dict):
    for n, checklist in enumerate(data.get("checklists", [])):
        for m, item in enumerate(checklist["items"]):
            for name in INLINE_FIELDS:
                if name in item:
                    yield ("checklists", n, "items", m, name), item[name]
    for m, section in enumerate((data.get("sheet") or {}).get("sections", [])):
        for name in INLINE_FIELDS:
            if name in section:
                yield ("sheet", "sections", m, name), section[name]


def _checklist_ids_unique(pages: list[Page]) -> list[Problem]:
    """A checklist id names the reader's saved ticks: two checklists must not share one."""
    found = []
    for locale in locales.CODES:
        first: dict[str, tuple[Page, tuple]] = {}  # checklist id -> where it is first declared
        for page in sorted(pages, key=lambda p: p.src_uri):
            if locales.locale_of(page.src_uri) != locale:
                continue
            for n, checklist in enumerate(page.data.get("checklists", [])):
                path = ("checklists", n, "id")
                if checklist["id"] in first and first[checklist["id"]][0] is not page:
                    # Lines only for a problem: a page kept from an earlier build is read again for them.
                    other, other_path = first[checklist["id"]]
                    found.append(Problem(page.file, page.front.line(path), frontmatter.format_path(path),
                                         f"checklist id '{checklist['id']}' is already used by {other.file} "
                                         f"(line {other.front.line(other_path)})"))
                else:
                    first.setdefault(checklist["id"], (page, path))
    return found
