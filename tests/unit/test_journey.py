"""The reader's journey in the pure core: the at-a-glance line and the checklist's next step
in the content model (schema, rules, links across pages), their placeholders, and the progress
overview made from the navigation and the pages' front matter."""

from __future__ import annotations

import textwrap

import pytest
from bs4 import BeautifulSoup

from guide.bilingual.strings import STRINGS
from guide.components import checklist, glance, place, progress
from guide.content import checks, consistency
from helpers import SMALL_SHEET, page

PAGE = """\
---
title: Stap 1
glance:
  time: Een kwartier
  when: Voordat je de klant om een gesprek vraagt
checklists:
  - id: richting
    title: Je richting kiezen
    kind: read-do
    moment: Voor het gesprek
    next: "[Zet je doel op je blad](blad.md#blad-doel)"
    items:
      - id: doel
        text: Schrijf je doel op.
      - id: positief
        text: Formuleer het positief.
      - id: delen
        text: Lees het hardop voor.
---
# Stap 1

<!-- glance -->

<!-- checklist: richting -->
"""


def problems(text: str, src_uri: str = "stap-1.md") -> list[str]:
    return [str(p) for p in checks.check_page(src_uri, textwrap.dedent(text)).problems]


def edit(old: str, new: str) -> str:
    assert old in PAGE, old
    return PAGE.replace(old, new, 1)


def test_a_page_with_a_glance_and_a_next_step_is_valid():
    assert problems(PAGE) == []


@pytest.mark.parametrize(
    # the change to the valid page,          the exact message
    ("old", "new", "message"),
    [
        ("  when: Voordat je de klant om een gesprek vraagt\n", "",
         "docs/stap-1.md:4: glance: missing required key 'when'"),
        ("  time: Een kwartier\n", "  time: Een kwartier\n  tijd: x\n",
         "docs/stap-1.md:5: glance.tijd: unknown key 'tijd'"),
        ("  time: Een kwartier", "  time: Een <b>kwartier</b>",
         "docs/stap-1.md:4: glance.time: raw HTML is not allowed; use Markdown (**bold**, *italics*, [links](page.md))"),
        ("  time: Een kwartier", "  time: ''", "docs/stap-1.md:4: glance.time: must not be empty"),
        ("    next: \"[Zet je doel op je blad](blad.md#blad-doel)\"", "    next: 3",
         "docs/stap-1.md:11: checklists[0].next: must be text, not a number: put the text in double quotes (\"…\")"),
    ],
)
def test_every_glance_and_next_problem_names_file_line_and_field(old, new, message):
    assert message in problems(edit(old, new))


def test_the_inline_rules_apply_to_glance_and_next():
    # the same rule as an item's text: what the HTML rule says, for each field it checks
    html = problems(edit("  when: Voordat je de klant om een gesprek vraagt", "  when: <i>x</i>"))
    assert [m.split(": ", 2)[1] for m in html] == ["glance.when"]


SHEET = page("Blad", "<!-- sheet: blad -->", SMALL_SHEET)



def across(files: dict[str, str]) -> list[str]:
    pages = [checks.check_page(uri, textwrap.dedent(text)) for uri, text in files.items()]
    assert [p.problems for p in pages] == [[] for _ in pages]
    return [str(p) for p in consistency.check_pages(pages)]


def test_links_in_glance_and_next_must_lead_to_pages():
    page = edit("  when: Voordat je de klant om een gesprek vraagt", "  when: Na [stap 0](stap-0.md)")
    assert across({"stap-1.md": page}) == [
        "docs/stap-1.md:5: glance.when: links to 'stap-0.md', but docs/stap-0.md does not exist",
        "docs/stap-1.md:11: checklists[0].next: links to 'blad.md#blad-doel', but docs/blad.md does not exist",
    ]
    assert across({"stap-1.md": PAGE, "blad.md": SHEET}) == []


def test_links_in_glance_and_next_reach_mkdocs_anchor_check():
    # content_hook hands these to MkDocs' own anchor check, which fails the build on a wrong one
    data = checks.check_page("stap-1.md", PAGE).data
    assert dict(consistency.inline_texts(data))[("checklists", 0, "next")] == "[Zet je doel op je blad](blad.md#blad-doel)"
    assert ("glance", "time") in dict(consistency.inline_texts(data))


def test_a_glance_on_one_side_only():
    english = PAGE.replace("glance:\n  time: Een kwartier\n  when: Voordat je de klant om een gesprek vraagt\n", "")
    english = english.replace("<!-- glance -->\n", "")
    assert across({"stap-1.md": PAGE, "stap-1.en.md": english, "blad.md": SHEET}) == [
        "docs/stap-1.en.md:2: glance: docs/stap-1.md has an at-a-glance line and docs/stap-1.en.md does not"]


@pytest.mark.parametrize(
    # the page's HTML,                            (kind, id) placeholders found, problems with declared=[]
    ("html", "found", "wrong"),
    [
        ("<p>x</p>\n<!-- progress -->\n", [("progress", None)], []),
        ("<!-- glance -->\n", [("glance", None)], ["placeholder for glance, which the front matter does not declare"]),
        ("<!-- glance -->\n<!-- glance -->\n", [("glance", None)] * 2,
         ["placeholder for glance, which the front matter does not declare"] * 2),
        ("<p>Zie <!-- progress --> hier</p>\n", [], []),
    ],
)
def test_progress_needs_no_declaration_and_glance_does(html, found, wrong):
    placeholders, lookalikes = place.find(html)
    assert [p.key for p in placeholders] == found
    assert [p.message for p in place.problems(placeholders, [])] == wrong
    if not found:
        assert "inside a line of text" in lookalikes[0].message
    if len(found) == 2:
        assert [p.message for p in place.problems(placeholders, [("glance", None)])] == ["glance is placed twice"]


def test_glance_is_placed_where_its_line_is_and_lists_every_checklist():
    data = checks.check_page("stap-1.md", PAGE).data
    lists = [checklist.from_front_matter(c) for c in data["checklists"]] * 2
    html = glance.render(data["glance"], lists, "nl")
    soup = BeautifulSoup(html, "html.parser")
    assert [dt.text for dt in soup.select("dt")] == ["Tijd", "Wanneer", "Checklists"]
    assert [a["href"] for a in soup.select("a.glance__link")] == ["#checklist-richting"] * 2
    assert soup.select_one("a.glance__link").text == "Je richting kiezen, 3 punten\xa0↓"
    english = BeautifulSoup(glance.render(data["glance"], lists[:1], "en"), "html.parser")
    assert [dt.text for dt in english.select("dt")] == ["Time", "When", "Checklist"]
    assert english.select_one("a.glance__link").text == "Je richting kiezen, 3 items\xa0↓"
    assert place.place("<h1>S</h1>\n<!-- glance -->\n<p>x</p>", {("glance", None): html}).startswith("<h1>S</h1>\n<dl")


def nav_pages():
    lijst = checks.check_page("stap-1.md", PAGE).data
    blad = checks.check_page("blad.md", SHEET).data
    return [("Welkom", "./", {"title": "Welkom"}), ("Stap 1", "stap-1.html", lijst),
            ("Woorden", "woorden.html", {"title": "Woorden"}), ("Blad", "blad.html", blad)]


def test_the_overview_lists_the_pages_with_tools_in_navigation_order():
    found = progress.steps(nav_pages())
    assert [(s.title, s.href) for s in found] == [("Stap 1", "stap-1.html"), ("Blad", "blad.html")]
    assert found[0].tasks == (progress.Task("checklist", "richting", "Je richting kiezen", "stap-1.html#checklist-richting",
                                            ("doel", "positief", "delen")),)
    assert found[1].tasks == (progress.Task("sheet", "blad", "Blad", "blad.html"),)


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_overview_without_script_is_a_table_of_contents(locale):
    soup = BeautifulSoup(progress.render(progress.steps(nav_pages()), locale), "html.parser")
    assert [a["href"] for a in soup.select("a")] == ["stap-1.html", "stap-1.html#checklist-richting", "blad.html", "blad.html"]
    statuses = soup.select("[data-progress-status]")
    assert all(s.has_attr("hidden") and not s.text for s in statuses)  # nothing claimed before the device is read
    assert statuses[0]["data-progress-checklist"] == "richting" and statuses[0]["data-items"] == "doel positief delen"
    assert statuses[1]["data-progress-sheet"] == "blad"
    # each task's name is described by its status, and the ids are unique
    assert [a["aria-describedby"] for a in soup.select(".progress__name > a")] == [s["id"] for s in statuses]
    root = soup.select_one("[data-progress]")
    assert {k[len("data-i18n-"):] for k in root.attrs if k.startswith("data-i18n-")} == set(progress.SCRIPT_STRINGS)
    assert root["data-i18n-partly"] == STRINGS[locale]["progress"]["partly"]


def test_a_finished_checklist_names_its_next_step():
    model = checklist.from_front_matter(checks.check_page("stap-1.md", PAGE).data["checklists"][0])
    own = BeautifulSoup(checklist.render(model, "nl", lambda href: "x/" + href, ("Stap 2", "stap-2.html")).html,
                        "html.parser").select_one("[data-checklist-next]")
    assert own.has_attr("hidden") and own.a["href"] == "x/blad.md#blad-doel"  # its own next wins
    default = model.__class__(**{**model.__dict__, "next": None})
    page = BeautifulSoup(checklist.render(default, "en", None, ("Step 2", "stap-2.html")).html, "html.parser")
    assert page.select_one("[data-checklist-next]").text == "Next step: Step 2\xa0→"
    last = BeautifulSoup(checklist.render(default, "en").html, "html.parser")
    assert last.select_one("[data-checklist-next]") is None  # the guide's last page: nowhere to send the reader


@pytest.mark.parametrize("component", ["glance", "progress"])
def test_every_new_string_exists_in_both_languages(component):
    assert set(STRINGS["nl"][component]) == set(STRINGS["en"][component])
    assert STRINGS["nl"]["checklist"]["next"] and STRINGS["en"]["checklist"]["next"]
