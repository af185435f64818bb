"""Inline Markdown in front-matter text (checklist items, hints, sheet prompts), made safe.

Contributors write `**bold**`, `*italics*`, `` `code` `` and links in these fields. A field is one
line of inline Markdown (CommonMark's inline rules, with typographic quotes and dashes): a field
that starts with "1." or "#" stays text, it never becomes a list or a heading. The result is
cleaned with nh3 (Ammonia): only inline formatting and links survive; scripts, event handlers and
`javascript:` URLs never reach the page, whatever the converter's own link check lets through.

Why markdown-it-pyrs (markdown-it compiled from Rust, with the same rules and output as the
Python markdown-it-py this module used before): front matter holds thousands of short texts in a
large guide, and converting them was most of the time our hooks added to a build. Python-Markdown
took about 0.3 ms a text and markdown-it-py 0.1 ms; this takes 0.006 ms (bench/RESULTS.md), so
no text needs a shortcut or a cache.
"""

from __future__ import annotations

import html
import re
from typing import Callable
from urllib.parse import urlsplit

import nh3
from markdown_it_pyrs import MarkdownIt

ALLOWED_TAGS = {"a", "strong", "em", "code", "br", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# Only the inline rules, and no block rule but the paragraph: a field is never a list, a heading,
# a quote, a code block or a link definition, whatever it starts with. Raw HTML stays text, and the
# typographer makes quotes and dashes, as in markdown-it's CommonMark preset with typographer on.
_MARKDOWN = MarkdownIt("zero")
_MARKDOWN.enable_many(
    ["autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline", "replacements", "smartquotes"]
)


def _converted(text: str) -> str:
    """The HTML for one text, before cleaning. Outer white space is dropped first: the rendered
    text is trimmed anyway, and trailing spaces would otherwise become a line break."""
    return _MARKDOWN.render(text.strip()).rstrip("\n")


def render(text: str, resolve_link: Callable[[str], str] | None = None) -> str:
    """HTML for one line of inline Markdown, without the surrounding paragraph.

    `resolve_link` maps each link target (for example `stap-1.md#doel`) to the URL the page
    should use; it runs before cleaning, so a resolved URL is checked like any other.
    """
    converted = _converted(text)
    if resolve_link is not None and 'href="' in converted:
        # The converter writes every attribute in double quotes and escapes quotes inside them
        # (a text's own quotes too), so this finds exactly the link targets.
        converted = _HREF.sub(
            lambda found: f'href="{html.escape(resolve_link(html.unescape(found.group(1))))}"', converted
        )
    return _cleaned(converted)


# Built once: a cleaner made per call (nh3.clean) spends most of its time on its own set-up.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_SCHEMES,
    link_rel="noopener",
    strip_comments=True,
)
_TEXT_ONLY = nh3.Cleaner(tags=set(), strip_comments=True)


def _cleaned(converted: str) -> str:
    return _CLEANER.clean(converted).strip()


def html_text(text: str, resolve_link: Callable[[str], str] | None = None) -> str:
    """What `render` shows of a text, as HTML text: escaped, without tags (for places that show
    HTML text, such as the search index)."""
    return without_tags(render(text, resolve_link))


def without_tags(rendered: str) -> str:
    """HTML that `render` made, as HTML text. nh3 wrote that HTML, so every tag is whole."""
    return _TAG.sub("", rendered)


def problems(text: str) -> list[str]:
    """Why a text would lose content when cleaned: raw HTML, or a link with an unsafe scheme.

    The validator reports these so that a contributor learns why something vanished; the
    cleaning in `render` protects the page either way.
    """
    found = []
    outside_code = _CODE_SPAN.sub("", text)
    if _RAW_HTML.search(outside_code):  # autolinks (<javascript:...>) too
        found.append("raw HTML is not allowed; use Markdown (**bold**, *italics*, [links](page.md))")
    for target in link_targets(outside_code):
        scheme = urlsplit(html.unescape(target)).scheme.lower()
        if scheme and scheme not in ALLOWED_SCHEMES:
            found.append(f"link to '{html.unescape(target)}' is not allowed: only http, https, mailto and pages")
    return found


def link_targets(text: str) -> list[str]:
    """The targets of a text's links, as written (`stap-1.md#doel`), read from the Markdown
    itself: checking a text needs no conversion, which is most of what rendering one costs."""
    return _LINK.findall(text) if "](" in text else []


# `[text](target)` and `[text](<target>)`; a target may hold one level of parentheses.
_LINK = re.compile(r"\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)")


_CODE_SPAN = re.compile(r"`[^`]*`")
_RAW_HTML = re.compile(r"<[A-Za-z!/?]")
_HREF = re.compile(r'href="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


def plain(text: str) -> str:
    """The text a reader sees, without any markup (for PDFs, titles, aria labels)."""
    return html.unescape(_TEXT_ONLY.clean(render(text)))
