"""What the review checks read: prose only. Code, URLs, ids, HTML and link targets are left out,
front-matter texts come with the line of their value."""

import pytest

from guide.review import prose

CASES = [
    # Markdown line                                          # the prose left (spaces squeezed)
    ("Zie [de woordenlijst](woordenlijst.md#gunning).", "Zie [de woordenlijst] ."),
    ("Run `make translations STAMP=\"docs/x.en.md\"` now.", "Run now."),
    ("## Positief formuleren {#positief-formuleren}", "## Positief formuleren"),
    ("Lees <https://example.org/a'b> of https://x.example/?q=\"1\".", "Lees of"),
    ("Mail redactie@example.org of <span class=\"x\">hier</span>.", "Mail of hier ."),
    ("<!-- checklist: kies-je-richting -->", ""),
    ("Zie CONTRIBUTING.md en docs/x.en.md.", "Zie en ."),
    ("Een voetnoot[^1] en &nbsp; een entiteit.", "Een voetnoot en een entiteit."),
    ("|---|:---:|", ""),
]


@pytest.mark.parametrize("markdown, expected", CASES)
def test_clean_keeps_only_prose(markdown, expected):
    assert " ".join(prose.clean(markdown).split()) == expected


def test_body_skips_code_blocks_comments_and_admonition_syntax():
    body = '\n'.join([
        '!!! tip "Een \'tip\'"',  # line 10: the title is prose, its quotes are syntax
        '    Tekst.',
        '```yaml',
        'title: "niet dit"',
        '```',
        '<!--',
        'ook "niet" dit',
        '-->',
        'Wel dit.',
    ])
    assert prose.body_lines(body, 10) == [(10, "Een 'tip'"), (11, "    Tekst."), (18, "Wel dit.")]


def test_front_matter_texts_with_their_lines(tmp_path):
    page = tmp_path / "x.md"
    page.write_text('---\ntitle: "Titel"\nchecklists:\n  - id: een-lijst\n    kind: read-do\n    items:\n'
                    '      - id: a\n        text: "Doe [dit](x.md)."\n---\n# Titel\n', encoding="utf-8")
    assert [(line.where(), line.text) for line in prose.page_lines(page, "docs/x.md")] == [
        ("docs/x.md:2: title", "Titel"),
        ("docs/x.md:8: checklists[0].items[0].text", "Doe [dit] ."),
        ("docs/x.md:10", "# Titel"),
    ]
