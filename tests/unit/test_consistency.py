"""Rules across pages: the same ids in both languages, unique checklist ids, existing links."""

import pytest

from guide.content import checks as model
from guide.content import consistency


def checklist_page(title, checklist_id="richting", items=("doel", "positief", "delen"), link="stap-1.md"):
    lines = "".join(f"      - id: {i}\n        text: Doe [dit]({link}) nu.\n" for i in items)
    return (
        f"---\ntitle: {title}\nchecklists:\n  - id: {checklist_id}\n    title: T\n    kind: read-do\n"
        f"    moment: Nu\n    items:\n{lines}---\n# {title}\n\n<!-- checklist: {checklist_id} -->\n"
    )


def sheet_page(title, sections=("doel", "vragen")):
    body = "".join(f"    - id: {s}\n      heading: H\n      prompt: P\n      lines: 2\n" for s in sections)
    return f"---\ntitle: {title}\nsheet:\n  id: blad\n  title: Blad\n  sections:\n{body}---\n# {title}\n\n<!-- sheet: blad -->\n"


def check(files: dict[str, str]) -> list[str]:
    pages = [model.check_page(uri, text) for uri, text in files.items()]
    assert [p.problems for p in pages] == [[] for _ in pages]
    return [str(p) for p in consistency.check_pages(pages)]


def test_matching_pages_pass():
    assert check({"stap-1.md": checklist_page("Stap"), "stap-1.en.md": checklist_page("Step")}) == []


def test_reordered_items_are_fine():
    en = checklist_page("Step", items=("delen", "doel", "positief"))
    assert check({"stap-1.md": checklist_page("Stap"), "stap-1.en.md": en}) == []


@pytest.mark.parametrize(
    # the English page,                                         the exact message
    ("english", "expected"),
    [
        (checklist_page("Step", items=("doel", "positief", "share")),
         "docs/stap-1.en.md:9: checklists[0].items: item ids of checklist 'richting' differ from "
         "docs/stap-1.md (line 9): missing 'delen'; not in the Dutch page: 'share'"),
        (checklist_page("Step", checklist_id="direction"),
         "docs/stap-1.en.md:4: checklists: checklist ids differ from docs/stap-1.md (line 4): "
         "missing 'richting'; not in the Dutch page: 'direction'"),
    ],
)
def test_ids_must_match_between_languages(english, expected):
    assert check({"stap-1.md": checklist_page("Stap"), "stap-1.en.md": english}) == [expected]


def test_settings_must_match_between_languages():
    # A read-do list in Dutch must not be a do-confirm list in English; a group filled in after
    # the conversation, or a main section, is one in both.
    en = checklist_page("Step").replace("kind: read-do", "kind: do-confirm")
    assert check({"stap-1.md": checklist_page("Stap"), "stap-1.en.md": en}) == [
        "docs/stap-1.en.md:6: checklists[0].kind: is 'do-confirm' here and 'read-do' in docs/stap-1.md (line 6): "
        "the languages must agree"]
    grouped = ("---\ntitle: {t}\nsheet:\n  id: blad\n  title: Blad\n  groups:\n    - id: na\n      title: Na\n"
               "{after}      sections:\n        - id: doel\n          heading: H\n          prompt: P\n"
               "          lines: 2\n{main}---\n# {t}\n\n<!-- sheet: blad -->\n")
    nl = grouped.format(t="Blad", after="      after: true\n", main="          main: true\n")
    en = grouped.format(t="Sheet", after="", main="")
    assert check({"blad.md": nl, "blad.en.md": en}) == [
        "docs/blad.en.md:7: sheet.groups[0].after: is false here and true in docs/blad.md (line 9): the languages must agree",
        "docs/blad.en.md:10: sheet.groups[0].sections[0].main: is false here and true in docs/blad.md (line 15): "
        "the languages must agree"]


def test_sheet_section_ids_must_match():
    found = check({"blad.md": sheet_page("Blad"), "blad.en.md": sheet_page("Sheet", ("doel", "questions"))})
    assert found == [
        "docs/blad.en.md:7: sheet.sections: section ids differ from docs/blad.md (line 7): "
        "missing 'vragen'; not in the Dutch page: 'questions'"
    ]


def grouped_page(title, groups=(("vooraf", ("doel", "vragen")), ("na", ("terugblik",)))):
    body = "".join(f"    - id: {g}\n      title: T\n      sections:\n" + "".join(
        f"        - id: {s}\n          heading: H\n          prompt: P\n          lines: 2\n" for s in sections)
        for g, sections in groups)
    return f"---\ntitle: {title}\nsheet:\n  id: blad\n  title: Blad\n  groups:\n{body}---\n# {title}\n\n<!-- sheet: blad -->\n"


@pytest.mark.parametrize(
    # the English page,                                                         the exact messages
    ("english", "expected"),
    [
        (grouped_page("Sheet"), []),
        (grouped_page("Sheet", (("before", ("doel", "vragen")), ("na", ("terugblik",)))),
         ["docs/blad.en.md:7: sheet.groups: group ids differ from docs/blad.md (line 7): missing 'vooraf'; "
          "not in the Dutch page: 'before'"]),
        (grouped_page("Sheet", (("vooraf", ("doel",)), ("na", ("vragen", "terugblik")))),
         ["docs/blad.en.md:10: sheet.groups[0].sections: section ids of group 'vooraf' differ from docs/blad.md "
          "(line 10): missing 'vragen'",
          "docs/blad.en.md:17: sheet.groups[1].sections: section ids of group 'na' differ from docs/blad.md "
          "(line 21): not in the Dutch page: 'vragen'"]),
        (sheet_page("Sheet", ("doel", "vragen", "terugblik")),
         ["docs/blad.en.md:4: sheet: docs/blad.md groups its sections and docs/blad.en.md does not"]),
    ],
)
def test_grouped_sheets_match_group_for_group(english, expected):
    assert check({"blad.md": grouped_page("Blad"), "blad.en.md": english}) == expected


def test_a_sheet_on_one_side_only():
    found = check({"blad.md": sheet_page("Blad"), "blad.en.md": "---\ntitle: Sheet\n---\n# Sheet\n"})
    assert found == ["docs/blad.en.md:2: sheet: docs/blad.md declares a sheet and docs/blad.en.md does not"]


def test_checklist_ids_are_unique_across_the_site():
    found = check({"a.md": checklist_page("A", link="a.md"), "b.md": checklist_page("B", link="a.md")})
    assert found == ["docs/b.md:4: checklists[0].id: checklist id 'richting' is already used by docs/a.md (line 4)"]


def test_links_in_texts_must_lead_to_pages():
    found = check({"a.md": checklist_page("A", link="weg.md#x")})
    assert found[0] == "docs/a.md:10: checklists[0].items[0].text: links to 'weg.md#x', but docs/weg.md does not exist"
    assert len(found) == 3
