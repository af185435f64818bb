"""The strict build really fails on what it claims to check (MkDocs hides warnings under -q and
skips anchors under -v; we run it with neither flag, like `make build`)."""

import pytest

from helpers import MINIMAL, make_project, mkdocs_build, page


def test_minimal_site_builds(tmp_path):
    result = mkdocs_build(make_project(tmp_path, MINIMAL))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    # the broken link in the Dutch home page, and what the log must say
    ("link", "message"),
    [
        (
            "[weg](bestaat-niet.md)",
            "Doc file 'index.md' contains a link 'bestaat-niet.md', but the target is not found",
        ),
        (
            "[anker](pagina.md#geen-kop)",
            "Doc file 'index.md' contains a link 'pagina.md#geen-kop', "
            "but the doc 'pagina.md' does not contain an anchor '#geen-kop'.",
        ),
        (
            "[absoluut](/pagina.md)",
            "Doc file 'index.md' contains an absolute link '/pagina.md', it was left as is.",
        ),
    ],
)
def test_broken_link_fails_the_build(tmp_path, link, message):
    pages = dict(MINIMAL, **{"index.md": page("Welkom", f"Zie {link}.")})
    result = mkdocs_build(make_project(tmp_path, pages))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout


def test_missing_translation_fails_the_build(tmp_path):
    pages = dict(MINIMAL, **{"extra.md": page("Extra")})
    result = mkdocs_build(make_project(tmp_path, pages, nav=["index.md", "pagina.md", "extra.md"]))
    assert result.returncode == 1
    assert "docs/extra.md: no en version (expected docs/extra.en.md)" in result.stderr


def test_english_page_without_dutch_source_fails_the_build(tmp_path):
    pages = dict(MINIMAL, **{"los.en.md": page("Loose")})
    result = mkdocs_build(make_project(tmp_path, pages))
    assert result.returncode == 1
    assert "docs/los.en.md: no nl version (expected docs/los.md)" in result.stderr


CHECKLIST = """checklists:
  - id: lijst
    title: Lijst
    kind: read-do
    moment: Nu
    items:
      - id: een
        text: Een.
        hint: Eerst.
      - id: twee
        text: Twee.
      - id: drie
        text: Drie.
"""


@pytest.mark.parametrize(
    # the anchor linked to on the page with the checklist, and whether the strict build passes
    ("anchor", "passes"),
    [
        ("checklist-lijst--twee", True),
        ("checklist-lijst--een-hint", True),
        ("checklist-lijst--vier", False),
    ],
)
def test_links_to_a_checklist_item_are_checked_like_any_anchor(tmp_path, anchor, passes):
    """Checklists are placed after Markdown (hooks/checklist_hook.py), yet their ids count."""
    pages = dict(MINIMAL, **{
        "index.md": page("Welkom", f"Zie [het punt](pagina.md#{anchor})."),
        "pagina.md": page("Pagina", "## Tweede kop\n\n<!-- checklist: lijst -->", CHECKLIST),
        "pagina.en.md": page("Page", "## Tweede kop\n\n<!-- checklist: lijst -->", CHECKLIST),
    })
    result = mkdocs_build(make_project(tmp_path, pages))
    assert (result.returncode == 0) is passes, result.stderr
    if not passes:
        assert f"does not contain an anchor '#{anchor}'" in result.stderr
