"""Checklists rendered from front matter: HTML contract, golden files, links, safety, placement.

Golden files live in tests/golden/checklist-*.html; after an intended change of the markup run
`UPDATE_GOLDEN=1 pytest tests/unit/test_checklist.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from bs4 import BeautifulSoup

import checklist_hook
from guide.components import checklist
from guide.bilingual import locales
from helpers import keeping

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

READ_DO = {
    "id": "kies-je-richting",
    "title": "Je richting kiezen",
    "kind": "read-do",
    "moment": "Voordat je de klant om een gesprek vraagt",
    "items": [
        {"id": "doel-in-een-zin", "text": "Schrijf je doel op in **één zin**.", "hint": "Begin met ‘Ik wil dat…’."},
        {"id": "klant-en-jezelf", "text": "Lees [fase 1](stap-3-gesprek.md#fase-1) nog eens."},
        {"id": "naar-gespreksblad", "text": "Neem je doel over op het *gespreksblad*.", "hint": "Zie de [start](index.md)."},
    ],
}
DO_CONFIRM = {
    "id": "fase-1-vertrouwen",
    "title": "Phase 1 – building trust",
    "kind": "do-confirm",
    "moment": "During or right after phase 1",
    "items": [
        {"id": "optimistisch-geopend", "text": "I opened with **optimism**."},
        {"id": "open-vragen", "text": "I asked `open` questions."},
        {"id": "signalen-gezien", "text": "I see [signs of trust](stap-3-gesprek.en.md#signalen).",
         "hint": "Don't? Stay in phase 1."},
    ],
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- golden HTML -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    # golden file name,     checklist,  locale, page being built
    ("name", "data", "locale", "page"),
    [
        ("read-do-nl", READ_DO, "nl", "stap-1-richting.md"),
        ("do-confirm-en", DO_CONFIRM, "en", "stap-3-gesprek.en.md"),
    ],
)
def test_golden_html(name, data, locale, page):
    html = checklist.render(data, locale, locales.link_resolver(page, locale)) + "\n"
    golden = GOLDEN / f"checklist-{name}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with UPDATE_GOLDEN=1 and review it"
    assert html == golden.read_text(encoding="utf-8")


# --- the markup contract -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [READ_DO, DO_CONFIRM], ids=lambda d: d["kind"])
@pytest.mark.parametrize("locale", ["nl", "en"])
def test_markup_contract(data, locale):
    root = soup(checklist.render(data, locale)).section
    assert root["class"] == ["checklist", f"checklist--{data['kind']}"]
    assert root["data-checklist"] == data["id"]
    assert root.fieldset.legend.get_text() == data["title"]
    items = root.fieldset.ul.find_all("li", recursive=False)
    assert len(items) == len(data["items"])
    for li, item in zip(items, data["items"]):
        box = li.label.input
        assert (box["type"], box["data-item"]) == ("checkbox", item["id"])
        assert li.label["for"] == box["id"]
        assert not box.has_attr("checked") and not box.has_attr("disabled")
        hint = root.find(id=box.get("aria-describedby")) if box.has_attr("aria-describedby") else None
        assert (hint is not None) == ("hint" in item)
        if hint is not None:
            assert hint.parent is li and hint not in li.label.descendants  # described, not named
    ids = [tag["id"] for tag in root.find_all(id=True)]
    assert len(ids) == len(set(ids))
    # What needs JavaScript is hidden until the script shows it.
    controls = root.find(attrs={"data-checklist-controls": True})
    assert controls.has_attr("hidden")
    progress = controls.find(attrs={"data-checklist-progress": True})
    assert (progress["role"], progress["aria-live"]) == ("status", "polite")
    for name in ("reset", "undo"):
        button = controls.find("button", attrs={f"data-checklist-{name}": True})
        assert button["type"] == "button" and button.get_text(strip=True)
    assert root.find(attrs={"data-checklist-notice": True}).has_attr("hidden")


@pytest.mark.parametrize(
    # locale, kind,        what the reader sees about the kind
    ("locale", "kind", "label"),
    [
        ("nl", "read-do", "Lees-en-doe-lijst:"),
        ("nl", "do-confirm", "Controlelijst:"),
        ("en", "read-do", "Read-do checklist:"),
        ("en", "do-confirm", "Do-confirm checklist:"),
    ],
)
def test_kind_and_moment_are_shown_in_the_locale(locale, kind, label):
    root = soup(checklist.render({**READ_DO, "kind": kind}, locale)).section
    about = root.find(class_="checklist__about")
    assert about.strong.get_text() == label
    assert about.get_text().removeprefix(label).strip() == checklist.STRINGS[locale][f"{kind}.about"]
    moment = root.find(class_="checklist__moment").get_text()
    assert moment == f"{checklist.STRINGS[locale]['moment']}: {READ_DO['moment']}"


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_script_gets_its_strings_from_the_root(locale):
    root = soup(checklist.render(READ_DO, locale)).section
    strings = checklist.STRINGS[locale]
    assert root["data-i18n-progress"] == strings["progress"]
    assert root["data-i18n-complete"] == strings["complete"]
    assert root["data-i18n-cleared"] == strings["cleared"]
    assert "{done}" in strings["progress"] and "{total}" in strings["progress"]


def test_both_locales_have_every_string():
    assert checklist.STRINGS["nl"].keys() == checklist.STRINGS["en"].keys()
    assert all(value.strip() for strings in checklist.STRINGS.values() for value in strings.values())


def test_item_markdown_is_rendered_inline():
    root = soup(checklist.render(DO_CONFIRM, "en"))
    texts = [str(span) for span in root.find_all(class_="checklist__text")]
    assert texts[0] == '<span class="checklist__text">I opened with <strong>optimism</strong>.</span>'
    assert texts[1] == '<span class="checklist__text">I asked <code>open</code> questions.</span>'


def test_the_html_has_no_blank_lines():
    html = checklist.render(READ_DO, "nl")
    assert "\n\n" not in html
    assert html.startswith("<section ") and html.endswith("</section>")


def test_dom_ids_are_the_ids_in_the_html():
    for data in (READ_DO, DO_CONFIRM):
        html_ids = [tag["id"] for tag in soup(checklist.render(data, "nl")).find_all(id=True)]
        assert sorted(checklist.dom_ids(data)) == sorted(html_ids)


# --- links ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    # page being built,        locale, link as written,             URL on the built page
    ("page", "locale", "href", "url"),
    [
        ("stap-1-richting.md", "nl", "stap-3-gesprek.md#fase-1", "stap-3-gesprek.html#fase-1"),
        ("stap-1-richting.en.md", "en", "stap-3-gesprek.md#fase-1", "stap-3-gesprek.html#fase-1"),
        ("stap-1-richting.en.md", "en", "stap-3-gesprek.en.md#fase-1", "stap-3-gesprek.html#fase-1"),
        ("stap-1-richting.md", "nl", "index.md", "./"),
        ("stap-1-richting.en.md", "en", "index.md#start", "./#start"),
        ("index.md", "nl", "stap-2-vertrouwen.md", "stap-2-vertrouwen.html"),
        ("index.en.md", "en", "index.md", "./"),
        ("stap-3-gesprek.md", "nl", "stap-3-gesprek.md#signalen", "#signalen"),  # same page
        ("stap-3-gesprek.en.md", "en", "stap-3-gesprek.md", "stap-3-gesprek.html"),  # page top
        ("stap-1-richting.en.md", "en", "assets/images/two-phases.svg", "../assets/images/two-phases.svg"),
        ("stap-1-richting.md", "nl", "assets/images/twee-fasen.svg", "assets/images/twee-fasen.svg"),
        ("stap-1-richting.md", "nl", "#doel", "#doel"),
        ("stap-1-richting.md", "nl", "https://example.org/x.md", "https://example.org/x.md"),
        ("stap-1-richting.md", "nl", "mailto:a@example.org", "mailto:a@example.org"),
        ("stap-1-richting.md", "nl", "/absolute.md", "/absolute.md"),
        ("stap-1-richting.md", "nl", "../outside.md", "../outside.md"),
        ("deel/pagina.en.md", "en", "../stap-1-richting.md#doel", "../stap-1-richting.html#doel"),
        ("deel/pagina.md", "nl", "index.md", "./"),
    ],
)
def test_link_resolution(page, locale, href, url):
    assert locales.link_resolver(page, locale)(href) == url


def test_links_in_items_and_hints_are_resolved_for_the_page():
    root = soup(checklist.render(READ_DO, "en", locales.link_resolver("stap-1-richting.en.md", "en")))
    assert [a["href"] for a in root.find_all("a")] == ["stap-3-gesprek.html#fase-1", "./"]


# --- hostile text never reaches the page ---------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>Tekst",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](  javascript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "<svg onload=alert(1)>",
    '<iframe src="https://example.org"></iframe>',
    '"><script>alert(1)</script>',
    "<b onmouseover=alert(1)>vet</b>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


def assert_harmless(html: str) -> None:
    tree = soup(html)
    assert not tree.find_all(["script", "img", "svg", "iframe", "b"])
    for tag in tree.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), tag
    for link in tree.find_all("a", href=True):  # an unsafe link loses its href, keeps its text
        assert re.match(r"^(https?:|mailto:|#|[\w./-]*\.html|\./)", link["href"]), link
    # Whatever is left of a payload is text: escaped, never markup.
    assert not re.search(r"<(script|img|svg|iframe|a href=\"javascript)", html, re.I)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["text", "hint"])
def test_hostile_item_text_is_cleaned(payload, field):
    item = {"id": "item", "text": "Tekst", field: payload}
    html = checklist.render({**READ_DO, "items": [item]}, "nl", locales.link_resolver("x.md", "nl"))
    assert_harmless(html)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["title", "moment"])
def test_hostile_title_and_moment_are_plain_text(payload, field):
    html = checklist.render({**READ_DO, field: payload}, "nl", locales.link_resolver("x.md", "nl"))
    assert_harmless(html)
    shown = soup(html).find(class_="checklist__title" if field == "title" else "checklist__moment")
    assert payload in shown.get_text()  # shown as typed, never interpreted


def test_hostile_ids_cannot_break_out_of_attributes():
    # The content model allows only slugs; the template escapes regardless.
    evil = 'x" onclick="alert(1)'
    html = checklist.render({**READ_DO, "id": evil, "items": [{"id": evil, "text": "t"}]}, "nl",
                            locales.link_resolver("x.md", "nl"))
    assert_harmless(html)
    assert soup(html).section["data-checklist"] == evil


# --- placeholders --------------------------------------------------------------------------------

BLOCKS = {"a": "<section>A</section>", "b": "<section>B</section>"}
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
                   "pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist", "pymdownx.smartsymbols"]


def site_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=SITE_EXTENSIONS)


@pytest.mark.parametrize(
    # Markdown as written,                          the page's HTML once placed,                         unplaced, unknown
    ("text", "expected", "unplaced", "unknown"),
    [
        ("x\n<!-- checklist: a -->\ny", "<p>x</p>\n<section>A</section>\n<p>y</p>", ("b",), ()),
        ("<!-- checklist: a -->\n<!-- checklist: b -->", "<section>A</section>\n<section>B</section>", (), ()),
        ("   <!--checklist:a-->  ", "<section>A</section>", ("b",), ()),
        ("tekst zonder plek", "<p>tekst zonder plek</p>", ("a", "b"), ()),
        ("<!-- checklist: c -->", "<!-- checklist: c -->", ("a", "b"), ("c",)),
        ("Zie <!-- checklist: a --> hier", "<p>Zie <!-- checklist: a --> hier</p>", ("a", "b"), ()),  # not a line of its own
        ("    <!-- checklist: a -->", "<pre><code>&lt;!-- checklist: a --&gt;\n</code></pre>", ("a", "b"), ()),  # code
        ("```\n<!-- checklist: a -->\n```\n<!-- checklist: b -->",
         '<div class="highlight"><pre><span></span><code>&lt;!-- checklist: a --&gt;\n</code></pre></div>\n<section>B</section>', ("a",), ()),
        ("!!! tip\n    <!-- checklist: a -->", '<div class="admonition tip">\n<p class="admonition-title">Tip</p>\n<section>A</section>\n</div>', ("b",), ()),
    ],
)
def test_place(text, expected, unplaced, unknown):
    placed = checklist.place(site_markdown(text), BLOCKS)
    assert (placed.html, placed.unplaced, placed.unknown) == (expected, unplaced, unknown)


def test_a_checklist_lands_between_the_paragraphs_around_its_placeholder():
    text = "# Stap 1\n\nNeem vijf minuten.\n<!-- checklist: kies-je-richting -->\n## Volgende stap\n"
    rendered = checklist.render(READ_DO, "nl", locales.link_resolver("stap-1-richting.md", "nl"))
    placed = checklist.place(site_markdown(text), {READ_DO["id"]: rendered})
    assert f"<p>Neem vijf minuten.</p>\n{rendered}\n<h2" in placed.html


# --- the MkDocs adapter --------------------------------------------------------------------------

class FakeSearchIndex:
    def __init__(self):
        self.entries = []


def run_hook(html: str, meta: dict, src_uri: str, language: str, anchors: set | None = None,
             search: FakeSearchIndex | None = None) -> str:
    page = SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri=src_uri), present_anchor_ids=anchors,
                           content=html, url=src_uri.replace(".en.md", ".html").replace(".md", ".html"))
    plugins = {"material/search": SimpleNamespace(search_index=search)} if search else {}
    config = SimpleNamespace(theme={"language": language}, plugins=plugins)
    context = {"page": page}
    assert checklist_hook.on_page_context(context, page=page, config=config, nav=None) is context
    return page.content


def test_hook_renders_in_the_language_being_built():
    html = "<p>Tekst</p>\n<!-- checklist: fase-1-vertrouwen -->\n"
    out = run_hook(html, {"checklists": [DO_CONFIRM]}, "stap-3-gesprek.en.md", "en")
    root = soup(out).section
    assert root["data-i18n-progress"] == checklist.STRINGS["en"]["progress"]
    assert root.find("a")["href"] == "#signalen"
    assert out.startswith("<p>Tekst</p>\n<section ") and out.endswith("</section>\n")


def test_hook_tells_the_anchor_check_the_ids_of_placed_checklists():
    anchors = {"fase-1"}
    other = {**READ_DO, "id": "niet-geplaatst"}
    run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM, other]}, "stap-3-gesprek.en.md", "en", anchors)
    assert anchors == {"fase-1", *checklist.dom_ids(DO_CONFIRM)}


def test_hook_gives_each_placed_checklist_one_search_entry():
    search = FakeSearchIndex()
    other = {**READ_DO, "id": "niet-geplaatst"}
    run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM, other]}, "stap-3-gesprek.en.md", "en",
             search=search)
    assert search.entries == [{
        "location": "stap-3-gesprek.html#checklist-fase-1-vertrouwen",
        "title": "Phase 1 – building trust",
        "text": "During or right after phase 1 I opened with optimism. I asked open questions. "
                "I see signs of trust. Don’t? Stay in phase 1.",
    }]
    hostile = {**DO_CONFIRM, "title": "<b>Fase</b>", "items": [{"id": "x", "text": "Zie `<img src=x onerror=alert(1)>`"}]}
    assert checklist.search_entry(hostile, "p.html", checklist.search_text(hostile)) == {
        "location": "p.html#checklist-fase-1-vertrouwen",
        "title": "&lt;b&gt;Fase&lt;/b&gt;",  # HTML text, as the theme's own entries: shown, never run
        "text": "During or right after phase 1 Zie &lt;img src=x onerror=alert(1)&gt;",
    }
    run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM], "search": {"exclude": True}},
             "stap-3-gesprek.en.md", "en", search=search)
    assert len(search.entries) == 1  # a page kept out of search keeps its checklist out too


@pytest.mark.parametrize("meta", [{}, {"checklists": []}, {"title": "Zonder lijst"}])
def test_hook_leaves_pages_without_checklists_alone(meta):
    html = "<p>Tekst</p>\n<!-- checklist: fase-1-vertrouwen -->\n"
    assert run_hook(html, meta, "over.md", "nl") is html


def test_hook_builds_a_page_whose_placeholder_is_missing():
    placed = checklist.place("<p>Alleen tekst</p>", {READ_DO["id"]: checklist.render(READ_DO, "nl")})
    assert placed.html == "<p>Alleen tekst</p>" and placed.unplaced == ("kies-je-richting",)
    assert run_hook("<p>Alleen tekst</p>", {"checklists": [READ_DO]}, "stap-1-richting.md", "nl") == "<p>Alleen tekst</p>"


def test_hook_refuses_a_checklist_id_the_page_already_has():
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"^docs/stap-3-gesprek.en.md: checklist 'fase-1-vertrouwen' uses the id "
                                          r"'checklist-fase-1-vertrouwen', which the page already has"):
        run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM]}, "stap-3-gesprek.en.md", "en",
                 anchors={"checklist-fase-1-vertrouwen"})


# --- rendered checklists kept between builds ----------------------------------------------------

@pytest.fixture
def kept(tmp_path, monkeypatch):
    """Rendered checklists kept in tmp_path, as checklist_hook.py keeps them in .cache/guide/."""
    return keeping(checklist.RENDERS, tmp_path, monkeypatch)


def made_here(data, locale, page) -> checklist.Rendered:
    resolve = locales.link_resolver(page, locale)
    return checklist.Rendered(checklist.render(data, locale, resolve), checklist.search_text(data, resolve))


def test_a_checklist_rendered_in_an_earlier_build_is_not_rendered_again(kept, monkeypatch):
    first = checklist.rendered(READ_DO, "nl", "stap-1-richting.md")
    assert first == made_here(READ_DO, "nl", "stap-1-richting.md")
    assert "Lees fase 1 nog eens." in first.search_text
    kept()

    def refuse(*args):
        raise AssertionError("rendered again")

    monkeypatch.setattr(checklist, "render", refuse)
    monkeypatch.setattr(checklist, "search_text", refuse)
    assert checklist.rendered(READ_DO, "nl", "stap-1-richting.md") == first


@pytest.mark.parametrize(("data", "locale", "page"), [
    ({**READ_DO, "title": "Een andere titel"}, "nl", "stap-1-richting.md"),  # its data changed
    (READ_DO, "en", "stap-1-richting.en.md"),  # the other language
    (READ_DO, "nl", "deel/stap-1-richting.md"),  # another page: its links lead elsewhere
])
def test_what_differs_from_a_kept_checklist_is_rendered_for_itself(kept, data, locale, page):
    checklist.rendered(READ_DO, "nl", "stap-1-richting.md")
    kept()
    assert checklist.rendered(data, locale, page) == made_here(data, locale, page)


def test_the_kept_checklists_start_over_when_the_template_changes(kept, tmp_path, monkeypatch):
    before = checklist.RENDERS.memo.path
    templates = tmp_path / "templates"
    templates.mkdir()
    template = (checklist.TEMPLATES / "checklist.html").read_text(encoding="utf-8")
    (templates / "checklist.html").write_text(template.replace("checklist__title", "checklist__heading"), encoding="utf-8")
    monkeypatch.setattr(checklist, "TEMPLATES", templates)
    checklist.RENDERS.keep_in(tmp_path)
    assert checklist.RENDERS.memo.path != before and checklist.RENDERS.memo.path.parent == before.parent


@pytest.mark.parametrize("damaged", ["{not json", '["only the html"]', "[1, 2]", '{"html": "x", "text": "y"}'])
def test_a_damaged_kept_checklist_is_rendered_again(kept, damaged):
    key = checklist.cache.key(json.dumps(READ_DO, sort_keys=True, ensure_ascii=False), "nl", "stap-1-richting.md")
    checklist.RENDERS.put(key, damaged)
    assert checklist.rendered(READ_DO, "nl", "stap-1-richting.md") == made_here(READ_DO, "nl", "stap-1-richting.md")
