"""MkDocs adapter for the My data page: `<!-- my-data -->` becomes the component that lists,
exports and deletes what the guide keeps on the reader's device (`guide.components.my_data`),
naming each stored checklist and sheet by its title in the language being built."""

from __future__ import annotations

from mkdocs.plugins import event_priority

import page_parts
from guide.components import my_data

# The titles of this language build's checklists and sheets, by storage key. Every page is read
# (on_page_markdown) before any is put into its template (on_page_context).
_titles: dict[str, str] = {}


def on_files(files, config):
    _titles.clear()  # a new language build, or a rebuild of `mkdocs serve`
    return files


def on_page_markdown(markdown, page, config, files):
    _titles.update(my_data.titles(page.meta))
    return markdown


@event_priority(-50)  # after the search plugin (0): see page_parts
def on_page_context(context, page, config, nav):
    if "my-data" not in (page.content or ""):  # nearly every page: spared the placeholder search
        return context
    component = my_data.render(config.theme["language"], _titles)
    before = page.content
    page_parts.put(page, {("my-data", None): component})
    if page.content != before:
        page_parts.add_anchors(page, my_data.DOM_IDS, "the My data component")
    return context
