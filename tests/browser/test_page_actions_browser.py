"""The page actions (edit, view, suggest a change) in a real browser: visible, named for screen
readers in the page's language, and axe-core (WCAG 2.x A and AA) finds nothing on pages that
carry them, on a phone and on a desktop screen.

The context bypasses the page's own Content-Security-Policy: axe-core is injected as a script
and a style, which the policy in every page rightly refuses (test_csp_meta_browser.py holds
the pages to it)."""

from __future__ import annotations

import pytest

from browser_support import run_axe

WIDTHS = {"phone": 375, "desktop": 1280}
# page -> the names its three actions must have
PAGES = {
    "/stap-1-richting.html": ["Deze pagina bewerken", "Bron van deze pagina bekijken",
                              "Verbetering voorstellen zonder GitHub (per e-mail)"],
    "/en/stap-1-richting.html": ["Edit this page", "View source of this page",
                                 "Suggest a change without GitHub (by email)"],
    "/gespreksvoorbereiding.html": None,
    "/en/gespreksvoorbereiding.html": None,
}


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def reader(request, browser, site):
    origin, _ = site
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900}, bypass_csp=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_actions_are_there_and_axe_finds_nothing(reader, site, path):
    origin, _ = site
    reader.goto(origin + path)
    actions = reader.locator("article a.md-content__button[data-action]")
    assert actions.count() == 3
    for n in range(3):
        assert actions.nth(n).is_visible()
    if PAGES[path]:
        assert [actions.nth(n).get_attribute("title") for n in range(3)] == PAGES[path]
    assert run_axe(reader) == []
