"""MkDocs adapter: the conversation-preparation sheet (form, blank PDF) and the My data page.

The logic lives in `guide.sheet`, `guide.sheet_pdf` and `guide.my_data`; this module only
- replaces `<!-- sheet: <id> -->` with the page's sheet form and `<!-- my-data -->` with the
  My data component, in the page's HTML once Markdown and the search plugin are done with it
  (as hooks/checklist_hook.py does, for the same reasons): the sheet gets one search entry with
  its headings and prompts, and MkDocs' anchor check is told the ids of both;
- writes the blank PDF of each language into that language's part of the site,
  `downloads/<title>.pdf` and `en/downloads/<title>.pdf`, made once and then taken from
  `.cache/guide/sheets/` for as long as its inputs stay the same.
Every event runs once per language: mkdocs-static-i18n builds Dutch at the root, then English
into `en/` from its own on_post_build. Each language's PDF is therefore collected while its
pages are read and written in that same language's on_post_build.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.toc import AnchorLink

import placed_parts
from guide import cache, frontmatter, locales, my_data, sheet, sheet_pdf

log = get_plugin_logger("sheet")

# Per language being built: the blank PDFs to write (site path -> sheet_pdf.render's arguments),
# and the titles of stored keys that the My data page shows. `mkdocs serve` keeps this module
# loaded: every language build starts its own entries afresh in on_files.
_pdfs: dict[str, dict[str, tuple]] = {}
_titles: dict[str, dict[str, str]] = {}


def _locale(config) -> str:
    return config.theme["language"]


@event_priority(10)  # before the i18n plugin filters the files: both versions are still there
def on_files(files, config):
    locale = _locale(config)
    _pdfs[locale] = {}
    # The My data page may be read before the pages it lists: take the titles from the sources.
    _titles[locale] = {}
    for file in files.documentation_pages():
        if locales.locale_of(file.src_uri) == locale:
            _titles[locale].update(my_data.titles(frontmatter.parse(file.content_string).data))
    return files


@event_priority(-50)  # after the search plugin (priority 0): see the module's docstring
def on_page_context(context, page, config, nav):
    # The content model (content_hook.py) has checked the sheet's shape and that the page has
    # exactly one placeholder for it, before any page is read.
    locale = _locale(config)
    content = page.content
    if "sheet" in page.meta and sheet.placeholders(content):
        content = _with_sheet(content, page, config, locale)
    if my_data.has_placeholder(content):
        content = my_data.insert(content, my_data.render(locale, _titles.get(locale, {})))
        placed_parts.add_anchors(page, my_data.DOM_IDS, "the My data component")
    page.content = content
    return context


def _with_sheet(content, page, config, locale):
    model = sheet.from_front_matter(page.meta["sheet"])
    source = locales.source_of(page.file.src_uri)
    page_path = locales.page_path(source, locale)
    pdf_path = sheet_pdf.site_path(model, locale)
    resolve = locales.link_resolver(page.file.src_uri, locale)
    form = sheet.render(model, locale, pdf_href=locales.relative(pdf_path, posixpath.dirname(page_path)),
                        resolve_link=resolve)
    page_url = next(a.href for a in locales.alternates(source, config.site_url or "") if a.locale == locale)
    _pdfs[locale][pdf_path] = (model, locale, config.site_name, page_url)
    placed_parts.add_anchors(page, sheet.dom_ids(model), f"sheet '{model.id}'")
    placed_parts.add_search_entries(config, page, [sheet.search_entry(model, page.url, resolve)])
    _list_in_toc(page, model, content, sheet.PLACEHOLDER.search(content).start())
    return sheet.insert(content, form)


def _list_in_toc(page, model, content, position) -> None:
    """The form's title is one of the page's headings (an h2): list it in the page's table of
    contents, before the first heading that follows it, as Markdown would have."""
    if page.toc is None:
        return
    items = page.toc.items
    # A page with a single h1 holds its h2s as that h1's children.
    siblings = items[0].children if len(items) == 1 and items[0].level == 1 else items
    entry = AnchorLink(escape(model.title, quote=False), model.id, 2)
    after = [n for n, item in enumerate(siblings) if content.find(f'id="{item.id}"') > position]
    siblings.insert(after[0] if after else len(siblings), entry)


def on_post_build(config):
    site = Path(config.site_dir)
    # Beside mkdocs.yml, like the theme's own cache: kept between builds (and by CI), so a PDF
    # is only made again when its sheet, its template or the renderer changed.
    pdfs = cache.Cache(cache.folder(Path(config.config_file_path).parent) / "sheets", ".pdf", sheet_pdf.is_whole)
    for path, sheet_in_locale in _pdfs.get(_locale(config), {}).items():
        try:
            pdf, made = pdfs.get_or_make(sheet_pdf.cache_key(*sheet_in_locale),
                                         lambda: sheet_pdf.render(*sheet_in_locale))
        except sheet_pdf.SheetTooLong as error:
            raise PluginError(f"{path}: {error}") from error
        if made:
            log.info(f"made the blank PDF {path}")
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
