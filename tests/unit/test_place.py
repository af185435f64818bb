"""Where components go: one placeholder grammar, found where Markdown leaves it, and every
lookalike named as a problem instead of silently showing nothing."""

from __future__ import annotations

import markdown
import pytest

from guide.components import place

SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
                   "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist", "pymdownx.smartsymbols"]
PARTS = {("checklist", "a"): "<section>A</section>", ("checklist", "b"): "<section>B</section>",
         ("sheet", "s"): "<form>S</form>", ("my-data", None): "<div>M</div>"}


def site_markdown(text: str) -> str:
    """What the guide's Markdown makes of a page's body."""
    return markdown.markdown(text, extensions=SITE_EXTENSIONS)


@pytest.mark.parametrize(
    # Markdown as written,                       the page's HTML once placed
    ("text", "expected"),
    [
        ("x\n<!-- checklist: a -->\ny", "<p>x</p>\n<section>A</section>\n<p>y</p>"),
        ("<!-- checklist: a -->\n<!-- checklist: b -->", "<section>A</section>\n<section>B</section>"),
        ("   <!--checklist:a-->  ", "<section>A</section>"),
        ("<!-- sheet: s -->\n\n<!-- my-data -->", "<form>S</form>\n\n<div>M</div>"),
        ("!!! tip\n    <!-- checklist: a -->", '<div class="admonition tip">\n<p class="admonition-title">Tip</p>\n<section>A</section>\n</div>'),
        ("tekst zonder plek", "<p>tekst zonder plek</p>"),
    ],
)
def test_a_placeholder_line_becomes_its_part(text, expected):
    assert place.place(site_markdown(text), PARTS) == expected


@pytest.mark.parametrize(
    # Markdown as written,                                  what is wrong, in the page's source order
    ("text", "found"),
    [
        # Markdown escapes a comment in code: it would show as text, never as the checklist.
        ("    <!-- checklist: a -->", [("checklist", "a", 0, "inside code")]),
        ("```\n<!-- checklist: a -->\n```\n<!-- checklist: b -->", [("checklist", "a", 0, "inside code")]),
        ("Zie `<!-- sheet: s -->` hier", [("sheet", "s", 0, "inside code")]),
        # A comment around a placeholder hides it, and its end would leave the rest of the page
        # inside a comment.
        ("<!--\n<!-- checklist: a -->\n-->\n\nMeer tekst.", [("checklist", "a", 0, "inside another comment")]),
        ("<!-- oud: <!-- my-data --> -->", [("my-data", None, 0, "inside another comment")]),
        # In the middle of a sentence Markdown keeps it inside the paragraph.
        ("Zie <!-- checklist: a --> hier", [("checklist", "a", 0, "inside a line of text")]),
        ("<!-- checklist: a -->\n\nEn <!-- checklist: a --> nog eens", [("checklist", "a", 1, "inside a line of text")]),
    ],
)
def test_what_only_looks_like_a_placeholder_is_a_problem(text, found):
    _, lookalikes = place.find(site_markdown(text))
    assert [(p.kind, p.id, p.occurrence) for p in lookalikes] == [f[:3] for f in found]
    for problem, (*_, where) in zip(lookalikes, found, strict=False):
        assert where in problem.message and "write it as a line of its own" in problem.message


def test_placeholders_are_checked_against_what_the_page_declares():
    placeholders, _ = place.find(site_markdown("<!-- checklist: a -->\n\n<!-- checklist: a -->\n\n<!-- sheet: x -->\n\n<!-- my-data -->"))
    declared = [("checklist", "a"), ("checklist", "b")]
    assert [(p.kind, p.id, p.occurrence, p.message) for p in place.problems(placeholders, declared)] == [
        ("checklist", "a", 1, "checklist 'a' is placed twice"),
        ("sheet", "x", 0, "placeholder for sheet 'x', which the front matter does not declare"),
    ]
    assert place.unplaced(placeholders, declared) == [("checklist", "b")]


@pytest.mark.parametrize(
    # the page's source,                                              kind,  id, occurrence, its line
    ("source", "kind", "id_", "occurrence", "line"),
    [
        ("---\ntitle: x\n---\n# x\n\n<!-- checklist: a -->\n", "checklist", "a", 0, 6),
        ("# x\n<!-- checklist: ab -->\n<!-- checklist: a -->\n<!-- checklist: a -->\n", "checklist", "a", 1, 4),
        ("# x\n\n    <!-- my-data -->\n", "my-data", None, 0, 3),
        ("# x\n", "sheet", "s", 0, None),
    ],
)
def test_a_problem_found_in_the_html_is_named_by_its_line_in_the_source(source, kind, id_, occurrence, line):
    assert place.source_line(source, kind, id_, occurrence) == line


@pytest.mark.parametrize(
    # the page's source,                           the unplaced component, its misspelt line
    ("source", "key", "found"),
    [
        ("# T\n\n<!-- checklst: a -->\n", ("checklist", "a"), (3, "<!-- checklst: a -->")),
        ("# T\n  <!--Checklists:a-->\n", ("checklist", "a"), (2, "<!--Checklists:a-->")),
        ("<!-- mydata -->\n", ("my-data", None), (1, "<!-- mydata -->")),
        ("<!-- sheeet: s -->\n", ("sheet", "s"), (1, "<!-- sheeet: s -->")),
        ("<!-- checklst: b -->\n", ("checklist", "a"), None),  # another id: not this one
        ("<!-- note: a -->\n", ("checklist", "a"), None),  # a comment of the page's own
        ("Zie <!-- checklst: a --> hier.\n", ("checklist", "a"), None),  # not on a line of its own
    ],
)
def test_a_misspelt_placeholder_is_found_for_the_component_it_misses(source, key, found):
    assert place.misspelt(source, key) == found
