"""A built fixture site is correct for readers, search engines and screen readers in both
languages: lang attributes, interface strings, alternates, switcher, sitemaps, 404s, search."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from helpers import MINIMAL, built_site, files_of, make_project, mkdocs_build

ORIGIN = "https://gids.example/"
# Built page file -> (language, its URL, the other language's URL)
PAGES = {
    "index.html": ("nl", ORIGIN, ORIGIN + "en/"),
    "pagina.html": ("nl", ORIGIN + "pagina.html", ORIGIN + "en/pagina.html"),
    "en/index.html": ("en", ORIGIN + "en/", ORIGIN),
    "en/pagina.html": ("en", ORIGIN + "en/pagina.html", ORIGIN + "pagina.html"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("bilingual"), MINIMAL, ORIGIN)


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("path", PAGES)
def test_lang_and_interface_strings(site, path):
    lang, _, _ = PAGES[path]
    html = soup(site, path)
    assert html.html["lang"] == lang
    skip_link = html.select_one("a.md-skip").get_text(strip=True)
    assert skip_link == {"nl": "Naar de inhoud", "en": "Skip to content"}[lang]
    site_name = {"nl": "Samenwerken met klanten", "en": "Working with clients"}[lang]
    assert html.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == site_name
    assert html.select_one('[role="dialog"].md-search')["aria-label"] == {"nl": "Zoeken", "en": "Search"}[lang]


@pytest.mark.parametrize("path", PAGES)
def test_head_alternates_are_absolute_reciprocal_with_x_default(site, path):
    lang, own, other = PAGES[path]
    html = soup(site, path)
    links = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
    nl, en = (own, other) if lang == "nl" else (other, own)
    assert links == {"nl": nl, "en": en, "x-default": nl}
    assert html.select_one('link[rel="canonical"]')["href"] == own


@pytest.mark.parametrize("path", PAGES)
def test_switcher_leads_to_the_same_page_in_the_other_language(site, path):
    lang, own, other = PAGES[path]
    html = soup(site, path)
    switch = {a["hreflang"]: urljoin(own, a["href"]) for a in html.select("a[data-locale-switch]")}
    expected_other = "en" if lang == "nl" else "nl"
    assert switch[expected_other] == other
    assert switch[lang] == own
    assert html.select_one(f'a[data-locale-switch="{lang}"]')["aria-current"] == "page"


def test_navigation_is_localised(site):
    assert [a.get_text(strip=True) for a in soup(site, "en/index.html").select(".md-nav__link")
            if a.get_text(strip=True) in ("Page", "Pagina")] == ["Page"]
    assert [a.get_text(strip=True) for a in soup(site, "index.html").select(".md-nav__link")
            if a.get_text(strip=True) in ("Page", "Pagina")] == ["Pagina"]


def test_a_404_page_in_each_language(site):
    nl, en = soup(site, "404.html"), soup(site, "en/404.html")
    assert nl.html["lang"] == "nl" and en.html["lang"] == "en"
    assert nl.h1.get_text() == "Deze pagina bestaat niet (meer)"
    assert en.h1.get_text() == "This page does not exist (any more)"


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize(("path", "expected"), [("sitemap.xml", list(p[1] for p in PAGES.values())),
                                                ("en/sitemap.xml", [ORIGIN + "en/", ORIGIN + "en/pagina.html"])])
def test_sitemaps_list_pages_with_alternates(site, path, expected):
    root = ET.parse(site / path).getroot()
    urls = {u.find("s:loc", SITEMAP).text: u for u in root.findall("s:url", SITEMAP)}
    assert sorted(urls) == sorted(expected)
    for loc, url in urls.items():
        langs = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
        assert set(langs) == {"nl", "en", "x-default"}
        assert loc in langs.values()


@pytest.mark.parametrize(("path", "lang", "titles"), [
    ("search/search_index.json", "nl", ["Welkom", "Pagina", "Tweede kop"]),
    ("en/search/search_index.json", "en", ["Welcome", "Page", "Second heading"]),
])
def test_one_search_index_per_language(site, path, lang, titles):
    index = json.loads((site / path).read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert [d["title"] for d in index["docs"]] == titles
    locations = [d["location"] for d in index["docs"]]
    assert len(locations) == len(set(locations))
    assert not any(loc.startswith("en/") for loc in locations)


def test_search_words_reach_their_language_s_index_and_a_bad_line_stops_the_build(tmp_path):
    words = {".search-words.nl.txt": "gunning, gunnen, gegund\n", ".search-words.en.txt": "trust, trusted\n"}
    project = make_project(tmp_path / "good", {**MINIMAL, **words})
    assert mkdocs_build(project, site_url=ORIGIN).returncode == 0
    for path, expected in [("search/search_index.json", "gunning gunnen gegund"),
                           ("en/search/search_index.json", "trust trusted")]:
        index = json.loads((project / "site" / path).read_text(encoding="utf-8"))
        assert index["config"]["fields"]["words"] == {"boost": 10.0}
        assert [d.get("words") for d in index["docs"] if d["title"] in ("Tweede kop", "Second heading")] == [expected]
    # A bad line, and the last good site stays as it was: the words are read before MkDocs
    # empties the site folder.
    before = files_of(project / "site")
    (project / "docs" / ".search-words.nl.txt").write_text("# groepen\ngunning\n", encoding="utf-8")
    result = mkdocs_build(project, site_url=ORIGIN)
    assert result.returncode != 0
    assert ("docs/.search-words.nl.txt:2: 'gunning' is one word: a group needs two or more, "
            "separated by commas") in result.stderr
    assert files_of(project / "site") == before


def test_english_pages_point_search_at_the_english_index(site):
    def base(path):
        return json.loads(soup(site, path).select_one("#__config").string)["base"]
    assert base("index.html") == "."
    assert base("en/pagina.html") == "../en/"
    assert base("en/index.html") == "../en/"
