"""The conversation-preparation sheet from front matter: the form's markup contract (golden
files), safety of contributor text, placement in the page, the My data component, and the blank
A4 PDF.

Golden files live in tests/golden/sheet-*.html; after an intended change of the markup run
`UPDATE_GOLDEN=1 pytest tests/unit/test_sheet.py` and review the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.structure.toc import get_toc
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

import sheet_hook
from guide.bilingual import locales
from guide.components import my_data
from guide.components import sheet
from guide.components import sheet_pdf
ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"

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
    # golden file name, front matter, locale, href of the blank PDF
    ("name", "data", "locale", "pdf_href"),
    [
        ("small-nl", SMALL, "nl", "downloads/voorbereiding.pdf"),
        ("small-en", SMALL_EN, "en", "../downloads/preparation.pdf"),
    ],
)
def test_golden_html(name, data, locale, pdf_href):
    html = sheet.render(sheet.from_front_matter(data), locale, pdf_href) + "\n"
    golden = GOLDEN / f"sheet-{name}.html"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(html, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with UPDATE_GOLDEN=1 and review it"
    assert html == golden.read_text(encoding="utf-8")


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
    for control in ("data-sheet-print", "data-sheet-clear"):
        button = form.find(attrs={control: True})
        assert button.name == "button" and button["type"] == "button" and button.has_attr("hidden")
    assert form.find(attrs={"data-sheet-pdf": True})["href"] == "downloads/x.pdf"
    assert not form.find(attrs={"data-sheet-no-script": True}).has_attr("hidden")


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_every_string_the_script_needs_is_there_and_translated(locale):
    form = soup(sheet.render(real_sheet(locale), locale, "x.pdf")).form
    strings = {k[len("data-i18n-"):]: v for k, v in form.attrs.items() if k.startswith("data-i18n-")}
    assert set(strings) == {"saved", "memory", "corrupt", "confirm-clear", "cleared", "full", "conflict",
                            "keep-mine", "take-theirs", "empty", "unsaved"}
    assert all(strings.values()) and "{time}" in strings["saved"]
    assert sheet.STRINGS["nl"].keys() == sheet.STRINGS["en"].keys()
    untranslated = [k for k in sheet.STRINGS["nl"] if sheet.STRINGS["nl"][k] == sheet.STRINGS["en"][k]]
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


# --- placement in the page -----------------------------------------------------------------------

PAGE = "# Titel\n\nEerst tekst.\n\n<!-- sheet: voorbereiding -->\n\n## Daarna {#daarna}\n\nMeer tekst.\n"


def page_html(text: str = PAGE) -> str:
    """What Markdown makes of a page, as the hook gets it."""
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])


def test_the_form_takes_the_place_of_the_placeholder():
    html = page_html()
    assert sheet.placeholders(html) == ["voorbereiding"]
    placed = sheet.insert(html, sheet.render(sheet.from_front_matter(SMALL), "nl", "x.pdf"))
    doc = soup(placed)
    assert len(doc.select("form.sheet")) == 1
    assert [t["data-field"] for t in doc.select("form.sheet [data-field]")] == ["_client", "_date", "doel", "vragen"]
    assert [p.get_text() for p in doc.find_all("p", recursive=False)] == ["Eerst tekst.", "Meer tekst."]
    assert doc.form.find_previous_sibling("p").get_text() == "Eerst tekst."
    assert "<!-- sheet" not in placed


def test_a_placeholder_in_code_is_an_example_not_a_place():
    html = page_html("Zo zet je het blad:\n\n    <!-- sheet: voorbereiding -->\n")
    assert sheet.placeholders(html) == []


def test_dom_ids_are_the_ids_in_the_form():
    for data in (SMALL, SMALL_EN):
        model = sheet.from_front_matter(data)
        form_ids = [tag["id"] for tag in soup(sheet.render(model, "nl", "x.pdf")).find_all(id=True)]
        assert sorted(sheet.dom_ids(model)) == sorted(form_ids)


def fake_page(src_uri: str, front: dict, content: str = "", toc=None):
    url = src_uri.replace(".en.md", ".md").replace(".md", ".html")
    return SimpleNamespace(meta=front, file=SimpleNamespace(src_uri=src_uri), content=content, toc=toc,
                           present_anchor_ids=set(), url=("en/" if ".en." in src_uri else "") + url)


class FakeSearchIndex:
    def __init__(self):
        self.entries = []


def run_hook(page, locale: str, search: FakeSearchIndex | None = None) -> str:
    plugins = {"material/search": SimpleNamespace(search_index=search)} if search else {}
    config = SimpleNamespace(theme={"language": locale}, site_url="https://gids.example/", site_name="Gids",
                             plugins=plugins)
    context = {"page": page}
    assert sheet_hook.on_page_context(context, page, config, None) is context
    return page.content


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
    page = fake_page(src_uri, {"sheet": data}, page_html(PAGE.replace("voorbereiding -->", f"{data['id']} -->")))
    result = run_hook(page, locale)
    assert soup(result).select_one("[data-sheet-pdf]")["href"] == href
    assert page.present_anchor_ids == set(sheet.dom_ids(sheet.from_front_matter(data)))


def sheet_page(data: dict, body: str = "") -> str:
    """A page's source with `data` as its sheet; `sheet:` stands on line 3."""
    return "---\n" + yaml.safe_dump({"title": "Blad", "sheet": data}, allow_unicode=True, sort_keys=False) + "---\n" + body


def files_and_config(sources: dict[str, str], locale: str, project):
    """What on_files gets: the docs files (`src_uri` -> text) and the configuration of the
    language being built, with the project (and its .cache) in `project`."""
    files = SimpleNamespace(documentation_pages=lambda: [SimpleNamespace(src_uri=uri, content_string=text)
                                                         for uri, text in sources.items()])
    config = SimpleNamespace(theme={"language": locale}, site_url="https://gids.example/", site_name="Gids",
                             config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"))
    return files, config


def test_two_sheets_whose_pdfs_would_share_a_name_fail_the_build_naming_both(tmp_path):
    from mkdocs.exceptions import PluginError

    # The same title, so the same file name for the PDF.
    files, config = files_and_config({"a.md": sheet_page({**SMALL, "id": "een"}),
                                      "b.md": sheet_page({**SMALL, "id": "twee"})}, "nl", tmp_path)
    with pytest.raises(PluginError, match=r"^docs/b\.md:3: sheet: its blank PDF would be downloads/voorbereiding\.pdf, "
                                          r"as the sheet of docs/a\.md is: give one of them another title$"):
        sheet_hook.on_files(files, config)


@pytest.mark.parametrize(
    ("src_uri", "locale", "pdf_path", "page_url"),
    [
        ("blad.md", "nl", "downloads/voorbereiding.pdf", "https://gids.example/blad.html"),
        ("deel/blad.en.md", "en", "en/downloads/preparation.pdf", "https://gids.example/en/deel/blad.html"),
    ],
)
def test_the_hook_starts_the_pdfs_of_the_language_being_built_before_the_pages(tmp_path, src_uri, locale, pdf_path, page_url):
    text = sheet_page(SMALL if locale == "nl" else SMALL_EN, PAGE)
    other = "x.en.md" if locale == "nl" else "x.md"  # the other language's files are still there
    files, config = files_and_config({src_uri: text, other: text}, locale, tmp_path)
    assert sheet_hook.on_files(files, config) is files
    pdfs = sheet_hook._pdfs[locale]
    assert list(pdfs.made_from) == [pdf_path]
    assert pdfs.made_from[pdf_path][1:] == (locale, "Gids", page_url)
    assert pdfs.declared_in[pdf_path].file == f"docs/{src_uri}"
    assert pdfs.found == {} and pdfs.making.in_workers == 0  # one PDF: made in this process

    site = tmp_path / "site"
    sheet_hook.on_post_build(SimpleNamespace(**vars(config), site_dir=str(site)))
    pdf = (site / pdf_path).read_bytes()
    assert pdf == sheet_pdf.render(*pdfs.made_from[pdf_path])
    assert pdfs.cache.get(pdfs.keys[pdf_path]) == pdf  # kept for the next build


def test_the_hook_gives_the_sheet_one_search_entry():
    search = FakeSearchIndex()
    run_hook(fake_page("blad.md", {"sheet": SMALL}, page_html()), "nl", search)
    model = sheet.from_front_matter(SMALL)
    assert search.entries == [sheet.search_entry(model, "blad.html", locales.link_resolver("blad.md", "nl"))]
    entry = search.entries[0]
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
    page = fake_page("blad.md", {"sheet": SMALL}, html, get_toc(converter.toc_tokens))
    run_hook(page, "nl")
    [h1] = page.toc.items
    assert [item.title for item in h1.children] == titles
    assert next(i for i in h1.children if i.title == "Voorbereiding").url == "#voorbereiding"


def test_pages_without_a_sheet_are_left_alone():
    html = page_html("# Titel\n\nGeen formulier.\n")
    assert run_hook(fake_page("x.md", {}, html), "nl") == html


# --- the My data component -----------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["nl", "en"])
def test_my_data_component(locale):
    titles = {"sheet:gespreksvoorbereiding": "Gesprek's \"voorbereiding\" <b>"}
    root = soup(my_data.render(locale, titles)).div
    assert root.has_attr("data-my-data")
    assert json.loads(root["data-my-data-titles"]) == titles
    assert (root["data-my-data-format"], root["data-my-data-version"]) == ("samenwerken-met-klanten", "1")
    for control in ("data-my-data-export", "data-my-data-delete", "data-my-data-import"):
        assert root.find(attrs={control: True}) is not None
    file_input = root.find(attrs={"data-my-data-import": True})
    assert root.select_one(f'label[for="{file_input["id"]}"]').get_text()
    assert root.find(attrs={"data-my-data-actions": True}).has_attr("hidden")  # needs JavaScript
    strings = {k[len("data-i18n-"):] for k in root.attrs if k.startswith("data-i18n-")}
    assert {"not-json", "wrong-format", "wrong-version", "bad-data", "imported", "confirm-delete"} <= strings
    assert my_data.STRINGS["nl"].keys() == my_data.STRINGS["en"].keys()


def test_my_data_titles_come_from_front_matter():
    front = {
        "sheet": {"id": "gespreksvoorbereiding", "title": "Gespreksvoorbereiding", "sections": []},
        "checklists": [{"id": "kies-je-richting", "title": "Je richting kiezen"}],
    }
    assert my_data.titles(front) == {
        "sheet:gespreksvoorbereiding": "Gespreksvoorbereiding",
        "checklist:kies-je-richting": "Je richting kiezen",
    }
    assert my_data.titles({"title": "Gewone pagina"}) == {}


def test_my_data_placeholder_is_replaced():
    html = page_html("# Mijn gegevens\n\n<!-- my-data -->\n\nNa.\n")
    assert my_data.has_placeholder(html) and not my_data.has_placeholder("<!-- my-data: x -->")
    placed = my_data.insert(html, my_data.render("nl", {}))
    assert len(soup(placed).select("[data-my-data]")) == 1 and "<!-- my-data" not in placed
    assert sorted(my_data.DOM_IDS) == sorted(tag["id"] for tag in soup(my_data.render("nl", {})).find_all(id=True))


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
    label = sheet.STRINGS[locale]
    assert model.title in text and label["client"].upper() in text and label["date"].upper() in text
    assert footer in text
    assert reader.metadata.title == model.title
    assert reader.trailer["/Root"]["/Lang"] == locale


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
