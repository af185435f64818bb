"""Real builds place each language's checklist in its page, load its script and style there, and
give it one search entry of its own: found by its items, never by its buttons and notices."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from guide.bilingual.strings import strings
from helpers import built_site, make_project, page

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
    interface = [strings(lang, "checklist")[key] for key in ("reset", "undo", "storage-off", "read-do.about", "do-confirm.about")]
    assert not any(words in d["text"] for d in docs for words in interface)


# Two builds in one process, as `mkdocs serve` makes them: the hooks and guide/ stay loaded.
TWO_BUILDS = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

template = Path("hooks/guide/components/templates/checklist.html")
build(load_config("mkdocs.yml", site_url=sys.argv[1]))
template.write_text(template.read_text(encoding="utf-8").replace("checklist__fieldset", "checklist__edited"),
                    encoding="utf-8")
build(load_config("mkdocs.yml", site_url=sys.argv[1]))
"""


def test_a_template_edited_between_two_builds_in_one_process_shows_in_the_second(tmp_path):
    """The `mkdocs serve` bug: a template read once stayed in use until serve was restarted."""
    project = make_project(tmp_path, FIXTURE)
    result = subprocess.run([sys.executable, "-c", TWO_BUILDS, ORIGIN], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    for path in ("lijst.html", "en/lijst.html"):
        html = (project / "site" / path).read_text(encoding="utf-8")
        assert "checklist__edited" in html and "checklist__fieldset" not in html
