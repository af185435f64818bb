"""MkDocs adapter for the My data page: `<!-- my-data -->` becomes the component that lists,
exports and deletes what the guide keeps on the reader's device (`guide.components.my_data`),
naming each stored checklist and sheet by its title in the language being built, in the order
of the navigation, with a link to its place."""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

import page_parts
from guide.components import my_data

# This language build's checklists and sheets: (key, title, page URL, anchor), and the pages'
# order in the navigation. Every page is read (on_page_markdown) before any is put into its
# template (on_page_context).
_places: list[tuple[str, str, str, str]] = []
_order: dict[str, int] = {}


def on_files(files, config):
    _places.clear()  # a new language build, or a rebuild of `mkdocs serve`
    _order.clear()
    return files


def on_nav(nav, config, files):
    _order.update((page.url, number) for number, page in enumerate(nav.pages))
    return nav


def on_page_markdown(markdown, page, config, files):
    _places.extend((key, title, page.url, anchor) for key, title, anchor in my_data.places(page.meta))
    return markdown


@event_priority(-50)  # after the search plugin (0): see page_parts
def on_page_context(context, page, config, nav):
    if "my-data" not in (page.content or ""):  # nearly every page: spared the placeholder search
        return context
    # sorted() is stable: a page's own records keep their order.
    in_order = sorted(_places, key=lambda place: _order.get(place[2], len(_order)))
    places = [{"key": key, "title": title, "href": f"{get_relative_url(url, page.url)}#{anchor}"}
              for key, title, url, anchor in in_order]
    component = my_data.render(page_parts.locale(config), places)
    before = page.content
    page_parts.put(page, {("my-data", None): component})
    if page.content != before:
        page_parts.add_anchors(page, my_data.DOM_IDS, "the My data component")
    return context
