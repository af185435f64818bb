"""Real builds place each language's checklist in its page, load its script and style there, and
give it one search entry of its own: found by its items, never by its buttons and notices."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from guide.components import checklist
from helpers import built_site, make_project, mkdocs_build, page

ORIGIN = "https://gids.example/"


def checklist_front(title: str, items: list[str], hint: str) -> str:
    listed = "".join(f"      - id: punt-{n}\n        text: \"{text}\"\n" for n, text in enumerate(items, 1))
    return (f"checklists:\n  - id: lijst\n    title: {title}\n    kind: do-confirm\n    moment: Na het gesprek\n"
            f"    items:\n{listed}        hint: {hint}\n")


FIXTURE = {
    "index.md": page("Welkom", "Naar [de lijst](lijst.md)."),
    "index.en.md": page("Welcome", "To [the list](lijst.md)."),
    "lijst.md": page("Lijst", "Ervoor.\n\n<!-- checklist: lijst -->\n\nErna.",
                     checklist_front("Na het gesprek", ["Ik heb **bedankt**.", "Ik stuurde een verslag.", "Ik plande een vervolg."], "Binnen een week.")),
    "lijst.en.md": page("List", "Before.\n\n<!-- checklist: lijst -->\n\nAfter.",
                        checklist_front("After the meeting", ["I said **thank you**.", "I sent notes.", "I planned a follow-up."], "Within a week.")),
}

# language, built page, its search index, the checklist's title, words of an item and of the hint
LANGUAGES = [
    ("nl", "lijst.html", "search/search_index.json", "Na het gesprek", "Ik heb bedankt.", "Binnen een week."),
    ("en", "en/lijst.html", "en/search/search_index.json", "After the meeting", "I said thank you.", "Within a week."),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory.mktemp("checklist"), FIXTURE, ORIGIN)


@pytest.mark.parametrize(("lang", "path", "index", "title", "item", "hint"), LANGUAGES)
def test_the_checklist_stands_where_its_placeholder_was_with_its_script(site, lang, path, index, title, item, hint):
    html = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    root = html.select_one("section#checklist-lijst[data-checklist=lijst]")
    assert root.legend.get_text(strip=True) == title
    assert root.find_previous_sibling("p").get_text() in ("Ervoor.", "Before.")
    assert root.find_next_sibling("p").get_text() in ("Erna.", "After.")
    assert "<!-- checklist" not in str(html.select_one("article"))  # no placeholder left
    sources = [s["src"] for s in html.select("script[src]")] + [s["href"] for s in html.select("link[rel=stylesheet]")]
    assert any(s.endswith("checklist.js") for s in sources) and any(s.endswith("checklist.css") for s in sources)


@pytest.mark.parametrize(("lang", "path", "index", "title", "item", "hint"), LANGUAGES)
def test_the_checklist_has_one_search_entry_that_leads_to_it(site, lang, path, index, title, item, hint):
    docs = json.loads((site / index).read_text(encoding="utf-8"))["docs"]
    entries = [d for d in docs if d["location"] == "lijst.html#checklist-lijst"]
    assert len(entries) == 1
    assert entries[0]["title"] == title
    assert item in entries[0]["text"] and hint in entries[0]["text"]
    # The buttons and notices of the checklist are nobody's search result.
    interface = [checklist.STRINGS[lang][key] for key in ("reset", "undo", "storage-off", "read-do.about", "do-confirm.about")]
    assert not any(words in d["text"] for d in docs for words in interface)


def test_a_rebuild_shows_an_edited_checklist_and_keeps_the_others(tmp_path):
    """Rendered checklists are kept in .cache/guide/ between builds, per checklist, language
    and page: an edited item shows after the next build, the unchanged language comes from
    the cache, and both pages are the same as from a build without a cache."""
    project = make_project(tmp_path / "kept", FIXTURE)
    assert mkdocs_build(project, site_url=ORIGIN).returncode == 0
    [kept] = (project / ".cache" / "guide").glob("checklists-*.json")
    assert len(json.loads(kept.read_text(encoding="utf-8"))) == 2  # one checklist, two languages

    dutch = project / "docs" / "lijst.md"
    dutch.write_text(dutch.read_text(encoding="utf-8").replace("Ik stuurde een verslag.", "Ik stuurde een kort verslag."),
                     encoding="utf-8")
    assert mkdocs_build(project, site_url=ORIGIN).returncode == 0
    assert len(json.loads(kept.read_text(encoding="utf-8"))) == 3  # the edited Dutch one was added

    edited = {**FIXTURE, "lijst.md": dutch.read_text(encoding="utf-8")}
    fresh = built_site(tmp_path / "fresh", edited, ORIGIN)
    for path in ("lijst.html", "en/lijst.html"):
        assert (project / "site" / path).read_text(encoding="utf-8") == (fresh / path).read_text(encoding="utf-8")
    assert "Ik stuurde een kort verslag." in (project / "site" / "lijst.html").read_text(encoding="utf-8")
