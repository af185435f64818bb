"""The reader's journey in a real browser, on the real guide: the home page's progress overview
(nothing stored, partly done, done, in the other language, following another tab, without
JavaScript), the step pages' at-a-glance links down to their checklists, a finished checklist's
done state and next step, and the links from checklist items into the sheet's sections; axe
finds nothing on the pages in any of these states."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import open_page, run_axe

KEY = "samenwerken:v1:"
STAP_1 = ["doel-in-een-zin", "klant-en-jezelf", "eigen-aandeel", "positief", "concreet", "hardop", "naar-gespreksblad"]


def status(page, checklist: str):
    return page.locator(f'[data-progress-checklist="{checklist}"]')


def sheet_status(page):
    return page.locator("[data-progress-sheet]")


def tick(page, checklist: str, items: list[str]):
    for item in items:
        page.locator(f'[data-checklist="{checklist}"] input[data-item="{item}"]').check()


def store(page, key: str, value: str) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY + key, value])


def test_with_nothing_stored_every_task_is_not_started_and_links_to_its_place(context, site):
    origin, _ = site
    page = open_page(context, origin + "/")
    statuses = page.locator("[data-progress-status]")
    expect(statuses.first).to_be_visible()
    assert set(statuses.all_inner_texts()) == {"Niet begonnen"}
    assert statuses.count() == page.locator(".progress__name > a").count() >= 6
    # Every link leads to a page of the guide, to the checklist's own id on it.
    link = page.locator('.progress__name > a[href="stap-1-richting.html#checklist-kies-je-richting"]')
    link.click()
    expect(page.locator("#checklist-kies-je-richting")).to_be_in_viewport()


def test_partly_done_done_and_the_sheet_in_both_languages(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    tick(page, "kies-je-richting", STAP_1)
    page.goto(origin + "/als-het-schuurt.html")
    tick(page, "signalen-herkennen", ["extra-werk", "toon", "betaling"])
    page.goto(origin + "/gespreksvoorbereiding.html")
    page.locator("#gespreksvoorbereiding-doel-answer").fill("Dat we weer plezier hebben in het project.")
    # the sheet saves as the reader types; the overview reads what is stored
    page.wait_for_function("prefix => Object.keys(localStorage).some(k => k.startsWith(prefix))",
                           arg=KEY + "preparation:")
    page.goto(origin + "/")
    expect(status(page, "kies-je-richting")).to_have_text("Klaar")
    expect(status(page, "signalen-herkennen")).to_have_text("3 van 9 herkend")
    expect(status(page, "gesprek-aanvragen")).to_have_text("Niet begonnen")
    expect(sheet_status(page)).to_have_text("1 voorbereiding")
    assert "progress__status--done" in status(page, "kies-je-richting").get_attribute("class")
    # The other language reads the same device: after the switch it says the same.
    page.goto(origin + "/en/")
    expect(status(page, "kies-je-richting")).to_have_text("Done")
    expect(status(page, "signalen-herkennen")).to_have_text("3 of 9 recognised")
    expect(status(page, "gesprek-aanvragen")).to_have_text("Not started")
    expect(sheet_status(page)).to_have_text("1 preparation")


def test_the_sheet_counts_its_preparations_and_ignores_an_empty_old_record(context, site):
    origin, _ = site
    page = open_page(context, origin + "/en/")
    store(page, "sheet:gespreksvoorbereiding", '{"fields": {"doel": ""}}')  # cleared answers: nothing started
    page.reload()
    expect(sheet_status(page)).to_have_text("Not started")
    store(page, "preparation:eerste", '{"sheet": "gespreksvoorbereiding", "fields": {"doel": "Een"}}')
    store(page, "preparation:tweede", '{"sheet": "gespreksvoorbereiding", "fields": {"doel": "Twee"}}')
    page.reload()
    expect(sheet_status(page)).to_have_text("2 preparations")
    store(page, "sheet:gespreksvoorbereiding", '{"fields": {"doel": "Oud"}}')  # not yet migrated: one more
    page.reload()
    expect(sheet_status(page)).to_have_text("3 preparations")
    store(page, "preparation:ander", '{"sheet": "ander-blad", "fields": {"doel": "Elders"}}')  # another sheet's
    page.reload()
    expect(sheet_status(page)).to_have_text("3 preparations")


def test_ticks_of_items_the_checklist_no_longer_has_do_not_count(context, site):
    origin, _ = site
    page = open_page(context, origin + "/")
    store(page, "checklist:kies-je-richting", '{"items": {"weg": true, "oud": true, "positief": true}}')
    page.reload()
    expect(status(page, "kies-je-richting")).to_have_text("1 van 7")


def test_the_overview_follows_another_tab_and_the_back_button(context, site):
    origin, _ = site
    home = open_page(context, origin + "/en/")
    expect(status(home, "kies-je-richting")).to_have_text("Not started")
    other = open_page(context, origin + "/stap-1-richting.html")
    tick(other, "kies-je-richting", STAP_1[:2])
    expect(status(home, "kies-je-richting")).to_have_text("2 of 7")
    other.locator('[data-checklist="kies-je-richting"] [data-checklist-reset]').click()
    expect(status(home, "kies-je-richting")).to_have_text("Not started")
    home.goto(origin + "/en/stap-1-richting.html")
    tick(home, "kies-je-richting", STAP_1[:3])
    home.go_back()
    expect(status(home, "kies-je-richting")).to_have_text("3 of 7")


def test_without_javascript_the_overview_is_a_table_of_contents(browser, site):
    origin, _ = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(origin + "/en/")
    overview = page.locator("[data-progress]")
    expect(overview.locator(".progress__title a").first).to_have_text("What does collaboration mean?")
    assert overview.locator("[data-progress-status]:visible").count() == 0  # no status it cannot know
    expect(overview.locator('a[href="stap-1-richting.html#checklist-kies-je-richting"]')).to_have_text("Choose your direction")
    expect(overview.locator('.progress__name > a[href="gespreksvoorbereiding.html"]')).to_have_text("Conversation preparation")
    context.close()


@pytest.mark.parametrize(
    # a step page,                  the checklists its glance links down to, in order
    ("path", "checklists"),
    [
        ("/stap-1-richting.html", ["kies-je-richting"]),
        ("/en/stap-3-gesprek.html", ["vlak-voor-het-gesprek", "fase-1-vertrouwen", "fase-2-en-opvolging", "na-het-gesprek"]),
    ],
)
def test_the_glance_links_down_to_each_checklist(context, site, path, checklists):
    origin, _ = site
    page = open_page(context, origin + path)
    glance = page.locator("[data-glance]")
    expect(glance).to_be_in_viewport()  # at the top of the page
    links = glance.locator("a.glance__link")
    assert [links.nth(n).get_attribute("href") for n in range(links.count())] == [f"#checklist-{c}" for c in checklists]
    links.last.click()
    expect(page.locator(f"#checklist-{checklists[-1]}")).to_be_in_viewport()


def test_a_finished_checklist_says_so_and_shows_the_next_step(context, site):
    origin, _ = site
    page = open_page(context, origin + "/stap-1-richting.html")
    root = page.locator('[data-checklist="kies-je-richting"]')
    nxt = root.locator("[data-checklist-next]")
    tick(page, "kies-je-richting", STAP_1[:-1])
    expect(nxt).to_be_hidden()
    expect(root).not_to_have_class("checklist checklist--read-do checklist--done")
    tick(page, "kies-je-richting", STAP_1[-1:])
    expect(root).to_have_class("checklist checklist--read-do checklist--done")
    expect(nxt).to_be_visible()
    expect(nxt).to_have_text("Volgende stap: Stap 2: vertrouwen en gunning\xa0→")
    page.reload()  # finished stays finished
    expect(nxt).to_be_visible()
    page.locator('[data-checklist="kies-je-richting"] input[data-item="hardop"]').uncheck()
    expect(nxt).to_be_hidden()
    expect(root).not_to_have_class("checklist checklist--read-do checklist--done")


def test_a_finished_checklist_can_send_the_reader_to_the_sheet(context, site):
    origin, _ = site
    page = open_page(context, origin + "/en/stap-3-gesprek.html")
    root = page.locator('[data-checklist="na-het-gesprek"]')
    for n in range(root.locator("input[data-item]").count()):
        root.locator("input[data-item]").nth(n).check()
    root.locator("[data-checklist-next] a").click()
    expect(page).to_have_url(origin + "/en/gespreksvoorbereiding.html#gespreksvoorbereiding-terugblik")
    expect(page.locator("#gespreksvoorbereiding-terugblik")).to_be_in_viewport()


@pytest.mark.parametrize(
    # the page with the item,       the item,                                          the sheet's section
    ("path", "item", "section"),
    [
        ("/stap-1-richting.html", "checklist-kies-je-richting--naar-gespreksblad", "doel"),
        ("/en/stap-1-richting.html", "checklist-kies-je-richting--naar-gespreksblad", "doel"),
        ("/stap-3-gesprek.html", "checklist-vlak-voor-het-gesprek--drie-vragen", "vragen"),
    ],
)
def test_items_about_the_sheet_link_to_its_section(context, site, path, item, section):
    origin, _ = site
    page = open_page(context, origin + path)
    link = page.locator(f'label[for="{item}"] a')
    expect(link).to_have_attribute("href", f"gespreksvoorbereiding.html#gespreksvoorbereiding-{section}")
    link.click()
    expect(page.locator(f"#gespreksvoorbereiding-{section}")).to_be_in_viewport()
    assert page.url.startswith(origin + path.rsplit("/", 1)[0] + "/gespreksvoorbereiding.html")


# Nothing stored and every box ticked are checked on every page by test_accessibility.py; what
# only exists here is the overview with statuses of every kind.
@pytest.mark.parametrize(("width", "path"), [(1280, "/"), (375, "/en/")])
def test_axe_finds_nothing_on_the_overview_with_every_kind_of_status(sized_context, site, width, path):
    origin, _ = site
    page = open_page(sized_context, origin + path)
    store(page, "checklist:kies-je-richting", '{"items": {%s}}' % ", ".join(f'"{i}": true' for i in STAP_1))
    store(page, "checklist:signalen-herkennen", '{"items": {"toon": true}}')
    store(page, "preparation:een", '{"sheet": "gespreksvoorbereiding", "fields": {"doel": "x"}}')
    page.reload()
    expect(status(page, "signalen-herkennen")).to_be_visible()
    found = run_axe(page)
    assert found == []
