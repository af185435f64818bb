"""The content model at work in a real build: content errors fail it with file:line messages
and no traceback, warnings fail it under strict, outdated translations show a notice."""


from bs4 import BeautifulSoup

from guide.content import translations
from helpers import MINIMAL, make_project, mkdocs_build, page

CHECKLIST = """checklists:
  - id: richting
    title: Richting
    kind: read-do
    moment: Nu
    items:
      - id: een
        text: Een.
      - id: twee
        text: Twee.
      - id: drie
        text: Drie.
"""


def test_content_errors_fail_the_build_with_every_problem_and_no_traceback(tmp_path):
    pages = dict(MINIMAL)
    pages["pagina.md"] = page("Pagina", "## Tweede kop\n", front="titel: x\nchecklists: 3\n")
    pages["pagina.en.md"] = "---\ntitle: [Page\n---\n# Page\n\n## Second {#tweede-kop}\n"
    result = mkdocs_build(make_project(tmp_path, pages))
    assert result.returncode == 1
    log = result.stdout + result.stderr
    assert "Traceback" not in log
    assert "ERROR   -  The content has 3 problems:\n" in log
    assert "docs/pagina.en.md:2: front matter: front matter is not valid YAML: did not find expected ',' or ']'" in log
    assert "docs/pagina.md:3: titel: unknown key 'titel' (did you mean 'title'?)" in log
    assert "docs/pagina.md:4: checklists: must be a list, not a number" in log


def test_a_checklist_of_three_items_builds_and_two_items_fail_strict(tmp_path):
    pages = dict(MINIMAL)
    pages["pagina.md"] = page("Pagina", "## Tweede kop\n\n<!-- checklist: richting -->\n", front=CHECKLIST)
    pages["pagina.en.md"] = page("Page", "## Second {#tweede-kop}\n\n<!-- checklist: richting -->\n", front=CHECKLIST)
    assert mkdocs_build(make_project(tmp_path / "ok", pages)).returncode == 0
    short = {k: v.replace("      - id: drie\n        text: Drie.\n", "") for k, v in pages.items()}
    result = mkdocs_build(make_project(tmp_path / "short", short))
    assert result.returncode == 1
    assert "WARNING -  content: docs/pagina.md:9: checklists[0].items: has 2 items; a usable checklist has 3 to 9" in result.stderr


def test_outdated_translation_shows_a_notice_and_a_current_one_does_not(tmp_path):
    pages = dict(MINIMAL)
    stamp = translations.source_hash(pages["pagina.md"])
    pages["pagina.en.md"] = page("Page", "## Second {#tweede-kop}\n", front=f"source_hash: {stamp}\n")
    pages["index.en.md"] = page("Welcome", "Read [the page](pagina.md#tweede-kop).", front="source_hash: \"000000000000\"\n")
    project = make_project(tmp_path, pages)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "docs/index.en.md: translation OUTDATED" in result.stderr
    outdated = BeautifulSoup((project / "site/en/index.html").read_text(), "html.parser")
    notice = outdated.select_one(".admonition.note")
    assert notice.select_one(".admonition-title").get_text() == "This translation may be behind"
    link = notice.select_one('a[hreflang="nl"]')
    assert link["href"] == "../index.html" or link["href"] == ".."
    current = BeautifulSoup((project / "site/en/pagina.html").read_text(), "html.parser")
    assert current.select_one(".admonition.note") is None


def test_a_rebuild_checks_again_what_was_edited_and_across_pages(tmp_path):
    """Every build checks every page: an edited translation is compared with its Dutch page."""
    pages = dict(MINIMAL)
    pages["pagina.md"] = page("Pagina", "## Tweede kop\n\n<!-- checklist: richting -->\n", front=CHECKLIST)
    pages["pagina.en.md"] = page("Page", "## Second {#tweede-kop}\n\n<!-- checklist: richting -->\n", front=CHECKLIST)
    project = make_project(tmp_path, pages)
    assert mkdocs_build(project).returncode == 0

    english = project / "docs" / "pagina.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("- id: twee", "- id: two"), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 1
    assert ("docs/pagina.en.md:9: checklists[0].items: item ids of checklist 'richting' differ from "
            "docs/pagina.md (line 9): missing 'twee'; not in the Dutch page: 'two'") in result.stderr
