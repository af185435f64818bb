"""MkDocs adapter: turns mkdocs-static-i18n's two builds into one correct bilingual site.

The plugin builds Dutch at the root, then runs a second complete build for English from its own
`on_post_build`; every event here therefore runs once per language. What the plugin and the
theme leave wrong is repaired here, with the logic in `guide.bilingual.locales`, `guide.bilingual.search_index` and
`guide.bilingual.sitemap`:
- a page without its other-language version fails the build (no silent fallback), and so does
  an `extra.suggest_email` that is not a bare address (the theme writes it into every page);
- the theme speaks the language being built (`<html lang>`, interface strings);
- head alternates are absolute and reciprocal, with x-default; the switcher stays on the page;
- each language gets its own search index (with the words readers type, long sections in parts),
  sitemap and 404 page; a search that finds nothing offers three pages to start from, and the
  404 page leads to the other language's home, to step 1 and to the sheet.
The second build also reuses the theme templates the first one compiled (`guide.build.compiled`).
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

import page_parts
from guide.bilingual import locales, search_index, sitemap
from guide.bilingual.strings import strings
from guide.build.compiled import Compiled

# Where the 404 page sends a reader besides the home page: the first step and the sheet.
NOT_FOUND_LINKS = ("stap-1-richting.md", "gespreksvoorbereiding.md")

# State shared by the two language builds of one `mkdocs build`. `mkdocs serve` keeps this module
# loaded between rebuilds, so it is reset whenever the Dutch (first) build starts.
_state: dict = {}
_compiled = Compiled()


def _all_languages_built(config) -> bool:
    # The plugin sets `building` while it runs the other languages' builds.
    return not config.plugins["i18n"].building


@event_priority(-110)  # after the i18n plugin has chosen this build's language (-100)
def on_config(config):
    locale = config.plugins["i18n"].current_language
    if locale == locales.DEFAULT.code:
        _check_suggest_email(config)
        _state.clear()
        _state.update(sources=set(), not_found_page=None)
    _state["titles"] = {}
    config.theme["language"] = locale
    return config


# An address and nothing else: the theme writes it into every page's mailto: link unescaped.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _check_suggest_email(config) -> None:
    # The theme takes any key under extra:, so a misspelt one would silently drop the link.
    misspelt = difflib.get_close_matches("suggest_email", [k for k in config.extra if k != "suggest_email"], 1, 0.8)
    if misspelt and "suggest_email" not in config.extra:
        raise PluginError(f"{_config_line(config, misspelt[0])}: extra.{misspelt[0]}: not a setting: did you mean "
                          "suggest_email? (without it, pages have no 'suggest a change' link)")
    address = config.extra.get("suggest_email")
    if not address or isinstance(address, str) and _EMAIL.fullmatch(address):
        return  # none or empty: no "suggest a change" link
    raise PluginError(f"{_config_line(config, 'suggest_email')}: extra.suggest_email: {address!r} is not an e-mail "
                      "address; write the address alone, like redactie@example.org (every page's 'suggest a "
                      "change' link writes to it)")


def _config_line(config, key: str) -> str:
    """`mkdocs.yml:64`: the line where `key` is set."""
    path = Path(config.config_file_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if re.match(rf"\s*{re.escape(key)}\s*:", text)), 1)
    return f"{path.name}:{line}"


def on_pre_build(config):
    # The search words are read before MkDocs empties site_dir, so that a mistake in them leaves
    # the last good site as it was; they are used once every language is built.
    if page_parts.locale(config) != locales.DEFAULT.code:
        return
    _state["search_words"] = {}
    for code in locales.CODES:
        path = search_index.words_path(Path(config.docs_dir), code)
        try:
            _state["search_words"][code] = search_index.read_groups(path, f"docs/{path.name}")
        except search_index.SearchWordsError as error:
            raise PluginError(str(error)) from None


def on_env(env, config, files):
    env.bytecode_cache = _compiled  # set before any page asks for a template
    return env


def on_page_markdown(markdown, page, config, files):
    # The 404 page is rendered before any page is, and every page's search offers three pages
    # when it finds nothing: they name their links by these titles.
    _state["titles"][locales.source_of(page.file.src_uri)] = page.title
    return markdown


@event_priority(10)  # before the i18n plugin filters the files: both versions are still there
def on_files(files, config):
    if page_parts.locale(config) != locales.DEFAULT.code:
        return files
    missing = locales.missing_translations([f.src_uri for f in files.documentation_pages()])
    if missing:
        lines = "\n".join(
            f"  docs/{present}: no {locales.locale_of(absent)} version (expected docs/{absent})"
            for present, absent in missing
        )
        raise PluginError(f"Every page must exist in Dutch and in English:\n{lines}")
    return files


def on_page_context(context, page, config, nav):
    source = locales.source_of(page.file.src_uri)
    _state["sources"].add(source)
    versions = locales.alternates(source, config.site_url)
    _set_alternates(context, config, [(a, locales.page_path(source, a.locale)) for a in versions])
    # MkDocs' canonical ends in index.html; it must be the very URL the hreflang links name.
    page.canonical_url = next(a.href for a in versions if a.locale == page_parts.locale(config))
    _set_search_start(context, config)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        # A 404 page has no counterpart: offer each language's home page instead.
        homes = locales.alternates("index.md", config.site_url)
        _set_alternates(context, config, [(a, locales.locale_root(a.locale)) for a in homes])
        _set_search_start(context, config)
        build = page_parts.locale(config)
        context["not_found"] = {
            "t": strings(build, "not_found"),
            "pages": [{"title": _state["titles"][source], "path": locales.page_path(source, build) or "."}
                      for source in NOT_FOUND_LINKS if source in _state["titles"]],  # a test site may lack them
            "others": [{"locale": a.locale, "path": locales.locale_root(a.locale) or ".",
                        "text": strings(a.locale, "not_found")["in_this_language"]}
                       for a in homes if a.locale != build],
        }
    return context


# Where a search that found nothing sends the reader (overrides/partials/search.html): the first
# step, the preparation sheet and the glossary, in the page's language, titled as the guide titles them.
SEARCH_START = ("stap-1-richting.md", "gespreksvoorbereiding.md", "woordenlijst.md")


def _set_search_start(context, config) -> None:
    locale = page_parts.locale(config)
    titles = _state["titles"]
    context["search_start"] = {
        "text": strings(locale, "search")["start_here"],
        "links": [{"title": titles[source], "path": locales.page_path(source, locale)}
                  for source in SEARCH_START if source in titles],
    }


def _set_alternates(context, config, versions) -> None:
    """Feed the theme's head links (absolute) and our switcher (site-relative paths)."""
    build = page_parts.locale(config)
    config.extra["alternate"] = [{"name": a.name, "link": a.href, "lang": a.locale} for a, _ in versions]
    context["page_alternates"] = [
        {"locale": a.locale, "name": a.name, "path": path or ".", "current": a.locale == build}
        for a, path in versions
    ]
    context["x_default"] = next(a.href for a, _ in versions if a.locale == locales.DEFAULT.code)
    context["locale_root"] = locales.locale_root(build)


@event_priority(0)
def _keep_404_per_language(config):
    # Both builds write site/404.html; keep each language's own under its own root.
    site = Path(config.site_dir)
    not_found = site / "404.html"
    if page_parts.locale(config) == locales.DEFAULT.code:
        _state["not_found_page"] = not_found.read_bytes()
    else:
        target = site / locales.locale_root(page_parts.locale(config)) / "404.html"
        not_found.replace(target)


@event_priority(-110)  # after the i18n plugin (-100) has run the other languages' builds
def _finish_site(config):
    if not _all_languages_built(config):
        return
    site = Path(config.site_dir)
    (site / "404.html").write_bytes(_state["not_found_page"])
    _write_search_indexes(site)
    _write_sitemaps(site, config.site_url)


def _write_search_indexes(site: Path) -> None:
    combined = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for code, index in search_index.split(combined).items():
        index = search_index.finished(index, _state["search_words"][code])
        target = site / locales.locale_root(code) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _write_sitemaps(site: Path, site_url: str) -> None:
    sources = sorted(_state["sources"])
    for code in locales.CODES:
        # The root sitemap lists every language; a language folder's only its own pages.
        listed = locales.CODES if code == locales.DEFAULT.code else (code,)
        xml = sitemap.render(sources, site_url, listed)
        target = site / locales.locale_root(code) / "sitemap.xml"
        target.write_text(xml, encoding="utf-8")
        # mtime=0 keeps the archive byte-identical between builds of the same pages.
        target.with_suffix(".xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))


on_post_build = CombinedEvent(_keep_404_per_language, _finish_site)
