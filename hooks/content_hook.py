"""MkDocs adapter for the content model: checks every page's front matter before anything is
rendered, and tells readers of an outdated translation that the Dutch page is newer.

The rules live in `guide.content.checks` (one page) and `guide.content.consistency` (across pages); this module
only feeds them the files and turns their problems into a failed build or warnings.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from guide.build import cache
from guide.content import consistency
from guide.content import inline
from guide.bilingual import locales
from guide.content import checks as model
from guide.content import translations
log = get_plugin_logger("content")

# Dutch source text by source path, for the translation notice (read once per build).
_sources: dict[str, str] = {}


@event_priority(20)  # first: other hooks read front matter only after it passed; and before the
# i18n plugin (-100) drops the other language's files
def on_files(files, config):
    if config.plugins["i18n"].current_language != locales.DEFAULT.code:
        return files  # both languages' files were checked in the first (Dutch) build
    # Reading and checking 2,000 pages' front matter takes longer than the rest of the hooks'
    # work: keep the pages that passed and the texts' conversions between builds (.cache/guide/),
    # so that only edited pages are read and checked again.
    kept = cache.folder(Path(config.config_file_path).parent)
    inline.CONVERSIONS.keep_in(kept)
    model.CHECKS.keep_in(kept)
    docs = model.docs_folder(config.docs_dir)
    pages = [
        model.check_page(f.src_uri, f.content_string, docs_dir=docs)
        for f in files.documentation_pages()
    ]
    problems = [p for page in pages for p in page.problems]
    if not any(p.severity == "error" for p in problems):
        problems += consistency.check_pages(pages)
    for warning in (p for p in problems if p.severity == "warning"):
        log.warning(str(warning))
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        count = f"{len(errors)} problem{'s' if len(errors) > 1 else ''}"
        raise PluginError(f"The front matter has {count}:\n" + "\n".join(errors))
    _sources.clear()
    _sources.update({f.src_uri: f.content_string for f in files.documentation_pages()
                     if locales.locale_of(f.src_uri) == locales.DEFAULT.code})
    _log_translation_state(pages)
    return files


def _log_translation_state(pages) -> None:
    for page in pages:
        locale = locales.locale_of(page.src_uri)
        if locale == locales.DEFAULT.code:
            continue
        state = translations.status(_sources.get(locales.source_of(page.src_uri), ""), page.data)
        if state != translations.CURRENT:
            log.info(f"{page.file}: translation {translations.LABELS[state]} (make translations)")


def on_post_build(config):
    inline.CONVERSIONS.save()
    model.CHECKS.save()


def on_page_markdown(markdown, page, config, files):
    if page.file.locale == locales.DEFAULT.code:
        return markdown
    source = locales.source_of(page.file.src_uri)
    state = translations.status(_sources.get(source, ""), page.meta)
    if state == translations.CURRENT:
        return markdown
    own = locales.page_path(source, page.file.locale) or "./"
    dutch = posixpath.relpath(locales.page_path(source, locales.DEFAULT.code) or ".", posixpath.dirname(own) or ".")
    return _after_title(markdown, _notice(dutch))


def _notice(dutch_url: str) -> str:
    # Raw HTML for the link: it leads to a built page of the other language, which MkDocs'
    # link checker (working on this language's files) would call unrecognised.
    return (
        '!!! note "This translation may be behind"\n'
        "    The Dutch version of this page has changed since this translation was last updated. "
        f'<a href="{dutch_url}" hreflang="nl" lang="nl">Read the Dutch page</a> for the newest text.\n'
    )


def _after_title(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: n + 1] + ["", block] + lines[n + 1 :])
    return block + "\n" + markdown
