"""Browser-test support shared by the browser tests and their fixtures: the static server that
behaves like a host, the Chromium launch flags, a page that records what a reader would not see,
and the axe-core check. Importable by name (tests/ is on pytest's pythonpath)."""

from __future__ import annotations

import os
import shutil

import pytest

from helpers import ROOT

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls home at start-up; the machine's closed network refuses it.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The browser the tests drive: CHROMIUM if set, else Debian's headless shell (the same
    Chromium without the desktop browser around it: the browser tests run a fifth faster), else
    the full browser."""
    return (os.environ.get("CHROMIUM") or shutil.which("chromium-headless-shell") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


class Watched:
    """A browser page that records what a reader would not see: console errors, uncaught
    exceptions, failed responses and every request to another host (which it blocks)."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.page = context.new_page()
        self.console_errors: list[str] = []
        self.bad_responses: list[str] = []
        self.external_requests: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"uncaught: {exc}"))
        self.page.on("response", self._on_response)
        context.route("**/*", self._route)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({self.page.url})")

    def _on_response(self, response):
        if response.status >= 400:
            self.bad_responses.append(f"{response.status} {response.url}")

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            self.external_requests.append(url)
            route.abort()


# Collects the page's Content-Security-Policy violations in window.__violations (an init script).
WATCH_VIOLATIONS = """window.__violations = [];
  document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    {blocked: e.blockedURI, directive: e.effectiveDirective, sample: e.sample}));"""

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(page) -> list[dict]:
    """axe-core's violations (WCAG 2.0/2.1/2.2, A and AA) on the page as it is now.

    Every page carries a Content-Security-Policy that allows no inline script or style, so axe
    is not added as a tag: it runs as Playwright's own evaluation (which the policy does not
    cover), and the style that stops transitions is a constructed stylesheet."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make test` (it runs npm ci)")
    # Transitions caught half-way (the theme's back-to-top button fades in) would be measured
    # at a contrast no reader sees at rest.
    page.evaluate("""() => { const sheet = new CSSStyleSheet();
      sheet.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    # Violations only: axe then keeps one node of each passing rule instead of all of them,
    # which halved its time on our pages; every violating node is still reported.
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
             ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# Storage that fails the way browsers fail: blocked (private modes, strict settings) or full.
BLOCK_STORAGE = """Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('blocked', 'SecurityError'); } });"""
# Full storage, two ways: the origin's real quota filled with another site's data (every project
# site under one github.io account shares one quota), or every write failing as a full quota
# fails while reads still work. Either way what is stored stays readable.
FULL_STORAGE = ["quota filled", "writes fail"]
FAIL_WRITES = """Storage.prototype.setItem = function () {
  throw new DOMException('full', 'QuotaExceededError'); };"""
FILL_QUOTA = """() => { let size = 1 << 22, n = 0;
  while (size >= 1) {
    try { localStorage.setItem('ander-project:' + n, 'x'.repeat(size)); n += 1; } catch (e) { size >>= 1; }
  }
  return n; }"""


def fill_storage(page, how: str) -> None:
    """Makes the storage of `page`'s origin full (`how` from FULL_STORAGE) from its next load on;
    store the reader's data before."""
    if how == "quota filled":
        assert page.evaluate(FILL_QUOTA) > 0
    else:
        page.context.add_init_script(FAIL_WRITES)


# A policy as strict as a host would send for our own scripts (the theme's inline scripts are
# tested against the published policy in test_csp_browser.py).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:")


def enforce_csp(context, policy: str = CSP) -> None:
    """Serve every document of `context` with `policy`, and keep each violation in
    `window.__violations` ({source, blocked, directive}) for the test to read."""

    def with_csp(route):
        if route.request.resource_type != "document":
            return route.continue_()
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

    context.route("**/*", with_csp)
    context.add_init_script("""window.__violations = [];
      document.addEventListener('securitypolicyviolation', e => window.__violations.push(
        {source: e.sourceFile, blocked: e.blockedURI, directive: e.effectiveDirective}));""")


def open_page(context, url: str, errors: list | None = None):
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    return page


def answer_dialog(messages: list[str], accept: bool):
    """A handler for `page.once("dialog", ...)`: keeps the question, then accepts or dismisses."""

    def handle(dialog):
        messages.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    return handle


def too_small(targets, minimum: float = 24) -> list[tuple[int, dict]]:
    """The click targets among `targets` smaller than `minimum` px either way (WCAG 2.2, 2.5.8)."""
    found = []
    for n in range(targets.count()):
        size = targets.nth(n).bounding_box()
        if size["width"] < minimum or size["height"] < minimum:
            found.append((n, size))
    return found


def search(page, query: str):
    """Types `query` into the header's search (desktop width) and returns the results' links
    (a Locator), once they are the results of the whole query."""
    page.locator("input.md-search__input").click()
    # Material ignores typing until its search worker has loaded the index.
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m && m.textContent.trim() && !/initiali|voorbereid/i.test(m.textContent) }"""
    )
    page.keyboard.type(query)  # the theme searches on key events; fill() sends none
    # Results come in while typing: wait for those of the last word (their links carry it).
    page.locator(f".md-search-result__item a[href*='h={query.split()[-1]}']").first.wait_for(state="attached")
    return page.locator(".md-search-result__item a")
