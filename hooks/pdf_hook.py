"""MkDocs adapter for the sheets' blank PDFs: each language's sheet is written as an A4 PDF form
into that language's part of the site (`downloads/<title>.pdf`, `en/downloads/<title>.pdf`), made
by `guide.components.sheet_pdf` or taken from `.cache/guide/sheets/` while everything it is made
from stays the same. Every event runs once per language.

The PDF is made when its page is read (on_page_markdown), so that the sheet's link can say how
large it is: its size is left on the page as `page.sheet_pdf_bytes` for hooks/sheet_hook.py,
whose on_page_context comes later for the same page. It is written out with the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

import page_parts
from guide.bilingual import locales
from guide.build import cache
from guide.components import sheet, sheet_pdf
from guide.content import checks

log = get_plugin_logger("pdf")

# This language build's PDFs: site path -> (the page that declares the sheet, the PDF's bytes).
_wanted: dict[str, tuple] = {}
_unkept: list[OSError] = []
_made_by: list[tuple[str, ...]] = []  # sheet_pdf.renderer(), read once per language build


def on_files(files, config):
    _wanted.clear()  # a new language build, or a rebuild of `mkdocs serve`
    _unkept.clear()
    _made_by[:] = [sheet_pdf.renderer()]
    return files


def on_page_markdown(markdown, page, config, files):
    if not page.meta.get("sheet"):
        return markdown
    locale = page_parts.locale(config)
    model = sheet.from_front_matter(page.meta["sheet"])
    path = sheet_pdf.site_path(model, locale)
    if path in _wanted:  # the PDF is named after the title: one would replace the other
        raise PluginError(f"{_where(page, config)}: its blank PDF would be {path}, as the sheet of "
                          f"docs/{_wanted[path][0].file.src_uri} is: give one of them another title")
    page_url = locales.public_url(locales.source_of(page.file.src_uri), locale, config.site_url or "")
    made_from = (model, locale, config.site_name, page_url)
    kept = _cache(config)
    name = sheet_pdf.cache_key(*made_from, _made_by[0])
    pdf = kept.get(name)
    if pdf is None:
        try:
            pdf = sheet_pdf.render(*made_from)
        except sheet_pdf.SheetTooLong as error:
            raise PluginError(f"{_where(page, config)}: {error}") from error
        log.info(f"made the blank PDF {path}")
        unkept = kept.put(name, pdf)
        if unkept is not None:
            _unkept.append(unkept)
    _wanted[path] = (page, pdf)
    page.sheet_pdf_bytes = len(pdf)
    return markdown


def _cache(config) -> cache.Cache:
    return cache.Cache(cache.folder(Path(config.config_file_path).parent) / "sheets", ".pdf", sheet_pdf.is_whole)


def _where(page, config) -> str:
    """`docs/blad.md:3: sheet`, as the content model names places."""
    front = checks.check_page(page.file.src_uri, page.file.content_string).front
    return f"{checks.docs_folder(config.docs_dir)}/{page.file.src_uri}:{front.key_line(('sheet',))}: sheet"


def on_post_build(config):
    for path, (_, pdf) in _wanted.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
    if _unkept:
        # Info, not a warning: --strict would fail a build that is complete and correct.
        log.info(f"could not keep the blank PDFs in {_cache(config).folder} ({_unkept[-1].strerror}): built "
                 "without the cache; the next build makes them again")
