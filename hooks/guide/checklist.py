"""Interactive checklists: front-matter data in, HTML out.

A page declares its checklists under `checklists:` and places each with a line
`<!-- checklist: <id> -->`. This module renders one checklist through `templates/checklist.html`
and swaps the placeholders in a page's Markdown for that HTML. Nothing here knows about MkDocs.

The HTML works on its own (a readable list that prints with empty boxes); checklist.js adds
saving, progress and reset. Every string the script shows travels in `data-i18n-*` attributes,
so the script holds no language of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from guide import inline, locales

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "read-do": "Lees-en-doe-lijst",
        "read-do.about": "lees een punt, doe het meteen en vink het dan af.",
        "do-confirm": "Controlelijst",
        "do-confirm.about": "doe eerst je werk, loop daarna de punten langs en vink af wat klopt.",
        "moment": "Wanneer",
        "progress": "Gedaan: {done} van {total}",
        "complete": "Klaar: alle {total} punten zijn gedaan.",
        "reset": "Alle vinkjes weghalen",
        "cleared": "Alle vinkjes zijn weggehaald.",
        "undo": "Ongedaan maken",
        "storage-off": "Je browser bewaart je vinkjes nu niet. Als je deze pagina sluit, zijn ze weg.",
    },
    "en": {
        "read-do": "Read-do checklist",
        "read-do.about": "read an item, do it straight away, then tick it off.",
        "do-confirm": "Do-confirm checklist",
        "do-confirm.about": "do the work first, then go through the items and tick what's done.",
        "moment": "When",
        "progress": "{done} of {total} done",
        "complete": "Finished: all {total} items are done.",
        "reset": "Clear all ticks",
        "cleared": "All ticks have been cleared.",
        "undo": "Undo",
        "storage-off": "Your browser isn't saving your ticks right now. They'll be gone when you close this page.",
    },
}

# The strings checklist.js needs, as `data-i18n-<name>` on the checklist's root.
SCRIPT_STRINGS = ("progress", "complete", "cleared")

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(checklist: Mapping, locale: str, resolve_link: Callable[[str], str] | None = None) -> str:
    """The HTML of one checklist, in `locale`, with item links made by `resolve_link`."""
    strings = STRINGS[locale]
    cid = checklist["id"]

    def text(value: str | None) -> Markup | None:
        # inline.render returns cleaned HTML (nh3): safe to insert unescaped.
        return Markup(inline.render(value, resolve_link)) if value else None

    items = [
        {
            "id": item["id"],
            "dom_id": f"checklist-{cid}--{item['id']}",
            "text": text(item["text"]),
            "hint": text(item.get("hint")),
        }
        for item in checklist["items"]
    ]
    html = _templates.get_template("checklist.html").render(
        checklist=checklist,
        kind=strings[checklist["kind"]],
        kind_about=strings[checklist["kind"] + ".about"],
        moment=checklist.get("moment"),
        items=items,
        t=strings,
        script_strings={name: strings[name] for name in SCRIPT_STRINGS},
    )
    # A blank line would end Python-Markdown's raw HTML block: keep the block in one piece.
    return "\n".join(line for line in html.splitlines() if line.strip())


# A placeholder is a line of its own; up to three spaces of indent, as Markdown allows for HTML.
_PLACEHOLDER = re.compile(r"^ {0,3}<!--\s*checklist:\s*(?P<id>[^\s>]+)\s*-->\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Placement:
    markdown: str
    unplaced: tuple[str, ...]  # declared, but no placeholder on the page: not shown
    unknown: tuple[str, ...]  # a placeholder names no declared checklist: left as a comment


def place(markdown: str, html_by_id: Mapping[str, str]) -> Placement:
    """Replaces every placeholder line with its checklist's HTML, as a raw HTML block.

    Placeholders inside fenced code stay as they are, so a page can show the syntax. What does
    not match is reported, not raised: the page still builds, and the content model decides
    whether that is an error.
    """
    lines = markdown.split("\n")
    fence = None
    placed, unknown = set(), []
    for n, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening and (fence is None or opening.group(1).startswith(fence)):
            fence = opening.group(1) if fence is None else None
            continue
        found = _PLACEHOLDER.match(line) if fence is None else None
        if not found:
            continue
        cid = found.group("id")
        if cid in html_by_id:
            lines[n] = "\n" + html_by_id[cid] + "\n"
            placed.add(cid)
        else:
            unknown.append(cid)
    unplaced = tuple(cid for cid in html_by_id if cid not in placed)
    return Placement("\n".join(lines), unplaced, tuple(unknown))


def page_markdown(markdown: str, checklists: list[Mapping], page_src_uri: str, locale: str) -> Placement:
    """A page's Markdown with all its declared checklists rendered in place."""
    resolve = locales.link_resolver(page_src_uri, locale)
    return place(markdown, {c["id"]: render(c, locale, resolve) for c in checklists})
