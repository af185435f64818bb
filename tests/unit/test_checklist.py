"""Checklists rendered from front matter: HTML contract, golden files, links, safety, and the
adapter on real MkDocs pages.

Golden files live in tests/golden/ as pairs: checklist-<name>.yml (the front matter) and
checklist-<name>.html (the HTML it must become); after an intended change of the markup run
`UPDATE_GOLDEN=1 pytest tests/unit/test_checklist.py` and review the diff.
"""

from __future__ import annotations

import re

import checklist_hook
import pytest
import yaml
from bs4 import BeautifulSoup

from guide.bilingual import locales
from guide.bilingual.strings import strings
from guide.components import checklist
from helpers import GOLDEN, assert_golden, mkdocs_config, mkdocs_page

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


def made(data: dict, locale: str, resolve=None) -> checklist.Rendered:
    return checklist.render(checklist.from_front_matter(data), locale, resolve)


def render(data: dict, locale: str, resolve=None) -> str:
    return made(data, locale, resolve).html


# --- golden HTML -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    # golden pair,     locale, page being built
    ("name", "locale", "page"),
    [
        ("read-do-nl", "nl", "stap-1-richting.md"),
        ("do-confirm-en", "en", "stap-3-gesprek.en.md"),
    ],
)
def test_golden_html(name, locale, page):
    data = yaml.safe_load((GOLDEN / f"checklist-{name}.yml").read_text(encoding="utf-8"))
    assert_golden(GOLDEN / f"checklist-{name}.html", render(data, locale, locales.link_resolver(page, locale)) + "\n")


# --- the markup contract -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [READ_DO, DO_CONFIRM], ids=lambda d: d["kind"])
@pytest.mark.parametrize("locale", ["nl", "en"])
def test_markup_contract(data, locale):
    root = soup(render(data, locale)).section
    assert root["class"] == ["checklist", f"checklist--{data['kind']}"]
    assert root["data-checklist"] == data["id"]
    assert root.fieldset.legend.get_text() == data["title"]
    items = root.fieldset.ul.find_all("li", recursive=False)
    assert len(items) == len(data["items"])
    for li, item in zip(items, data["items"], strict=False):
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
        ("nl", "read-do", "Lees-en-doelijst:"),
        ("nl", "do-confirm", "Controlelijst:"),
        ("en", "read-do", "Read-do checklist:"),
        ("en", "do-confirm", "Do-confirm checklist:"),
        ("nl", "self-check", "Zelftest:"),
        ("en", "self-check", "Self-check:"),
    ],
)
def test_kind_and_moment_are_shown_in_the_locale(locale, kind, label):
    root = soup(render({**READ_DO, "kind": kind}, locale)).section
    about = root.find(class_="checklist__about")
    assert about.strong.get_text() == label
    assert about.get_text().removeprefix(label).strip() == strings(locale, "checklist")[f"{kind}.about"]
    moment = root.find(class_="checklist__moment").get_text()
    assert moment == f"{strings(locale, 'checklist')['moment']}: {READ_DO['moment']}"


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_script_gets_its_strings_from_the_root(locale):
    root = soup(render(READ_DO, locale)).section
    t = strings(locale, "checklist")
    assert root["data-i18n-progress"] == t["progress"]
    assert root["data-i18n-complete"] == t["complete"]
    assert root["data-i18n-cleared"] == t["cleared"]
    assert "{done}" in t["progress"] and "{total}" in t["progress"]


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_a_self_check_counts_what_is_recognised_and_never_ends(locale):
    # The signals that a collaboration chafes: ticking all nine is no "done", and no next step.
    data = {**DO_CONFIRM, "kind": "self-check"}
    root = soup(checklist.render(checklist.from_front_matter(data), locale, None, ("Stap 1", "stap-1.html")).html).section
    t = strings(locale, "checklist")
    assert root["data-checklist-kind"] == "self-check"
    assert root["data-i18n-progress"] == root["data-i18n-complete"] == t["self-check.progress"]
    assert "{done}" in t["self-check.progress"] and "{total}" in t["self-check.progress"]
    assert root.find(attrs={"data-checklist-next": True}) is None


def test_item_markdown_is_rendered_inline():
    root = soup(render(DO_CONFIRM, "en"))
    texts = [str(span) for span in root.find_all(class_="checklist__text")]
    assert texts[0] == '<span class="checklist__text">I opened with <strong>optimism</strong>.</span>'
    assert texts[1] == '<span class="checklist__text">I asked <code>open</code> questions.</span>'


def test_the_html_has_no_blank_lines():
    html = render(READ_DO, "nl")
    assert "\n\n" not in html
    assert html.startswith("<section ") and html.endswith("</section>")


def test_dom_ids_are_the_ids_in_the_html():
    for data in (READ_DO, DO_CONFIRM):
        html_ids = [tag["id"] for tag in soup(render(data, "nl")).find_all(id=True)]
        assert sorted(checklist.dom_ids(checklist.from_front_matter(data))) == sorted(html_ids)


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
    root = soup(render(READ_DO, "en", locales.link_resolver("stap-1-richting.en.md", "en")))
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
    html = render({**READ_DO, "items": [item]}, "nl", locales.link_resolver("x.md", "nl"))
    assert_harmless(html)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["title", "moment"])
def test_hostile_title_and_moment_are_plain_text(payload, field):
    html = render({**READ_DO, field: payload}, "nl", locales.link_resolver("x.md", "nl"))
    assert_harmless(html)
    shown = soup(html).find(class_="checklist__title" if field == "title" else "checklist__moment")
    assert payload in shown.get_text()  # shown as typed, never interpreted


def test_hostile_ids_cannot_break_out_of_attributes():
    # The content model allows only slugs; the template escapes regardless.
    evil = 'x" onclick="alert(1)'
    html = render({**READ_DO, "id": evil, "items": [{"id": evil, "text": "t"}]}, "nl",
                            locales.link_resolver("x.md", "nl"))
    assert_harmless(html)
    assert soup(html).section["data-checklist"] == evil


# --- the MkDocs adapter, on real MkDocs pages --------------------------------------------------

def run_hook(html: str, meta: dict, src_uri: str, language: str, anchors: set | None = None, search=False):
    page = mkdocs_page(src_uri, html, meta, anchors)
    config = mkdocs_config(language, search=search)
    context = {"page": page}
    assert checklist_hook.on_page_context(context, page=page, config=config, nav=None) is context
    return page, config


def test_hook_renders_in_the_language_being_built():
    html = "<p>Tekst</p>\n<!-- checklist: fase-1-vertrouwen -->\n"
    page, _ = run_hook(html, {"checklists": [DO_CONFIRM]}, "stap-3-gesprek.en.md", "en")
    root = soup(page.content).section
    assert root["data-i18n-progress"] == strings("en", "checklist")["progress"]
    assert root.find("a")["href"] == "#signalen"
    assert page.content.startswith("<p>Tekst</p>\n<section ") and page.content.endswith("</section>\n")


def test_hook_tells_the_anchor_check_the_ids_of_its_checklists():
    page, _ = run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM]}, "stap-3-gesprek.en.md",
                       "en", anchors={"fase-1"})
    assert page.present_anchor_ids == {"fase-1", *checklist.dom_ids(checklist.from_front_matter(DO_CONFIRM))}


def test_hook_gives_each_checklist_one_search_entry():
    page, config = run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM]},
                            "stap-3-gesprek.en.md", "en", search=True)
    assert config.plugins["material/search"].search_index.entries == [{
        "location": f"{page.url}#checklist-fase-1-vertrouwen",
        "title": "Phase 1 – building trust",
        "text": "During or right after phase 1 I opened with optimism. I asked open questions. "
                "I see signs of trust. Don’t? Stay in phase 1.",
    }]
    hostile = {**DO_CONFIRM, "title": "<b>Fase</b>", "items": [{"id": "x", "text": "Zie `<img src=x onerror=alert(1)>`"}]}
    assert checklist.search_entry(checklist.from_front_matter(hostile), "p.html", made(hostile, "nl").search_text) == {
        "location": "p.html#checklist-fase-1-vertrouwen",
        "title": "&lt;b&gt;Fase&lt;/b&gt;",  # HTML text, as the theme's own entries: shown, never run
        "text": "During or right after phase 1 Zie &lt;img src=x onerror=alert(1)&gt;",
    }
    _, config = run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM], "search": {"exclude": True}},
                         "stap-3-gesprek.en.md", "en", search=True)
    assert config.plugins["material/search"].search_index.entries == []  # a page kept out of search keeps its checklist out


@pytest.mark.parametrize("meta", [{}, {"checklists": []}, {"title": "Zonder lijst"}])
def test_hook_leaves_pages_without_checklists_alone(meta):
    html = "<p>Tekst</p>\n<!-- checklist: fase-1-vertrouwen -->\n"
    page, _ = run_hook(html, meta, "over.md", "nl")
    assert page.content is html


def test_hook_refuses_a_checklist_id_the_page_already_has():
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"^docs/stap-3-gesprek.en.md: checklist 'fase-1-vertrouwen' uses the id "
                                          r"'checklist-fase-1-vertrouwen', which the page already has"):
        run_hook("<!-- checklist: fase-1-vertrouwen -->", {"checklists": [DO_CONFIRM]}, "stap-3-gesprek.en.md", "en",
                 anchors={"checklist-fase-1-vertrouwen"})
