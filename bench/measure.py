"""What the benchmark measures: build time, HTML per page, the weight of our own JS and CSS, and
the bytes of a first visit to the home page.

Sizes are counted gzipped at level 6, the usual default of web servers, each file on its own
(as a host compresses them). 1 KB is 1,000 bytes.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import resource
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
    """A build's environment, as `make build` sets it up."""
    return {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}


def _build_args(site_dir: Path) -> list[str]:
    """`mkdocs build --strict` into `site_dir`, after the interpreter."""
    return ["-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]


def _mkdocs(args: list[str], project: Path, site_url: str) -> subprocess.CompletedProcess:
    """A build of `project` in a fresh Python (`args` after the interpreter), set up as `make
    build` sets it up; a failed build stops the benchmark with its log."""
    result = subprocess.run([sys.executable, *args], cwd=project, env=_environment(site_url),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return result


def build(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """`mkdocs build --strict` as `make build` runs it, timed two ways: "cpu", the seconds of
    processor time the build used (user + system), and "wall", what a contributor waits for.
    The build runs on one core, so on an idle machine the two agree; on a shared machine other
    processes stretch the wall-clock time but not the CPU time, so the targets use CPU time.
    Both include Python's start-up and imports (about a second)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    _mkdocs(_build_args(site_dir), project, site_url)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"cpu": cpu, "wall": wall}


def side_by_side_cores() -> list[int] | None:
    """The two cores `side_by_side` pins its builds to, or None on a machine with fewer (or one
    that cannot pin a process to a core, such as macOS)."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    cores = sorted(os.sched_getaffinity(0))
    return cores[:2] if len(cores) >= 2 else None


def memory_folder() -> str | None:
    """A folder in memory (tmpfs) to write sites into, or None (the default temporary folder)."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def side_by_side(builds: list[tuple[Path, Path]], filler: Path, work: Path,
                 site_url: str = "http://127.0.0.1:8000/") -> list[dict]:
    """Two builds (project, site dir) started at the same moment, each pinned to a core of its
    own: [{"cpu", "wall"}] in the same order. The machine's speed drifts by more than the hooks
    add between builds run one after the other, but two builds running at once meet the same
    drift. The core that finishes first keeps building `filler` (not measured, into a folder of
    `work`, where the logs go too) until the other is done, so that both measured builds share
    the machine to the end. The filler must write nothing into its project but that folder: use
    a project whose hooks keep no .cache."""
    cores = side_by_side_cores()
    if cores is None:
        raise RuntimeError("side-by-side builds need two cores")
    env = _environment(site_url)
    logs = [work / f"side-{n}.log" for n in range(2)]

    def start(project: Path, site_dir: Path, core: int, log_file: Path) -> subprocess.Popen:
        with log_file.open("w") as log:  # a file: a pipe left unread could stall a build
            return subprocess.Popen(
                [sys.executable, *_build_args(site_dir)], cwd=project, env=env, stdout=subprocess.DEVNULL,
                stderr=log, preexec_fn=lambda: os.sched_setaffinity(0, {core}))

    def start_filler(core: int) -> subprocess.Popen:
        return start(filler, work / "filler-site", core, work / "filler.log")

    started = time.perf_counter()
    # Popen objects are kept until their process is reaped here: one dropped earlier could be
    # reaped by subprocess's own clean-up, and its CPU time would be lost.
    running = {n: start(project, site_dir, core, log)
               for n, ((project, site_dir), core, log) in enumerate(zip(builds, cores, logs))}
    by_pid = {proc.pid: n for n, proc in running.items()}
    results: list[dict] = [{}, {}]
    filler_proc = None
    try:
        while running:
            pid, status, usage = os.wait4(-1, 0)
            if filler_proc is not None and pid == filler_proc.pid:
                filler_proc.returncode = status  # done before the other build: once more
                filler_proc = start_filler(filler_core)
                continue
            n = by_pid[pid]
            running.pop(n).returncode = os.waitstatus_to_exitcode(status)
            if status != 0:
                raise RuntimeError(f"build of {builds[n][0]} failed:\n{logs[n].read_text()[-3000:]}")
            results[n] = {"cpu": usage.ru_utime + usage.ru_stime, "wall": time.perf_counter() - started}
            if running:
                filler_core = cores[n]
                filler_proc = start_filler(filler_core)
    finally:
        for proc in [*running.values(), *([filler_proc] if filler_proc else [])]:
            if proc.returncode is None:
                proc.kill()
                proc.wait()
    return results


def swapped_pair(a: tuple[Path, Path], b: tuple[Path, Path], filler: Path, work: Path) -> dict:
    """Builds `a` and `b` side by side twice, swapping their cores the second time: what `b`
    adds to `a` is then sqrt(b/a on one core pairing × b/a on the other) - 1. The two cores of
    a virtual machine do not run equally fast (here one was up to 12 % slower than the other for
    minutes at a time); swapping cancels that, as running side by side cancels the drift."""
    first = side_by_side([a, b], filler, work)
    second = side_by_side([b, a], filler, work)[::-1]
    added = math.sqrt(first[1]["cpu"] / first[0]["cpu"] * second[1]["cpu"] / second[0]["cpu"]) - 1
    return {"a": [first[0], second[0]], "b": [first[1], second[1]], "added": added}


def hook_times(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> dict:
    """The same build with a stopwatch in every hook (bench/hook_time.py): {"total": CPU seconds
    of the whole process, "hooks": {hook file: CPU seconds inside its events}}."""
    result = _mkdocs([str(Path(__file__).with_name("hook_time.py")), str(site_dir)], project, site_url)
    return json.loads(result.stdout.strip().splitlines()[-1])


def cache_size(project: Path) -> dict:
    """What the hooks keep between builds in the project's .cache/guide/: the PDFs, and the
    other files (kept conversions, checks and checklists), counted and in bytes."""
    files = [p for p in (project / ".cache" / "guide").rglob("*") if p.is_file()]
    pdfs = [p for p in files if p.suffix == ".pdf"]
    return {"pdfs": len(pdfs), "pdf_bytes": sum(p.stat().st_size for p in pdfs), "files": len(files),
            "bytes": sum(p.stat().st_size for p in files)}


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
