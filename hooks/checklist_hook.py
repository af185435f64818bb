"""MkDocs adapter for checklists: each `<!-- checklist: <id> -->` becomes the checklist declared
in the page's front matter, in the language being built (`guide.components.checklist`), with
one search entry of its own that leads to it, and the next page as its next step once it is done."""

from __future__ import annotations

import posixpath

from mkdocs.plugins import event_priority

import page_parts
from guide.bilingual import locales
from guide.components import checklist


@event_priority(-50)  # after the search plugin (0), which indexes page.content without them
def on_page_context(context, page, config, nav):
    declared = [checklist.from_front_matter(c) for c in page.meta.get("checklists") or []]
    if not declared:
        return context
    locale = page_parts.locale(config)
    resolve = locales.link_resolver(page.file.src_uri, locale)
    made = {c.id: checklist.render(c, locale, resolve, _next_page(page)) for c in declared}
    page_parts.put(page, {("checklist", c.id): made[c.id].html for c in declared})
    for c in declared:
        page_parts.add_anchors(page, checklist.dom_ids(c), f"checklist '{c.id}'")
    page_parts.add_search_entries(config, page, [checklist.search_entry(c, page.url, made[c.id].search_text)
                                                 for c in declared])
    return context


def _next_page(page) -> tuple[str, str] | None:
    """The next page in the navigation, as (title, href from this page): where a finished
    checklist sends the reader unless its front matter says otherwise."""
    following = page.next_page
    if following is None:
        return None
    return following.title, locales.relative(following.url, posixpath.dirname(page.url)) or "./"
