"""MkDocs adapter for the reader's journey: a step page's `<!-- glance -->` becomes its
at-a-glance line (`guide.components.glance`), and `<!-- progress -->` the overview of every
step's checklists and sheet in navigation order (`guide.components.progress`)."""

from __future__ import annotations

import posixpath

from mkdocs.plugins import event_priority

import page_parts
from guide.bilingual import locales
from guide.components import checklist, glance, progress


@event_priority(-50)  # after the search plugin (0): see page_parts
def on_page_context(context, page, config, nav):
    locale = page_parts.locale(config)
    parts = {}
    if page.meta.get("glance"):
        declared = [checklist.from_front_matter(c) for c in page.meta.get("checklists") or []]
        parts[("glance", None)] = glance.render(page.meta["glance"], declared, locale,
                                                locales.link_resolver(page.file.src_uri, locale))
    if "<!-- progress" in (page.content or ""):  # one page: the others are spared building it
        here = posixpath.dirname(page.url)
        # Every page of this language was read before any is put into its template: their
        # front matter is all there.
        pages = [(p.title, locales.relative(p.url, here) or "./", p.meta) for p in nav.pages]
        parts[("progress", None)] = progress.render(progress.steps(pages), locale)
    if parts:
        page_parts.put(page, parts)
    return context
