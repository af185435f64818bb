"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds nothing on any page of either language,
on a phone and on a desktop screen; nor on the checklists with every box ticked, nor on the
conversation sheet with every field filled in (states that only exist after a reader acted)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from browser_support import run_axe

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
WIDTHS = {"phone": 375, "desktop": 1280}  # px; the theme's layout changes completely in between
CHECKBOXES = "[data-checklist] input[data-item]"
FIELDS = "[data-sheet] [data-field]"
SHEET_PAGES = ("/gespreksvoorbereiding.html", "/en/gespreksvoorbereiding.html")


def page_paths(site) -> list[str]:
    """Every page in the sitemap (both languages) as a path, plus both 404 pages."""
    _, site_dir = site
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    paths = ["/" + loc.text.split("/", 3)[3] for loc in root.findall("s:url/s:loc", SITEMAP)]
    return paths + ["/404.html", "/en/404.html"]


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def reader(request, browser, site):
    """A page at the given width, in a fresh context, loading nothing from other hosts."""
    origin, _ = site
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
    yield context.new_page()
    context.close()


def pages_with(site, selector: str) -> list[str]:
    """The pages whose built HTML has an element matching `selector` (no browser needed)."""
    _, site_dir = site
    found = []
    for path in page_paths(site):
        file = site_dir / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        if BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select_one(selector):
            found.append(path)
    return found


def report(findings: dict[str, list[dict]]) -> str:
    lines = []
    for path, violations in findings.items():
        for v in violations:
            lines.append(f"{path}: {v['id']} ({v['impact']}) at {v['nodes']}")
    return "\n".join(lines)


def test_every_page(reader, site):
    origin, _ = site
    paths = page_paths(site)
    assert "/" in paths and "/en/" in paths and len(paths) >= 20
    findings = {}
    for path in paths:
        reader.goto(origin + path, wait_until="load")
        if violations := run_axe(reader):
            findings[path] = violations
    assert not findings, "axe-core findings:\n" + report(findings)


def test_checklists_with_every_box_ticked(reader, site):
    origin, _ = site
    paths = pages_with(site, CHECKBOXES)
    if not paths:
        pytest.skip(f"no page has a checklist yet ({CHECKBOXES})")
    findings = {}
    for path in paths:
        reader.goto(origin + path, wait_until="load")
        # Clicked as a reader clicks them, all in one go (a check() each took 18 s a width). A
        # checklist met on an earlier page is ticked already: clicking it would untick it.
        ticked = reader.evaluate("""selector => { const boxes = [...document.querySelectorAll(selector)];
            boxes.filter(box => !box.checked).forEach(box => box.click());
            return boxes.map(box => box.checked); }""", CHECKBOXES)
        assert ticked and all(ticked), path
        if violations := run_axe(reader):
            findings[path] = violations
    assert not findings, "axe-core findings with every box ticked:\n" + report(findings)


def test_conversation_sheet_filled_in(reader, site):
    origin, _ = site
    paths = [p for p in SHEET_PAGES if p in pages_with(site, FIELDS)]
    if not paths:
        pytest.skip(f"the sheet pages have no fields yet ({FIELDS})")
    findings = {}
    for path in paths:
        reader.goto(origin + path, wait_until="load")
        for n, field in enumerate(reader.locator(FIELDS).all()):
            if field.get_attribute("type") in ("checkbox", "radio"):
                field.check()
            else:
                field.fill(f"Antwoord {n + 1}: een zin die de lezer zelf heeft geschreven.")
        if violations := run_axe(reader):
            findings[path] = violations
    assert not findings, "axe-core findings on the filled-in sheet:\n" + report(findings)


def test_the_check_reports_every_place_that_fails(reader, site):
    # The check above would pass on a page axe could not read; here it must find what we break.
    origin, _ = site
    reader.goto(origin + "/", wait_until="load")
    reader.evaluate("""() => { for (let n = 0; n < 3; n++) {
        const image = document.createElement('img'); image.src = 'data:,'; image.className = 'no-alt-' + n;
        document.querySelector('article').append(image); } }""")
    found = {v["id"]: v["nodes"] for v in run_axe(reader)}
    assert found.get("image-alt") == [[".no-alt-0"], [".no-alt-1"], [".no-alt-2"]]
