"""Checklists as a reader uses them: ticks that stay (reload, other language, rebuilt page, other
tab), storage that fails without losing a click, reset with undo, keyboard, no JavaScript, a
strict CSP, accessibility and paper.

Most tests run against the real guide (`site`); the rebuild test builds a small fixture site
twice into one served folder.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from browser_support import (
    BLOCK_STORAGE,
    FULL_STORAGE,
    enforce_csp,
    fill_storage,
    open_page,
    run_axe,
    too_small,
)
from helpers import make_project, mkdocs_build
from helpers import page as md_page
from site_server import free_port, serving

KEY = "samenwerken:v1:checklist:"
STAP_1 = "kies-je-richting"
STAP_1_ITEMS = ["doel-in-een-zin", "klant-en-jezelf", "eigen-aandeel", "positief", "concreet", "hardop",
                "naar-gespreksblad"]
CHECKLIST_PAGES = ["stap-1-richting.html", "als-het-schuurt.html", "stap-2-vertrouwen.html", "stap-3-gesprek.html"]


def checklist(page, cid: str = STAP_1):
    return page.locator(f'[data-checklist="{cid}"]')


def box(page, item: str, cid: str = STAP_1):
    return checklist(page, cid).locator(f'input[data-item="{item}"]')


def stored(page, cid: str = STAP_1):
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY + cid)


def ticked(page, cid: str = STAP_1) -> list[str]:
    return checklist(page, cid).locator("input[data-item]:checked").evaluate_all(
        "boxes => boxes.map(b => b.dataset.item)")


# --- keeping ticks -------------------------------------------------------------------------------

def test_ticks_survive_a_reload_and_are_stored_by_id(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    box(page, "positief").check()
    box(page, "doel-in-een-zin").check()
    entry = stored(page)
    assert entry["items"] == {"positief": True, "doel-in-een-zin": True}
    assert isinstance(entry["updated"], int) and entry["updated"] > 1_700_000_000_000
    page.reload()
    assert ticked(page) == ["doel-in-een-zin", "positief"]
    expect(checklist(page).locator("[data-checklist-progress]")).to_have_text("Gedaan: 2 van 7")


def test_ticks_are_shared_between_the_languages(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    box(page, "eigen-aandeel").check()
    page.goto(origin + "/en/stap-1-richting.html")
    assert ticked(page) == ["eigen-aandeel"]
    expect(checklist(page).locator("[data-checklist-progress]")).to_have_text("1 of 7 done")
    box(page, "hardop").check()
    page.goto(origin + "/stap-1-richting.html")
    assert ticked(page) == ["eigen-aandeel", "hardop"]


def test_stored_ids_the_page_does_not_have_are_kept(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    page.evaluate("key => localStorage.setItem(key, JSON.stringify({items: {concreet: true, weg: true}}))",
                  KEY + STAP_1)
    page.reload()
    assert ticked(page) == ["concreet"]
    box(page, "positief").check()
    assert stored(page)["items"] == {"concreet": True, "weg": True, "positief": True}


def test_progress_is_announced_and_says_when_all_is_done(context, site):
    origin, _ = site
    page = open_page(context, origin + "/en/stap-1-richting.html")
    progress = checklist(page).locator("[data-checklist-progress]")
    expect(progress).to_be_visible()
    assert (progress.get_attribute("role"), progress.get_attribute("aria-live")) == ("status", "polite")
    expect(progress).to_have_text("0 of 7 done")
    for item in STAP_1_ITEMS[:-1]:
        box(page, item).check()
    expect(progress).to_have_text("6 of 7 done")
    box(page, STAP_1_ITEMS[-1]).check()
    expect(progress).to_have_text("Finished: all 7 items are done.")


@pytest.mark.parametrize(("prefix", "counted", "overview"), [("", "Herkend: 9 van 9", "9 van 9 herkend"),
                                                            ("/en", "Recognised: 9 of 9", "9 of 9 recognised")])
def test_a_self_check_counts_the_signals_and_all_of_them_is_not_done(context, site, prefix, counted, overview):
    # Nine signals that a collaboration chafes, all recognised, are no reason for a "done".
    origin, _ = site
    page = open_page(context, origin + prefix + "/als-het-schuurt.html")
    signals = checklist(page, "signalen-herkennen")
    signals.locator("input[data-item]").evaluate_all("boxes => boxes.forEach(b => b.click())")
    expect(signals.locator("[data-checklist-progress]")).to_have_text(counted)
    assert "checklist--done" not in signals.get_attribute("class")
    page.goto(origin + prefix + "/")
    status = page.locator('[data-progress-checklist="signalen-herkennen"]')
    expect(status).to_have_text(overview)
    assert "progress__status--done" not in status.get_attribute("class")


def test_other_tabs_follow(context, site):
    origin, _ = site
    first = open_page(context, origin + "/stap-1-richting.html")
    second = open_page(context, origin + "/en/stap-1-richting.html")
    box(first, "concreet").check()
    expect(box(second, "concreet")).to_be_checked()
    expect(checklist(second).locator("[data-checklist-progress]")).to_have_text("1 of 7 done")
    checklist(second).locator("[data-checklist-reset]").click()
    expect(box(first, "concreet")).not_to_be_checked()


def test_back_and_forward_show_what_is_stored_now(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    box(page, "positief").check()
    page.goto(origin + "/als-het-schuurt.html")
    other = open_page(context, origin + "/stap-1-richting.html")
    box(other, "positief").uncheck()
    box(other, "hardop").check()
    page.go_back()
    expect(box(page, "hardop")).to_be_checked()
    assert ticked(page) == ["hardop"]


# --- storage that fails --------------------------------------------------------------------------

def test_blocked_storage_keeps_ticks_in_memory_and_says_so(context, site):
    origin, _ = site
    context.add_init_script(BLOCK_STORAGE)
    errors: list[str] = []
    page = open_page(context, origin + "/stap-1-richting.html", errors)
    notice = checklist(page).locator("[data-checklist-notice]")
    expect(notice).to_be_visible()
    expect(notice).to_have_text("Je browser bewaart je vinkjes nu niet. Als je deze pagina sluit, zijn ze weg.")
    box(page, "positief").check()
    box(page, "hardop").check()
    box(page, "positief").uncheck()
    assert ticked(page) == ["hardop"]
    expect(checklist(page).locator("[data-checklist-progress]")).to_have_text("Gedaan: 1 van 7")
    assert errors == []


CORRUPT_NL = ("Je eerder bewaarde vinkjes waren beschadigd en konden niet worden gelezen. "
              "Wat je nu afvinkt, wordt weer gewoon bewaard.")
FULL_NL = ("Je vinkjes konden niet worden bewaard: de opslag van je browser voor deze site is vol. "
           "Als je deze pagina sluit, zijn je laatste wijzigingen weg.")


def test_damaged_stored_data_counts_as_no_ticks_and_says_so(context, site):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + "/stap-1-richting.html", errors)
    notice = checklist(page).locator("[data-checklist-notice]")
    for broken in ("{not json", '"tekst"', '{"items": [1, 2]}', "null", '{"items": "positief"}'):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY + STAP_1, broken])
        page.reload()
        assert ticked(page) == []
        expect(notice).to_have_text(CORRUPT_NL)  # the sheet's notice, in the checklist's words
    box(page, "concreet").check()
    assert stored(page)["items"] == {"concreet": True}  # overwritten with good data
    page.reload()
    expect(notice).to_be_hidden()
    assert errors == []


def test_item_ids_named_like_object_properties_are_just_ids(context, site):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + "/stap-1-richting.html", errors)
    odd = '{"items": {"__proto__": true, "constructor": true, "hasOwnProperty": true, "positief": true}}'
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY + STAP_1, odd])
    page.reload()
    assert ticked(page) == ["positief"]
    expect(checklist(page).locator("[data-checklist-progress]")).to_have_text("Gedaan: 1 van 7")
    box(page, "hardop").check()
    raw = page.evaluate("key => localStorage.getItem(key)", KEY + STAP_1)
    assert '"__proto__":true' in raw and '"constructor":true' in raw and '"hardop":true' in raw
    assert page.evaluate("() => ({}).positief === undefined && typeof ({}).hasOwnProperty === 'function'")
    expect(checklist(page).locator("[data-checklist-notice]")).to_be_hidden()
    assert errors == []


@pytest.mark.parametrize("how", FULL_STORAGE)
def test_full_storage_shows_the_stored_ticks_and_never_undoes_a_click(context, site, how):
    origin, _ = site
    errors: list[str] = []
    page = open_page(context, origin + "/stap-1-richting.html", errors)
    box(page, "positief").check()
    fill_storage(page, how)
    page.reload()
    assert ticked(page) == ["positief"]  # reading works while writing does not
    expect(checklist(page).locator("[data-checklist-notice]")).to_be_hidden()
    box(page, "doel-in-een-zin").check()
    box(page, "concreet").check()
    assert ticked(page) == ["doel-in-een-zin", "positief", "concreet"]
    expect(checklist(page).locator("[data-checklist-notice]")).to_have_text(FULL_NL)
    assert run_axe(page) == []
    expect(checklist(page).locator("[data-checklist-progress]")).to_have_text("Gedaan: 3 van 7")
    assert stored(page)["items"] == {"positief": True}
    assert errors == []


def test_a_broken_checklist_is_reported_by_name_and_the_others_work(context, site):
    origin, _ = site

    first = []  # the page's first checklist: the one that loses its progress line

    def without_first_progress(route):
        html = route.fetch().text()
        broken = html.replace("data-checklist-progress", "data-broken", 1)
        assert broken != html
        first.append(re.search(r'data-checklist="([^"]+)"', html).group(1))
        route.fulfill(body=broken, content_type="text/html; charset=utf-8")

    context.route("**/stap-3-gesprek.html", without_first_progress)
    console: list[str] = []
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(origin + "/stap-3-gesprek.html")
    second = "fase-2-en-opvolging"
    first_box = checklist(page, first[0]).locator("input[data-item]").first
    second_box = checklist(page, second).locator("input[data-item]").first
    second_box.check()
    expect(checklist(page, second).locator("[data-checklist-progress]")).to_have_text(re.compile(r"Gedaan: 1 van \d+"))
    assert stored(page, second)["items"] == {second_box.get_attribute("data-item"): True}
    first_box.check()  # still a box that ticks, as without JavaScript
    assert first[0] != second and [m for m in console if "missing" in m] == [
        f"checklist '{first[0]}': missing [data-checklist-progress]"]
    assert errors == []


# --- starting over -------------------------------------------------------------------------------

def test_reset_clears_everything_and_undo_brings_it_back(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    root = checklist(page)
    reset, undo = root.locator("[data-checklist-reset]"), root.locator("[data-checklist-undo]")
    expect(reset).to_be_disabled()  # nothing to clear yet
    expect(undo).to_be_hidden()
    box(page, "positief").check()
    box(page, "hardop").check()
    reset.click()
    assert ticked(page) == []
    assert stored(page) is None
    expect(root.locator("[data-checklist-progress]")).to_have_text("Alle vinkjes zijn weggehaald.")
    expect(undo).to_be_focused()
    undo.click()
    assert ticked(page) == ["positief", "hardop"]
    assert stored(page)["items"] == {"positief": True, "hardop": True}
    expect(undo).to_be_hidden()
    expect(reset).to_be_focused()
    # Undo is offered until the next tick, not longer: it would overwrite that tick.
    reset.click()
    box(page, "concreet").check()
    expect(undo).to_be_hidden()
    assert stored(page)["items"] == {"concreet": True}


# --- keyboard, no JavaScript, CSP ----------------------------------------------------------------

def focus_ring(page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement, s = getComputedStyle(el);
        return {item: el.dataset.item || el.textContent.trim(), visible: el.matches(':focus-visible'),
                style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")


def test_keyboard_ticks_and_resets_with_a_visible_focus(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    root = checklist(page)
    # Start from the checklist's title, then move as a keyboard user does.
    root.locator("legend").evaluate("el => { el.tabIndex = -1; el.focus(); }")
    page.keyboard.press("Tab")
    ring = focus_ring(page)
    assert ring["item"] == "doel-in-een-zin" and ring["visible"]
    assert ring["style"] != "none" and ring["width"] >= 2
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert ticked(page) == ["doel-in-een-zin", "klant-en-jezelf"]
    for _ in STAP_1_ITEMS[2:]:
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the last item's link to the sheet's section
    page.keyboard.press("Tab")
    ring = focus_ring(page)
    assert ring["item"] == "Alle vinkjes weghalen" and ring["visible"] and ring["style"] != "none"
    page.keyboard.press("Enter")
    assert ticked(page) == []
    assert focus_ring(page)["item"] == "Ongedaan maken"
    page.keyboard.press("Space")
    assert ticked(page) == ["doel-in-een-zin", "klant-en-jezelf"]


def test_without_javascript_the_list_reads_and_ticks(browser, site):
    origin, _ = site
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(origin + "/stap-1-richting.html")
        root = checklist(page)
        expect(root.locator("legend")).to_have_text("Je richting kiezen")
        expect(root.locator("input[type=checkbox][data-item]")).to_have_count(7)
        expect(root.get_by_label("Schrijf je doel op in één zin.")).to_be_visible()
        expect(root.locator("[data-checklist-progress]")).to_be_hidden()
        expect(root.locator("[data-checklist-reset]")).to_be_hidden()
        expect(root.locator("[data-checklist-notice]")).to_be_hidden()
        root.get_by_text("Maak je doel concreet").click()  # the label ticks its box
        expect(box(page, "concreet")).to_be_checked()
    finally:
        ctx.close()


def test_works_under_a_strict_content_security_policy(context, site):
    origin, _ = site

    enforce_csp(context)
    page = open_page(context, origin + "/stap-1-richting.html")
    box(page, "hardop").check()
    expect(checklist(page).locator("[data-checklist-progress]")).to_have_text("Gedaan: 1 van 7")
    assert stored(page)["items"] == {"hardop": True}
    violations = page.evaluate("window.__violations")
    ours = [v for v in violations if re.search(r"(checklist|store)\.(js|css)", f"{v['source']} {v['blocked']}")]
    assert ours == []
    assert checklist(page).locator("[style]").count() == 0  # no inline styles to allow


# --- accessibility -------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/stap-1-richting.html", "/en/stap-3-gesprek.html"])
def test_axe_finds_nothing_unticked_or_ticked(sized_context, site, width, path):
    origin, _ = site
    page = sized_context.new_page()
    page.goto(origin + path)
    assert run_axe(page) == []
    boxes = page.locator("[data-checklist] input[data-item]")
    for n in range(0, boxes.count(), 2):
        boxes.nth(n).check()
    page.locator("[data-checklist-reset]").first.click()  # undo shown, reset disabled
    assert run_axe(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_click_targets_are_at_least_24_px(sized_context, site, width):
    origin, _ = site
    page = sized_context.new_page()
    page.goto(origin + "/stap-3-gesprek.html")
    targets = page.locator("[data-checklist] input[data-item], [data-checklist] button:visible")
    boxes, lists = page.locator("[data-checklist] input[data-item]").count(), page.locator("[data-checklist]").count()
    assert boxes >= 12 and lists >= 2
    assert targets.count() == boxes + lists  # every box, and every list's reset button
    assert too_small(targets) == []


def test_checklist_pages_log_no_errors(watched, site):
    origin, _ = site
    for prefix in ("", "en/"):
        for path in CHECKLIST_PAGES:
            watched.page.goto(f"{origin}/{prefix}{path}", wait_until="networkidle")
            watched.page.locator("[data-checklist] input[data-item]").first.check()
    assert watched.console_errors == []
    assert watched.bad_responses == []
    assert watched.external_requests == []


# --- paper ---------------------------------------------------------------------------------------

def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_ticks_print(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    box(page, "doel-in-een-zin").check()
    box(page, "positief").check()
    page.emulate_media(media="print")
    root = checklist(page)
    expect(root.locator("[data-checklist-reset]")).to_be_hidden()
    expect(root.locator("[data-checklist-progress]")).to_have_text("Gedaan: 2 van 7")
    text = pdf_text(page.pdf())
    # Print draws a tick character in each ticked box: it shows on paper and in the PDF's text.
    ticked = re.findall(r"✓\s*(.+)", text)  # the first line of each ticked item
    assert len(ticked) == 2
    assert ticked[0] == "Schrijf je doel op in één zin." and ticked[1].startswith("Herschrijf elke zin met ‘niet’")
    assert "Alle vinkjes weghalen" not in text
    assert "Maak je doel concreet: schrijf op waaraan je over drie maanden merkt dat het gelukt is." in text


# --- a rebuilt page ------------------------------------------------------------------------------

def list_pages(items: list[tuple[str, str, str]]) -> dict[str, str]:
    """A fixture site with one checklist 'proef' of `items` (id, Dutch text, English text)."""
    def front(column: int) -> str:
        rows = "".join(f'      - id: {item[0]}\n        text: "{item[column]}"\n' for item in items)
        return ("checklists:\n  - id: proef\n    title: Proef\n    kind: read-do\n"
                "    moment: Altijd\n    items:\n" + rows)
    return {
        "index.md": md_page("Welkom", "Naar de [lijst](lijst.md)."),
        "index.en.md": md_page("Welcome", "To the [list](lijst.md)."),
        "lijst.md": md_page("Lijst", "Vink af.\n\n<!-- checklist: proef -->", front(1)),
        "lijst.en.md": md_page("List", "Tick.\n\n<!-- checklist: proef -->", front(2)),
    }


def test_ticks_survive_a_rebuild_with_changed_items(browser, tmp_path):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = tmp_path / "site"
    first = [("een", "Een", "One"), ("twee", "Twee", "Two"), ("drie", "Drie", "Three"), ("vier", "Vier", "Four")]
    project = make_project(tmp_path, list_pages(first))

    def build(items):
        for name, text in list_pages(items).items():
            (project / "docs" / name).write_text(text, encoding="utf-8")
        result = mkdocs_build(project, site_url=origin + "/", site_dir=site_dir)
        assert result.returncode == 0, result.stderr[-3000:]

    build(first)
    with serving(site_dir, port):
        ctx = browser.new_context()
        try:
            page = open_page(ctx, origin + "/lijst.html")
            for item in ("een", "drie", "vier"):
                box(page, item, "proef").check()
            # Reordered, "vier" reworded, "twee" and "drie" removed, "vijf" added.
            build([("vijf", "Vijf", "Five"), ("vier", "Vier, anders gezegd", "Four, put another way"),
                   ("een", "Een", "One")])
            page.reload()
            expect(box(page, "vier", "proef")).to_have_accessible_name("Vier, anders gezegd")
            assert ticked(page, "proef") == ["vier", "een"]
            expect(checklist(page, "proef").locator("[data-checklist-progress]")).to_have_text("Gedaan: 2 van 3")
            box(page, "vijf", "proef").check()
            assert stored(page, "proef")["items"] == {"een": True, "drie": True, "vier": True, "vijf": True}
            # An item that comes back is still ticked, in either language.
            build([("drie", "Drie", "Three"), ("vier", "Vier", "Four"), ("vijf", "Vijf", "Five")])
            page.goto(origin + "/en/lijst.html")
            assert ticked(page, "proef") == ["drie", "vier", "vijf"]
        finally:
            ctx.close()
