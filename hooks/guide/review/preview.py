"""What a reviewer of a pull request sees: `python -m guide.review.preview --base origin/main`.

Into `--out` (default .cache/preview/) it writes:
- site/: the strict build, made for being served at a local address;
- pdfs/: every sheet PDF the build made (the blank sheets, both languages), and each sheet page
  printed by Chromium as a reader prints it (`printed-<page>.pdf`), with their page counts;
- screenshots/: every page changed against the base ref, in both languages, at 375 and 1280 px
  (`<lang>-<page>-<width>.png`); every page with --all;
- summary.md: the review checks' messages, the translations that lag behind, and the lists
  above, for the pull request's job summary (GITHUB_STEP_SUMMARY gets a copy when it is set).

A page counts as changed when its Dutch or English file changed; a change to anything else
(hooks, theme, styles) shows the home page, unless --all. Chromium is Debian's (`CHROMIUM`,
else `chromium-headless-shell` or `chromium` on PATH); Playwright never downloads one.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from guide.bilingual import locales
from guide.review import drift, run

WIDTHS = (375, 1280)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@dataclass
class Preview:
    out: Path
    base: str
    pages: list[str] = field(default_factory=list)  # Dutch sources: x.md
    screenshots: list[Path] = field(default_factory=list)
    pdfs: dict[Path, int] = field(default_factory=dict)  # file -> pages
    review: list[str] = field(default_factory=list)
    lagging: list[drift.Drift] = field(default_factory=list)
    build_log: str = ""
    built: bool = False


def changed_pages(changed: list[str], docs: str = "docs") -> tuple[list[str], bool]:
    """The Dutch sources of the pages whose Dutch or English file changed, and whether anything
    other than a page changed."""
    pages, other = set(), False
    for path in changed:
        if path.startswith(docs + "/") and path.endswith(".md") and "/" not in path[len(docs) + 1:]:
            pages.add(locales.source_of(path[len(docs) + 1:]))
        elif not path.startswith(("tests/", ".github/")) and not path.endswith(".md"):
            other = True
    return sorted(pages), other


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(repo: Path, site: Path, site_url: str) -> tuple[bool, str]:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=repo, env=env, capture_output=True, text=True)
    return done.returncode == 0, done.stderr


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chromium() -> str:
    found = (os.environ.get("CHROMIUM") or shutil.which("chromium-headless-shell") or shutil.which("chromium")
             or shutil.which("chromium-browser"))
    if not found:
        raise RuntimeError("Chromium is missing: make preview installs it (Debian: apt-get install chromium)")
    return found


def pdf_pages(path: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:  # the test extras are not installed: count the page objects
        return path.read_bytes().count(b"/Type /Page") - path.read_bytes().count(b"/Type /Pages")
    return len(PdfReader(path).pages)


def shoot(preview: Preview, site: Path, origin: str, port: int) -> None:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    shots = preview.out / "screenshots"
    pdfs = preview.out / "pdfs"  # made by make(), with the build's PDFs
    shots.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                for width in WIDTHS:
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                                  else route.abort())
                    page = context.new_page()
                    for source in preview.pages:
                        for locale in locales.CODES:
                            page.goto(f"{origin}/{locales.page_path(source, locale)}", wait_until="load")
                            target = shots / f"{locale}-{Path(source).stem}-{width}.png"
                            page.screenshot(path=str(target), full_page=True)
                            preview.screenshots.append(target)
                    context.close()
                context = browser.new_context()
                page = context.new_page()
                for sheet in _sheet_pages(site):
                    page.goto(f"{origin}/{sheet}", wait_until="load")
                    page.emulate_media(media="print")
                    target = pdfs / f"printed-{_locale_of_built(sheet)}-{Path(sheet).stem}.pdf"
                    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
                    preview.pdfs[target] = pdf_pages(target)
                context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()


def _locale_of_built(path: str) -> str:
    """The language of a built file, from its place: en/... is English, the rest Dutch."""
    first = path.split("/", 1)[0]
    return first if first in locales.CODES[1:] and "/" in path else locales.DEFAULT.code


def _sheet_pages(site: Path) -> list[str]:
    """The built pages that show a sheet (its markup contract: data-sheet)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "data-sheet=" in p.read_text(encoding="utf-8", errors="replace"))


def make(repo: Path, out: Path, base: str, every_page: bool = False) -> Preview:
    repo, out = repo.resolve(), out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    preview = Preview(out, base)
    changed = drift.changed_files(base, repo)
    pages, other = changed_pages(changed)
    docs = repo / "docs"
    if every_page:
        pages = sorted(p.name for p in docs.glob("*.md") if locales.locale_of(p.name) == locales.DEFAULT.code)
    elif other and "index.md" not in pages:
        pages = ["index.md", *pages]
    preview.pages = pages
    preview.review = run.review(docs, repo)
    preview.lagging = drift.drift(changed, repo)
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    site = out / "site"
    preview.built, preview.build_log = build(repo, site, origin + "/")
    if preview.built:
        (out / "pdfs").mkdir()
        for pdf in sorted(site.rglob("downloads/*.pdf")):
            target = out / "pdfs" / f"{_locale_of_built(pdf.relative_to(site).as_posix())}-{pdf.name}"
            shutil.copy2(pdf, target)
            preview.pdfs[target] = pdf_pages(target)
        if preview.pages:
            shoot(preview, site, origin, port)
    (out / "summary.md").write_text(summary(preview), encoding="utf-8")
    return preview


def summary(preview: Preview) -> str:
    rel = lambda p: p.relative_to(preview.out).as_posix()  # noqa: E731
    lines = [f"## Preview of this change (against `{preview.base}`)", ""]
    if not preview.built:
        tail = "\n".join(preview.build_log.strip().splitlines()[-30:])
        return "\n".join(lines + ["**The strict build failed.** Its last lines:", "", "```text", tail, "```", ""])
    lines += ["### Checks", ""]
    if preview.review:
        lines += [f"{len(preview.review)} problem(s) found by `make review`:", "", "```text", *preview.review, "```"]
    else:
        lines += ["`make review` (spelling, typography, checklist craft): no problems."]
    lines += ["", drift.summary(preview.lagging, preview.base).rstrip(), "", "### Pages to look at", ""]
    if preview.pages:
        lines += ["| page | " + " | ".join(f"{lang} {w} px" for lang in locales.CODES for w in WIDTHS) + " |",
                  "|---|" + "---|" * (len(locales.CODES) * len(WIDTHS))]
        for source in preview.pages:
            stem = Path(source).stem
            cells = [f"`screenshots/{lang}-{stem}-{w}.png`" for lang in locales.CODES for w in WIDTHS]
            lines.append(f"| `docs/{source}` | " + " | ".join(cells) + " |")
    else:
        lines += ["No page changed: no screenshots."]
    lines += ["", "### Sheet PDFs", ""]
    lines += [f"- `{rel(p)}`: {n} page{'s' if n != 1 else ''}" for p, n in sorted(preview.pdfs.items())]
    lines += ["", "Everything above is in this run's artefact `preview` (the built site is in `site/`).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make preview", description="What a reviewer sees of a change.")
    parser.add_argument("--base", default=os.environ.get("BASE", "origin/main"))
    parser.add_argument("--out", default=".cache/preview", type=Path)
    parser.add_argument("--repo", default=".", type=Path)
    parser.add_argument("--all", action="store_true", help="screenshots of every page, not only the changed ones")
    args = parser.parse_args(argv)
    try:
        preview = make(args.repo, args.out, args.base, args.all)
    except (ValueError, RuntimeError) as error:
        print(f"make preview: {error}", file=sys.stderr)
        return 2
    text = (preview.out / "summary.md").read_text(encoding="utf-8")
    print(text)
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as target:
            target.write(text)
    return 0 if preview.built else 1


if __name__ == "__main__":
    sys.exit(main())
