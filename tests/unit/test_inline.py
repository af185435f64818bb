"""Inline Markdown in front-matter text: one line of CommonMark, never a block; plain text skips
the converter, and that changes nothing."""

from __future__ import annotations

import re

import pytest

from guide.content import checks, frontmatter, inline
from helpers import ROOT


def texts_of_the_guide() -> list[str]:
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in checks.INLINE_FIELDS and isinstance(inner, str):
                    found.append(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for path in sorted((ROOT / "docs").glob("*.md")):
        walk(frontmatter.parse(path.read_text(encoding="utf-8")).data)
    return found


TRICKY = [
    "Gewoon een zin.", "Plain words, with commas; and a colon: fine", "Is het 50% of 60%?",
    "1. Een lijst", "2) Ook een lijst", "- streepje", "+ plus", "# kop", "> citaat", "    code",
    "tab\tin tekst", "Het klant's belang", 'Zeg "ja"', "Nu -- of nooit", "En dan...", "a & b",
    "a < b", "**vet**", "*schuin*", "_schuin_", "`code`", "[link](stap-1.md)", "![beeld](x.png)",
    "regel  \nregel", "<<pijl>>", "=== kop ===", "a | b", "slash/and(brackets)", "Email me: a@b.nl",
    "Tekst met trailing spaties   ", "2024 was een goed jaar", "€ 40 per uur", "Eén, twee, drie",
    "(c) 2026", "(TM)", "+- 5", "Wat?? Echt", "Zo,, dan", "Twee.. punten", "Ik wil dat…", "‘Ik wil’",
    "a:b;c=d@e%f$g{h}i^j~k", "#hashtag midden", "Lijn\nlijn",
]


@pytest.mark.parametrize("text", texts_of_the_guide() + TRICKY)
def test_a_text_that_skips_the_converter_is_one_it_would_return_unchanged(text):
    """inline.py hands a text without markup straight through: that must be exactly what the
    converter would have made of it, for every text of the guide and every tricky one."""
    if not inline._MARKUP.search(text):
        assert inline._MARKDOWN.renderInline(text) == text


def test_the_guide_has_texts_on_both_paths():
    """Both the shortcut and the converter are exercised by real content, not only by TRICKY."""
    texts = texts_of_the_guide()
    plain = [t for t in texts if not inline._MARKUP.search(t)]
    assert len(texts) > 50 and 0 < len(plain) < len(texts)


def test_links_are_resolved_per_page_and_plain_text_is_shared():
    first = inline.render("Zie [stap 1](stap-1.md).", lambda href: "a/" + href)
    second = inline.render("Zie [stap 1](stap-1.md).", lambda href: "b/" + href)
    assert 'href="a/stap-1.md"' in first and 'href="b/stap-1.md"' in second
    assert inline.render("Na het lezen.", lambda href: "x") == "Na het lezen."
    assert re.fullmatch(r"Het klant&rsquo;s belang|Het klant’s belang", inline.render("Het klant's belang"))


@pytest.mark.parametrize(
    # a field's text,       the HTML it becomes (a field is never a list, a heading or a quote)
    ("text", "html"),
    [
        ("1. Eerst dit", "1. Eerst dit"),
        ("# Geen kop", "# Geen kop"),
        ("> Geen citaat", "&gt; Geen citaat"),
        ("**Vet** en *schuin*", "<strong>Vet</strong> en <em>schuin</em>"),
        ("It's \"fine\" -- really...", "It’s “fine” – really…"),
        ("Zie `<b>` hier", "Zie <code>&lt;b&gt;</code> hier"),
    ],
)
def test_a_field_is_one_line_of_inline_markdown(text, html):
    assert inline.render(text) == html
