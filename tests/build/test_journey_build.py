"""The reader's journey in a real build: the progress overview on the home page from the
navigation, the at-a-glance line on a step page, and links from checklist items into the
sheet's sections checked like every other link (a wrong section fails the build)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from helpers import SMALL_SHEET, make_project, mkdocs_build, page


def steps_page(anchor: str, glance: bool = True) -> str:
    return f"""glance:
  time: Een kwartier
  when: Voor het gesprek
checklists:
  - id: lijst
    title: De lijst
    kind: read-do
    moment: Nu
    items:
      - id: een
        text: Zet je doel op je [blad](blad.md#{anchor}).
      - id: twee
        text: Twee.
      - id: drie
        text: Drie.
""", "<!-- glance -->\n\n<!-- checklist: lijst -->" if glance else "<!-- checklist: lijst -->"


def guide(anchor: str = "blad-doel", glance: bool = True) -> dict[str, str]:
    front, body = steps_page(anchor, glance)
    return {
        "index.md": page("Welkom", "<!-- progress -->"),
        "index.en.md": page("Welcome", "<!-- progress -->"),
        "stap.md": page("Stap", body, front),
        "stap.en.md": page("Step", body, front),
        "blad.md": page("Voorbereiding", "<!-- sheet: blad -->", SMALL_SHEET),
        "blad.en.md": page("Preparation", "<!-- sheet: blad -->", SMALL_SHEET),
    }


def test_overview_and_glance_are_built_from_the_front_matter(tmp_path):
    project = make_project(tmp_path, guide(), nav=["index.md", "stap.md", "blad.md"])
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    for home, step_title in (("index.html", "Stap"), ("en/index.html", "Step")):
        soup = BeautifulSoup((project / "site" / home).read_text(encoding="utf-8"), "html.parser")
        overview = soup.select_one("[data-progress]")
        assert [a.text for a in overview.select(".progress__title a")] == [step_title, "Voorbereiding" if home == "index.html" else "Preparation"]
        assert [a["href"] for a in overview.select(".progress__name a")] == ["stap.html#checklist-lijst", "blad.html"]
        assert soup.select_one('script[src$="progress.js"]') and soup.select_one('link[href$="progress.css"]')
        assert not soup.select_one('script[src$="checklist.js"]')  # the overview is not a checklist
    step = BeautifulSoup((project / "site" / "stap.html").read_text(encoding="utf-8"), "html.parser")
    assert step.select_one("h1").find_next_sibling().name == "dl"  # right under the heading
    assert step.select_one(".glance__link")["href"] == "#checklist-lijst"
    assert step.select_one('link[href$="glance.css"]')
    assert step.select_one("[data-checklist-next] a")["href"] == "blad.html"  # the next page in the navigation


@pytest.mark.parametrize(
    # where an item links on the sheet, and whether the strict build passes
    ("anchor", "passes"),
    [("blad-doel", True), ("blad-nergens", False)],
)
def test_links_into_the_sheet_are_checked(tmp_path, anchor, passes):
    result = mkdocs_build(make_project(tmp_path, guide(anchor), nav=["index.md", "stap.md", "blad.md"]))
    assert (result.returncode == 0) is passes, result.stderr[-2000:]
    if not passes:
        assert (f"docs/stap.md:13: checklists[0].items[0].text: links to 'blad.md#{anchor}', but docs/blad.md "
                f"has no anchor '#{anchor}'") in result.stderr, result.stderr[-2000:]


def test_a_glance_without_its_placeholder_fails_with_its_line(tmp_path):
    result = mkdocs_build(make_project(tmp_path, guide(glance=False), nav=["index.md", "stap.md", "blad.md"]))
    assert result.returncode == 1
    assert ("docs/stap.md:4: glance: is not placed in the page: add a line <!-- glance --> to the body"
            in result.stderr), result.stderr[-2000:]
