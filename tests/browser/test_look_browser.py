"""The guide's look on the real site: the language switcher names and marks the languages, the
404 page of each language leads on, a step page prints cleanly, and the before/after table
becomes cards on a phone without losing its table for screen readers."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

from browser_support import run_axe

STEP_1 = {"nl": "/stap-1-richting.html", "en": "/en/stap-1-richting.html"}


@pytest.mark.parametrize(("lang", "width", "shown"), [("nl", 375, "NL"), ("en", 1280, "English")])
def test_the_switcher_names_this_language_and_marks_it(sized_context, site, lang, width, shown):
    origin, _ = site
    page = sized_context.new_page()
    page.goto(origin + STEP_1[lang])
    button = page.locator(".guide-lang__button")
    assert button.locator(".guide-lang__current:visible").inner_text().strip() == shown
    expect(button).to_have_accessible_name(
        {"nl": "Kies een taal: ", "en": "Select language: "}[lang] + shown)
    button.hover()
    current = page.locator("a[data-locale-switch][aria-current=page]")
    expect(current).to_have_attribute("lang", lang)
    assert page.evaluate("el => getComputedStyle(el, '::before').content", current.element_handle()) != "none"
    names = page.locator("a[data-locale-switch]").all_inner_texts()
    assert [n.strip() for n in names] == ["Nederlands", "English"]


@pytest.mark.parametrize(("lang", "missing", "links"), [
    ("nl", "/bestaat-niet.html", {"Naar het begin van de gids": "/", "Stap 1: bepaal je richting": "/stap-1-richting.html",
                                  "Je gesprek voorbereiden": "/gespreksvoorbereiding.html",
                                  "Read this guide in English": "/en/"}),
    ("en", "/en/does-not-exist.html", {"Go to the start of the guide": "/en/",
                                       "Step 1: choose your direction": "/en/stap-1-richting.html",
                                       "Prepare for the conversation": "/en/gespreksvoorbereiding.html",
                                       "Lees deze gids in het Nederlands": "/"}),
])
def test_the_404_page_leads_home_to_step_1_the_sheet_and_the_other_language(context, site, lang, missing, links):
    origin, _ = site
    page = context.new_page()
    response = page.goto(origin + missing)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    assert run_axe(page) == []
    found = page.locator("article a").evaluate_all("links => links.map(a => [a.textContent.trim(), a.href])")
    assert {text: href.removeprefix(origin) for text, href in found} == links
    for text, href in found:  # each a real page in the language it promises
        target = page.request.get(href)
        assert target.status == 200, text
        lang_of = "en" if href.removeprefix(origin).startswith("/en/") else "nl"
        assert f'<html lang="{lang_of}"' in target.text(), text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_step_page_prints_cleanly(context, site, lang, tmp_path):
    origin, _ = site
    page = context.new_page()
    page.goto(origin + STEP_1[lang])
    page.emulate_media(media="print")
    # No admonition fills or icons on paper; the checklist keeps its boxes.
    fills = page.evaluate("""() => [...document.querySelectorAll('.admonition, .admonition-title')]
        .map(el => getComputedStyle(el).backgroundColor)""")
    assert fills and set(fills) == {"rgba(0, 0, 0, 0)"}
    assert page.evaluate("""() => [...document.querySelectorAll('.admonition-title')]
        .every(el => getComputedStyle(el, '::before').display === 'none')""")
    boxes = page.locator("[data-checklist] input[type=checkbox]")
    assert boxes.count() > 0
    assert all(b.is_visible() for b in boxes.all())
    pdf = tmp_path / "stap-1.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    # Four A4 pages before the summary, boxes and table came to body size; now at most five.
    assert 2 <= len(pages) <= 5, len(pages)
    # No heading is the last thing on a page (its text would follow on the next).
    headings = [h.strip() for h in page.locator("article h2, article h3").all_inner_texts()]
    for number, content in enumerate(pages[:-1], start=1):
        last = [line.strip() for line in content.splitlines() if line.strip()][-1]
        assert last not in headings, (number, last)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_before_after_table_is_cards_on_a_phone_and_still_a_table(browser, site, lang):
    origin, _ = site
    ctx = browser.new_context(viewport={"width": 375, "height": 900})
    try:
        page = ctx.new_page()
        page.goto(origin + STEP_1[lang])
        table = page.locator("article table").first
        rows = table.locator("tbody tr")
        first, second = rows.nth(0).bounding_box(), rows.nth(1).bounding_box()
        assert first["y"] + first["height"] <= second["y"]  # cards, one under the other
        assert first["width"] <= 375 and first["x"] >= 0
        # Text at body size, and the header row hidden from sight only.
        sizes = page.evaluate("""t => [getComputedStyle(t.querySelector('td')).fontSize,
            getComputedStyle(document.querySelector('article p')).fontSize]""", table.element_handle())
        assert sizes[0] == sizes[1]
        expect(table.locator("thead")).to_be_attached()
        # The browser's own accessibility tree still has a table with its header cells.
        cdp = ctx.new_cdp_session(page)
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
        roles = [n["role"]["value"] for n in tree if "role" in n]
        assert "table" in roles and "columnheader" in roles and roles.count("row") >= 8
        assert run_axe(page) == []
    finally:
        ctx.close()
