"""Interactive checklists: front-matter data in, HTML out.

A page declares its checklists under `checklists:` and places each with a line
`<!-- checklist: <id> -->`. This module renders one checklist through `templates/checklist.html`
and swaps the placeholders in the page's HTML for it, after Markdown has made that HTML: Markdown
then never parses the checklist's markup (which took longer than rendering it). Nothing here
knows about MkDocs.

The HTML works on its own (a readable list that prints with empty boxes); checklist.js adds
saving, progress and reset. Every string the script shows travels in `data-i18n-*` attributes,
so the script holds no language of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable, Mapping

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from guide.build import cache
from guide.content import inline
from guide.bilingual import locales
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
        "full": "Je vinkjes konden niet worden bewaard: de opslag van je browser voor deze site is vol. "
        "Als je deze pagina sluit, zijn je laatste wijzigingen weg.",
        "corrupt": "Je eerder bewaarde vinkjes waren beschadigd en konden niet worden gelezen. "
        "Wat je nu afvinkt, wordt weer gewoon bewaard.",
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
        "full": "Your ticks could not be saved: this browser's storage for the site is full. "
        "Your latest changes will be gone when you close this page.",
        "corrupt": "Your previously saved ticks were damaged and couldn't be read. "
        "Whatever you tick now will be saved as usual.",
    },
}

# The strings checklist.js needs, as `data-i18n-<name>` on the checklist's root.
SCRIPT_STRINGS = ("progress", "complete", "cleared")

TEMPLATES = Path(__file__).parent / "templates"
_templates = Environment(
    loader=FileSystemLoader(TEMPLATES),
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
            "dom_id": _dom_id(cid, item["id"]),
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
        root_id=root_id(cid),
        t=strings,
        script_strings={name: strings[name] for name in SCRIPT_STRINGS},
    )
    # The template's blank lines only add bytes to every page.
    return "\n".join(line for line in html.splitlines() if line.strip())


def root_id(checklist_id: str) -> str:
    return f"checklist-{checklist_id}"


def _dom_id(checklist_id: str, item_id: str) -> str:
    return f"checklist-{checklist_id}--{item_id}"


def dom_ids(checklist: Mapping) -> list[str]:
    """Every id the checklist's HTML carries (the checklist, its checkboxes and their hints):
    links may point at them, so the adapter tells MkDocs' anchor check about them."""
    ids = [root_id(checklist["id"])]
    for item in checklist["items"]:
        ids.append(_dom_id(checklist["id"], item["id"]))
        if item.get("hint"):
            ids.append(_dom_id(checklist["id"], item["id"]) + "-hint")
    return ids


def search_text(checklist: Mapping, resolve_link: Callable[[str], str] | None = None) -> str:
    """What search finds the checklist by: its moment, items and hints, as `render` shows them
    (with the page's `resolve_link`), as HTML text: escaped, without tags, like the theme's own
    entries. Only what a reader would search for: not the buttons and notices."""
    texts = [escape(checklist.get("moment") or "", quote=False)]
    for item in checklist["items"]:
        texts += [inline.html_text(item[field], resolve_link) for field in ("text", "hint") if item.get(field)]
    return " ".join(text for text in texts if text)


def search_entry(checklist: Mapping, page_url: str, text: str) -> dict[str, str]:
    """The checklist in the site's search, found by its title and `text` (`search_text`), and
    leading to the checklist itself."""
    return {
        "location": f"{page_url}#{root_id(checklist['id'])}",
        "title": escape(checklist["title"], quote=False),
        "text": text,
    }


# Each page's rendered checklists, kept between builds (checklist_hook.py says where): a large
# guide has thousands, and a build then only renders those whose data changed. Named after
# everything the HTML comes from: this module and its template, the text converter, the link
# resolver, their packages. About 3 KB a checklist: past 20,000 (60 MB) it starts over.
RENDERS = cache.Kept("checklists", lambda: (*cache.made_by(__file__, "Jinja2", "MarkupSafe"),
                                            *cache.made_by(str(TEMPLATES / "checklist.html")),
                                            *cache.made_by(inline.__file__, "markdown-it-py", "mdurl", "nh3"),
                                            *cache.made_by(locales.__file__)), limit=20_000)


@dataclass(frozen=True)
class Rendered:
    html: str
    search_text: str


def rendered(checklist: Mapping, locale: str, page_src_uri: str) -> Rendered:
    """The checklist's HTML (`render`) and search text (`search_text`) on the page
    `page_src_uri`, taken from an earlier build when the checklist, the language and the page
    are the same: they depend on nothing else."""
    def make() -> Rendered:
        resolve = locales.link_resolver(page_src_uri, locale)
        return Rendered(render(checklist, locale, resolve), search_text(checklist, resolve))

    if not RENDERS.active:
        return make()
    key = cache.key(json.dumps(checklist, sort_keys=True, ensure_ascii=False), locale, page_src_uri)
    kept = _kept_render(RENDERS.get(key))
    if kept is not None:
        return kept
    made = make()
    RENDERS.put(key, json.dumps([made.html, made.search_text], ensure_ascii=False))
    return made


def _kept_render(kept: str | None) -> Rendered | None:
    try:
        found = json.loads(kept) if kept is not None else None
    except ValueError:  # a damaged entry (edited by hand): rendered again
        return None
    whole = isinstance(found, list) and len(found) == 2 and all(isinstance(part, str) for part in found)
    return Rendered(*found) if whole else None


# A placeholder is a line of its own in the HTML that Markdown made of the page: Markdown passes an
# HTML comment through as it is, but escapes one in a code block (so that examples of the syntax
# stay examples), and keeps one inside a sentence inside that sentence's paragraph.
_PLACEHOLDER = re.compile(r"^[ \t]*<!--\s*checklist:\s*(?P<id>[^\s>]+)\s*-->[ \t]*$", re.M)


@dataclass(frozen=True)
class Placement:
    html: str
    unplaced: tuple[str, ...]  # declared, but no placeholder on the page: not shown
    unknown: tuple[str, ...]  # a placeholder names no declared checklist: left as a comment


def place(html: str, html_by_id: Mapping[str, str]) -> Placement:
    """Replaces every placeholder line with its checklist's HTML.

    What does not match is reported, not raised: the page still builds, and the content model
    decides whether that is an error.
    """
    placed, unknown = set(), []

    def swap(found: re.Match) -> str:
        cid = found.group("id")
        if cid not in html_by_id:
            unknown.append(cid)
            return found.group(0)
        placed.add(cid)
        return html_by_id[cid]

    result = _PLACEHOLDER.sub(swap, html)
    unplaced = tuple(cid for cid in html_by_id if cid not in placed)
    return Placement(result, unplaced, tuple(unknown))
