"""What the adapters share: which language is being built, and what every component adapter
(checklists, the sheet, My data) does to a page, in one place:
put the component where its placeholder is, once Markdown and the theme's search have read the
page (Markdown never parses the component's markup, and search does not index its buttons), tell
MkDocs' anchor check its ids, and give it one search entry of its own. Not a hook itself.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from guide.components import place


def locale(config) -> str:
    """The language being built. mkdocs-static-i18n runs one build per language; site_hook's
    on_config, first of all our events, gives its language to the theme, where every adapter
    reads it."""
    return config.theme["language"]


def put(page, parts: dict) -> None:
    """Replaces the placeholders of `parts` ({(kind, id): html}) in the page's HTML. Whether
    every placeholder is right was checked just before (content_hook.on_page_context)."""
    page.content = place.place(page.content, parts)


def add_anchors(page, ids, what: str) -> None:
    """Tells MkDocs' anchor check (which runs once every page is built) about the ids of a part
    placed now, so links to them are checked like links to headings. An id the page already
    has, from a heading say, would make both unreachable by link: that fails the build."""
    if page.present_anchor_ids is None:
        return
    taken = sorted(set(ids) & page.present_anchor_ids)
    if taken:
        raise PluginError(
            f"docs/{page.file.src_uri}: {what} uses the id '{taken[0]}', which the page already has "
            "(a heading's, say): give that heading another id with {#...}"
        )
    page.present_anchor_ids.update(ids)


def add_search_entries(config, page, entries) -> None:
    """Adds `entries` ({"location", "title", "text"}, as the theme writes them) to this build's
    search index, unless search is off or the page keeps itself out of it."""
    if (page.meta.get("search") or {}).get("exclude"):
        return
    index = _search_index(config)
    if index is not None:
        index.entries.extend(entries)


def _search_index(config):
    # The theme's search plugin keeps its index as `search_index`, whose `entries` list is what it
    # writes out: tests/build/test_checklist_build.py fails if a theme upgrade changes that.
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None
