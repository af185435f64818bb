"""`make bench`: how fast the guide builds and how heavy it is, against the project's targets.

- Synthetic bilingual guides (bench/synth.py) of 100, 500 and 1,000 pages per language, each
  built twice in one timed process (bench/timed_build.py): first from an empty `.cache/` (a
  fresh clone), then again. What our hooks add is the CPU time spent inside their events, PDF
  rendering apart, against the rest of the same build. One process measures both, so the
  machine's drift between builds does not enter the ratio.
- The real guide: a build as a fresh clone makes it, the first visit to its home page, and
  Lighthouse (median of three runs).
Writes bench/RESULTS.md and bench/results.json. A missed target is reported as FAIL and never
fails the run: the numbers are for people to weigh. About 6 minutes on 2 CPUs.

    python bench/run.py [--sizes 100 500 1000] [--no-lighthouse]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]
import lighthouse  # noqa: E402  (bench/ is a folder of scripts, not a package)
import measure  # noqa: E402
import report  # noqa: E402
import synth  # noqa: E402
from site_server import free_port, serving  # noqa: E402  (the server the browser tests use)

LIGHTHOUSE_PAGES = ("/", "/stap-1-richting.html", "/gespreksvoorbereiding.html")
LIMITS = {"hooks_share": 0.05, "doubling": 2.3, "html_per_page": 60_000, "our_js_css": 5_000,
          "first_visit": 100_000, "clean_build_cpu": 2.0, "sheet_open_ms": 100}


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "mkdocs": importlib.metadata.version("mkdocs"),
        "material": importlib.metadata.version("mkdocs-material"),
        "i18n": importlib.metadata.version("mkdocs-static-i18n"),
    }


def hooks_share(build: dict) -> float:
    """What our hooks' own code adds to the build, PDF rendering apart: their time inside their
    events against everything else the build spent."""
    ours = sum(build["hooks"].values()) - build["pdf"]
    return ours / (build["total"] - sum(build["hooks"].values()))


def synthetic(work: Path, sizes: list[int]) -> list[dict]:
    rows = []
    for size in sizes:
        project = synth.make(work / f"guide-{size}", size)
        row = {"size": size}
        for when in ("first", "again"):
            row[when] = measure.timed_build(project, work / f"site-{size}")
            row[when]["share"] = hooks_share(row[when])
            log(f"{size} pages per language, {when} build: {row[when]['total']:.1f} s CPU, "
                f"hooks {row[when]['share'] * 100:+.1f} % (PDFs {row[when]['pdf']:.1f} s)")
        row["html"] = measure.html_per_page(work / f"site-{size}")
        rows.append(row)
        shutil.rmtree(work / f"site-{size}")
    return rows


def real_guide(work: Path, with_lighthouse: bool) -> dict:
    """A clean build of the guide, then the first visit and Lighthouse on it, served locally."""
    project = work / "clone"
    subprocess.run(["git", "clone", "--quiet", str(measure.ROOT), str(project)], check=True)
    port = free_port()
    site_dir = work / "real-site"
    found = {"clean_build": measure.clean_build(project, site_dir, f"http://127.0.0.1:{port}/")}
    log(f"the guide from a clean clone: {found['clean_build']['cpu']:.2f} s CPU")
    with serving(site_dir, port, with_host_headers=True) as origin:
        found["first_visit"] = measure.first_visit(origin, "/")
        found["first_visit"]["our_assets_per_page"] = measure.our_assets_per_page(site_dir)
        found["sheet_open"] = measure.sheet_with_preparations(origin)
        log(f"the sheet page's scripts: {found['sheet_open']['empty_ms']:.0f} ms empty, "
            f"{found['sheet_open']['full_ms']:.0f} ms with {found['sheet_open']['preparations']} preparations")
        if with_lighthouse:
            out = HERE / "out"
            out.mkdir(exist_ok=True)
            found["lighthouse"] = {}
            for path in LIGHTHOUSE_PAGES:
                log(f"lighthouse {path}")
                name = path.strip("/").replace(".html", "") or "index"
                try:
                    found["lighthouse"][path] = lighthouse.scores(origin + path, out / f"lighthouse-{name}.json")
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    found["lighthouse"][path] = {"error": str(error).strip().splitlines()[0]}
    return found


def targets(results: dict) -> dict:
    rows = {row["size"]: row for row in results["builds"]}
    largest = rows[max(rows)]
    worst = max(largest["first"]["share"], largest["again"]["share"])
    first, again = largest["first"]["share"], largest["again"]["share"]
    found = {"hooks_share": {"measured": f"{first * 100:+.1f} % first build, {again * 100:+.1f} % again, "
                                         f"at {largest['size']:,} pages",
                             "ok": worst <= LIMITS["hooks_share"]}}
    if largest["size"] // 2 in rows:
        ratio = largest["again"]["total"] / rows[largest["size"] // 2]["again"]["total"]
        found["doubling"] = {"measured": f"{ratio:.2f}× ({largest['size'] // 2:,} → {largest['size']:,})",
                             "ok": ratio <= LIMITS["doubling"]}
    html = largest["html"]
    found["html_per_page"] = {"measured": f"{report.kb(html['max'])} (mean {report.kb(html['mean'])})",
                              "ok": html["max"] <= LIMITS["html_per_page"]}
    real = results["real"]
    found["clean_build_cpu"] = {"measured": f"{real['clean_build']['cpu']:.2f} s", "ok":
                                real["clean_build"]["cpu"] <= LIMITS["clean_build_cpu"]}
    visit = real["first_visit"]
    per_page = visit["our_assets_per_page"]
    found["our_js_css"] = {"measured": f"{report.kb(per_page['max'])} on `{per_page['max_page']}`",
                           "ok": per_page["max"] <= LIMITS["our_js_css"]}
    found["first_visit"] = {"measured": f"{report.kb(visit['page_gzip'])} "
                                        f"({report.kb(visit['gzip'])} with the search index and sitemaps)",
                            "ok": visit["page_gzip"] <= LIMITS["first_visit"]}
    found["other_hosts"] = {"measured": str(len(visit["other_hosts"])), "ok": not visit["other_hosts"]}
    if "sheet_open" in real:
        sheet = real["sheet_open"]
        found["sheet_open"] = {"measured": f"{sheet['full_ms']:.0f} ms with {sheet['preparations']} preparations "
                                           f"({sheet['empty_ms']:.0f} ms with none)",
                               "ok": sheet["full_ms"] <= LIMITS["sheet_open_ms"] and sheet["preparations"] == 50}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000],
                        help="pages per language of the synthetic guides")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results = {"machine": machine(), "lighthouse_version": lighthouse.VERSION}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        results["builds"] = synthetic(Path(tmp), sorted(args.sizes))
        results["real"] = real_guide(Path(tmp), not args.no_lighthouse)
    results["targets"] = targets(results)
    results["seconds"] = round(time.perf_counter() - started)
    (HERE / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (HERE / "RESULTS.md").write_text(report.markdown(results), encoding="utf-8")
    for key, what, limit in report.TARGETS:
        if key in results["targets"]:
            target = results["targets"][key]
            log(f"{report.verdict(target['ok']):4}  {what}: {target['measured']} (target {limit})")
    log(f"done in {results['seconds']} s: bench/RESULTS.md, bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
