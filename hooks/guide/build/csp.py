"""The Content-Security-Policy of the built site: HTML in, policy in every page and host files out.

The guide loads nothing from another host and runs no inline script of its own; only the theme
writes a few small inline scripts into every page. Those are allowed by their SHA-256 hash, so
`script-src` needs no 'unsafe-inline'. The hashes are taken from the built pages themselves, so
a theme upgrade that changes its scripts changes the policy with it. GitHub Pages, where the
guide is published, sends no headers: so every page carries the policy itself, in a <meta>
element (all of it that a meta element can carry), and `_headers` gives the whole policy to the
hosts that read it. Nothing here knows about MkDocs: `write(site_dir)` works on any folder of
built HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from html import escape, unescape
from pathlib import Path
from typing import Iterable, Mapping

# Script types a browser executes; anything else (the theme's `application/json` config) is data
# and needs no hash. https://html.spec.whatwg.org/#javascript-mime-type
_EXECUTED_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5",
}

# Everything comes from the site itself. style-src has no 'unsafe-inline': the theme styles
# elements through the CSSOM (element.style), which CSP does not restrict, and writes no style
# attributes or <style> elements (tests/browser/test_csp_browser.py watches for violations).
# img-src allows data: because the theme's stylesheet draws its icons as data: SVGs.
# frame-ancestors only works as a header, not in a <meta> element.
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'",)),  # plus the hashes of the theme's inline scripts
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
    ("frame-ancestors", ("'none'",)),
)

# Sent with every response besides the policy: no MIME sniffing, and no address of a page of
# the guide travels to another site when a reader follows an external link.
OTHER_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)

POLICY_FILE = "csp.txt"
HEADERS_FILE = "_headers"  # Netlify and Cloudflare Pages read it from the site's root


class CspError(Exception):
    """The pages' inline scripts cannot be covered by one policy for the whole site."""


# A comment, or a script element with its attributes and text. Comments are matched too so that
# a script inside one is skipped; a script's text ends at the first "</script", as in a browser.
# A regular expression rather than html.parser: 0.2 s instead of several for 2,000 pages.
_COMMENT_OR_SCRIPT = re.compile(
    r"<!--.*?-->|<script\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<text>.*?)</script[\s/>]",
    re.I | re.S,
)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): (value or "").strip("\"'") for name, value in _ATTRIBUTE.findall(text)}


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in `html` that a browser would execute, in page order."""
    scripts = []
    for match in _COMMENT_OR_SCRIPT.finditer(html):
        if match.group("text") is None:
            continue  # a comment
        attributes = _attributes(match.group("attrs"))
        # An external script is allowed by 'self'; only inline code needs a hash.
        if "src" not in attributes and attributes.get("type", "").strip().lower() in _EXECUTED_TYPES:
            scripts.append(match.group("text"))
    return scripts


def source_hash(script: str) -> str:
    """The CSP source expression that allows exactly this script: 'sha256-<base64>'.

    The browser hashes the script text after HTML parsing, which turns CR LF and lone CR into
    LF; a page saved with Windows line endings must hash the same way.
    """
    text = script.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_hashes(html: str) -> tuple[str, ...]:
    """The hashes a page needs, sorted and without repeats."""
    return tuple(sorted({source_hash(s) for s in inline_scripts(html)}))


def site_hashes(by_page: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The hashes shared by every page (name -> the hashes it needs).

    Every page must carry the same inline scripts: one that differs per page (a per-page base
    URL, say) would need one hash per page in a header that the host sends with every file.
    """
    if not by_page:
        raise CspError("no HTML pages found: build the site first")
    usual, _ = Counter(by_page.values()).most_common(1)[0]
    odd = sorted(name for name, hashes in by_page.items() if hashes != usual)
    if odd:
        listed = "\n".join(
            f"  {name}: {', '.join(by_page[name]) or 'no inline scripts'}" for name in odd[:10]
        )
        more = f"\n  ... and {len(odd) - 10} more" if len(odd) > 10 else ""
        raise CspError(
            f"{len(odd)} of {len(by_page)} pages have other inline scripts than the rest "
            f"({', '.join(usual) or 'none'}); one policy cannot cover them without a hash per "
            f"page. Move the script to a file, or keep it identical on every page:\n{listed}{more}"
        )
    return usual


def policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy's text, with `script_hashes` added to script-src."""
    hashes = tuple(script_hashes)
    parts = []
    for name, sources in DIRECTIVES:
        if name == "script-src":
            sources = sources + hashes
        parts.append(" ".join((name,) + sources))
    return "; ".join(parts)


# Directives a browser ignores in a <meta> element (and reports as an error there).
HEADER_ONLY = ("frame-ancestors", "report-uri", "sandbox")


def meta_policy(policy_text: str) -> str:
    """The policy without what only works as a header."""
    return "; ".join(part for part in policy_text.split("; ") if part.split(" ", 1)[0] not in HEADER_ONLY)


_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)


def with_meta(html: str, policy_text: str) -> str:
    """The page with the policy as the first thing after its charset (or its <head>): a policy
    only covers what comes after it in the page."""
    found = _CHARSET.search(html) or _HEAD.search(html)
    if found is None:
        raise CspError("a page has no <head> to put the policy in")
    content = escape(meta_policy(policy_text), quote=False).replace('"', "&quot;")
    tag = f'\n<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: found.end()] + tag + html[found.end():]


def headers_file(policy_text: str) -> str:
    """`_headers` in the Netlify / Cloudflare Pages format: these headers for every path."""
    lines = ["/*", f"  Content-Security-Policy: {policy_text}"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS]
    return "\n".join(lines) + "\n"


def read_headers(text: str) -> list[tuple[str, str]]:
    """The headers a `_headers` file sets for every path ("/*"), as a host reads them."""
    headers, in_block = [], False
    for line in text.splitlines():
        if not line.startswith(" "):
            in_block = line.strip() == "/*"
        elif in_block and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name, value.strip()))
    return headers


def with_own_policy(html: str) -> str:
    """The page with the policy its own inline scripts need. Put into each page as it is
    written, so that no page is read and written a second time; `write` then checks that
    every page's policy is the site's."""
    return with_meta(html, policy(page_hashes(html)))


# A policy `with_meta` put into a page, found near its top (it follows the charset).
_PLACED = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_PLACED_WITHIN = 4096  # characters from the start of a page
_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


def write(site_dir: Path, in_pages: bool = True) -> str:
    """Writes `csp.txt` (the policy on one line) and `_headers` into the built site's root and,
    with `in_pages`, the policy into every page that does not carry it yet.

    Looks at every HTML file below `site_dir`, both languages and the 404 pages included, as the
    host sends the same header with all of them: a page that carries its own policy
    (`with_own_policy`) is only read as far as that policy, any other page is read whole and its
    scripts hashed. Returns the policy.
    """
    by_page, unplaced = {}, {}
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        with path.open(encoding="utf-8") as file:
            placed = _PLACED.search(file.read(_PLACED_WITHIN))
        if placed:
            by_page[name] = tuple(sorted(set(_HASH.findall(unescape(placed.group(1))))))
        else:
            unplaced[name] = path.read_text(encoding="utf-8")
            by_page[name] = page_hashes(unplaced[name])
    text = policy(site_hashes(by_page))
    if in_pages:
        for name, html in unplaced.items():
            (site_dir / name).write_text(with_meta(html, text), encoding="utf-8")
    (site_dir / POLICY_FILE).write_text(text + "\n", encoding="utf-8")
    (site_dir / HEADERS_FILE).write_text(headers_file(text), encoding="utf-8")
    return text
