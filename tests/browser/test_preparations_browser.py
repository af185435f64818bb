"""Several preparations, one per conversation, on the real guide: making, listing, switching,
the address that names the open one (in both languages), the move from the single sheet of the
landed version, the next conversation with the same client, delete with undo, My data's export,
import and delete of all of them, printing a chosen one (answers, examples, pages that are never
mostly empty), the capacity hint, the fillable PDF's fields, and axe with several of them."""

from __future__ import annotations

import io
import json
import re
import subprocess
import urllib.request

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from browser_support import FILL_QUOTA, answer_dialog, open_page, run_axe

NL, EN = "/gespreksvoorbereiding.html", "/en/gespreksvoorbereiding.html"
MY_DATA = "/mijn-gegevens.html"
PREFIX = "samenwerken:v1:"
LEGACY = PREFIX + "sheet:gespreksvoorbereiding"
SECTIONS = ["doel", "veiligstellen", "behoeften-klant", "gedeelde-belangen", "opening", "vragen",
            "signalen", "wensen", "afspraken", "terugblik"]
MARCH = 1772539200000  # 3 March 2026, noon UTC


def field(page, name: str):
    return page.locator(f'form.sheet [data-field="{name}"]')


def values(page) -> dict[str, str]:
    return page.locator("form.sheet [data-field]").evaluate_all(
        "fields => Object.fromEntries(fields.filter(f => f.value).map(f => [f.dataset.field, f.value]))")


def preparations(page) -> dict[str, dict]:
    """Every preparation on the device, by id, as stored."""
    return page.evaluate("""prefix => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith(prefix + "preparation:"))
        .map(k => [k.slice(prefix.length + 12), JSON.parse(localStorage.getItem(k))]))""", PREFIX)


def open_id(page) -> str:
    return page.evaluate("location.hash").removeprefix("#prep=")


def listed(page) -> list[str]:
    return [re.sub(r"\s+", " ", text).strip() for text in page.locator("[data-sheet-list] li").all_inner_texts()]


def seed(page, data: dict[str, dict]) -> None:
    page.evaluate("""([prefix, data]) => { for (const [key, value] of Object.entries(data))
                       localStorage.setItem(prefix + key, JSON.stringify(value)); }""", [PREFIX, data])


def prep(client: str, date: str, fields: dict[str, str], updated: int = MARCH) -> dict:
    return {"sheet": "gespreksvoorbereiding", "client": client, "date": date, "created": updated,
            "updated": updated, "fields": fields}


def saved(page, prep_id: str, name: str, text: str) -> None:
    """Autosave waits until typing pauses: wait for the record rather than for a time."""
    page.wait_for_function("""([key, name, text]) => { const r = JSON.parse(localStorage.getItem(key));
        return r !== null && (name === "_client" ? r.client : name === "_date" ? r.date : r.fields[name]) === text; }""",
                           arg=[PREFIX + "preparation:" + prep_id, name, text])


def with_preparations(context, url: str, data: dict[str, dict], prep_id: str | None = None):
    """A page at `url` (with #prep=`prep_id`) loaded with `data` on the device, as a bookmark opens."""
    page = open_page(context, url)
    seed(page, data)
    page.goto(url + (f"#prep={prep_id}" if prep_id else ""))
    page.reload()
    return page


TWO = {
    "preparation:de-wit": prep("Bakkerij De Wit", "2026-03-12", {"doel": "Eerlijk betaald worden", "wensen": "Meerwerk apart"}),
    "preparation:jansen": prep("Jansen Bouw", "2026-05-20", {"doel": "Een vaste planning", "afspraken": "Ik bel vrijdag"},
                               updated=MARCH + 1000),
}


# --- several preparations ------------------------------------------------------------------------

def test_new_preparations_are_listed_by_date_and_the_open_one_is_marked(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    expect(page.locator("[data-sheet-preps]")).to_be_hidden()  # nothing yet: just the form
    field(page, "_client").fill("Bakkerij De Wit")
    field(page, "_date").fill("2026-03-12")
    first = open_id(page)
    saved(page, first, "_date", "2026-03-12")
    page.get_by_role("button", name="Nieuwe voorbereiding").click()
    second = open_id(page)
    assert second != first and values(page) == {}
    expect(field(page, "_client")).to_be_focused()
    field(page, "_client").fill("Jansen Bouw")
    field(page, "_date").fill("2026-05-20")
    field(page, "doel").fill("Een vaste planning")
    saved(page, second, "doel", "Een vaste planning")
    # Newest conversation first; each with how far it is filled in and when it changed.
    expect(page.locator("[data-sheet-list] li")).to_have_count(2)
    items = listed(page)
    assert items[0].startswith("Jansen Bouw, 20 mei 2026 1 van 10 ingevuld · gewijzigd op ")
    assert items[0].endswith(" · nu open")
    assert items[1].startswith("Bakkerij De Wit, 12 maart 2026 0 van 10 ingevuld")
    expect(page.locator("[data-sheet-list] [aria-current]")).to_have_text("Jansen Bouw, 20 mei 2026")
    # Switching: the list's link opens the other one, and the address names it.
    page.get_by_role("link", name="Bakkerij De Wit, 12 maart 2026").click()
    expect(field(page, "_client")).to_have_value("Bakkerij De Wit")
    assert open_id(page) == first and values(page) == {"_client": "Bakkerij De Wit", "_date": "2026-03-12"}
    page.go_back()  # the previous address: the other preparation again
    expect(field(page, "doel")).to_have_value("Een vaste planning")
    assert set(preparations(page)) == {first, second}
    # Renaming is typing another client or date: the list follows.
    field(page, "_client").fill("Jansen Bouw en Zonen")
    saved(page, second, "_client", "Jansen Bouw en Zonen")
    expect(page.locator("[data-sheet-list] [aria-current]")).to_have_text("Jansen Bouw en Zonen, 20 mei 2026")


def test_the_address_names_the_open_one_in_both_languages(context, site):
    origin, _ = site
    page = with_preparations(context, origin + NL, TWO, "de-wit")
    expect(field(page, "doel")).to_have_value("Eerlijk betaald worden")
    # The language switcher leads to the same preparation.
    page.locator('a[data-locale-switch="en"]').dispatch_event("click")
    page.wait_for_url("**/en/gespreksvoorbereiding.html#prep=de-wit")
    expect(field(page, "doel")).to_have_value("Eerlijk betaald worden")
    expect(page.locator("[data-sheet-list] [aria-current]")).to_have_text("Bakkerij De Wit, 12 March 2026")
    # Without an address, the one changed last opens; an unknown one says so.
    page.goto(origin + EN)
    assert open_id(page) == "jansen"
    page.goto(origin + NL + "#prep=weg")  # from the English page: a page load
    expect(page.locator("[data-sheet-notice]")).to_have_text("Die voorbereiding staat niet (meer) op dit apparaat.")
    assert open_id(page) == "jansen"


def test_the_single_sheet_of_the_landed_version_becomes_the_first_preparation(context, site):
    # Saved exactly as the landed sheet.js saves it: client and date among the fields, free text.
    landed = {"fields": {"_client": "Bakkerij De Wit", "_date": "12 maart", "doel": "Eerlijk betaald worden",
                         "vragen": "Wat is succes?\nWie beslist?", "weg": "Van een oudere versie"},
              "updated": MARCH}
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors)
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [LEGACY, landed])
    page.reload()
    assert values(page) == {k: v for k, v in landed["fields"].items() if k != "weg"}
    assert field(page, "_date").get_attribute("type") == "text"  # free text stays visible
    [(prep_id, record)] = preparations(page).items()
    assert open_id(page) == prep_id
    assert record == {"sheet": "gespreksvoorbereiding", "client": "Bakkerij De Wit", "date": "12 maart",
                      "created": MARCH, "updated": MARCH,
                      "fields": {k: v for k, v in landed["fields"].items() if not k.startswith("_")}}
    assert page.evaluate("key => localStorage.getItem(key)", LEGACY) is None  # removed once copied
    assert listed(page) == ["Bakkerij De Wit, 12 maart 2 van 10 ingevuld · gewijzigd op 3 maart 2026 · nu open"]
    page.goto(origin + EN)  # the other language: the same one, moved once
    assert values(page)["doel"] == "Eerlijk betaald worden" and len(preparations(page)) == 1
    assert errors == []


def test_the_single_sheet_stays_and_shows_when_its_copy_cannot_be_written(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    landed = {"fields": {"_client": "De Wit", "doel": "Eerlijk betaald worden"}, "updated": MARCH}
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [LEGACY, landed])
    page.evaluate(FILL_QUOTA)
    page.reload()
    assert values(page) == {"_client": "De Wit", "doel": "Eerlijk betaald worden"}
    assert page.evaluate("key => JSON.parse(localStorage.getItem(key))", LEGACY) == landed
    assert preparations(page) == {}


def test_the_next_conversation_with_a_client_starts_from_the_last(context, site):
    origin, _ = site
    page = with_preparations(context, origin + NL, TWO, "jansen")
    page.get_by_role("button", name="Volgend gesprek met deze klant").click()
    new = open_id(page)
    assert new not in TWO and len(preparations(page)) == 3
    # The client and the preparation come along; the date and what was filled in afterwards do not.
    assert values(page) == {"_client": "Jansen Bouw", "doel": "Een vaste planning"}
    expect(field(page, "_date")).to_be_focused()
    assert preparations(page)["jansen"] == TWO["preparation:jansen"]


def test_deleting_a_preparation_can_be_undone(context, site):
    origin, _ = site
    page = with_preparations(context, origin + NL, TWO, "de-wit")
    delete = page.get_by_role("button", name="Deze voorbereiding verwijderen")
    delete.click()
    expect(page.locator("[data-sheet-undo]")).to_contain_text(
        "De voorbereiding ‘Bakkerij De Wit, 12 maart 2026’ is verwijderd.")
    expect(page.get_by_role("button", name="Ongedaan maken")).to_be_focused()
    assert set(preparations(page)) == {"jansen"} and open_id(page) == "jansen"
    expect(field(page, "doel")).to_have_value("Een vaste planning")
    page.get_by_role("button", name="Ongedaan maken").click()
    assert preparations(page)["de-wit"] == TWO["preparation:de-wit"]
    assert open_id(page) == "de-wit" and values(page)["wensen"] == "Meerwerk apart"
    expect(page.locator("[data-sheet-undo-text]")).to_have_text(
        "De voorbereiding ‘Bakkerij De Wit, 12 maart 2026’ is teruggezet.")
    expect(page.get_by_role("button", name="Ongedaan maken")).to_be_hidden()


def test_a_year_of_conversations_is_listed_in_date_order(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    year = {f"preparation:p{n:02d}": prep(f"Klant {n:02d}", f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                          {s: "Een lang antwoord. " * 40 for s in SECTIONS}, MARCH + n)
            for n in range(50)}
    seed(page, year)
    page.reload()
    expect(page.locator("[data-sheet-list] li")).to_have_count(50)
    dates = [record["date"] for record in year.values()]
    shown = [re.match(r"Klant (\d\d)", item).group(1) for item in listed(page)]
    assert [year[f"preparation:p{n}"]["date"] for n in shown] == sorted(dates, reverse=True)
    assert open_id(page) == "p49"  # the one changed last
    expect(field(page, "doel")).to_have_value("Een lang antwoord. " * 40)


# --- My data -------------------------------------------------------------------------------------

def test_my_data_lists_exports_restores_and_deletes_every_preparation(context, site, tmp_path):
    origin, _ = site
    page = with_preparations(context, origin + MY_DATA, TWO)
    items = page.locator("[data-my-data-list] [data-my-data-what]").all_inner_texts()
    assert sorted(items) == [
        "Gespreksvoorbereiding (Bakkerij De Wit, 12 maart 2026): 2 velden ingevuld, bijgewerkt op 3 maart 2026",
        "Gespreksvoorbereiding (Jansen Bouw, 20 mei 2026): 2 velden ingevuld, bijgewerkt op 3 maart 2026",
    ]
    expect(page.locator("[data-my-data-used]")).to_have_text(
        re.compile(r"Deze gids gebruikt nu \d+ kB van de opslag van je browser voor deze site\."))
    with page.expect_download() as info:
        page.locator("[data-my-data-export]").click()
    exported = tmp_path / "export.json"
    info.value.save_as(exported)
    page.once("dialog", answer_dialog([], accept=True))
    page.locator("[data-my-data-delete]").click()
    assert preparations(page) == {}
    page.locator("[data-my-data-import]").set_input_files(str(exported))
    expect(page.locator("[data-my-data-message]")).to_contain_text("Gespreksvoorbereiding (Jansen Bouw, 20 mei 2026)")
    assert preparations(page) == {"de-wit": TWO["preparation:de-wit"], "jansen": TWO["preparation:jansen"]}


@pytest.mark.parametrize("bad", [{"client": 3}, {"created": "gisteren"}, {"fields": {"doel": ["a"]}}])
def test_an_export_with_a_misshapen_preparation_restores_nothing(context, site, bad):
    origin, _ = site
    page = with_preparations(context, origin + MY_DATA, TWO)
    export = {"format": "samenwerken-met-klanten", "version": 1, "exported": "2026-03-03T12:00:00Z",
              "data": {"preparation:nieuw": {**TWO["preparation:de-wit"], **bad}}}
    page.locator("[data-my-data-import]").set_input_files(
        files=[{"name": "export.json", "mimeType": "application/json", "buffer": json.dumps(export).encode()}])
    expect(page.locator("[data-my-data-error]")).to_have_text(
        "Dit bestand is beschadigd: ‘preparation:nieuw’ heeft niet de verwachte vorm. Er is niets veranderd.")
    assert set(preparations(page)) == {"de-wit", "jansen"}


# --- paper ---------------------------------------------------------------------------------------

def pages_of(pdf: bytes) -> list[list[list[int]]]:
    """Each page of `pdf` at 30 dpi in grey, as rows of pixel values (pdftoppm's PGM)."""
    out = subprocess.run(["pdftoppm", "-gray", "-r", "30"], input=pdf, capture_output=True, check=True).stdout
    pages = []
    while out:
        match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", out)
        width, height = int(match.group(1)), int(match.group(2))
        body, out = out[match.end():match.end() + width * height], out[match.end() + width * height:]
        pages.append([list(body[y * width:(y + 1) * width]) for y in range(height)])
    return pages


def filled_to(page_rows: list[list[int]], half: int) -> float:
    """How far down (0 to 1) the left (0) or right (1) half of a page has ink, footer margin left out."""
    height, width = len(page_rows), len(page_rows[0])
    columns = range(0, width // 2) if half == 0 else range(width // 2, width)
    inked = [y for y in range(int(height * 0.93)) if min(page_rows[y][x] for x in columns) < 160]
    return (inked[-1] + 1) / height if inked else 0.0


def printed(page) -> bytes:
    page.emulate_media(media="print")
    return page.pdf(prefer_css_page_size=True)


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


LONG = {
    "doel": "Dat de nieuwe huisstijl in alle twaalf filialen op tijd klaar is, en dat ik eerlijk betaald word "
            "voor het meerwerk van de afgelopen maanden, zonder dat de sfeer eronder lijdt.",
    "vragen": "Wat moet de huisstijl jullie opleveren?\nWie beslist over de inrichting van de winkels?\n"
              "Waar ben je het meest tevreden over?\nWat zou je anders willen?\nHoe kijk je naar volgend jaar?",
    "wensen": "We willen allebei dat elke winkel meteen klopt, daarom stel ik voor dat we het meerwerk apart "
              "begroten, dan weet jij vooraf wat het kost. Hoe kijk jij daartegen aan?\n" * 5,
    "behoeften-klant": "Een rustige opening van de nieuwe winkels en een begroting die klopt. " * 8,
    "afspraken": "Ik stuur vrijdag een voorstel; Ingrid kijkt er maandag naar. " * 6,
    "terugblik": "Het ging beter dan verwacht. Volgende keer vraag ik eerder naar de planning. " * 4,
}


def test_printing_a_chosen_preparation(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    seed(page, {**TWO, "preparation:lang": prep("Bakkerij De Wit", "2026-04-02", LONG)})
    page.goto(origin + NL + "#prep=de-wit")
    page.reload()
    short = printed(page)
    text = text_of(short)
    assert len(PdfReader(io.BytesIO(short)).pages) == 1
    assert "Eerlijk betaald worden" in text and "Een vaste planning" not in text  # this one, not another
    # An answered section leaves its example out; an empty one keeps it, and its ruled lines.
    assert "Ik wil dat de nieuwe huisstijl een succes wordt" not in text
    assert "Het werk voor volgend jaar" in text

    page.emulate_media(media="screen")
    page.get_by_role("link", name="Bakkerij De Wit, 2 april 2026").click()
    expect(field(page, "vragen")).to_have_value(LONG["vragen"])
    long = printed(page)
    sheets = pages_of(long)
    assert len(sheets) == 2  # typed generously: at most two pages
    assert all(line[:40] in text_of(long) for answer in LONG.values() for line in answer.split("\n"))
    # Every page but the last has ink far down both columns: none is mostly empty.
    assert [round(filled_to(sheets[0], half), 2) >= 0.6 for half in (0, 1)] == [True, True]
    assert filled_to(sheets[1], 1) < 0.6  # the test can tell: the last page is the short one


def test_fields_say_quietly_when_their_answer_no_longer_fits_on_paper(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    hint = page.locator('[data-fit-for="opening"]')
    field(page, "opening").fill("Jullie nieuwe winkel in Zwolle loopt boven verwachting.")
    expect(hint).to_be_hidden()
    field(page, "opening").fill("Jullie nieuwe winkel in Zwolle loopt boven verwachting. " * 4)
    expect(hint).to_have_text("Dit past niet meer in de ruimte op papier: de afdruk wordt langer.")
    field(page, "opening").fill("Kort.")
    expect(hint).to_be_hidden()
    page.reload()  # also for a stored answer
    expect(hint).to_be_hidden()


@pytest.mark.parametrize(("path", "label"), [(NL, "Lege pdf om in te vullen"), (EN, "Blank fillable PDF")])
def test_the_blank_pdf_is_a_form_with_a_field_per_section(context, site, path, label):
    origin, _ = site
    page = open_page(context, origin + path)
    link = page.locator("[data-sheet-pdf]")
    assert link.get_attribute("download") is not None  # a download, not a page that replaces this one
    href = link.evaluate("a => a.href")
    pdf = urllib.request.urlopen(href).read()
    expect(link).to_have_text(f"{label} (A4, {round(len(pdf) / 1000)} kB)")
    reader = PdfReader(io.BytesIO(pdf))
    fields = reader.get_fields()
    assert list(fields) == ["_client", "_date", *SECTIONS]
    assert all(f.get("/FT") == "/Tx" for f in fields.values())
    multiline = 1 << 12
    assert [name for name, f in fields.items() if int(f.get("/Ff", 0)) & multiline] == SECTIONS
    assert len(reader.pages) == 1  # and still one blank page to print


# --- accessibility -------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_nothing_with_several_preparations(sized_context, site, width):
    origin, _ = site
    page = sized_context.new_page()
    page.goto(origin + EN)
    seed(page, {**TWO, "preparation:leeg": prep("", "", {}, MARCH + 5)})
    page.reload()  # the empty one is open
    assert run_axe(page) == []
    page.goto(origin + EN + "#prep=de-wit")
    field(page, "opening").fill("A long opening that no longer fits. " * 8)  # with the capacity hint
    assert run_axe(page) == []
    page.get_by_role("button", name="Delete this preparation").click()  # with undo
    assert run_axe(page) == []
