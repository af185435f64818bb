import xml.etree.ElementTree as ET

from guide.bilingual import sitemap

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(xml: str) -> dict[str, dict[str, str]]:
    root = ET.fromstring(xml)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_language_listed_with_reciprocal_alternates_and_x_default():
    urls = parse(sitemap.render(["index.md", "stap.md"], "https://example.org/", ("nl", "en")))
    assert sorted(urls) == [
        "https://example.org/",
        "https://example.org/en/",
        "https://example.org/en/stap.html",
        "https://example.org/stap.html",
    ]
    expected = {
        "nl": "https://example.org/stap.html",
        "en": "https://example.org/en/stap.html",
        "x-default": "https://example.org/stap.html",
    }
    assert urls["https://example.org/stap.html"] == expected
    assert urls["https://example.org/en/stap.html"] == expected


def test_language_folder_sitemap_lists_only_its_own_pages():
    urls = parse(sitemap.render(["index.md", "stap.md"], "https://example.org/", ("en",)))
    assert sorted(urls) == ["https://example.org/en/", "https://example.org/en/stap.html"]


def test_urls_are_escaped():
    xml = sitemap.render(["a&b.md"], "https://example.org/", ("nl",))
    assert "a&amp;b.html" in xml
    ET.fromstring(xml)
