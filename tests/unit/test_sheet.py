"""The conversation-preparation sheet from front matter: the form's markup contract (golden
files), safety of contributor text, the adapters on real MkDocs pages, the My data component,
and the blank A4 PDF.

Golden files live in tests/golden/ as pairs: sheet-<name>.yml (the sheet's front matter) and
sheet-<name>.html (the form it must become); after an intended change of the markup run
`UPDATE_GOLDEN=1 pytest tests/unit/test_sheet.py` and review the diff.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from types import SimpleNamespace

import markdown
import my_data_hook
import pdf_hook
import pytest
import sheet_hook
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc
from pypdf import PdfReader

from guide.bilingual import locales
from guide.bilingual.strings import STRINGS, strings
from guide.components import my_data, sheet, sheet_pdf
from helpers import GOLDEN, ROOT, assert_golden, mkdocs_config, mkdocs_page

SMALL = {
    "id": "voorbereiding",
    "title": "Voorbereiding",
    "sections": [
        {"id": "doel", "heading": "Mijn doel", "prompt": "Wat wil je **echt** bereiken?",
         "example": "Ik wil dat *we* samen …", "lines": 3},
        {"id": "vragen", "heading": "Vragen", "prompt": "Lees [fase 1](stap-3-gesprek.md#fase-1) eerst.", "lines": 1},
    ],
}
SMALL_EN = {
    "id": "voorbereiding",
    "title": "Preparation",
    "sections": [
        {"id": "doel", "heading": "My goal", "prompt": "What do you `really` want?", "lines": 8},
    ],
}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def real_sheet(locale: str) -> sheet.Sheet:
    """The sheet the guide publishes, from docs/gespreksvoorbereiding(.en).md."""
    name = "gespreksvoorbereiding.md" if locale == "nl" else "gespreksvoorbereiding.en.md"
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    return sheet.from_front_matter(yaml.safe_load(text.split("---\n")[1])["sheet"])


# --- golden HTML -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    # golden pair, locale, href of the blank PDF
    ("name", "locale", "pdf_href"),
    [
        ("small-nl", "nl", "downloads/voorbereiding.pdf"),
        ("small-en", "en", "../downloads/preparation.pdf"),
    ],
)
def test_golden_html(name, locale, pdf_href):
    data = yaml.safe_load((GOLDEN / f"sheet-{name}.yml").read_text(encoding="utf-8"))
    assert_golden(GOLDEN / f"sheet-{name}.html", sheet.render(sheet.from_front_matter(data), locale, pdf_href) + "\n")


# --- the markup contract -------------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["nl", "en"])
def test_markup_contract(locale):
    model = real_sheet(locale)
    form = soup(sheet.render(model, locale, "downloads/x.pdf")).form
    assert form["class"] == ["sheet"] and form["data-sheet"] == "gespreksvoorbereiding"
    assert form.h2.get_text() == model.title and form["aria-labelledby"] == form.h2["id"]

    fields = {f["data-field"]: f for f in form.select("[data-field]")}
    assert list(fields) == ["_client", "_date"] + [s.id for s in model.sections]
    for field in fields.values():
        label = form.select(f'label[for="{field["id"]}"]')
        assert len(label) == 1 and label[0].get_text(strip=True)
    for section in model.sections:
        answer = fields[section.id]
        assert answer.name == "textarea" and answer["rows"] == str(section.lines)
        assert form.select_one(f'label[for="{answer["id"]}"]').get_text() == section.heading
        for described_by in answer["aria-describedby"].split():
            assert form.find(id=described_by) is not None
        copy = form.select_one(f'[data-print-for="{section.id}"]')
        assert copy["data-lines"] == str(section.lines) and copy["aria-hidden"] == "true"
    ids = [tag["id"] for tag in form.find_all(id=True)]
    assert len(ids) == len(set(ids))

    # Without JavaScript: no control that needs it, a link that works, a note that says so.
    for control in ("data-sheet-print", "data-sheet-delete"):
        button = form.find(attrs={control: True})
        assert button.name == "button" and button["type"] == "button" and button.has_attr("hidden")
    for part in ("data-sheet-preps", "data-sheet-undo"):  # the list of preparations, and undo
        assert form.find(attrs={part: True}).has_attr("hidden")
    for control in ("data-sheet-new", "data-sheet-next", "data-sheet-restore"):
        assert form.find(attrs={control: True}).name == "button"
    link = form.find(attrs={"data-sheet-pdf": True})
    assert link["href"] == "downloads/x.pdf" and link.has_attr("download")
    assert not form.find(attrs={"data-sheet-no-script": True}).has_attr("hidden")


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_every_string_the_script_needs_is_there_and_translated(locale):
    form = soup(sheet.render(real_sheet(locale), locale, "x.pdf")).form
    given = {k[len("data-i18n-"):]: v for k, v in form.attrs.items() if k.startswith("data-i18n-")}
    script = (ROOT / "docs" / "assets" / "javascripts" / "sheet.js").read_text(encoding="utf-8")
    needed = set(re.findall(r'c\.text\("([a-z-]+)"', script)) | set(re.findall(r'tell\("([a-z]+)"', script))
    needed |= {"full", "memory"}  # tell(store.problem())
    assert {"saved", "deleted", "missing", "filled", "conflict", "corrupt"} <= needed  # the test reads the script
    assert needed - set(given) == set()
    assert all(given.values()) and "{time}" in given["saved"] and "{done}" in given["filled"]
    untranslated = [k for k, v in strings("nl", "sheet").items() if strings("en", "sheet")[k] == v]
    assert untranslated == []


def test_links_in_prompts_lead_to_built_pages():
    html = sheet.render(sheet.from_front_matter(SMALL), "nl", "x.pdf",
                        resolve_link=lambda href: href.replace(".md", ".html"))
    assert soup(html).select_one("#voorbereiding-vragen-prompt a")["href"] == "stap-3-gesprek.html#fase-1"


# --- contributor text is never markup ------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">klik</a>',
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["prompt", "example", "heading"])
def test_injected_markup_never_reaches_the_page_or_the_paper(payload, field):
    data = {**SMALL, "title": payload, "sections": [{**SMALL["sections"][0], field: payload}]}
    model = sheet.from_front_matter(data)
    for html in (sheet.render(model, "nl", "x.pdf"), sheet_pdf.html(model, "nl", "Gids", "https://gids.example/")):
        body = html.split("<body>")[-1]
        doc = soup(body)
        assert not doc.find_all(["script", "img", "svg", "iframe", "style"])
        assert not [a for tag in doc.find_all(True) for a in tag.attrs if a.startswith("on")]
        assert "javascript:" not in " ".join(a.get("href", "") for a in doc.find_all("a"))
    # Plain-text fields (title, heading) show the text as typed.
    assert soup(sheet.render(model, "nl", "x.pdf")).h2.get_text() == payload


def test_template_syntax_in_content_stays_text():
    data = {**SMALL, "title": "{{ 7 * 7 }}", "sections": [{**SMALL["sections"][0], "prompt": "{% raw %}x"}]}
    html = sheet.render(sheet.from_front_matter(data), "nl", "x.pdf")
    assert "{{ 7 * 7 }}" in html and "49" not in html and "{% raw %}x" in html


# --- the adapters, on real MkDocs pages --------------------------------------------------------

PAGE = "# Titel\n\nEerst tekst.\n\n<!-- sheet: voorbereiding -->\n\n## Daarna {#daarna}\n\nMeer tekst.\n"


def page_html(text: str = PAGE) -> str:
    """What Markdown makes of a page, as the hook gets it."""
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])


def test_the_form_takes_the_place_of_the_placeholder():
    page = mkdocs_page("blad.md", page_html(), {"sheet": SMALL}, set())
    sheet_hook.on_page_context({}, page=page, config=mkdocs_config("nl"), nav=None)
    doc = soup(page.content)
    assert len(doc.select("form.sheet")) == 1
    assert [t["data-field"] for t in doc.select("form.sheet [data-field]")] == ["_client", "_date", "doel", "vragen"]
    assert [p.get_text() for p in doc.find_all("p", recursive=False)] == ["Eerst tekst.", "Meer tekst."]
    assert doc.form.find_previous_sibling("p").get_text() == "Eerst tekst."
    assert "<!-- sheet" not in page.content


def test_dom_ids_are_the_ids_in_the_form():
    for data in (SMALL, SMALL_EN):
        model = sheet.from_front_matter(data)
        form_ids = [tag["id"] for tag in soup(sheet.render(model, "nl", "x.pdf")).find_all(id=True)]
        assert sorted(sheet.dom_ids(model)) == sorted(form_ids)


def run_hook(page, locale: str, search: bool = False):
    config = mkdocs_config(locale, search=search, site_url="https://gids.example/")
    context = {"page": page}
    assert sheet_hook.on_page_context(context, page, config, None) is context
    return page.content, config


@pytest.mark.parametrize(
    # page source,          locale, PDF link on the page,                  PDF in the site
    ("src_uri", "locale", "href", "pdf_path"),
    [
        ("blad.md", "nl", "downloads/voorbereiding.pdf", "downloads/voorbereiding.pdf"),
        ("blad.en.md", "en", "downloads/preparation.pdf", "en/downloads/preparation.pdf"),
        ("deel/blad.md", "nl", "../downloads/voorbereiding.pdf", "downloads/voorbereiding.pdf"),
    ],
)
def test_the_hook_links_the_pdf_of_the_language_being_built(src_uri, locale, href, pdf_path):
    data = SMALL if locale == "nl" else SMALL_EN
    page = mkdocs_page(src_uri, page_html(PAGE.replace("voorbereiding -->", f"{data['id']} -->")), {"sheet": data}, set())
    result, _ = run_hook(page, locale)
    assert soup(result).select_one("[data-sheet-pdf]")["href"] == href
    assert page.present_anchor_ids == set(sheet.dom_ids(sheet.from_front_matter(data)))


def sheet_page(data: dict, body: str = "") -> str:
    """A page's source with `data` as its sheet; `sheet:` stands on line 3."""
    return "---\n" + yaml.safe_dump({"title": "Blad", "sheet": data}, allow_unicode=True, sort_keys=False) + "---\n" + body


def pdf_build(tmp_path, locale: str, pages: dict[str, dict]):
    """One language build of the PDF hook: `pages` (src_uri -> sheet) read, then the site written."""
    config = mkdocs_config(locale, site_url="https://gids.example/", project=tmp_path)
    pdf_hook.on_files(None, config)
    for src_uri, data in pages.items():
        page = mkdocs_page(src_uri, "", {"sheet": data}, text=sheet_page(data, PAGE))
        pdf_hook.on_page_markdown("", page=page, config=config, files=None)
    pdf_hook.on_post_build(config)
    return config


def test_two_sheets_whose_pdfs_would_share_a_name_fail_the_build_naming_both(tmp_path):
    # The same title, so the same file name for the PDF.
    with pytest.raises(PluginError, match=r"^docs/b\.md:3: sheet: its blank PDF would be downloads/voorbereiding\.pdf, "
                                          r"as the sheet of docs/a\.md is: give one of them another title$"):
        pdf_build(tmp_path, "nl", {"a.md": {**SMALL, "id": "een"}, "b.md": {**SMALL, "id": "twee"}})


@pytest.mark.parametrize(
    ("src_uri", "locale", "pdf_path", "page_url"),
    [
        ("blad.md", "nl", "downloads/voorbereiding.pdf", "https://gids.example/blad.html"),
        ("deel/blad.en.md", "en", "en/downloads/preparation.pdf", "https://gids.example/en/deel/blad.html"),
    ],
)
def test_the_pdf_hook_writes_the_pdf_of_the_language_being_built_and_keeps_it(tmp_path, src_uri, locale, pdf_path, page_url):
    data = SMALL if locale == "nl" else SMALL_EN
    pdf_build(tmp_path, locale, {src_uri: data})
    pdf = (tmp_path / "site" / pdf_path).read_bytes()
    assert pdf == sheet_pdf.render(sheet.from_front_matter(data), locale, "Gids", page_url)
    [kept] = (tmp_path / ".cache" / "guide" / "sheets").glob("*.pdf")
    assert kept.read_bytes() == pdf  # kept for the next build, which takes it from there:
    kept.write_bytes(pdf.replace(b"%%EOF", b"% taken from the cache\n%%EOF"))
    pdf_build(tmp_path, locale, {src_uri: data})
    assert b"taken from the cache" in (tmp_path / "site" / pdf_path).read_bytes()


def test_a_cache_that_cannot_be_written_is_no_reason_to_fail_the_build(tmp_path, caplog):
    caplog.set_level("INFO", logger="mkdocs.plugins.pdf")
    (tmp_path / ".cache").write_text("a file where the folder should be")
    pdf_build(tmp_path, "nl", {"blad.md": SMALL})
    assert (tmp_path / "site" / "downloads" / "voorbereiding.pdf").read_bytes().startswith(b"%PDF-")
    assert [r.getMessage() for r in caplog.records if "could not keep" in r.getMessage()] == [
        f"pdf: could not keep the blank PDFs in {tmp_path}/.cache/guide/sheets (Not a directory): built without "
        "the cache; the next build makes them again"]


def test_the_hook_gives_the_sheet_one_search_entry():
    _, config = run_hook(mkdocs_page("blad.md", page_html(), {"sheet": SMALL}, set()), "nl", search=True)
    model = sheet.from_front_matter(SMALL)
    entries = config.plugins["material/search"].search_index.entries
    assert entries == [sheet.search_entry(model, "blad.html", locales.link_resolver("blad.md", "nl"))]
    entry = entries[0]
    assert entry["location"] == "blad.html#voorbereiding" and entry["title"] == model.title
    assert all(s.heading in entry["text"] for s in model.sections)


@pytest.mark.parametrize(
    # the page's Markdown around the placeholder,                       its table of contents after
    ("text", "titles"),
    [
        ("# Titel\n\n## Eerst\n\n<!-- sheet: voorbereiding -->\n\n## Daarna\n", ["Eerst", "Voorbereiding", "Daarna"]),
        ("# Titel\n\n## Eerst\n\n<!-- sheet: voorbereiding -->\n", ["Eerst", "Voorbereiding"]),
        ("# Titel\n\n<!-- sheet: voorbereiding -->\n\n## Daarna\n\n### Dieper\n", ["Voorbereiding", "Daarna"]),
    ],
)
def test_the_sheets_title_is_listed_in_the_table_of_contents_where_it_stands(text, titles):
    converter = markdown.Markdown(extensions=["attr_list", "toc"])
    html = converter.convert(text)
    page = mkdocs_page("blad.md", html, {"sheet": SMALL}, set())
    page.toc = get_toc(converter.toc_tokens)
    run_hook(page, "nl")
    [h1] = page.toc.items
    assert [item.title for item in h1.children] == titles
    assert next(i for i in h1.children if i.title == "Voorbereiding").url == "#voorbereiding"


def test_pages_without_a_sheet_are_left_alone():
    html = page_html("# Titel\n\nGeen formulier.\n")
    assert run_hook(mkdocs_page("x.md", html, {}), "nl")[0] is html


# --- the My data component -----------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["nl", "en"])
def test_my_data_component(locale):
    places = [{"key": "sheet:gespreksvoorbereiding", "title": "Gesprek's \"voorbereiding\" <b>",
               "href": "gespreksvoorbereiding.html#gespreksvoorbereiding"}]
    root = soup(my_data.render(locale, places)).div
    assert root.has_attr("data-my-data")
    assert json.loads(root["data-my-data-places"]) == places
    assert (root["data-my-data-format"], root["data-my-data-version"]) == ("samenwerken-met-klanten", "1")
    for control in ("data-my-data-export", "data-my-data-delete", "data-my-data-import"):
        assert root.find(attrs={control: True}) is not None
    # The file input is named by a label that looks like a button, and described by what it does.
    file_input = root.find(attrs={"data-my-data-import": True})
    label = root.select_one(f'label[for="{file_input["id"]}"]')
    assert label.get_text() and "md-button" in label["class"]
    assert root.find(id=file_input["aria-describedby"]).get_text()
    # What went right is a status, what went wrong an alert.
    assert root.find(attrs={"data-my-data-message": True})["role"] == "status"
    assert root.find(attrs={"data-my-data-error": True})["role"] == "alert"
    assert root.find(attrs={"data-my-data-actions": True}).has_attr("hidden")  # needs JavaScript
    given = {k[len("data-i18n-"):] for k in root.attrs if k.startswith("data-i18n-")}
    assert {"not-json", "wrong-format", "wrong-version", "bad-data", "imported", "confirm-delete",
            "remove", "remove-label", "confirm-remove", "removed", "date-locale"} <= given
    assert root["data-i18n-date-locale"] == {"nl": "nl-NL", "en": "en-GB"}[locale]


def test_my_data_places_come_from_front_matter_in_page_order():
    front = {
        "sheet": {"id": "gespreksvoorbereiding", "title": "Gespreksvoorbereiding", "sections": []},
        "checklists": [{"id": "kies-je-richting", "title": "Je richting kiezen"}, {"id": "b", "title": "B"}],
    }
    assert my_data.places(front) == [
        ("sheet:gespreksvoorbereiding", "Gespreksvoorbereiding", "gespreksvoorbereiding"),
        ("checklist:kies-je-richting", "Je richting kiezen", "checklist-kies-je-richting"),
        ("checklist:b", "B", "checklist-b"),
    ]
    assert my_data.places({"title": "Gewone pagina"}) == []


def test_my_data_hook_lists_places_in_navigation_order_and_takes_the_placeholders_place():
    config = mkdocs_config("nl")
    my_data_hook.on_files(None, config)
    later = mkdocs_page("stap-3.md", "", {"checklists": [{"id": "z-eerst-gelezen", "title": "Later"}]})
    earlier = mkdocs_page("stap-1.md", "", {"checklists": [{"id": "kies-je-richting", "title": "Je richting kiezen"}]})
    page = mkdocs_page("mijn-gegevens.md", page_html("# Mijn gegevens\n\n<!-- my-data -->\n\nNa.\n"), {}, set())
    my_data_hook.on_nav(SimpleNamespace(pages=[earlier, later, page]), config, None)
    for read in (later, earlier):  # MkDocs reads pages in file order, not in the navigation's
        my_data_hook.on_page_markdown("", page=read, config=config, files=None)
    my_data_hook.on_page_context({}, page=page, config=config, nav=None)
    [root] = soup(page.content).select("[data-my-data]")
    assert json.loads(root["data-my-data-places"]) == [
        {"key": "checklist:kies-je-richting", "title": "Je richting kiezen",
         "href": "stap-1.html#checklist-kies-je-richting"},
        {"key": "checklist:z-eerst-gelezen", "title": "Later", "href": "stap-3.html#checklist-z-eerst-gelezen"},
    ]
    assert "<!-- my-data" not in page.content and page.present_anchor_ids == set(my_data.DOM_IDS)
    assert sorted(my_data.DOM_IDS) == sorted(tag["id"] for tag in soup(my_data.render("nl", [])).find_all(id=True))


def test_every_component_has_every_string_in_both_languages():
    assert STRINGS["nl"].keys() == STRINGS["en"].keys()
    for component in STRINGS["nl"]:
        if component != "translation":  # only translated pages show it
            assert strings("nl", component).keys() == strings("en", component).keys(), component
    assert all(v.strip() for locale in STRINGS.values() for texts in locale.values() for v in texts.values())


# --- the blank PDF -------------------------------------------------------------------------------

A4 = (595.28, 841.89)


def pdf_text(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize(
    # locale, site name,                 footer words
    ("locale", "site_name", "footer"),
    [
        ("nl", "Samenwerken met klanten", "Uit de gids Samenwerken met klanten"),
        ("en", "Working with clients", "From the guide Working with clients"),
    ],
)
def test_the_guides_blank_pdf_is_one_a4_page_in_its_language(locale, site_name, footer):
    model = real_sheet(locale)
    reader = PdfReader(io.BytesIO(sheet_pdf.render(model, locale, site_name, "https://gids.example/")))
    assert len(reader.pages) == 1
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)
    text = pdf_text(reader)
    for section in model.sections:
        assert section.heading in text
    label = strings(locale, "sheet")
    assert model.title in text and label["client"].upper() in text and label["date"].upper() in text
    assert footer in text
    assert reader.metadata.title == model.title
    assert reader.trailer["/Root"]["/Lang"] == locale


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_guides_blank_pdf_is_a_form_to_fill_in_any_pdf_reader(locale):
    model = real_sheet(locale)
    reader = PdfReader(io.BytesIO(sheet_pdf.render(model, locale, "Gids", "https://gids.example/")))
    fields = reader.get_fields()
    # One text field for the client, one for the date, one multi-line one per section, by id.
    assert list(fields) == ["_client", "_date"] + [s.id for s in model.sections]
    multiline = 1 << 12
    assert {name: (f["/FT"], bool(int(f.get("/Ff", 0)) & multiline)) for name, f in fields.items()} == {
        "_client": ("/Tx", False), "_date": ("/Tx", False), **{s.id: ("/Tx", True) for s in model.sections}}
    # Each is named for readers of the form in the sheet's language.
    label = strings(locale, "sheet")
    assert [f.get("/TU") for f in fields.values()] == [label["client"], label["date"]] + [
        s.heading for s in model.sections]


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_form_and_the_paper_show_the_conversations_groups(locale):
    model = real_sheet(locale)
    assert [g.id for g in model.groups] == ["vooraf", "fase-1", "fase-2", "na-het-gesprek"]
    assert [g.after for g in model.groups] == [False, False, False, True]
    assert [s.id for s in model.sections if s.main] == ["doel", "wensen"]
    form = soup(sheet.render(model, locale, "x.pdf")).form
    titles = form.select(".sheet__group-title")
    assert [t["id"] for t in titles] == [f"gespreksvoorbereiding-{g.id}" for g in model.groups]
    assert [t.get_text() for t in titles] == [g.title for g in model.groups]
    assert [s["id"] for s in form.select(".sheet__group--after .sheet__heading")] == [
        "gespreksvoorbereiding-afspraken", "gespreksvoorbereiding-terugblik"]
    assert [h["id"] for h in form.select(".sheet__section--main .sheet__heading")] == [
        "gespreksvoorbereiding-doel", "gespreksvoorbereiding-wensen"]
    paper = soup(sheet_pdf.html(model, locale, "Gids", "https://gids.example/"))
    assert [h.get_text() for h in paper.select("h2.group")] == [g.title for g in model.groups]
    assert len(paper.select("section.main")) == 2 and len(paper.select("section.after")) == 2
    # The prompt asks for three to five questions: room for five.
    assert {s.id: s.lines for s in model.sections}["vragen"] == 5


def test_the_link_to_the_pdf_says_what_it_is_and_how_large():
    form = soup(sheet.render(sheet.from_front_matter(SMALL), "nl", "x.pdf", pdf_bytes=115_400)).form
    assert form.find(attrs={"data-sheet-pdf": True}).get_text() == "Lege pdf om in te vullen (A4, 115 kB)"
    form = soup(sheet.render(sheet.from_front_matter(SMALL_EN), "en", "x.pdf")).form
    assert form.find(attrs={"data-sheet-pdf": True}).get_text() == "Blank fillable PDF (A4)"


def fragments_per_section(document) -> list[int]:
    """How many pieces each <section> of a laid-out document is cut into (by pages or columns)."""
    def walk(box):
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    pieces = Counter(id(box.element) for page in document.pages for box in walk(page._page_box)
                     if box.element_tag == "section")
    return list(pieces.values())


@pytest.mark.parametrize("line_gap", sheet_pdf.LINE_GAPS_MM)
def test_no_section_is_split_across_pages_or_columns(line_gap):
    import weasyprint

    sections = [{"id": f"deel-{n}", "heading": f"Onderdeel {n}", "prompt": "Schrijf het op. " * 6, "lines": 8}
                for n in range(1, 9)]
    model = sheet.from_front_matter({"id": "lang", "title": "Lang", "sections": sections})
    document = weasyprint.HTML(string=sheet_pdf.html(model, "nl", "Gids", "https://gids.example/", line_gap)).render()
    assert len(document.pages) == 2
    assert fragments_per_section(document) == [1] * len(sections)


def test_a_sheet_slightly_too_long_for_one_page_gets_tighter_lines_instead_of_a_second_page():
    sections = [{"id": f"deel-{n}", "heading": f"Onderdeel {n}", "prompt": "Schrijf het op.", "lines": 3}
                for n in range(1, 12)]
    model = sheet.from_front_matter({"id": "krap", "title": "Krap", "sections": sections})
    document = sheet_pdf.html(model, "nl", "Gids", "https://gids.example/", sheet_pdf.LINE_GAPS_MM[0])
    assert len(PdfReader(io.BytesIO(weasyprint_pdf(document))).pages) == 2  # at the widest ruling
    assert len(PdfReader(io.BytesIO(sheet_pdf.render(model, "nl", "Gids", "https://gids.example/"))).pages) == 1


@pytest.mark.parametrize("lines", [1, 2, 3])
def test_the_widest_ruling_that_fits_one_page_is_chosen_in_two_layouts(monkeypatch, lines):
    import weasyprint

    sections = [{"id": f"deel-{n}", "heading": f"Onderdeel {n}", "prompt": "Schrijf het op.", "lines": lines}
                for n in range(1, 12)]
    model = sheet.from_front_matter({"id": "krap", "title": "Krap", "sections": sections})
    made = [sheet_pdf.html(model, "nl", "Gids", "https://gids.example/", gap) for gap in sheet_pdf.LINE_GAPS_MM]
    fitting = [gap for gap, document in zip(sheet_pdf.LINE_GAPS_MM, made, strict=True)
               if len(weasyprint.HTML(string=document).render().pages) == 1]
    assert fitting, "the fixture must fit one page at some ruling"
    tried, html = [], sheet_pdf.html
    monkeypatch.setattr(sheet_pdf, "html", lambda *args: tried.append(args[-1]) or html(*args))
    pdf = sheet_pdf.render(model, "nl", "Gids", "https://gids.example/")
    assert len(tried) == 2  # of three rulings
    widest = made[sheet_pdf.LINE_GAPS_MM.index(fitting[0])]
    assert pdf == weasyprint.HTML(string=widest).write_pdf(**sheet_pdf.PDF_OPTIONS)


def weasyprint_pdf(document: str) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=document).write_pdf()


def test_a_sheet_that_cannot_fit_one_page_takes_two():
    sections = [{"id": f"deel-{n}", "heading": f"Onderdeel {n}", "prompt": "Schrijf het op.", "lines": 8}
                for n in range(1, 9)]
    model = sheet.from_front_matter({"id": "lang", "title": "Lang", "sections": sections})
    reader = PdfReader(io.BytesIO(sheet_pdf.render(model, "nl", "Gids", "https://gids.example/")))
    assert len(reader.pages) == 2
    assert all(section["heading"] in pdf_text(reader) for section in sections)


def test_a_sheet_too_long_for_two_pages_is_refused_with_the_reason():
    sections = [{"id": f"deel-{n}", "heading": f"Onderdeel {n}", "prompt": "Schrijf het op.", "lines": 8}
                for n in range(1, 21)]
    model = sheet.from_front_matter({"id": "te-lang", "title": "Te lang", "sections": sections})
    with pytest.raises(sheet_pdf.SheetTooLong, match=r"sheet 'te-lang' \(nl\) needs \d A4 pages; at most 2"):
        sheet_pdf.render(model, "nl", "Gids", "https://gids.example/")


def test_links_in_prompts_are_plain_text_on_paper():
    document = sheet_pdf.html(sheet.from_front_matter(SMALL), "nl", "Gids", "https://gids.example/")
    assert "<a " not in document and "fase 1" in document


@pytest.mark.parametrize(
    # title,                       locale, site path
    ("title", "locale", "path"),
    [
        ("Gespreksvoorbereiding", "nl", "downloads/gespreksvoorbereiding.pdf"),
        ("Conversation preparation", "en", "en/downloads/conversation-preparation.pdf"),
        ("Één café-gesprek!", "nl", "downloads/een-cafe-gesprek.pdf"),
        ("¿¿??", "en", "en/downloads/voorbereiding.pdf"),  # nothing left: the id
    ],
)
def test_pdf_site_path(title, locale, path):
    assert sheet_pdf.site_path(sheet.from_front_matter({**SMALL, "title": title}), locale) == path
