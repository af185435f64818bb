"""The policy in the pages themselves: GitHub Pages sends no headers, so every page must carry
its Content-Security-Policy in a <meta> element, and every page must work under it alone."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from browser_support import WATCH_VIOLATIONS
from guide.build import csp


def pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def test_every_page_carries_the_policy_first_in_its_head(site):
    _, site_dir = site
    policy = (site_dir / csp.POLICY_FILE).read_text(encoding="utf-8").strip()
    for path in pages(site_dir):
        head = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser").head
        [meta] = head.select('meta[http-equiv="Content-Security-Policy"]')
        assert meta["content"] == csp.meta_policy(policy), path
        assert "frame-ancestors" not in meta["content"]  # ignored (and an error) in a meta element
        # A policy covers only what follows it: nothing may run before it.
        assert not meta.find_all_previous("script"), path


def test_the_policy_in_the_page_alone_blocks_an_injected_script(browser, site):
    """The session's server sends no headers at all, as GitHub Pages. That every page works
    under its own policy is test_site.py's crawl of every page; here, that the policy holds."""
    origin, _ = site
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    try:
        response = page.goto(f"{origin}/")
        assert "content-security-policy" not in response.headers
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__ran = true'; document.body.append(s); }""")
        assert page.evaluate("window.__ran") is None
        assert [v["directive"] for v in page.evaluate("window.__violations")] == ["script-src-elem"]
    finally:
        context.close()
