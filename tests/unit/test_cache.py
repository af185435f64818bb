"""The build cache: entries named by all their inputs, never served damaged."""

from __future__ import annotations

import pytest

from guide.build import cache
from guide.components import sheet
from guide.components import sheet_pdf
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
    base = sheet_pdf.cache_key(sheet.from_front_matter(SHEET), "nl", "Gids", "https://g.example/")
    assert base == sheet_pdf.cache_key(sheet.from_front_matter(SHEET), "nl", "Gids", "https://g.example/")
    data, *rest = arguments
    assert sheet_pdf.cache_key(sheet.from_front_matter(data), *rest) != base, change


def test_a_memo_is_written_only_when_something_was_added(tmp_path):
    path = tmp_path / "memo.json"
    memo = cache.Memo(path)
    assert memo.get("a") is None
    memo.save()
    assert not path.exists()
    memo.put("a", "1")
    memo.save()
    assert cache.Memo(path).get("a") == "1"


@pytest.mark.parametrize(
    # what the file holds instead of a memo
    "content",
    ['{"a": "1"', "[1, 2]", '{"a": 1}', ""],
)
def test_a_damaged_memo_starts_over(tmp_path, content):
    path = tmp_path / "memo.json"
    path.write_text(content, encoding="utf-8")
    memo = cache.Memo(path)
    assert memo.get("a") is None
    memo.put("b", "2")
    memo.save()
    assert cache.Memo(path).get("b") == "2"


def test_a_memo_past_its_limit_starts_over(tmp_path):
    path = tmp_path / "memo.json"
    full = cache.Memo(path, limit=2)
    for key in "abc":
        full.put(key, key)
    full.save()
    assert cache.Memo(path, limit=2).get("a") is None
    assert cache.Memo(path, limit=3).get("a") == "a"


def test_kept_results_wait_for_a_build_to_say_where_and_are_named_after_their_code(tmp_path):
    code = ["version 1"]
    kept = cache.Kept("renders", lambda: tuple(code))
    kept.put("a", "A")  # not a build (yet): nothing is kept
    assert not kept.active and kept.get("a") is None
    kept.save()
    assert list(tmp_path.iterdir()) == []

    kept.keep_in(tmp_path)
    kept.put("a", "A")
    kept.save()
    [first] = tmp_path.glob("renders-*.json")
    memo = kept.memo
    kept.keep_in(tmp_path)  # the next language of the same build: the same memo
    assert kept.memo is memo and kept.get("a") == "A"

    code[0] = "version 2"  # a changed module or package: a new file, the old one is not read
    kept.keep_in(tmp_path)
    assert kept.memo.path != first and kept.get("a") is None
