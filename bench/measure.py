"""What the benchmark measures: the hooks' time in a build, a clean build of the guide, HTML per
page, the weight of our own JS and CSS, the bytes of a first visit to the home page, and how long
the sheet page's scripts take with a year of preparations on the device.

Sizes are counted gzipped at level 6, the usual default of web servers, each file on its own
(as a host compresses them). 1 KB is 1,000 bytes.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUR_ASSETS = ("docs/assets/javascripts", "docs/assets/stylesheets")
# The same flags as the browser tests (tests/browser/conftest.py): no calls home at start-up.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


DATA_TYPES = ("xhr", "fetch")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _environment(site_url: str) -> dict[str, str]:
    return {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """One build of `project` with a stopwatch in every hook (bench/timed_build.py): CPU seconds
    of the whole build, inside each hook, inside the PDF renderer, and the wall-clock time."""
    script = str(Path(__file__).with_name("timed_build.py"))
    result = subprocess.run([sys.executable, script, str(site_dir)], cwd=project, env=_environment(site_url),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"the build of {project} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def clean_build(project: Path, site_dir: Path, site_url: str) -> dict:
    """`mkdocs build --strict` as a fresh clone makes it (no .cache/): CPU seconds of the build
    process (start-up and both PDFs included) and the wall-clock time."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, env=_environment(site_url), capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"the build of {project} failed:\n{result.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, "wall": wall}


def html_per_page(site_dir: Path) -> dict:
    """Bytes of every built page (both languages, 404 pages included): mean and largest."""
    sizes = {p.relative_to(site_dir).as_posix(): p.stat().st_size for p in site_dir.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    return {"pages": len(sizes), "mean": round(statistics.mean(sizes.values())),
            "max": sizes[largest], "max_page": largest}


def our_assets(site_dir: Path | None = None) -> dict:
    """Our own JavaScript and CSS (the theme's excluded), raw and gzipped, file by file: as
    written in docs/, or as served from a built `site_dir` (minified by hooks/assets_hook.py)."""
    files = {}
    for folder in OUR_ASSETS:
        for path in sorted((ROOT / folder).glob("*")):
            if path.suffix in (".js", ".css"):
                served = site_dir / path.relative_to(ROOT / "docs") if site_dir else path
                data = served.read_bytes()
                files[path.relative_to(ROOT).as_posix()] = {"raw": len(data), "gzip": gz(data)}
    return {"files": files,
            "raw": sum(f["raw"] for f in files.values()),
            "gzip": sum(f["gzip"] for f in files.values())}


_OUR_REF = re.compile(r'(?:href|src)="([^"]*assets/(?:javascripts|stylesheets)/[^"/]+\.(?:js|css))"')


def our_assets_per_page(site_dir: Path) -> dict:
    """Which of our files each built page loads (components load only where they are shown),
    gzipped and summed per page; the heaviest page decides the target."""
    ours = {name.split("/")[-1]: size for name, size in our_assets(site_dir)["files"].items()}
    pages = {}
    for html in sorted(site_dir.rglob("*.html")):
        names = {ref.rsplit("/", 1)[-1] for ref in _OUR_REF.findall(html.read_text(encoding="utf-8"))}
        names &= set(ours)
        pages[html.relative_to(site_dir).as_posix()] = {
            "files": sorted(names), "gzip": sum(ours[n]["gzip"] for n in names)}
    heaviest = max(pages, key=lambda p: pages[p]["gzip"])
    return {"pages": pages, "max": pages[heaviest]["gzip"], "max_page": heaviest}


def first_visit(origin: str, path: str) -> dict:
    """Everything a browser with an empty cache fetches for `path` until the network is idle:
    the page, stylesheets, scripts, images, and what the theme fetches (search index, worker,
    sitemap). Requests to other hosts are blocked and listed."""
    from playwright.sync_api import sync_playwright

    fetched: dict[str, dict] = {}
    elsewhere: list[str] = []

    def route(route):
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    def on_response(response):
        if response.url in fetched or not response.url.startswith(origin):
            return
        try:
            body = response.body()
        except Exception:  # a redirect or aborted request has no body
            return
        fetched[response.url] = {"type": response.request.resource_type, "raw": len(body), "gzip": gz(body)}

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                             args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 375, "height": 812})
        context.route("**/*", route)
        page = context.new_page()
        page.on("response", on_response)
        page.goto(origin + path, wait_until="networkidle")
        browser.close()
    by_type: dict[str, int] = {}
    for item in fetched.values():
        by_type[item["type"]] = by_type.get(item["type"], 0) + item["gzip"]
    # The page itself is HTML, CSS, JS (the search worker's scripts show as "other") and images;
    # the search index and sitemaps are data the theme fetches after the page has loaded.
    page = [f for f in fetched.values() if f["type"] not in DATA_TYPES]
    return {
        "requests": len(fetched),
        "raw": sum(f["raw"] for f in fetched.values()),
        "gzip": sum(f["gzip"] for f in fetched.values()),
        "page_gzip": sum(f["gzip"] for f in page),
        "gzip_by_type": dict(sorted(by_type.items())),
        "files": {url[len(origin):]: f for url, f in fetched.items()},
        "other_hosts": elsewhere,
    }


# A year of conversations: 50 preparations, every section answered at length (about 1,000
# characters each), as sheet.js stores them.
YEAR_OF_PREPARATIONS = """([count, sections]) => { for (let n = 0; n < count; n++) {
  const fields = Object.fromEntries(sections.map(s => [s, "Een lang antwoord op deze vraag. ".repeat(30)]));
  localStorage.setItem("samenwerken:v1:preparation:p" + n, JSON.stringify({sheet: "gespreksvoorbereiding",
    client: "Klant " + n, date: "2026-" + String(1 + n % 12).padStart(2, "0") + "-15", created: n, updated: n,
    fields})); } }"""


def sheet_with_preparations(origin: str, path: str = "/gespreksvoorbereiding.html", count: int = 50,
                            runs: int = 7) -> dict:
    """Milliseconds between the page's HTML being read and DOMContentLoaded, which waits for the
    deferred scripts (ours and the theme's): empty storage against `count` long preparations,
    loads alternating (the two cores drift), the median of `runs` each."""
    from playwright.sync_api import sync_playwright

    timing = ("() => { const n = performance.getEntriesByType('navigation')[0]; "
              "return n.domContentLoadedEventStart - n.domInteractive; }")
    found: dict[str, list[float]] = {"empty": [], "full": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                             args=CHROMIUM_ARGS)
        pages = {}
        for name in found:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            pages[name] = context.new_page()
            pages[name].goto(origin + path)
        sections = pages["full"].locator("form.sheet textarea[data-field]").evaluate_all(
            "fields => fields.map(f => f.dataset.field)")
        pages["full"].evaluate(YEAR_OF_PREPARATIONS, [count, sections])
        for _ in range(runs):
            for name, page in pages.items():
                page.reload(wait_until="load")
                found[name].append(page.evaluate(timing))
        listed = pages["full"].locator("[data-sheet-list] li").count()
        browser.close()
    return {"empty_ms": statistics.median(found["empty"]), "full_ms": statistics.median(found["full"]),
            "preparations": listed}
