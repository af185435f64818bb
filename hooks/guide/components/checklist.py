"""Interactive checklists: front-matter data in, HTML out.

A page declares its checklists under `checklists:` and marks the place of each with a line
`<!-- checklist: <id> -->` (`guide.components.place`). The HTML works on its own (a readable
list that prints with empty boxes); checklist.js adds saving, progress and reset. Every string
the script shows travels in `data-i18n-*` attributes, so the script holds no language of its
own. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from markupsafe import Markup

from guide.bilingual.strings import strings
from guide.components.render import render as render_template
from guide.content import inline

# The strings checklist.js needs, as `data-i18n-<name>` on the checklist's root.
SCRIPT_STRINGS = ("progress", "complete", "cleared")
# A list of statements the reader ticks when they hold (the signals that a collaboration
# chafes): its count says how many are recognised, and ticking them all is not "done".
SELF_CHECK = "self-check"


@dataclass(frozen=True)
class Item:
    id: str
    text: str  # inline Markdown
    hint: str | None  # inline Markdown


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    kind: str  # "read-do", "do-confirm" or "self-check" (SELF_CHECK)
    moment: str
    items: tuple[Item, ...]
    next: str | None = None  # inline Markdown: what to do once every item is ticked


def from_front_matter(data: dict) -> Checklist:
    """One entry of a page's `checklists:`, already checked by the content model."""
    return Checklist(data["id"], data["title"], data["kind"], data["moment"],
                     tuple(Item(i["id"], i["text"], i.get("hint") or None) for i in data["items"]),
                     data.get("next") or None)


def root_id(checklist_id: str) -> str:
    return f"checklist-{checklist_id}"


def item_id(checklist_id: str, item: str) -> str:
    return f"checklist-{checklist_id}--{item}"


def dom_ids(checklist: Checklist) -> list[str]:
    """Every id the checklist's HTML carries (the checklist, its checkboxes and their hints):
    links may point at them, so the adapter tells MkDocs' anchor check about them."""
    ids = [root_id(checklist.id)]
    for item in checklist.items:
        ids.append(item_id(checklist.id, item.id))
        if item.hint:
            ids.append(item_id(checklist.id, item.id) + "-hint")
    return ids


@dataclass(frozen=True)
class Rendered:
    html: str
    search_text: str  # what search finds it by: moment, items and hints, as HTML text


def render(checklist: Checklist, locale: str, resolve_link: Callable[[str], str] | None = None,
           next_page: tuple[str, str] | None = None) -> Rendered:
    """The checklist's HTML in `locale`, with item links made by `resolve_link`, and its
    search text (only what a reader would search for: not the buttons and notices). Once every
    item is ticked it shows the next step: its own `next`, or else `next_page` (title, href)."""
    t = strings(locale, "checklist")
    texts = {}  # inline.render returns cleaned HTML (nh3): safe to insert unescaped
    for item in checklist.items:
        texts[item.id] = tuple(Markup(inline.render(v, resolve_link)) if v else None for v in (item.text, item.hint))
    html = render_template(
        "checklist.html",
        checklist=checklist,
        items=[{"id": item.id, "dom_id": item_id(checklist.id, item.id), "text": texts[item.id][0],
                "hint": texts[item.id][1]} for item in checklist.items],
        root_id=root_id(checklist.id),
        t=t,
        script_strings=script_strings(checklist.kind, t),
        next=None if checklist.kind == SELF_CHECK else _next_step(checklist, resolve_link, next_page),
    )
    shown = [escape(checklist.moment, quote=False)]
    shown += [inline.without_tags(v) for pair in texts.values() for v in pair if v]
    return Rendered(html, " ".join(shown))


def script_strings(kind: str, t: dict[str, str]) -> dict[str, str]:
    """What checklist.js says: a self-check counts what is recognised, all of it included."""
    found = {name: t[name] for name in SCRIPT_STRINGS}
    if kind == SELF_CHECK:
        found.update(progress=t["self-check.progress"], complete=t["self-check.progress"])
    return found


def _next_step(checklist: Checklist, resolve_link, next_page) -> Markup | None:
    if checklist.next:
        return Markup(inline.render(checklist.next, resolve_link))
    if next_page:
        return Markup('<a href="{}">{}</a>').format(next_page[1], next_page[0])
    return None


def search_entry(checklist: Checklist, page_url: str, text: str) -> dict[str, str]:
    """The checklist in the site's search, found by its title and `text`, leading to it."""
    return {"location": f"{page_url}#{root_id(checklist.id)}", "title": escape(checklist.title, quote=False),
            "text": text}
