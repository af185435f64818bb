"""Real builds put the sheet on its page in each language, write each language's blank PDF into
that language's part of the site, and link the page to it; the My data page gets its component
with the titles of that language."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from guide.bilingual.strings import strings
from helpers import ROOT, built_site, make_project, mkdocs_build, page

ORIGIN = "https://gids.example/"
A4 = (595.28, 841.89)

SHEET_NL = """sheet:
  id: voorbereiding
  title: Voorbereiding
  sections:
    - id: doel
      heading: Mijn doel
      prompt: "Lees eerst [de start](index.md)."
      example: "Ik wil dat …"
      lines: 3
    - id: afspraken
      heading: Afspraken
      prompt: Wie doet wat?
      lines: 2
"""
SHEET_EN = (SHEET_NL.replace("title: Voorbereiding", "title: Preparation")
            .replace("Mijn doel", "My goal").replace("Lees eerst [de start]", "Read [the start]")
            .replace("Ik wil dat", "I want").replace("Afspraken", "Agreements").replace("Wie doet wat?", "Who does what?"))

FIXTURE = {
    "index.md": page("Welkom", "Naar [het blad](blad.md) en [mijn gegevens](mijn-gegevens.md)."),
    "index.en.md": page("Welcome", "To [the sheet](blad.md) and [my data](mijn-gegevens.md)."),
    "blad.md": page("Blad", "Ervoor.\n\n<!-- sheet: voorbereiding -->\n\nErna.", SHEET_NL),
    "blad.en.md": page("Sheet", "Before.\n\n<!-- sheet: voorbereiding -->\n\nAfter.", SHEET_EN),
    "mijn-gegevens.md": page("Mijn gegevens", "<!-- my-data -->"),
    "mijn-gegevens.en.md": page("My data", "<!-- my-data -->"),
}

# Built page -> (language, the blank PDF it must link to, sheet title, section headings)
PAGES = {
    "blad.html": ("nl", "downloads/voorbereiding.pdf", "Voorbereiding", ["Mijn doel", "Afspraken"]),
    "en/blad.html": ("en", "en/downloads/preparation.pdf", "Preparation", ["My goal", "Agreements"]),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("sheet"), FIXTURE, ORIGIN)


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def check_pdf(path: Path, lang: str, title: str, headings: list[str]) -> PdfReader:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert 1 <= len(reader.pages) <= 2
    for paper in reader.pages:
        assert (float(paper.mediabox.width), float(paper.mediabox.height)) == pytest.approx(A4, abs=1)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert title in text and all(h in text for h in headings)
    assert reader.metadata.title == title
    assert reader.trailer["/Root"]["/Lang"] == lang
    return reader


@pytest.mark.parametrize("path", PAGES)
def test_each_language_links_its_own_blank_pdf(site, path):
    lang, pdf, title, headings = PAGES[path]
    html = soup(site, path)
    href = html.select_one("form.sheet [data-sheet-pdf]")["href"]
    assert not urlsplit(href).scheme and not href.startswith("/")  # relative: works from any host
    resolved = urlsplit(urljoin(ORIGIN + path, href)).path.lstrip("/")
    assert resolved == pdf
    reader = check_pdf(site / resolved, lang, title, headings)
    assert len(reader.pages) == 1


@pytest.mark.parametrize("path", PAGES)
def test_the_sheet_sits_where_the_placeholder_was(site, path):
    lang, _, title, headings = PAGES[path]
    article = soup(site, path).select_one("article.md-content__inner")
    children = [c for c in article.find_all(recursive=False) if c.name in ("p", "form")]
    assert [c.name for c in children] == ["p", "form", "p"]
    form = children[1]
    assert form.h2.get_text() == title
    assert [h.get_text() for h in form.select(".sheet__heading")] == headings
    assert [t["data-field"] for t in form.select("textarea")] == ["doel", "afspraken"]
    # A link in a prompt leads to the built page of the same language.
    start = form.select_one("#voorbereiding-doel-prompt a")["href"]
    assert urljoin(ORIGIN + path, start) == ORIGIN + ("" if lang == "nl" else "en/")
    assert "<!-- sheet" not in str(article)


@pytest.mark.parametrize(
    # page,                   language, title of the sheet's storage key
    ("path", "lang", "title"),
    [("mijn-gegevens.html", "nl", "Voorbereiding"), ("en/mijn-gegevens.html", "en", "Preparation")],
)
def test_my_data_page_names_stored_data_in_its_language(site, path, lang, title):
    root = soup(site, path).select_one("[data-my-data]")
    [place] = json.loads(root["data-my-data-places"])
    assert place == {"key": "sheet:voorbereiding", "title": title, "href": "blad.html#voorbereiding"}
    assert root["data-i18n-empty"] == {
        "nl": "Op dit apparaat staat nog niets van deze gids.",
        "en": "Nothing from this guide is stored on this device yet.",
    }[lang]


def test_the_guides_own_sheet_builds_into_one_page_pdfs(tmp_path):
    """The real pages (every docs/*.md, with a nav of them all) build with both PDFs."""
    pages = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}
    project = make_project(tmp_path, pages)
    result = mkdocs_build(project, site_url=ORIGIN)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for path, lang, pdf, title in [
        ("gespreksvoorbereiding.html", "nl", "downloads/gespreksvoorbereiding.pdf", "Gespreksvoorbereiding"),
        ("en/gespreksvoorbereiding.html", "en", "en/downloads/conversation-preparation.pdf", "Conversation preparation"),
    ]:
        form = soup(site, path).select_one("form.sheet")
        headings = [h.get_text() for h in form.select(".sheet__heading")]
        assert len(headings) == 10
        assert urlsplit(urljoin(ORIGIN + path, form.select_one("[data-sheet-pdf]")["href"])).path == "/" + pdf
        assert len(check_pdf(site / pdf, lang, title, headings).pages) == 1
        # The form's title is a heading of the page: it is in the page's table of contents too.
        toc = [a["href"] for a in soup(site, path).select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")]
        assert toc == ["#zo-gebruik-je-het", "#gespreksvoorbereiding", "#na-het-gesprek", "#volgende-stap"]


def test_a_rebuild_takes_the_pdfs_from_the_cache_until_the_sheet_changes(tmp_path):
    project = make_project(tmp_path, FIXTURE)
    made = re.compile(r"pdf: made the blank PDF (\S+)")
    first = mkdocs_build(project, site_url=ORIGIN)
    assert sorted(made.findall(first.stderr)) == ["downloads/voorbereiding.pdf", "en/downloads/preparation.pdf"]
    pdf = project / "site" / "downloads" / "voorbereiding.pdf"
    built = pdf.read_bytes()
    pdf.unlink()

    again = mkdocs_build(project, site_url=ORIGIN)
    assert again.returncode == 0 and made.findall(again.stderr) == []
    assert pdf.read_bytes() == built  # the same bytes, now from .cache/

    # A damaged entry (a disk that filled up) is made again, not copied into the site.
    for entry in (project / ".cache" / "guide" / "sheets").iterdir():
        entry.write_bytes(entry.read_bytes()[:500])
    repaired = mkdocs_build(project, site_url=ORIGIN)
    assert len(made.findall(repaired.stderr)) == 2
    assert pdf.read_bytes() == built

    blad = project / "docs" / "blad.md"
    blad.write_text(blad.read_text(encoding="utf-8").replace("Wie doet wat?", "Wie doet wat, en wanneer?"), encoding="utf-8")
    changed = mkdocs_build(project, site_url=ORIGIN)
    assert made.findall(changed.stderr) == ["downloads/voorbereiding.pdf"]  # the English sheet did not change
    assert "Wie doet wat, en wanneer?" in check_pdf(pdf, "nl", "Voorbereiding", ["Mijn doel"]).pages[0].extract_text()


def _second_sheet(sheet_front: str, sheet_id: str, title: str, extra_sections: int = 0) -> str:
    front = re.sub(r"id: voorbereiding\n  title: \w+", f"id: {sheet_id}\n  title: {title}", sheet_front)
    return front + "".join(f"    - id: extra-{n}\n      heading: Extra {n}\n      prompt: Extra?\n      lines: 8\n"
                           for n in range(extra_sections))


def test_a_sheet_too_long_for_paper_fails_the_build_naming_its_file_and_line(tmp_path):
    pages = {**FIXTURE,
             "blad-2.md": page("Blad 2", "<!-- sheet: nabespreking -->",
                               _second_sheet(SHEET_NL, "nabespreking", "Nabespreking", extra_sections=14)),
             "blad-2.en.md": page("Sheet 2", "<!-- sheet: nabespreking -->",
                                  _second_sheet(SHEET_EN, "nabespreking", "Debrief", extra_sections=14))}
    result = mkdocs_build(make_project(tmp_path, pages), site_url=ORIGIN)
    assert result.returncode != 0
    assert re.search(r"docs/blad-2\.md:3: sheet: sheet 'nabespreking' \(nl\) needs \d A4 pages; at most 2", result.stderr)


@pytest.mark.parametrize(("index", "lang", "title", "heading"), [
    ("search/search_index.json", "nl", "Voorbereiding", "Mijn doel"),
    ("en/search/search_index.json", "en", "Preparation", "My goal"),
])
def test_the_sheet_has_one_search_entry_that_leads_to_the_form(site, index, lang, title, heading):
    docs = json.loads((site / index).read_text(encoding="utf-8"))["docs"]
    [entry] = [d for d in docs if d["location"] == "blad.html#voorbereiding"]
    assert entry["title"] == title and heading in entry["text"]
    interface = [strings(lang, "sheet")[key] for key in ("print", "pdf_a4", "delete", "new", "no_script")]
    assert not any(words in d["text"] for d in docs for words in interface)
