"""The guide's own pages: complete in both languages, one h1 and a sane heading order, and
enough prose (issue: at least 4,000 words per language, the languages within 20%)."""

import re
from pathlib import Path

import pytest

from guide.bilingual import locales
from guide.content import frontmatter

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md"))
DUTCH = [p for p in PAGES if locales.locale_of(p) == "nl"]


def body(page: str) -> str:
    text = frontmatter.parse((DOCS / page).read_text(encoding="utf-8")).body
    return re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # headings in code are not headings


def headings(page: str) -> list[int]:
    return [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", body(page), flags=re.M)]


def words(page: str) -> int:
    text = re.sub(r"<!--.*?-->", " ", body(page), flags=re.S)
    text = re.sub(r"\{[#:.][^}]*\}", " ", text)  # attribute lists
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"^\s*[!?]{3}\+? *\w+", " ", text, flags=re.M)  # admonition markers
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))


def test_every_page_exists_in_both_languages():
    assert [p for p in DUTCH if locales.translation_of(p, "en") not in PAGES] == []
    assert [p for p in PAGES if locales.source_of(p) not in PAGES] == []
    assert len(DUTCH) >= 10


@pytest.mark.parametrize("page", PAGES)
def test_one_h1_and_no_skipped_levels(page):
    levels = headings(page)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert skips == []


@pytest.mark.parametrize("page", [p for p in PAGES if not p.startswith(("index", "mijn-gegevens"))])
def test_each_page_ends_with_a_next_step(page):
    last_h2 = re.findall(r"^## (.+)$", body(page), flags=re.M)[-1]
    assert re.sub(r"\s*\{.*\}$", "", last_h2) in ("Volgende stap", "Next step")


def test_enough_prose_in_each_language_and_the_languages_in_balance():
    nl = sum(words(p) for p in DUTCH)
    en = sum(words(locales.translation_of(p, "en")) for p in DUTCH)
    assert nl >= 4000 and en >= 4000, (nl, en)
    assert abs(nl - en) / max(nl, en) <= 0.20, (nl, en)


def test_sources_are_credited_in_both_languages():
    for page in ("over.md", "over.en.md"):
        text = body(page)
        assert "Donald van der Goes" in text and "Beter Samenwerken" in text
        assert "Samenwerking met klanten" in text
