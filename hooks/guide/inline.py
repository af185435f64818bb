"""Inline Markdown in front-matter text (checklist items, hints, sheet prompts), made safe.

Contributors write `**bold**`, `*italics*`, `` `code` `` and links in these fields. The result is
rendered with Python-Markdown and then cleaned with nh3 (Ammonia): only inline formatting and
links survive; raw HTML, scripts, event handlers and `javascript:` URLs never reach the page.
Escaping before rendering would not be enough: Markdown itself can produce a `javascript:` link.
"""

from __future__ import annotations

import html
import re
from typing import Callable
from urllib.parse import urlsplit

import markdown
import nh3

ALLOWED_TAGS = {"a", "strong", "em", "code", "br", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# One converter each, reset between texts: building a Markdown instance per text was most of
# the time the checklist and sheet hooks took (bench/RESULTS.md).
_SMART = markdown.Markdown(extensions=["smarty"], output_format="html")
_PLAIN = markdown.Markdown(output_format="html")


def render(text: str, resolve_link: Callable[[str], str] | None = None) -> str:
    """HTML for one line of inline Markdown, without the surrounding paragraph.

    `resolve_link` maps each link target (for example `stap-1.md#doel`) to the URL the page
    should use; it runs before cleaning, so a resolved URL is checked like any other.
    """
    rendered = _SMART.reset().convert(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
        attribute_filter=_link_filter(resolve_link),
    ).strip()


def _link_filter(resolve_link):
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if resolve_link is not None and tag == "a" and attribute == "href":
            return resolve_link(value)
        return value

    return keep


def problems(text: str) -> list[str]:
    """Why a text would lose content when cleaned: raw HTML, or a link with an unsafe scheme.

    The validator reports these so that a contributor learns why something vanished; the
    cleaning in `render` protects the page either way.
    """
    found = []
    outside_code = _CODE_SPAN.sub("", text)
    if _RAW_HTML.search(outside_code):
        found.append("raw HTML is not allowed; use Markdown (**bold**, *italics*, [links](page.md))")
    rendered = _PLAIN.reset().convert(text)
    for href in _HREF.findall(rendered):
        scheme = urlsplit(html.unescape(href)).scheme.lower()
        if scheme and scheme not in ALLOWED_SCHEMES:
            found.append(f"link to '{html.unescape(href)}' is not allowed: only http, https, mailto and pages")
    return found


_CODE_SPAN = re.compile(r"`[^`]*`")
_RAW_HTML = re.compile(r"<[A-Za-z!/?]")
_HREF = re.compile(r'href="([^"]*)"')


def plain(text: str) -> str:
    """The text a reader sees, without any markup (for PDFs, titles, aria labels)."""
    return html.unescape(nh3.clean(render(text), tags=set(), strip_comments=True))
