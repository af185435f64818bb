"""Bad and hostile content files in real builds: every field that reaches a page, the search
index, a sitemap or a PDF is escaped for where it lands or refused with file:line:field; a file
that is not UTF-8, a placeholder Markdown would hide, a link that leads nowhere, a front matter
that MkDocs would show on the page: each a clear error naming the file, and no traceback."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import MINIMAL, files_of, make_project, mkdocs_build

ORIGIN = "https://gids.example/"
PAYLOADS = ['<img src=x onerror="alert(1)">', '"><script>alert(1)</script>', "</title><svg onload=alert(1)>"]


def front(**fields) -> str:
    return yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)


def checklist(title="Lijst", moment="Nu", text="Een.", hint="Hint.") -> dict:
    return {"id": "lijst", "title": title, "kind": "read-do", "moment": moment,
            "items": [{"id": "een", "text": text, "hint": hint}, {"id": "twee", "text": "Twee."},
                      {"id": "drie", "text": "Drie."}]}


def sheet(title="Blad", heading="Kop", prompt="Vraag?", example="Voorbeeld.") -> dict:
    return {"id": "blad", "title": title, "sections": [{"id": "doel", "heading": heading, "prompt": prompt,
                                                       "example": example, "lines": 2}]}


def guide_with(fields: dict) -> dict[str, str]:
    """The minimal guide plus a page (both languages) whose front matter is `fields`."""
    body = "\n\n".join(["# Pagina"] + [f"<!-- checklist: {c['id']} -->" for c in fields.get("checklists", [])]
                       + ([f"<!-- sheet: {fields['sheet']['id']} -->"] if "sheet" in fields else []))
    text = f"---\n{front(title='Pagina', **fields)}---\n{body}\n"
    return {**MINIMAL, "lijst.md": text, "lijst.en.md": text}


def build(tmp_path, pages):
    project = make_project(tmp_path, pages)
    return project, mkdocs_build(project, site_url=ORIGIN)


def assert_no_markup_from(payload: str, html: str) -> None:
    tree = BeautifulSoup(html, "html.parser")
    assert not tree.select('img[src="x"]'), payload
    assert not [s for s in tree.find_all("script") if "alert" in s.get_text()], payload
    assert not [t for t in tree.find_all(True) for a in t.attrs if a.startswith("on")], payload


# --- page fields the theme shows as HTML are refused --------------------------------------------

@pytest.mark.parametrize(
    # field,         value,                         what the build says
    ("field", "value", "message"),
    [
        ("title", PAYLOADS[0], "docs/lijst.md:2: title: may not contain < >: the theme shows this field as HTML"),
        ("title", "Vragen & antwoorden", "docs/lijst.md:2: title: may not contain &:"),
        ("description", 'Zeg "ja"', "docs/lijst.md:3: description: may not contain \":"),
        ("description", PAYLOADS[1], "docs/lijst.md:3: description: may not contain < > \":"),
    ],
)
def test_a_page_field_the_theme_shows_as_html_is_refused_with_its_line(tmp_path, field, value, message):
    pages = {**MINIMAL, "lijst.md": "---\ntitle: Pagina\ndescription: Tekst.\n---\n# Pagina\n",
             "lijst.en.md": "---\ntitle: Page\ndescription: Text.\n---\n# Page\n"}
    pages["lijst.md"] = pages["lijst.md"].replace("Pagina\n" if field == "title" else "Tekst.\n",
                                                  json.dumps(value, ensure_ascii=False) + "\n", 1)
    _, result = build(tmp_path, pages)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message.split(": the theme")[0] in result.stderr, result.stderr[-1500:]


# --- component fields are escaped wherever they land ---------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_component_fields_are_text_on_the_page_in_search_in_sitemaps_and_on_paper(tmp_path, payload):
    # Texts with inline Markdown refuse raw HTML (tests/unit/test_checks.py): in code it is text.
    fields = {"checklists": [checklist(title=payload, moment=payload, text=f"`{payload}`", hint=f"`{payload}`")],
              "sheet": sheet(title=payload + " blad", heading=payload, prompt=f"`{payload}`", example=f"`{payload}`")}
    project, result = build(tmp_path, guide_with(fields))
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    for path in ("lijst.html", "en/lijst.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert_no_markup_from(payload, html)
        assert payload in BeautifulSoup(html, "html.parser").get_text()  # shown as typed
    for index in ("search/search_index.json", "en/search/search_index.json"):
        for entry in json.loads((site / index).read_text(encoding="utf-8"))["docs"]:
            # The theme shows titles and texts of results as HTML: ours are escaped HTML text.
            assert_no_markup_from(payload, entry["title"] + entry["text"])
    for sitemap in ("sitemap.xml", "en/sitemap.xml"):
        assert "<img" not in (site / sitemap).read_text(encoding="utf-8")
    [pdf] = (site / "downloads").glob("*.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "alert(1)" in text  # printed as text, not interpreted


# --- files and front matter that are not what they seem -----------------------------------------

def test_a_file_that_is_not_utf8_fails_naming_the_file_and_line(tmp_path):
    project = make_project(tmp_path, MINIMAL)
    (project / "docs" / "pagina.md").write_bytes("---\ntitle: Pagina\n---\n# Pagina\n\nCafé.\n".encode("cp1252"))
    result = mkdocs_build(project, site_url=ORIGIN)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "UnicodeDecodeError" not in result.stderr
    assert "docs/pagina.md:6: the file is not UTF-8 text (byte 0xe9); save it as UTF-8" in result.stderr


def test_windows_line_ends_build_like_unix_ones(tmp_path):
    # Git for Windows checks files out with "\r\n" (core.autocrlf): the page, its front matter and
    # its checklist must read exactly as they do with "\n", and so must a problem's line.
    fields = {"checklists": [checklist()]}
    pages = {name: text.replace("\n", "\r\n") for name, text in guide_with(fields).items()}
    project, result = build(tmp_path, pages)
    assert result.returncode == 0, result.stderr
    built = (project / "site" / "lijst.html").read_text(encoding="utf-8")
    assert BeautifulSoup(built, "html.parser").select("[data-checklist] input[data-item]")
    broken = dict(pages, **{"lijst.md": pages["lijst.md"].replace("kind: read-do", "kind: read_do")})
    _, result = build(tmp_path / "broken", broken)
    line = broken["lijst.md"].split("\r\n").index("  kind: read_do") + 1
    assert result.returncode == 1 and f"docs/lijst.md:{line}: checklists[0].kind:" in result.stderr


def test_a_page_that_fails_its_check_leaves_the_last_site_as_it_was(tmp_path):
    # The check runs before MkDocs empties the site folder: a contributor's mistake in `make
    # build` (or a deploy) costs no part of the site that was there.
    project, result = build(tmp_path, guide_with({"checklists": [checklist()]}))
    assert result.returncode == 0, result.stderr
    site = project / "site"
    before = files_of(site)
    page = project / "docs" / "lijst.md"
    page.write_text(page.read_text(encoding="utf-8").replace("kind: read-do", "kind: read_do"), encoding="utf-8")
    result = mkdocs_build(project, site_url=ORIGIN)
    assert result.returncode == 1 and "checklists[0].kind: 'read_do' is not one of" in result.stderr
    assert files_of(site) == before


def test_a_utf16_file_fails_naming_the_file(tmp_path):
    project = make_project(tmp_path, MINIMAL)
    (project / "docs" / "pagina.en.md").write_bytes("---\ntitle: Page\n---\n# Page\n".encode("utf-16"))
    result = mkdocs_build(project, site_url=ORIGIN)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/pagina.en.md:1: the file is not UTF-8 text" in result.stderr


def test_front_matter_closed_at_the_end_of_the_file_is_an_error_not_page_text(tmp_path):
    pages = {**MINIMAL, "pagina.md": "---\ntitle: Pagina\n---"}
    _, result = build(tmp_path, pages)
    assert result.returncode == 1
    assert "docs/pagina.md:3: front matter: the closing '---' of the front matter needs a line break after it" in result.stderr


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path):
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'] + [
        f"{chr(98 + n)}: &{chr(98 + n)} [" + ",".join([f"*{chr(97 + n)}"] * 9) + "]" for n in range(8)]
    pages = {**MINIMAL, "pagina.md": "---\ntitle: Pagina\n" + "\n".join(levels) + "\n---\n# Pagina\n"}
    _, result = build(tmp_path, pages)  # nine levels: 9^9 values for whatever walks the data
    assert result.returncode == 1
    assert "docs/pagina.md:4: front matter: front matter uses a YAML alias (*name): write the value out instead" in result.stderr


@pytest.mark.parametrize(
    # a link in an item,            what the build says
    ("link", "message"),
    [
        ("pagina.md#nergens", "docs/lijst.md:10: checklists[0].items[0].text: links to 'pagina.md#nergens', "
                              "but docs/pagina.md has no anchor '#nergens'"),
        ("#nergens", "docs/lijst.md:10: checklists[0].items[0].text: links to '#nergens', but this page has no "
                     "anchor '#nergens'"),
        ("weg.md", "docs/lijst.md:10: checklists[0].items[0].text: links to 'weg.md', but docs/weg.md does not exist"),
        ("/pagina.html", "docs/lijst.md:10: checklists[0].items[0].text: links to '/pagina.html', an absolute path"),
        ("../buiten.md", "docs/lijst.md:10: checklists[0].items[0].text: links to '../buiten.md', which is outside docs/"),
    ],
)
def test_links_in_front_matter_texts_are_checked_like_links_in_the_body(tmp_path, link, message):
    _, result = build(tmp_path, guide_with({"checklists": [checklist(text=f"Lees [dit]({link}).")]}))
    assert result.returncode == 1
    assert message in result.stderr, result.stderr[-1500:]


def test_a_good_anchor_in_a_front_matter_text_builds(tmp_path):
    _, result = build(tmp_path, guide_with({"checklists": [checklist(text="Lees [dit](pagina.md#tweede-kop).")]}))
    assert result.returncode == 0, result.stderr[-1500:]


@pytest.mark.parametrize(
    # the body of a page with checklist 'lijst',                           what the build says
    ("body", "message"),
    [
        ("```\n<!-- checklist: lijst -->\n```\n",
         "docs/lijst.md:18: body: this looks like a placeholder but is inside code"),
        ("<!--\n<!-- checklist: lijst -->\n-->\n\nDe rest.\n",
         "docs/lijst.md:18: body: this looks like a placeholder but is inside another comment"),
        ("<!-- checklist: lijst -->\n\n<!-- checklist: lijst -->\n", "docs/lijst.md:19: body: checklist 'lijst' is placed twice"),
        ("Geen lijst.\n", "docs/lijst.md:4: checklists[0].id: is not placed in the page: add a line <!-- checklist: lijst --> to the body"),
        ("Tekst.\n\n<!-- checklst: lijst -->\n", "docs/lijst.md:19: body: <!-- checklst: lijst --> places nothing: "
         "write <!-- checklist: lijst --> to place checklist 'lijst' (checklists[0].id in the front matter)"),
    ],
)
def test_a_placeholder_markdown_would_hide_fails_with_its_line(tmp_path, body, message):
    text = f"---\n{front(title='Pagina', checklists=[checklist()])}---\n{body}"
    pages = {**guide_with({"checklists": [checklist()]}), "lijst.md": text}
    _, result = build(tmp_path, pages)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert message in result.stderr, result.stderr[-1500:]


def test_two_sheets_may_not_share_an_id(tmp_path):
    pages = guide_with({"sheet": sheet()})
    other = f"---\n{front(title='Ander', sheet=sheet(title='Ander blad'))}---\n# Ander\n\n<!-- sheet: blad -->\n"
    pages.update({"ander.md": other, "ander.en.md": other})
    _, result = build(tmp_path, pages)
    assert result.returncode == 1
    assert "docs/lijst.md:4: sheet.id: sheet id 'blad' is already used by docs/ander.md (line 4)" in result.stderr
