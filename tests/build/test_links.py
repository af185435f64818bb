"""No dead link and no hidden dependency on another host: the real guide, built and served over
HTTP, crawled from both home pages through every same-origin href and src (pages, stylesheets
and what they load, scripts, images, downloads). Links to other sites are allowed only where
the guide's own text writes them, and only over https."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from helpers import ROOT, mkdocs_build
from site_server import free_port, serving

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Addresses written in the guide's Markdown: the only external links a page may carry.
_WRITTEN_URL = re.compile(r"https?://[^\s)<>\"'\]]+")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_LINKING = {"href", "src", "srcset", "data", "poster", "action"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name not in _LINKING or not value:
                continue
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            self.links += [(tag, url.strip()) for url in urls]


def links_in(body: str, content_type: str) -> list[tuple[str, str]]:
    if content_type.startswith("text/html"):
        parser = _Links()
        parser.feed(body)
        return parser.links
    if content_type.startswith("text/css"):
        return [("css", a or b) for a, b in _CSS_URL.findall(body)]
    return []


def fetch(url: str) -> tuple[int, str, str]:
    """(status, content type, text for HTML and CSS) of `url`."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get_content_type()
            text = response.read().decode("utf-8") if kind in ("text/html", "text/css") else ""
            return response.status, kind, text
    except urllib.error.HTTPError as error:
        return error.code, "", ""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The guide built for and served at a local address: (origin, site_dir)."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = tmp_path_factory.mktemp("links-site")
    result = mkdocs_build(ROOT, site_url=origin + "/", site_dir=site_dir)
    assert result.returncode == 0, result.stderr[-4000:]
    with serving(site_dir, port):
        yield origin, site_dir


def crawl(origin: str, starts: list[str]):
    """Follows every same-origin link from `starts`. Returns (statuses of every URL fetched,
    other-origin links as (page, tag, url), the pages each URL was linked from)."""
    statuses: dict[str, int] = {}
    external: list[tuple[str, str, str]] = []
    linked_from: dict[str, set[str]] = {}
    queue = list(starts)
    while queue:
        url = queue.pop()
        if url in statuses:
            continue
        status, kind, body = fetch(url)
        statuses[url] = status
        for tag, link in links_in(body, kind):
            target, _ = urldefrag(urljoin(url, link))
            scheme = urlsplit(target).scheme
            if scheme in ("data", "mailto", "tel"):
                continue
            if scheme in ("http", "https") and not target.startswith(origin + "/"):
                external.append((url, tag, urljoin(url, link)))
                continue
            linked_from.setdefault(target, set()).add(url)
            if target not in statuses:
                queue.append(target)
    return statuses, external, linked_from


def written_external_links() -> set[str]:
    return {m.rstrip(".,;:") for f in (ROOT / "docs").rglob("*.md") for m in _WRITTEN_URL.findall(f.read_text(encoding="utf-8"))}


def test_every_link_resolves_and_none_leaves_the_site_unasked(served):
    origin, site_dir = served
    statuses, external, linked_from = crawl(origin, [origin + "/", origin + "/en/"])

    broken = sorted(f"{status} {url} (linked from {', '.join(sorted(linked_from.get(url, {'start'})))})"
                    for url, status in statuses.items() if status >= 400)
    assert not broken, "broken links:\n" + "\n".join(broken)

    # Resources (styles, scripts, images) must never come from elsewhere; links in the text may,
    # where an author wrote them, over https, and so may each page's links to its own source.
    allowed = written_external_links()
    repo = re.search(r"^repo_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    unwanted = sorted({f"{page}: <{tag}> {url}" for page, tag, url in external
                       if tag != "a" or not url.startswith("https://")
                       or (url not in allowed and url != repo and not url.startswith(repo.rstrip("/") + "/"))})
    listed = "\n".join(sorted({f"{page}: <{tag}> {url}" for page, tag, url in external})) or "(none)"
    assert not unwanted, ("links to other hosts that the guide's text does not make:\n"
                          + "\n".join(unwanted) + "\n\nall external links found:\n" + listed)

    # Every page in the sitemap can be reached by following links from a home page.
    sitemap = ET.parse(site_dir / "sitemap.xml").getroot()
    pages = {loc.text for loc in sitemap.findall("s:url/s:loc", SITEMAP)}
    assert len(pages) >= 20 and origin + "/en/" in pages
    assert sorted(pages - set(statuses)) == []
    # The crawl did reach past the pages: stylesheets, scripts, images.
    for suffix in (".css", ".js", ".svg"):
        assert any(url.endswith(suffix) for url in statuses), f"no {suffix} file was linked"


@pytest.mark.parametrize(
    # (built HTML,                                         links the crawl follows)
    ("body", "kind", "expected"),
    [
        ('<a href="x.html#a">x</a><img src="i.svg" srcset="i.svg 1x, j.svg 2x">', "text/html",
         [("a", "x.html#a"), ("img", "i.svg"), ("img", "i.svg"), ("img", "j.svg")]),
        ('<link rel="stylesheet" href="s.css"><script src="s.js"></script><a>no link</a>', "text/html",
         [("link", "s.css"), ("script", "s.js")]),
        ('a{background:url("../i.png")} b{mask:url(data:image/svg+xml;x)} @import "t.css";', "text/css",
         [("css", "../i.png"), ("css", "data:image/svg+xml;x"), ("css", "t.css")]),
        ("var a = '<a href=\"x\">'", "application/javascript", []),
    ],
)
def test_links_in(body, kind, expected):
    assert links_in(body, kind) == expected
