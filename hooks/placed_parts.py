"""What the adapters need for the parts they place into a page's HTML after Markdown and the
theme's search have read it (checklists, the sheet, My data): their ids for MkDocs' anchor
check, and one search entry each. Not a hook itself; hooks/checklist_hook.py and
hooks/sheet_hook.py use it.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError


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
