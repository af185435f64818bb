"""Adds entries to Material's search index for the parts of a page that the hooks place after
the search plugin has read the page (checklists, the sheet): one entry each, with what a reader
would search for, instead of their buttons and notices. Not a hook itself; the adapters use it.
"""

from __future__ import annotations


def add(config, page, entries) -> None:
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
