"""The conversation-preparation sheet as a reader uses it on the real guide, with one
preparation open: answers that stay (reload, other language, other tab, back/forward), two tabs
that never overwrite each other's text unseen, storage that fails without losing a word or
claiming a save, no JavaScript, a strict CSP, accessibility, and paper: the Print button and the
browser's own print command both give the sheet alone on A4. Several preparations, the move from
the single sheet, the fillable PDF and print layout: test_preparations_browser.py."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from browser_support import (
    BLOCK_STORAGE,
    FILL_QUOTA,
    FULL_STORAGE,
    enforce_csp,
    fill_storage,
    open_page,
    run_axe,
    too_small,
)

NL, EN = "/gespreksvoorbereiding.html", "/en/gespreksvoorbereiding.html"
PREFIX = "samenwerken:v1:"
SECTIONS = ["doel", "veiligstellen", "behoeften-klant", "gedeelde-belangen", "opening", "vragen",
            "signalen", "wensen", "afspraken", "terugblik"]
ANSWERS = {
    "_client": "Bakkerij De Wit",
    "_date": "2026-03-12",
    "doel": "Dat de huisstijl in alle filialen op tijd klaar is.",
    "vragen": "Wat moet de huisstijl opleveren?\nWie beslist over de inrichting?",
    "wensen": "We willen allebei dat elke winkel klopt, daarom stel ik voor dat we het meerwerk apart begroten.",
}

MEMORY_NL = ("Je browser laat deze site niets bewaren. Je antwoorden blijven alleen staan zolang deze "
             "pagina open is: druk ze af voordat je de pagina sluit.")
FULL_NL = ("Je antwoorden konden niet worden bewaard: de opslag van je browser voor deze site is vol. "
           "Ze blijven staan zolang deze pagina open is: druk ze af voordat je de pagina sluit.")
CORRUPT_NL = ("Je eerder bewaarde antwoorden waren beschadigd en konden niet worden gelezen. "
              "Wat je nu invult, wordt weer gewoon bewaard.")


def field(page, name: str):
    return page.locator(f'form.sheet [data-field="{name}"]')


def values(page) -> dict[str, str]:
    return page.locator("form.sheet [data-field]").evaluate_all(
        "fields => Object.fromEntries(fields.filter(f => f.value).map(f => [f.dataset.field, f.value]))")


# The open preparation's answers as the form holds them: its fields, client and date.
ANSWERS_OF = """record => { const a = Object.assign({}, record.fields);
  if (record.client) a._client = record.client;
  if (record.date) a._date = record.date;
  return Object.fromEntries(Object.entries(a).sort()); }"""


def open_key(page) -> str:
    """The storage key of the preparation the address names (#prep=<id>)."""
    return PREFIX + "preparation:" + page.evaluate("location.hash").removeprefix("#prep=")


def stored(page):
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", open_key(page))


def stored_answers(page) -> dict[str, str]:
    return page.evaluate(f"key => ({ANSWERS_OF})(JSON.parse(localStorage.getItem(key)))", open_key(page))


def wait_until_stored(page, expected: dict[str, str]) -> None:
    """Autosave waits until typing pauses: wait for the record rather than for a time."""
    page.wait_for_function(
        f"""([prefix, expected]) => {{ try {{
             const id = location.hash.replace("#prep=", "");
             const record = JSON.parse(localStorage.getItem(prefix + "preparation:" + id));
             return record !== null && JSON.stringify(({ANSWERS_OF})(record)) ===
               JSON.stringify(Object.fromEntries(Object.entries(expected).sort()));
           }} catch (e) {{ return false; }} }}""",
        arg=[PREFIX, expected])


def seed(page, prep_id: str, fields: dict[str, str], client: str = "", date: str = "", updated: int = 1) -> None:
    """A preparation on the device, as sheet.js stores one."""
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))",
                  [PREFIX + "preparation:" + prep_id, {"sheet": "gespreksvoorbereiding", "client": client, "date": date,
                                                        "created": updated, "updated": updated, "fields": fields}])


def fill(page, answers: dict[str, str]) -> None:
    for name, text in answers.items():
        field(page, name).fill(text)


# --- keeping answers -----------------------------------------------------------------------------

def test_answers_survive_a_reload_and_are_stored_by_field_id(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    fill(page, ANSWERS)
    wait_until_stored(page, ANSWERS)
    record = stored(page)
    assert isinstance(record["updated"], int) and record["updated"] > 1_700_000_000_000
    expect(page.locator("[data-sheet-status]")).to_contain_text("Bewaard op dit apparaat om")
    page.reload()
    assert values(page) == ANSWERS
    assert page.locator('[data-print-for="vragen"]').text_content() == ANSWERS["vragen"]


def test_a_change_is_saved_when_the_field_is_left(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    field(page, "doel").fill("Snel weg")
    field(page, "doel").blur()  # change: saved at once, not after the pause
    assert stored_answers(page) == {"doel": "Snel weg"}


def test_answers_are_shared_between_the_languages(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    fill(page, {"doel": "Eerlijk betaald worden", "_client": "De Wit"})
    wait_until_stored(page, {"doel": "Eerlijk betaald worden", "_client": "De Wit"})
    page.goto(origin + EN)
    assert values(page) == {"doel": "Eerlijk betaald worden", "_client": "De Wit"}
    expect(page.locator("form.sheet h2")).to_have_text("Conversation preparation")
    field(page, "terugblik").fill("Went well")
    wait_until_stored(page, {"doel": "Eerlijk betaald worden", "_client": "De Wit", "terugblik": "Went well"})
    page.goto(origin + NL)
    assert values(page)["terugblik"] == "Went well"


def test_stored_ids_the_page_does_not_have_are_kept(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    seed(page, "een", {"doel": "Oud", "weg": "Van vroeger"})
    page.goto(origin + NL + "#prep=een")
    assert values(page) == {"doel": "Oud"}
    field(page, "opening").fill("Nieuw")
    wait_until_stored(page, {"doel": "Oud", "weg": "Van vroeger", "opening": "Nieuw"})


def test_other_tabs_follow_but_never_overwrite_unsaved_text(context, site):
    origin, _ = site
    first = open_page(context, origin + NL)
    second = open_page(context, origin + EN)  # empty: it takes up what the first tab begins
    field(first, "doel").fill("Uit het eerste tabblad")
    expect(field(second, "doel")).to_have_value("Uit het eerste tabblad")
    # The reader is at work in the second tab when the first one saves other fields.
    field(second, "wensen").focus()
    second.keyboard.type("Half af")
    wait_until_stored(second, {"doel": "Uit het eerste tabblad", "wensen": "Half af"})
    field(first, "signalen").fill("Ze lacht weer")
    expect(field(second, "signalen")).to_have_value("Ze lacht weer")
    expect(field(second, "wensen")).to_have_value("Half af")
    expect(field(second, "wensen")).to_be_focused()


def test_a_field_with_the_cursor_in_it_takes_in_the_other_tabs_newer_answer(context, site):
    # The cursor stays in a field of the first tab while the second tab changes that answer:
    # the next keystroke in the first tab must not put its old text back over the new one.
    origin, _ = site
    first = open_page(context, origin + NL)
    seed(first, "een", {})
    first.goto(origin + NL + "#prep=een")
    second = open_page(context, origin + EN + "#prep=een")
    field(first, "doel").focus()
    first.keyboard.type("Oud")
    wait_until_stored(first, {"doel": "Oud"})
    field(second, "doel").fill("Nieuw uit het tweede tabblad")
    wait_until_stored(second, {"doel": "Nieuw uit het tweede tabblad"})
    expect(field(first, "doel")).to_have_value("Nieuw uit het tweede tabblad")
    expect(field(first, "doel")).to_be_focused()
    first.keyboard.press("End")
    first.keyboard.type(", en meer")
    wait_until_stored(first, {"doel": "Nieuw uit het tweede tabblad, en meer"})
    expect(field(second, "doel")).to_have_value("Nieuw uit het tweede tabblad, en meer")


CONFLICT_NL = "Dit antwoord is intussen in een ander tabblad veranderd. Daar staat nu:"


@pytest.mark.parametrize(
    # the reader's choice, the text that stays, the status line after it
    ("choice", "kept", "status"),
    [("Mijn tekst houden", "Mijn versie", "Bewaard op dit apparaat om"),
     ("Die tekst nemen", "Versie van het andere tabblad", "Wat je invult, wordt automatisch op dit apparaat bewaard.")])
def test_when_both_tabs_changed_one_answer_the_reader_chooses(context, site, choice, kept, status):
    origin, _ = site
    # Timers stand still, so the first tab's typing stays unsaved until the reader chooses.
    context.clock.install()
    context.clock.pause_at(datetime(2026, 3, 3, 12, 0))
    first = open_page(context, origin + NL)
    seed(first, "een", {})
    first.goto(origin + NL + "#prep=een")
    second = open_page(context, origin + NL + "#prep=een")
    field(first, "doel").fill("Mijn versie")
    field(second, "doel").fill("Versie van het andere tabblad")
    field(second, "doel").blur()  # saved at once
    conflict = first.locator('[data-sheet-conflict="doel"]')
    expect(conflict).to_have_role("alert")
    expect(conflict).to_contain_text(CONFLICT_NL + "Versie van het andere tabblad")
    # axe waits on timers; the first tab's own save then finds the conflict and writes nothing.
    context.clock.resume()
    assert run_axe(first) == []
    expect(first.locator("[data-sheet-status]")).to_have_text(
        "Nog niet alles is bewaard: een antwoord is ook in een ander tabblad veranderd. "
        "Kies onder dat antwoord welke tekst blijft.")
    # Nothing was overwritten while the reader had not chosen, not even on leaving the field.
    field(first, "doel").blur()
    assert stored_answers(first) == {"doel": "Versie van het andere tabblad"}
    assert field(first, "doel").input_value() == "Mijn versie"
    conflict.get_by_role("button", name=choice).click()
    expect(conflict).to_have_count(0)
    expect(field(first, "doel")).to_have_value(kept)
    expect(field(first, "doel")).to_be_focused()
    assert stored_answers(first) == {"doel": kept}
    expect(field(second, "doel")).to_have_value(kept)
    expect(first.locator("[data-sheet-status]")).to_contain_text(status)


def test_back_and_forward_show_what_is_stored_now(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    field(page, "doel").fill("Eerste versie")
    field(page, "doel").blur()
    page.goto(origin + "/woordenlijst.html")
    other = open_page(context, origin + EN)
    field(other, "doel").fill("Tweede versie")
    field(other, "doel").blur()
    other.close()
    page.go_back()
    expect(field(page, "doel")).to_have_value("Tweede versie")


# --- storage that fails --------------------------------------------------------------------------

def test_blocked_storage_keeps_answers_in_memory_and_says_so(context, site):
    origin, _ = site
    context.add_init_script(BLOCK_STORAGE)
    errors: list[str] = []
    page = open_page(context, origin + NL, errors)
    expect(page.locator("[data-sheet-notice]")).to_have_text(MEMORY_NL)
    fill(page, ANSWERS)
    assert values(page) == ANSWERS
    assert page.locator('[data-print-for="wensen"]').text_content() == ANSWERS["wensen"]
    assert errors == []


@pytest.mark.parametrize("broken", ["{not json", '{"fields": [1, 2]}', '{"fields": "tekst"}'])
def test_corrupt_stored_answers_are_reported_and_replaced(context, site, broken):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [PREFIX + "preparation:kapot", broken])
    page.goto(origin + NL + "#prep=kapot")
    expect(page.locator("[data-sheet-notice]")).to_have_text(CORRUPT_NL)
    assert values(page) == {}
    field(page, "doel").fill("Opnieuw")
    wait_until_stored(page, {"doel": "Opnieuw"})
    assert errors == []


@pytest.mark.parametrize("how", FULL_STORAGE)
def test_full_storage_shows_what_is_stored_and_says_what_is_not_saved(context, site, how):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors)
    fill(page, ANSWERS)
    wait_until_stored(page, ANSWERS)
    fill_storage(page, how)
    page.reload()
    assert values(page) == ANSWERS  # reading works while writing does not
    expect(page.locator("[data-sheet-notice]")).to_be_hidden()
    # A longer record than the stored one: it cannot fit (a shorter one could, and would be saved).
    field(page, "terugblik").fill("Goed gesprek")
    expect(page.locator("[data-sheet-notice]")).to_have_text(FULL_NL)
    expect(page.locator("[data-sheet-status]")).to_be_hidden()  # no "saved" that did not happen
    assert run_axe(page) == []
    assert values(page) == {**ANSWERS, "terugblik": "Goed gesprek"}
    assert stored_answers(page) == ANSWERS
    assert errors == []


def test_the_notice_of_full_storage_goes_once_a_save_succeeds(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    page.evaluate(FILL_QUOTA)
    field(page, "doel").fill("Nog niet bewaard")
    expect(page.locator("[data-sheet-notice]")).to_have_text(FULL_NL)
    page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('ander-project:'))"
                  ".forEach(k => localStorage.removeItem(k))")  # the reader made room
    field(page, "wensen").fill("Wel bewaard")
    wait_until_stored(page, {"doel": "Nog niet bewaard", "wensen": "Wel bewaard"})
    expect(page.locator("[data-sheet-notice]")).to_be_hidden()
    expect(page.locator("[data-sheet-status]")).to_contain_text("Bewaard op dit apparaat om")


# --- no JavaScript, CSP --------------------------------------------------------------------------

def test_without_javascript_it_is_a_plain_form_with_a_working_pdf_link(browser, site):
    origin, _ = site
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(origin + NL)
        form = page.locator("form.sheet")
        expect(form.locator("textarea")).to_have_count(len(SECTIONS))
        expect(form.get_by_label("Mijn doel, positief geformuleerd")).to_be_editable()
        expect(form.locator("[data-sheet-print]")).to_be_hidden()
        expect(form.locator("[data-sheet-delete]")).to_be_hidden()
        expect(form.locator("[data-sheet-preps]")).to_be_hidden()
        expect(form.locator("[data-sheet-no-script]")).to_be_visible()
        href = form.locator("[data-sheet-pdf]").get_attribute("href")
        response = page.request.get(origin + "/" + href)
        assert response.ok and response.body().startswith(b"%PDF-")
        page.emulate_media(media="print")
        paper = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        assert len(paper.pages) == 1  # ruled empty lines, the same one page
        assert "Zonder JavaScript" not in text_of(paper)
        assert FOOTER["nl"] + " · " + origin + NL in text_of(paper)
    finally:
        ctx.close()


def test_works_under_a_strict_content_security_policy(context, site):
    origin, _ = site

    enforce_csp(context)
    page = open_page(context, origin + NL)
    field(page, "doel").fill("Onder CSP")
    wait_until_stored(page, {"doel": "Onder CSP"})
    violations = page.evaluate("window.__violations")
    assert [v for v in violations if re.search(r"(sheet|store)\.(js|css)", f"{v['source']} {v['blocked']}")] == []
    assert page.locator("form.sheet [style]").count() == 0


# --- paper ---------------------------------------------------------------------------------------

A4 = (595.28, 841.89)
# What the site shows around the sheet, in each language: none of it belongs on paper.
CHROME = {
    "nl": ["Woordenlijst", "Zoeken", "Zo gebruik je het formulier", "Afdrukken", "Lege pdf om in te vullen",
           "Deze voorbereiding verwijderen", "Inhoudsopgave", "Wat je invult, wordt automatisch",
           "Je voorbereidingen", "Nieuwe voorbereiding", "Volgend gesprek"],
    "en": ["Glossary", "Search", "How to use the sheet", "After the conversation", "Print", "Blank fillable PDF",
           "Delete this preparation", "Saved on this device", "Your preparations", "New preparation"],
}


FOOTER = {"nl": "Uit de gids Samenwerken met klanten", "en": "From the guide Working with clients"}


def text_of(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def printed(page) -> PdfReader:
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))


@pytest.mark.parametrize("how", ["print button", "browser's print command"])
@pytest.mark.parametrize(("path", "lang", "title"), [(NL, "nl", "Gespreksvoorbereiding"),
                                                     (EN, "en", "Conversation preparation")])
def test_printing_gives_the_sheet_alone_with_the_answers(context, site, how, path, lang, title):
    origin, _ = site
    # Headless Chromium has no print dialog: count the calls instead.
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = open_page(context, origin + path)
    fill(page, ANSWERS)
    if how == "print button":
        page.locator("[data-sheet-print]").click()
        assert page.evaluate("window.__printed") == 1
    paper = printed(page)
    assert 1 <= len(paper.pages) <= 2
    for sheet_of_paper in paper.pages:
        size = (float(sheet_of_paper.mediabox.width), float(sheet_of_paper.mediabox.height))
        assert size == pytest.approx(A4, abs=1)
    text = text_of(paper)
    # The small footer on every sheet of paper: the guide's name and the page's own address.
    footer = FOOTER[lang] + " · " + origin + path
    assert text.count(footer) == len(paper.pages)
    assert text.replace(footer, "").strip().startswith(title)
    for name, answer in ANSWERS.items():
        for line in answer.split("\n"):
            assert name == "_date" or line[:30] in text
    assert {"nl": "12 maart 2026", "en": "12 March 2026"}[lang] in text  # the date in the page's language
    for heading in page.locator("form.sheet .sheet__heading").all_inner_texts():
        assert heading in text
    assert [chrome for chrome in CHROME[lang] if chrome in text] == []


def test_an_empty_sheet_prints_on_one_page(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    paper = printed(page)
    assert len(paper.pages) == 1
    assert "Klant" in text_of(paper) or "KLANT" in text_of(paper)


def test_other_pages_still_print_their_text(context, site):
    origin, _ = site
    page = open_page(context, origin + "/woordenlijst.html")
    text = text_of(printed(page))
    assert "Woordenlijst" in text and len(text) > 2000


# --- accessibility and errors --------------------------------------------------------------------

@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", [NL, EN])
def test_axe_finds_nothing_empty_or_filled(sized_context, site, width, path):
    origin, _ = site
    page = sized_context.new_page()
    page.goto(origin + path)
    assert run_axe(page) == []
    fill(page, ANSWERS)
    wait_until_stored(page, ANSWERS)
    assert run_axe(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_controls_are_at_least_24_px(sized_context, site, width):
    origin, _ = site
    page = sized_context.new_page()
    page.goto(origin + NL)
    fill(page, {"doel": "Iets"})  # a preparation: its list and buttons show
    wait_until_stored(page, {"doel": "Iets"})
    targets = page.locator("form.sheet :is(input, textarea, button, a):visible")
    # client, date, the sections, the list's one link, new, next, print, PDF, delete
    assert targets.count() == 2 + len(SECTIONS) + 6
    assert too_small(targets) == []
    page.locator("[data-sheet-delete]").click()
    assert too_small(page.locator("[data-sheet-restore]")) == []


def test_the_sheet_logs_no_errors(watched, site):
    origin, _ = site
    for path in (NL, EN):
        watched.page.goto(origin + path, wait_until="networkidle")
        fill(watched.page, ANSWERS)
        wait_until_stored(watched.page, ANSWERS)
        watched.page.reload(wait_until="networkidle")
    assert watched.console_errors == []
    assert watched.bad_responses == []
    assert watched.external_requests == []
