"""The real site, built once for the session with SITE_URL set to the address it is served on,
and a headless Debian Chromium driven by Playwright. With CI=true a missing browser fails the
run instead of skipping it."""

from __future__ import annotations

import os

import pytest

from browser_support import CHROMIUM_ARGS, Watched, chromium_path
from helpers import ROOT, mkdocs_build
from site_server import free_port, serving


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Build the guide once; yields (origin, site_dir)."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_url=origin + "/", site_dir=site_dir)
    assert result.returncode == 0, result.stderr[-4000:]
    with serving(site_dir, port):  # no headers at all, as GitHub Pages
        yield origin, site_dir


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "Chromium is not installed (make test installs Debian's chromium-headless-shell and chromium packages)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI=true forbids skipping browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser, site):
    """A fresh browser context (no storage) at desktop width, watched for errors."""
    origin, _ = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context, origin)
    context.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (empty storage) at desktop width."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def sized_context(browser, width):
    """A fresh browser context (empty storage) `width` px wide, for a test parametrized by width."""
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    yield ctx
    ctx.close()
