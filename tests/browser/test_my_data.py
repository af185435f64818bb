"""My data on the real guide: it lists what the guide keeps on this device, exports it to a JSON
file, restores such a file (and refuses a wrong one without changing anything, saying why),
and deletes everything after confirmation."""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from browser_support import BLOCK_STORAGE, FULL_STORAGE, answer_dialog, fill_storage, run_axe

NL, EN = "/mijn-gegevens.html", "/en/mijn-gegevens.html"
PREFIX = "samenwerken:v1:"
UPDATED = 1772539200000  # 3 March 2026, noon UTC
SEEDED = {
    "sheet:gespreksvoorbereiding": {
        "fields": {"_client": "De Wit", "doel": "Eerlijk betaald worden", "vragen": "Wat is succes?",
                   "wensen": "Meerwerk apart begroten", "weg": ""},
        "updated": UPDATED,
    },
    "checklist:kies-je-richting": {"items": {"positief": True, "hardop": True, "concreet": False}, "updated": UPDATED},
}
LISTED = {
    "nl": ["Je richting kiezen: 2 punten afgevinkt, bijgewerkt op 3 maart 2026",
           "Gespreksvoorbereiding: 4 velden ingevuld, bijgewerkt op 3 maart 2026"],
    # British dates on English pages: the guide writes British English.
    "en": ["Choose your direction: 2 items ticked, updated 3 March 2026",
           "Conversation preparation: 4 fields filled in, updated 3 March 2026"],
}


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield ctx
    ctx.close()


def open_page(context, url: str, errors: list | None = None, data: dict | None = None):
    """The page, with `data` stored under the guide's keys before it loads."""
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda exc: errors.append(str(exc)))
    if data is not None:
        page.goto(url)
        page.evaluate("""([prefix, data]) => { for (const [key, value] of Object.entries(data))
                           localStorage.setItem(prefix + key, JSON.stringify(value)); }""", [PREFIX, data])
    page.goto(url)
    return page


def storage(page) -> dict:
    """Everything in localStorage, the guide's and anyone else's, as stored text."""
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def ours(page) -> dict:
    return {k[len(PREFIX):]: json.loads(v) for k, v in storage(page).items() if k.startswith(PREFIX)}


def listed(page) -> list[str]:
    return page.locator("[data-my-data-list] li [data-my-data-what]").all_inner_texts()


def message(page):
    """What went right (a status)."""
    return page.locator("[data-my-data-message]")


def error(page):
    """What went wrong (an alert)."""
    return page.locator("[data-my-data-error]")


@pytest.fixture
def choose_file(tmp_path):
    """Chooses `content` as the file to restore, given as a file on disk: Playwright hands a
    local browser its path, where bytes would go through its protocol (20 MB took 15 s). The
    file stays until the test ends, as the page reads it after the choice."""
    chosen = 0

    def choose(page, content: bytes, name: str = "export.json") -> None:
        nonlocal chosen
        chosen += 1
        path = tmp_path / f"choice-{chosen}" / name
        path.parent.mkdir()
        path.write_bytes(content)
        page.locator("[data-my-data-import]").set_input_files(path)

    return choose


def export(page) -> tuple[str, dict]:
    with page.expect_download() as info:
        page.locator("[data-my-data-export]").click()
    download = info.value
    return download.suggested_filename, json.loads(open(download.path(), encoding="utf-8").read())


# --- listing -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "lang"), [(NL, "nl"), (EN, "en")])
def test_lists_what_is_kept_with_titles_counts_and_dates(context, site, path, lang):
    origin, _ = site
    page = open_page(context, origin + path, data=SEEDED)
    assert listed(page) == LISTED[lang]
    expect(page.locator("[data-my-data-empty]")).to_be_hidden()


def test_says_so_when_nothing_is_kept(context, site):
    origin, _ = site
    page = open_page(context, origin + NL)
    expect(page.locator("[data-my-data-empty]")).to_have_text("Op dit apparaat staat nog niets van deze gids.")
    expect(page.locator("[data-my-data-list]")).to_be_hidden()
    expect(page.locator("[data-my-data-no-script]")).to_be_hidden()


def test_answers_typed_on_the_sheet_show_up(context, site):
    origin, _ = site
    page = open_page(context, origin + "/en/gespreksvoorbereiding.html")
    page.locator('[data-field="doel"]').fill("Fair pay")
    page.locator('[data-field="doel"]').blur()
    page.goto(origin + NL)
    assert listed(page)[0].startswith("Gespreksvoorbereiding (zonder klant of datum): 1 veld ingevuld, bijgewerkt op ")


# --- export and import ---------------------------------------------------------------------------

def test_export_downloads_everything_as_json(context, site):
    origin, _ = site
    page = open_page(context, origin + NL, data=SEEDED)
    name, exported = export(page)
    today = exported["exported"][:10]
    assert name == f"samenwerken-met-klanten-{today}.json"
    assert (exported["format"], exported["version"], exported["data"]) == ("samenwerken-met-klanten", 1, SEEDED)
    assert datetime.fromisoformat(exported["exported"].replace("Z", "+00:00")).year >= 2025
    expect(message(page)).to_have_text(f"Je export is gedownload als {name}.")


NOT_JSON = "Dit bestand kan niet worden gelezen: het is beschadigd of geen export van deze gids. Er is niets veranderd."
GOOD = {"format": "samenwerken-met-klanten", "version": 1, "exported": "2026-03-03T12:00:00.000Z"}
BAD_FILES = [
    # file content,                                   message (Dutch page)
    (b"{niet json", NOT_JSON),
    (b"\x89PNG\r\n", NOT_JSON),
    (json.dumps({**GOOD, "format": "iets-anders", "data": {}}).encode(),
     "Dit bestand is geen export van Samenwerken met klanten. Er is niets veranderd."),
    (json.dumps([1, 2]).encode(), "Dit bestand is geen export van Samenwerken met klanten. Er is niets veranderd."),
    (json.dumps({**GOOD, "version": 2, "data": {}}).encode(),
     "Dit bestand komt uit een andere versie van de gids (versie 2) en kan niet worden teruggezet. "
     "Er is niets veranderd."),
    (json.dumps({**GOOD, "data": [1]}).encode(),
     "Dit bestand is beschadigd: ‘data’ heeft niet de verwachte vorm. Er is niets veranderd."),
    (json.dumps({**GOOD, "data": {"sheet:gespreksvoorbereiding": {"fields": {"doel": 3}},
                                  "checklist:x": {"items": {}}}}).encode(),
     "Dit bestand is beschadigd: ‘sheet:gespreksvoorbereiding’ heeft niet de verwachte vorm. Er is niets veranderd."),
    (json.dumps({**GOOD, "data": {"checklist:kies-je-richting": {"items": {"a": "ja"}}}}).encode(),
     "Dit bestand is beschadigd: ‘checklist:kies-je-richting’ heeft niet de verwachte vorm. Er is niets veranderd."),
    (json.dumps({**GOOD, "data": {"Andere Sleutel": {}}}).encode(),
     "Dit bestand is beschadigd: ‘Andere Sleutel’ heeft niet de verwachte vorm. Er is niets veranderd."),
    (json.dumps({**GOOD, "data": {}}).encode(), "Dit bestand bevat geen gegevens. Er is niets veranderd."),
    (b" " * (20 * 1024 * 1024 + 1), "Dit bestand is te groot voor een export van deze gids. Er is niets veranderd."),
]


@pytest.mark.parametrize(("content", "expected"), BAD_FILES, ids=range(len(BAD_FILES)))
def test_a_wrong_file_changes_nothing_and_says_why(context, site, content, expected, choose_file):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors, data=SEEDED)
    before = storage(page)
    choose_file(page, content)
    expect(error(page)).to_have_text(expected)
    expect(message(page)).to_be_empty()
    assert storage(page) == before
    assert listed(page) == LISTED["nl"]
    assert errors == []


def test_the_exported_file_restores_everything(context, site, tmp_path, choose_file):
    origin, _ = site
    page = open_page(context, origin + EN, data=SEEDED)
    _, exported = export(page)
    page.evaluate("prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))"
                  ".forEach(k => localStorage.removeItem(k))", PREFIX)
    page.evaluate("prefix => localStorage.setItem(prefix + 'sheet:gespreksvoorbereiding', "
                  "JSON.stringify({fields: {doel: 'Nieuwer'}, updated: 1}))", PREFIX)
    page.reload()
    questions: list[str] = []
    page.once("dialog", answer_dialog(questions, accept=True))
    choose_file(page, json.dumps(exported).encode())
    expect(message(page)).to_have_text("Restored: Choose your direction, Conversation preparation.")
    assert questions == ["Restoring replaces what is on this device now: Conversation preparation. Continue?"]
    assert ours(page) == SEEDED
    assert listed(page) == LISTED["en"]
    page.goto(origin + "/gespreksvoorbereiding.html")
    expect(page.locator('[data-field="wensen"]')).to_have_value("Meerwerk apart begroten")


def clear_ours(page) -> None:
    page.evaluate("prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))"
                  ".forEach(k => localStorage.removeItem(k))", PREFIX)


def test_restoring_over_data_on_the_device_asks_first(context, site, choose_file):
    origin, _ = site
    page = open_page(context, origin + NL, data=SEEDED)
    newer = {"sheet:gespreksvoorbereiding": {"fields": {"doel": "Uit het bestand"}, "updated": UPDATED},
             "checklist:gesprek-aanvragen": {"items": {"x": True}, "updated": UPDATED}}
    file = json.dumps({**GOOD, "data": newer}).encode()
    questions: list[str] = []
    page.once("dialog", answer_dialog(questions, accept=False))
    choose_file(page, file)
    expect(message(page)).to_have_text("Je hebt het terugzetten afgebroken. Er is niets veranderd.")
    # It names what would be replaced, not what would only be added.
    assert questions == ["Terugzetten vervangt wat nu op dit apparaat staat: Gespreksvoorbereiding. Doorgaan?"]
    assert ours(page) == SEEDED
    page.once("dialog", answer_dialog(questions, accept=True))
    choose_file(page, file)
    expect(message(page)).to_have_text("Teruggezet: Gespreksvoorbereiding, Het gesprek aanvragen.")
    assert ours(page) == {**SEEDED, **newer}


def test_an_export_as_large_as_a_full_storage_restores(context, site, choose_file):
    # Storage holds about 5 million characters per site; "€" is three bytes in the file.
    origin, _ = site
    page = open_page(context, origin + EN)
    size = page.evaluate("""key => { let lo = 0, hi = 6e6;
        while (hi - lo > 64) { const mid = Math.floor((lo + hi) / 2);
          try { localStorage.setItem(key, JSON.stringify({fields: {doel: '€'.repeat(mid)}, updated: 1}));
                lo = mid; } catch (e) { hi = mid; } }
        localStorage.setItem(key, JSON.stringify({fields: {doel: '€'.repeat(lo)}, updated: 1}));
        return lo; }""", PREFIX + "sheet:gespreksvoorbereiding")
    assert size > 5_000_000
    page.reload()
    with page.expect_download() as info:
        page.locator("[data-my-data-export]").click()
    content = open(info.value.path(), "rb").read()
    assert len(content) > 15_000_000
    clear_ours(page)
    page.reload()
    choose_file(page, content)
    expect(message(page)).to_have_text("Restored: Conversation preparation.", timeout=20_000)
    assert ours(page) == json.loads(content)["data"]
    assert len(ours(page)["sheet:gespreksvoorbereiding"]["fields"]["doel"]) == size


def test_oddly_typed_stored_values_still_export_a_file_that_restores(context, site, choose_file):
    origin, _ = site
    odd = {
        "checklist:kies-je-richting": {"items": {"positief": "true", "hardop": True}, "updated": UPDATED, "extra": 1},
        "sheet:gespreksvoorbereiding": {"fields": {"doel": "Eerlijk", "lijnen": 3}, "updated": "gisteren"},
    }
    page = open_page(context, origin + NL, data=odd)
    _, exported = export(page)
    # What the site shows of them, and nothing it would not accept back.
    assert exported["data"] == {"checklist:kies-je-richting": {"items": {"hardop": True}, "updated": UPDATED},
                                "sheet:gespreksvoorbereiding": {"fields": {"doel": "Eerlijk"}}}
    clear_ours(page)
    page.reload()
    choose_file(page, json.dumps(exported).encode())
    expect(message(page)).to_have_text("Teruggezet: Je richting kiezen, Gespreksvoorbereiding.")
    assert ours(page) == exported["data"]


def test_keys_named_like_object_properties_are_harmless(context, site, choose_file):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors)
    data = {
        "constructor:x": {"a": 1},
        "checklist:constructor": {"items": {"__proto__": True, "constructor": True, "hasOwnProperty": False}},
        "sheet:gespreksvoorbereiding": {"fields": {"__proto__": "a", "toString": "b", "doel": "c"}},
    }
    page.evaluate("prefix => localStorage.setItem(prefix + '__proto__', '{}')", PREFIX)
    choose_file(page, json.dumps({**GOOD, "data": data}).encode())
    expect(message(page)).to_have_text("Teruggezet: Gegevens x, Checklist constructor, Gespreksvoorbereiding.")
    # What the guide knows in guide order, then the rest by key.
    assert listed(page) == ["Gespreksvoorbereiding: 3 velden ingevuld", "Checklist constructor: 2 punten afgevinkt",
                            "Gegevens x"]
    _, exported = export(page)
    assert exported["data"] == data
    assert page.evaluate("() => ({}).a === undefined && ({}).doel === undefined && typeof ({}).toString === 'function'")
    page.goto(origin + "/gespreksvoorbereiding.html")
    expect(page.locator('[data-field="doel"]')).to_have_value("c")
    assert errors == []


# --- full storage --------------------------------------------------------------------------------

@pytest.mark.parametrize("how", FULL_STORAGE)
def test_full_storage_lists_exports_and_really_deletes(context, site, how):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors, data=SEEDED)
    fill_storage(page, how)
    page.reload()
    assert listed(page) == LISTED["nl"]
    _, exported = export(page)
    assert exported["data"] == SEEDED
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-my-data-delete]").click()
    expect(message(page)).to_have_text("Alles is gewist. Er staat niets meer van deze gids op dit apparaat.")
    assert ours(page) == {}
    assert errors == []


@pytest.mark.parametrize("how", FULL_STORAGE)
def test_full_storage_restores_nothing_and_says_why(context, site, how, choose_file):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + NL, errors, data={"checklist:kies-je-richting": SEEDED["checklist:kies-je-richting"]})
    fill_storage(page, how)
    page.reload()
    page.once("dialog", lambda dialog: dialog.accept())
    choose_file(page, json.dumps({**GOOD, "data": {**SEEDED, "checklist:kies-je-richting": {"items": {}}}}).encode())
    expect(error(page)).to_have_text("Dit bestand kon niet worden teruggezet: de opslag van je browser voor deze "
                                       "site is vol. Er is niets veranderd.")
    assert run_axe(page) == []
    assert ours(page) == {"checklist:kies-je-richting": SEEDED["checklist:kies-je-richting"]}
    assert errors == []


# --- deleting ------------------------------------------------------------------------------------

def test_delete_everything_asks_first_and_leaves_other_sites_data_alone(context, site):
    origin, _ = site
    page = open_page(context, origin + NL, data=SEEDED)
    page.evaluate("() => localStorage.setItem('iets-van-een-ander', '1')")
    messages: list[str] = []

    page.once("dialog", answer_dialog(messages, accept=False))
    page.locator("[data-my-data-delete]").click()
    assert messages == ["Alles wissen wat deze gids op dit apparaat bewaart? Je afgevinkte punten en je "
                        "antwoorden zijn dan weg. Dat kun je niet ongedaan maken."]
    assert ours(page) == SEEDED

    page.once("dialog", answer_dialog(messages, accept=True))
    page.locator("[data-my-data-delete]").click()
    assert ours(page) == {}
    assert storage(page)["iets-van-een-ander"] == "1"
    expect(message(page)).to_have_text("Alles is gewist. Er staat niets meer van deze gids op dit apparaat.")
    expect(page.locator("[data-my-data-empty]")).to_be_visible()
    # Export and delete are off now; the keyboard goes on at the message instead of being lost.
    expect(page.locator("[data-my-data-delete]")).to_be_disabled()
    expect(message(page)).to_be_focused()


# --- failing storage, no JavaScript, accessibility -----------------------------------------------

def test_blocked_storage_shows_nothing_kept_and_says_why(context, site):
    origin, _ = site
    context.add_init_script(BLOCK_STORAGE)
    errors: list[str] = []
    page = open_page(context, origin + NL, errors)
    expect(page.locator("[data-my-data-empty]")).to_be_visible()
    expect(message(page)).to_have_text(
        "Je browser laat deze site niets bewaren. Wat hier staat, verdwijnt zodra je deze pagina sluit.")
    assert errors == []


def test_without_javascript_a_note_replaces_the_controls(browser, site):
    origin, _ = site
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(origin + NL)
        expect(page.locator("[data-my-data-no-script]")).to_be_visible()
        expect(page.locator("[data-my-data-actions]")).to_be_hidden()
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", [NL, EN])
def test_axe_finds_nothing_with_or_without_data(sized_context, site, width, path, choose_file):
    origin, _ = site
    page = open_page(sized_context, origin + path)
    assert run_axe(page) == []
    page.close()  # Chromium sets files on an input of the front page only
    page = open_page(sized_context, origin + path, data=SEEDED)
    choose_file(page, b"{niet json")
    expect(error(page)).not_to_be_empty()
    assert run_axe(page) == []


def test_my_data_logs_no_errors(watched, site):
    origin, _ = site
    watched.page.goto(origin + NL)  # something to export: with nothing stored, export is off
    watched.page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))",
                          [PREFIX + "checklist:kies-je-richting", SEEDED["checklist:kies-je-richting"]])
    for path in (NL, EN):
        watched.page.goto(origin + path, wait_until="networkidle")
        with watched.page.expect_download():
            watched.page.locator("[data-my-data-export]").click()
    assert watched.console_errors == []
    assert watched.bad_responses == []
    assert watched.external_requests == []


# --- the list in guide order, each record linked and deletable on its own ------------------------

IN_GUIDE_ORDER = {
    # key,                                  where the list links it to (page#id)
    "checklist:verwachtingen-bij-de-start": "samenwerken.html#checklist-verwachtingen-bij-de-start",
    "checklist:kies-je-richting": "stap-1-richting.html#checklist-kies-je-richting",
    "checklist:na-het-gesprek": "stap-3-gesprek.html#checklist-na-het-gesprek",
    "sheet:gespreksvoorbereiding": "gespreksvoorbereiding.html#gespreksvoorbereiding",
}


@pytest.mark.parametrize(("path", "names"), [
    (NL, ["Het verwachtingsgesprek bij de start", "Je richting kiezen", "Na het gesprek, binnen een werkdag",
          "Gespreksvoorbereiding"]),
    (EN, None),  # the English names are checked by following the links
])
def test_lists_in_guide_order_each_linked_to_its_place(context, site, path, names):
    origin, _ = site
    data = {key: {"items": {"a": True}, "updated": UPDATED} for key in IN_GUIDE_ORDER if key.startswith("checklist:")}
    data["sheet:gespreksvoorbereiding"] = SEEDED["sheet:gespreksvoorbereiding"]
    page = open_page(context, origin + path, data=dict(sorted(data.items())))
    links = page.locator("[data-my-data-list] li [data-my-data-what] a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs == list(IN_GUIDE_ORDER.values())
    if names:
        assert links.all_inner_texts() == names
    # Each link leads to the checklist or the sheet itself, in the page's language.
    for href in hrefs:
        page.goto(urljoin(origin + path, href))
        target = href.split("#")[1]
        expect(page.locator(f"#{target}")).to_be_attached()
        assert page.evaluate("document.documentElement.lang") == ("nl" if path == NL else "en")


def test_one_record_is_deleted_on_its_own_after_confirmation(context, site):
    origin, _ = site
    page = open_page(context, origin + NL, data=SEEDED)
    questions: list[str] = []
    remove = page.get_by_role("button", name="‘Je richting kiezen’ wissen")
    page.once("dialog", answer_dialog(questions, accept=False))
    remove.click()
    assert ours(page) == SEEDED
    remove.focus()
    page.once("dialog", answer_dialog(questions, accept=True))
    page.keyboard.press("Enter")
    assert questions == ["‘Je richting kiezen’ wissen van dit apparaat? Dat kun je niet ongedaan maken."] * 2
    assert ours(page) == {"sheet:gespreksvoorbereiding": SEEDED["sheet:gespreksvoorbereiding"]}
    expect(message(page)).to_have_text("‘Je richting kiezen’ is gewist.")
    assert listed(page) == [LISTED["nl"][1]]
    # The keyboard goes on where it was: at the delete button that took the removed one's place.
    expect(page.get_by_role("button", name="‘Gespreksvoorbereiding’ wissen")).to_be_focused()
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    assert ours(page) == {}
    expect(message(page)).to_be_focused()
    expect(page.locator("[data-my-data-empty]")).to_be_visible()


def test_export_and_delete_are_off_while_nothing_is_kept_and_follow_another_tab(context, site):
    origin, _ = site
    page = open_page(context, origin + EN)
    export_button, delete_button = page.locator("[data-my-data-export]"), page.locator("[data-my-data-delete]")
    expect(export_button).to_be_disabled()
    expect(delete_button).to_be_disabled()
    expect(page.locator("label[for=my-data-import]")).to_have_text("Restore an export")
    other = context.new_page()  # a second tab ticks an item
    other.goto(origin + "/en/stap-1-richting.html")
    other.locator("[data-checklist] input[type=checkbox]").first.check()
    expect(export_button).to_be_enabled()
    expect(delete_button).to_be_enabled()
    assert [line.split(",")[0] for line in listed(page)] == ["Choose your direction: 1 item ticked"]
    other.evaluate("prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))"
                   ".forEach(k => localStorage.removeItem(k))", PREFIX)
    expect(export_button).to_be_disabled()
    expect(page.locator("[data-my-data-empty]")).to_be_visible()


# A focus ring a reader can see: a solid outline of at least 2 px, in another colour than the page.
FOCUS_RING = """el => { const s = getComputedStyle(el);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor}; }"""


@pytest.mark.parametrize("width", [375, 1280])
def test_every_control_shows_keyboard_focus(sized_context, site, width):
    origin, _ = site
    page = open_page(sized_context, origin + NL, data=SEEDED)
    controls = page.locator("[data-my-data] a, [data-my-data] button, [data-my-data] input")
    expected = controls.count()
    assert expected == 2 + 2 + 3  # two links, two delete buttons, export, import, delete all
    page.locator("[data-my-data-list] a").first.focus()
    page.keyboard.press("Shift+Tab")
    seen = []
    for _ in range(expected):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        assert page.evaluate("el => !!el.closest('[data-my-data]')", focused)
        # The file input is hidden under its label: the label shows its focus.
        shown = page.evaluate_handle("el => el.type === 'file' ? el.labels[0] : el", focused)
        ring = page.evaluate(FOCUS_RING, shown)
        name = page.evaluate("el => el.getAttribute('aria-label') || el.textContent.trim()", shown)
        assert ring["style"] == "solid" and ring["width"] >= 2, (name, ring)
        assert ring["colour"] == "rgb(166, 70, 26)", (name, ring)
        seen.append(name)
    assert len(set(seen)) == expected, seen


def test_what_went_right_and_what_went_wrong_look_different(context, site, choose_file):
    origin, _ = site
    page = open_page(context, origin + NL, data=SEEDED)
    look = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderLeftColor]; }"
    choose_file(page, b"{niet json")
    expect(error(page)).to_have_text(NOT_JSON)
    wrong = page.evaluate(look, error(page).element_handle())
    export(page)
    expect(error(page)).to_be_empty()  # the new message replaces the old one
    right = page.evaluate(look, message(page).element_handle())
    assert wrong != right
    assert (wrong[1], right[1]) == ("rgb(166, 70, 26)", "rgb(29, 90, 86)")  # rust and teal
    assert run_axe(page) == []
