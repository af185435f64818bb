"""MkDocs adapter for the conversation-preparation sheet on its page: `<!-- sheet: <id> -->`
becomes the form (`guide.components.sheet`), listed in the page's table of contents and found
by search. Its blank PDF is hooks/pdf_hook.py's concern; the link names the size that hook
found."""

from __future__ import annotations

import posixpath
from html import escape

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink

import page_parts
from guide.bilingual import locales
from guide.components import place, sheet, sheet_pdf


@event_priority(-50)  # after the search plugin (0): see page_parts
def on_page_context(context, page, config, nav):
    if not page.meta.get("sheet"):
        return context
    model = sheet.from_front_matter(page.meta["sheet"])
    locale = page_parts.locale(config)
    here = posixpath.dirname(locales.page_path(locales.source_of(page.file.src_uri), locale))
    resolve = locales.link_resolver(page.file.src_uri, locale)
    page_url = locales.public_url(locales.source_of(page.file.src_uri), locale, config.site_url or "")
    form = sheet.render(model, locale, pdf_href=locales.relative(sheet_pdf.site_path(model, locale), here),
                        resolve_link=resolve, site_name=config.site_name, page_url=page_url,
                        pdf_bytes=getattr(page, "sheet_pdf_bytes", None))  # left by pdf_hook
    _list_in_toc(page, model)
    page_parts.put(page, {("sheet", model.id): form})
    page_parts.add_anchors(page, sheet.dom_ids(model), f"sheet '{model.id}'")
    page_parts.add_search_entries(config, page, [sheet.search_entry(model, page.url, resolve)])
    return context


def _list_in_toc(page, model) -> None:
    """The form's title is one of the page's headings (an h2): list it in the page's table of
    contents, before the first heading that follows it, as Markdown would have."""
    if page.toc is None:
        return
    placeholders, _ = place.find(page.content)
    position = next(p.start for p in placeholders if p.key == ("sheet", model.id))
    items = page.toc.items
    # A page with a single h1 holds its h2s as that h1's children.
    siblings = items[0].children if len(items) == 1 and items[0].level == 1 else items
    entry = AnchorLink(escape(model.title, quote=False), model.id, 2)
    after = [n for n, item in enumerate(siblings) if page.content.find(f'id="{item.id}"') > position]
    siblings.insert(after[0] if after else len(siblings), entry)
