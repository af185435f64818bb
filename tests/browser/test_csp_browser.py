"""The guide works under its own Content-Security-Policy served with the headers the build writes
for the host (site/_headers): a page of every kind in both languages, the 404 pages, a click
through the navigation and a search, without a single violation."""

from __future__ import annotations

import pytest

from browser_support import search
from guide.build import csp
from helpers import ROOT, mkdocs_build
from site_server import free_port, serving

# Reports every violation to the test the moment it happens, so that none is lost when the
# page navigates away. Workers report theirs through the console (see `Violations`).
LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.reportViolation(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile);
});
"""


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory):
    """The guide built for, and served on, its own address with its security headers:
    (origin, site_dir, policy). Its own build, because the pages name their origin in absolute
    links (canonical, hreflang) and the theme fetches the sitemap from there: on another port
    than the one it was built for, connect-src 'self' would rightly block that."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = tmp_path_factory.mktemp("csp-site")
    result = mkdocs_build(ROOT, site_url=origin + "/", site_dir=site_dir)
    assert result.returncode == 0, result.stderr[-4000:]
    assert (site_dir / csp.HEADERS_FILE).exists(), \
        f"the build wrote no {csp.HEADERS_FILE}: is hooks/csp_hook.py listed under hooks: in mkdocs.yml?"
    policy = (site_dir / csp.POLICY_FILE).read_text(encoding="utf-8").strip()
    with serving(site_dir, port, with_host_headers=True):
        yield origin, site_dir, policy


class Violations:
    """A page whose CSP violations, and console errors about the policy, are recorded."""

    def __init__(self, context):
        self.found: list[str] = []
        context.expose_function("reportViolation", lambda text: self.found.append(f"{text} ({self.page.url})"))
        context.add_init_script(LISTENER)
        self.page = context.new_page()
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.found.append(f"console: {message.text} ({self.page.url})")


@pytest.fixture
def violations(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Violations(context)
    context.close()


# A page of every kind in both languages, and what the host sends for a missing page. Every page
# under the same policy in the page alone is test_site.py's crawl; the header adds nothing a page
# could break but frame-ancestors, so a page of each kind shows that both policies agree.
PAGES = ("/", "/stap-1-richting.html", "/gespreksvoorbereiding.html", "/mijn-gegevens.html", "/woordenlijst.html",
         "/en/", "/en/stap-1-richting.html", "/en/gespreksvoorbereiding.html", "/en/mijn-gegevens.html",
         "/404.html", "/en/404.html", "/bestaat-niet.html", "/en/missing.html")


def test_the_host_sends_the_policy_the_build_wrote(csp_site, violations):
    origin, _, policy = csp_site
    response = violations.page.goto(origin + "/en/")
    assert response.headers["content-security-policy"] == policy
    assert "'sha256-" in policy and "unsafe-inline" not in policy


def test_the_policy_is_enforced(csp_site, violations):
    # Without this, a listener that never fires would let every other test pass.
    origin, _, _ = csp_site
    violations.page.goto(origin + "/")
    violations.page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.injected = 1'; document.body.append(s); }""")
    violations.page.wait_for_function("() => true")
    assert violations.page.evaluate("window.injected") is None
    assert any(v.startswith("script-src") for v in violations.found), violations.found


def test_a_page_of_every_kind_runs_without_violations(csp_site, violations):
    origin, _, _ = csp_site
    page = violations.page
    for path in PAGES:
        url = origin + path
        response = page.goto(url, wait_until="networkidle")
        assert response.status == (404 if "bestaat" in path or "missing" in path else 200), url
        # The theme's inline scripts ran (allowed by their hashes) and so did its bundle.
        assert page.evaluate("typeof __md_get === 'function' && typeof document$ === 'object'"), url
    assert violations.found == []


@pytest.mark.parametrize(
    # (page, the reader's input, what the reader does with it)
    ("path", "selector", "action"),
    [
        ("/stap-1-richting.html", "[data-checklist] input[data-item]", "check"),
        ("/en/gespreksvoorbereiding.html", "[data-sheet] [data-field]", "fill"),
    ],
)
def test_components_keep_what_the_reader_did(csp_site, violations, path, selector, action):
    # What the reader ticked or wrote is still there after a reload only if the components'
    # scripts ran and saved it: proof that the policy lets them work, not just load.
    origin, _, _ = csp_site
    page = violations.page
    page.goto(origin + path, wait_until="networkidle")
    field = page.locator(selector).first
    if page.locator(selector).count() == 0:
        pytest.skip(f"{path} has no {selector} yet")
    stored = page.evaluate("JSON.stringify(localStorage)")
    if action == "check":
        field.check()
    else:
        field.fill("Written under the policy")
    # The sheet saves a moment after typing stops: wait until the device's storage changed.
    page.wait_for_function("before => JSON.stringify(localStorage) !== before", arg=stored)
    page.reload(wait_until="networkidle")
    if action == "check":
        assert field.is_checked()
    else:
        assert field.input_value() == "Written under the policy"
    assert violations.found == []


def test_following_the_navigation_and_a_search_result(csp_site, violations):
    origin, _, _ = csp_site
    page = violations.page
    for start, query in (("/", "vertrouwen"), ("/en/", "trust")):
        page.goto(origin + start, wait_until="networkidle")
        link = page.locator(".md-nav--primary a.md-nav__link[href$='.html']").first
        target = link.get_attribute("href")
        link.click()
        page.wait_for_load_state("networkidle")
        assert page.url.endswith(target.lstrip("./")), (page.url, target)
        # Search runs in a web worker that fetches the index: script-src and connect-src.
        result = search(page, query).first
        href = result.get_attribute("href")
        result.click()
        page.wait_for_load_state("networkidle")
        assert page.url.split("#")[0] == href.split("#")[0], (page.url, href)
    assert violations.found == []


def test_the_readme_gives_the_host_the_current_policy(csp_site):
    # The README's "Security headers" is what a host is configured from; after a theme upgrade
    # changes a hash, this fails until the README shows the new policy.
    _, _, policy = csp_site
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {policy}\n" in readme
