"""Which languages the guide has, and how a page's Dutch and English versions find each other.

Pure functions over source paths and URLs: nothing here knows about MkDocs, so a move to another
engine keeps this module as it is. Pages use the suffix layout: `stap-1.md` is Dutch (the source
language, served at the site root) and `stap-1.en.md` is its English translation (under /en/).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True)
class Locale:
    code: str
    name: str  # the language's own name, as the switcher shows it


DEFAULT = Locale("nl", "Nederlands")
LOCALES: tuple[Locale, ...] = (DEFAULT, Locale("en", "English"))
CODES = tuple(locale.code for locale in LOCALES)


def locale_of(src_uri: str) -> str:
    """The language a source file is written in: `x.en.md` is English, `x.md` Dutch."""
    stem, _ = posixpath.splitext(src_uri)
    suffix = posixpath.splitext(stem)[1].lstrip(".")
    return suffix if suffix in CODES and suffix != DEFAULT.code else DEFAULT.code


def source_of(src_uri: str) -> str:
    """The Dutch source file that `src_uri` is (a version of): `x.en.md` -> `x.md`."""
    locale = locale_of(src_uri)
    if locale == DEFAULT.code:
        return src_uri
    stem, ext = posixpath.splitext(src_uri)
    return stem[: -len(locale) - 1] + ext


def translation_of(source_uri: str, locale: str) -> str:
    """The file that holds `locale`'s version of a Dutch page: `x.md`, "en" -> `x.en.md`."""
    if locale == DEFAULT.code:
        return source_uri
    stem, ext = posixpath.splitext(source_uri)
    return f"{stem}.{locale}{ext}"


def missing_translations(src_uris: list[str]) -> list[tuple[str, str]]:
    """Pairs (existing file, missing file) for every Markdown page lacking a language version.

    Works in both directions: an English page without its Dutch source is as wrong as a Dutch
    page without a translation.
    """
    pages = {uri for uri in src_uris if uri.endswith(".md")}
    sources = sorted({source_of(uri) for uri in pages})
    missing = []
    for source in sources:
        versions = [translation_of(source, locale.code) for locale in LOCALES]
        present = [v for v in versions if v in pages]
        missing += [(present[0], v) for v in versions if v not in pages]
    return missing


def page_path(source_uri: str, locale: str) -> str:
    """The site-relative URL path of a page in a locale, with `index.html` left off.

    `stap-1.md`, "en" -> `en/stap-1.html`; `index.md`, "nl" -> `` (the site root).
    """
    stem = posixpath.splitext(source_uri)[0]
    path = "" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else f"{stem}.html"
    prefix = "" if locale == DEFAULT.code else f"{locale}/"
    return prefix + path


@dataclass(frozen=True)
class Alternate:
    locale: str
    name: str
    href: str  # absolute URL


def alternates(source_uri: str, site_url: str) -> list[Alternate]:
    """The page in every language, as absolute URLs: what hreflang and the switcher need."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    # A page path is relative, with no dot segments, query or fragment: what urljoin would make of
    # it is the two joined, at a hundredth of its cost (every page asks for its alternates).
    return [Alternate(locale.code, locale.name, base + page_path(source_uri, locale.code)) for locale in LOCALES]


def public_url(source_uri: str, locale: str, site_url: str) -> str:
    """The page's absolute address in `locale`: what paper (the sheets) prints."""
    return next(a.href for a in alternates(source_uri, site_url) if a.locale == locale)


def locale_root(locale: str) -> str:
    """Where a locale's part of the site starts, relative to the site root."""
    return "" if locale == DEFAULT.code else f"{locale}/"


def relative(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for two paths inside the site, without asking the file
    system for the working directory: a large guide resolves tens of thousands of links."""
    target = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


def link_resolver(page_src_uri: str, locale: str) -> Callable[[str], str]:
    """Maps a link written in an item (`stap-3-gesprek.md#fase-1`) to the URL it has on the page
    `page_src_uri` as built in `locale` (`stap-3-gesprek.html#fase-1`).

    Pages link to the Dutch or the translated file name alike; the link always stays within the
    language being built. Other relative files (images) are shared by both languages at the site
    root. External links, absolute paths and bare anchors pass through unchanged (and unsafe
    schemes are dropped later by `inline.render`).
    """
    source = source_of(page_src_uri)
    own_path = page_path(source, locale)
    here = posixpath.dirname(own_path)

    def resolve_once(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return href
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), parts.path))
        if target.startswith("../"):
            return href  # outside the docs: nothing to resolve it against
        if target.endswith(".md"):
            path = page_path(source_of(target), locale)
            if path == own_path and parts.fragment:
                return "#" + parts.fragment
        else:
            path = target
        url = relative(path, here)
        if path == "" or path.endswith("/"):
            url = "./" if url == "." else url + "/"
        return urlunsplit(("", "", url, parts.query, parts.fragment))

    resolved: dict[str, str] = {}  # a page often shows a text twice: on the page and in search

    def resolve(href: str) -> str:
        if href not in resolved:
            resolved[href] = resolve_once(href)
        return resolved[href]

    return resolve
