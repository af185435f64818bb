"""What a reader of either language meets: the switcher keeps them on the page, search stays
in their language, and no page loads anything from elsewhere or logs an error."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from browser_support import WATCH_VIOLATIONS, search

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def all_pages(site) -> list[str]:
    origin, site_dir = site
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    return [loc.text for loc in root.findall("s:url/s:loc", SITEMAP)]


def test_every_page_loads_cleanly_and_only_from_this_site(watched, site):
    """Every page of both languages and both 404 pages, as GitHub Pages serves them: the
    session's server sends no headers, so the policy in each page is the only one there is.
    No console error, nothing from another host, no missing file and no policy violation."""
    origin, site_dir = site
    pages = all_pages(site)
    assert len(pages) >= 20
    built = {"/" + p.relative_to(site_dir).as_posix().removesuffix("index.html") for p in site_dir.rglob("*.html")}
    listed = {"/" + url.split("/", 3)[3] for url in pages}
    assert built - listed == {"/404.html", "/en/404.html"}  # the crawl below misses no page
    watched.page.context.add_init_script(WATCH_VIOLATIONS)
    for url in pages + [origin + "/404.html", origin + "/en/404.html"]:
        response = watched.page.goto(url, wait_until="networkidle")
        assert "content-security-policy" not in response.headers
        assert watched.page.evaluate("window.__violations") == [], url
    assert watched.external_requests == []
    assert watched.console_errors == []
    assert [r for r in watched.bad_responses if not r.endswith("404.html")] == []


@pytest.mark.parametrize(
    # start page,                 switcher entry, expected page
    ("start", "target", "expected"),
    [
        ("/stap-1-richting.html", "en", "/en/stap-1-richting.html"),
        ("/en/stap-1-richting.html", "nl", "/stap-1-richting.html"),
        ("/", "en", "/en/"),
        ("/en/woordenlijst.html", "nl", "/woordenlijst.html"),
        ("/gespreksvoorbereiding.html", "en", "/en/gespreksvoorbereiding.html"),
    ],
)
def test_language_switcher_stays_on_the_same_page(watched, site, start, target, expected):
    origin, _ = site
    page = watched.page
    page.goto(origin + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a[data-locale-switch="{target}"]').click()
    page.wait_for_load_state()
    assert page.url == origin + expected
    assert page.locator("html").get_attribute("lang") == target


def test_a_missing_page_shows_the_404_of_its_language(watched, site):
    origin, _ = site
    watched.page.goto(origin + "/en/bestaat-niet.html")
    assert watched.page.locator("html").get_attribute("lang") == "en"
    assert watched.page.locator("h1").inner_text() == "This page does not exist (any more)"
    watched.page.goto(origin + "/bestaat-niet.html")
    assert watched.page.locator("h1").inner_text() == "Deze pagina bestaat niet (meer)"


@pytest.mark.parametrize(
    # page to search from,  query,      every result lies under,  page that must be found
    ("start", "query", "prefix", "expected"),
    [
        ("/en/", "goodwill", "/en/", "/en/stap-2-vertrouwen.html"),
        ("/", "gunning", "/", "/stap-2-vertrouwen.html"),
        ("/en/stap-3-gesprek.html", "gunning", "/en/", "/en/stap-2-vertrouwen.html"),
    ],
)
def test_search_finds_only_pages_of_the_readers_language(watched, site, start, query, prefix, expected):
    origin, _ = site
    page = watched.page
    page.goto(origin + start)
    hrefs = search(page, query).evaluate_all("links => links.map(a => a.href)")
    links = [urlsplit(href).path + "#" + urlsplit(href).fragment for href in hrefs]
    assert links, "no results"
    wrong = [h for h in links if (prefix == "/en/") != h.startswith("/en/")]
    assert wrong == []
    assert len(links) == len(set(links)), "an entry appears twice"
    assert expected in [h.split("#")[0] for h in links]
    assert watched.console_errors == []


@pytest.mark.parametrize(
    # page to search from, query (a checklist's title), where the checklist's own result leads
    ("start", "query", "target"),
    [
        ("/", "richting kiezen", "/stap-1-richting.html#checklist-kies-je-richting"),
        ("/en/", "choose your direction", "/en/stap-1-richting.html#checklist-kies-je-richting"),
    ],
)
def test_a_checklist_is_found_by_its_title_and_the_result_opens_it(watched, site, start, query, target):
    origin, _ = site
    page = watched.page
    page.goto(origin + start)
    links = search(page, query).evaluate_all("links => links.map(a => a.href)")
    found = [h for h in links if h.endswith(target.split("#")[1]) and target.split("#")[0] in h]
    assert found, links
    page.goto(found[0])
    checklist = page.locator("section#checklist-kies-je-richting")
    checklist.wait_for()
    # It lands on the checklist, not under the sticky header.
    header = page.locator("header.md-header").bounding_box()
    assert checklist.bounding_box()["y"] >= header["y"] + header["height"] - 1
    assert checklist.bounding_box()["y"] < page.viewport_size["height"] / 2
    assert watched.console_errors == []
