"""MkDocs adapter: the conversation-preparation sheet (form, blank PDF) and the My data page.

The logic lives in `guide.components.sheet`, `guide.components.sheet_pdf` and `guide.components.my_data`; this module only
- replaces `<!-- sheet: <id> -->` with the page's sheet form and `<!-- my-data -->` with the
  My data component, in the page's HTML once Markdown and the search plugin are done with it
  (as hooks/checklist_hook.py does, for the same reasons): the sheet gets one search entry with
  its headings and prompts, and MkDocs' anchor check is told the ids of both;
- writes the blank PDF of each language into that language's part of the site,
  `downloads/<title>.pdf` and `en/downloads/<title>.pdf`, made once and then taken from
  `.cache/guide/sheets/` for as long as its inputs stay the same. The PDFs the cache lacks are
  started in on_files, on the machine's other cores (`guide.parallel`), while MkDocs builds the
  pages, and collected when the site is written.
Every event runs once per language: mkdocs-static-i18n builds Dutch at the root, then English
into `en/` from its own on_post_build. Each language's PDFs are therefore found in that
language's on_files and written in its on_post_build.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.toc import AnchorLink

import placed_parts
from guide.build import cache
from guide.bilingual import locales
from guide.components import my_data
from guide import parallel
from guide.components import sheet
from guide.components import sheet_pdf
from guide.content import checks as content_model
log = get_plugin_logger("sheet")


@dataclass
class _Pdfs:
    """One language's blank PDFs: what each is made from and on which page it is declared,
    the ones found in the cache, and the ones being made."""

    cache: cache.Cache
    made_from: dict[str, tuple] = field(default_factory=dict)  # site path -> sheet_pdf.render's arguments
    declared_in: dict[str, content_model.Page] = field(default_factory=dict)  # site path -> its page
    keys: dict[str, str] = field(default_factory=dict)  # site path -> cache key
    found: dict[str, bytes] = field(default_factory=dict)
    making: parallel.Jobs | None = None

    def start(self) -> int:
        """Looks every PDF up in the cache and starts making the missing ones (on the machine's
        other cores where that pays). Returns how many went to worker processes."""
        for path, made_from in self.made_from.items():
            self.keys[path] = sheet_pdf.cache_key(*made_from)
            found = self.cache.get(self.keys[path])
            if found is not None:
                self.found[path] = found
        self.making = parallel.Jobs(sheet_pdf.render, {path: made_from for path, made_from in self.made_from.items()
                                                       if path not in self.found})
        return self.making.in_workers

    def get(self, path: str) -> tuple[bytes, bool]:
        """The PDF, and whether this build made it (it is then in the cache too)."""
        if path in self.found:
            return self.found[path], False
        try:
            pdf = self.making.result(path)
        except sheet_pdf.SheetTooLong as error:
            raise PluginError(f"{_sheet_in(self.declared_in[path])}: {error}") from error
        self.cache.put(self.keys[path], pdf)
        return pdf, True


def _sheet_in(page: content_model.Page) -> str:
    """Where a problem with a page's sheet is reported, as the content model reports its own:
    `docs/blad.md:3: sheet`."""
    return f"{page.file}:{page.front.key_lines.get(('sheet',), 1)}: sheet"


# Per language being built: its PDFs, and the titles of stored keys that the My data page shows.
# `mkdocs serve` keeps this module loaded: every language build starts its own entries afresh
# in on_files.
_pdfs: dict[str, _Pdfs] = {}
_titles: dict[str, dict[str, str]] = {}


def _locale(config) -> str:
    return config.theme["language"]


@event_priority(10)  # before the i18n plugin filters the files: both versions are still there
def on_files(files, config):
    locale = _locale(config)
    # Beside mkdocs.yml, like the theme's own cache: kept between builds (and by CI), so a PDF
    # is only made again when its sheet, its template or the renderer changed.
    pdfs = _pdfs[locale] = _Pdfs(cache.Cache(cache.folder(Path(config.config_file_path).parent) / "sheets",
                                             ".pdf", sheet_pdf.is_whole))
    # The My data page may be read before the pages it lists: take the titles from the sources.
    _titles[locale] = {}
    for file in files.documentation_pages():
        if locales.locale_of(file.src_uri) != locale:
            continue
        # The content model (content_hook.py) has checked the sheet's shape and that the page
        # has exactly one placeholder for it, so every sheet found here is shown on its page.
        page = content_model.check_page(file.src_uri, file.content_string, content_model.docs_folder(config.docs_dir))
        _titles[locale].update(my_data.titles(page.data))
        if "sheet" in page.data:
            model = sheet.from_front_matter(page.data["sheet"])
            path = sheet_pdf.site_path(model, locale)
            if path in pdfs.declared_in:  # the PDF is named after the title: one would replace the other
                other = pdfs.declared_in[path]
                raise PluginError(f"{_sheet_in(page)}: its blank PDF would be {path}, as the sheet of "
                                  f"{other.file} is: give one of them another title")
            page_url = _page_url(locales.source_of(file.src_uri), locale, config)
            pdfs.made_from[path] = (model, locale, config.site_name, page_url)
            pdfs.declared_in[path] = page
    in_workers = pdfs.start()
    if in_workers:
        log.info(f"making {in_workers} blank PDFs on the machine's other cores")
    return files


def _page_url(source: str, locale: str, config) -> str:
    return next(a.href for a in locales.alternates(source, config.site_url or "") if a.locale == locale)


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
    pdfs = _pdfs.get(_locale(config))
    if pdfs is None:
        return
    for path in pdfs.made_from:
        pdf, made = pdfs.get(path)
        if made:
            log.info(f"made the blank PDF {path}")
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
    pdfs.making.close()


def on_build_error(error):
    # A failed build writes no site: the PDFs no worker has started yet are not needed.
    for pdfs in _pdfs.values():
        if pdfs.making is not None:
            pdfs.making.close()
