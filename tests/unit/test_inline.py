"""Inline Markdown in front-matter text: one line of CommonMark, never a block."""

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


# Texts that could start a block, trip the typographer or hold markup, with the HTML they become
# (written down from markdown-it-py's renderInline, which this module used before).
TRICKY = [
    ('Gewoon een zin.', 'Gewoon een zin.'),
    ('Plain words, with commas; and a colon: fine', 'Plain words, with commas; and a colon: fine'),
    ('Is het 50% of 60%?', 'Is het 50% of 60%?'),
    ('1. Een lijst', '1. Een lijst'),
    ('2) Ook een lijst', '2) Ook een lijst'),
    ('- streepje', '- streepje'),
    ('+ plus', '+ plus'),
    ('# kop', '# kop'),
    ('> citaat', '&gt; citaat'),
    ('    code', 'code'),
    ('tab\tin tekst', 'tab\tin tekst'),
    ("Het klant's belang", 'Het klant’s belang'),
    ('Zeg "ja"', 'Zeg “ja”'),
    ('Nu -- of nooit', 'Nu – of nooit'),
    ('En dan...', 'En dan…'),
    ('a & b', 'a &amp; b'),
    ('a < b', 'a &lt; b'),
    ('**vet**', '<strong>vet</strong>'),
    ('*schuin*', '<em>schuin</em>'),
    ('_schuin_', '<em>schuin</em>'),
    ('`code`', '<code>code</code>'),
    ('[link](stap-1.md)', '<a href="stap-1.md" rel="noopener">link</a>'),
    ('![beeld](x.png)', ''),
    ('regel  \nregel', 'regel<br>\nregel'),
    ('<<pijl>>', '&lt;&lt;pijl&gt;&gt;'),
    ('=== kop ===', '=== kop ==='),
    ('a | b', 'a | b'),
    ('slash/and(brackets)', 'slash/and(brackets)'),
    ('Email me: a@b.nl', 'Email me: a@b.nl'),
    ('Tekst met trailing spaties   ', 'Tekst met trailing spaties'),
    ('2024 was een goed jaar', '2024 was een goed jaar'),
    ('€ 40 per uur', '€ 40 per uur'),
    ('Eén, twee, drie', 'Eén, twee, drie'),
    ('(c) 2026', '© 2026'),
    ('(TM)', '™'),
    ('+- 5', '± 5'),
    ('Wat?? Echt', 'Wat?? Echt'),
    ('Zo,, dan', 'Zo, dan'),
    ('Twee.. punten', 'Twee… punten'),
    ('Ik wil dat…', 'Ik wil dat…'),
    ('‘Ik wil’', '‘Ik wil’'),
    ('a:b;c=d@e%f$g{h}i^j~k', 'a:b;c=d@e%f$g{h}i^j~k'),
    ('#hashtag midden', '#hashtag midden'),
    ('Lijn\nlijn', 'Lijn\nlijn'),
]

_BLOCK_TAG = re.compile(r"<(?:p|ol|ul|li|h[1-6]|blockquote|pre|hr|table)\b")


@pytest.mark.parametrize(("text", "html"), TRICKY)
def test_a_field_is_one_line_of_inline_markdown(text, html):
    assert inline.render(text) == html


@pytest.mark.parametrize("text", texts_of_the_guide() + [text for text, _ in TRICKY])
def test_no_text_becomes_a_block(text):
    """The converter runs no block rule but the paragraph, and writes no paragraph tags: were a
    block rule enabled, its tags would be cleaned away and the text would silently change."""
    assert not _BLOCK_TAG.search(inline._converted(text))


def test_links_are_resolved_per_page_and_plain_text_is_shared():
    first = inline.render("Zie [stap 1](stap-1.md).", lambda href: "a/" + href)
    second = inline.render("Zie [stap 1](stap-1.md).", lambda href: "b/" + href)
    assert 'href="a/stap-1.md"' in first and 'href="b/stap-1.md"' in second
    assert inline.render("Na het lezen.", lambda href: "x") == "Na het lezen."
    assert re.fullmatch(r"Het klant&rsquo;s belang|Het klant’s belang", inline.render("Het klant's belang"))
