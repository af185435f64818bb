"""The build cache of blank PDFs: entries named by all their inputs, read afresh, never served damaged."""

from __future__ import annotations

import pytest

from guide.build import cache
from guide.components import sheet, sheet_pdf


def test_a_key_changes_with_every_part_and_with_where_parts_split():
    assert cache.key("ab", "c") == cache.key("ab", "c")
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key("ab", "c") != cache.key("ab", "d")
    assert cache.key("ab", b"c") == cache.key("ab", "c")


def test_what_is_put_is_read_back_whole(tmp_path):
    store = cache.Cache(tmp_path / "store", ".bin")
    assert store.get("k") is None
    store.put("k", b"data")
    assert store.get("k") == b"data"
    assert [p.name for p in (tmp_path / "store").iterdir()] == ["k.bin"]  # no temporary left


@pytest.fixture
def pdfs(tmp_path):
    return cache.Cache(tmp_path, ".pdf", sheet_pdf.is_whole)


def test_a_pdf_cut_short_is_not_served(pdfs, tmp_path):
    pdfs.put("k", b"%PDF-1.7\n...half a file")
    assert pdfs.get("k") is None
    pdfs.put("k", b"%PDF-1.7\n...\n%%EOF\n")
    assert pdfs.get("k") == b"%PDF-1.7\n...\n%%EOF\n"


SHEET = {"id": "blad", "title": "Blad", "sections": [
    {"id": "doel", "heading": "Mijn doel", "prompt": "Wat wil je bereiken?", "lines": 3},
    {"id": "afspraken", "heading": "Afspraken", "prompt": "Wie doet wat?", "lines": 2},
]}


@pytest.mark.parametrize(
    # what changes, the arguments with that change (the base: SHEET, nl, Gids, g.example)
    ("change", "arguments"),
    [
        ("a prompt",  ({**SHEET, "sections": [{**SHEET["sections"][0], "prompt": "Waarom?"}, SHEET["sections"][1]]}, "nl", "Gids", "https://g.example/")),
        ("the lines", ({**SHEET, "sections": [{**SHEET["sections"][0], "lines": 4}, SHEET["sections"][1]]}, "nl", "Gids", "https://g.example/")),
        ("the locale", (SHEET, "en", "Gids", "https://g.example/")),
        ("the site name", (SHEET, "nl", "Andere gids", "https://g.example/")),
        ("the page address", (SHEET, "nl", "Gids", "https://elders.example/")),
    ],
)
def test_a_sheet_pdfs_key_changes_with_what_is_printed(change, arguments):
    made_by = sheet_pdf.renderer()
    base = sheet_pdf.cache_key(sheet.from_front_matter(SHEET), "nl", "Gids", "https://g.example/", made_by)
    assert base == sheet_pdf.cache_key(sheet.from_front_matter(SHEET), "nl", "Gids", "https://g.example/", made_by)
    data, *rest = arguments
    assert sheet_pdf.cache_key(sheet.from_front_matter(data), *rest, made_by) != base, change


def test_a_key_follows_an_edited_template_within_one_process(tmp_path, monkeypatch):
    """`mkdocs serve` keeps the hooks loaded: a template edited between two builds must give a
    new key, never the one its old text gave."""
    template = tmp_path / "sheet_print.html"
    template.write_text("{{ sheet.title }}", encoding="utf-8")
    assert cache.made_by(str(template)) == ("{{ sheet.title }}",)
    template.write_text("<h1>{{ sheet.title }}</h1>", encoding="utf-8")
    assert cache.made_by(str(template)) == ("<h1>{{ sheet.title }}</h1>",)


def test_a_cache_that_cannot_be_written_says_why_instead_of_failing(tmp_path):
    (tmp_path / "store").write_text("a file where the folder should be")
    error = cache.Cache(tmp_path / "store", ".pdf").put("k", b"%PDF-1.7\n%%EOF")
    assert isinstance(error, OSError)
