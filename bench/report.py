"""bench/RESULTS.md from the benchmark's results: the targets first, then the figures behind them."""

from __future__ import annotations

from pathlib import Path

TARGETS = (
    # key, what is measured, the limit
    ("hooks_share", "our hooks' own time in a build (1,000 pages per language, first build and again, "
     "PDF rendering apart)", "≤ 5 %"),
    ("clean_build_cpu", "the guide built from a clean clone (empty .cache, both PDFs made), CPU", "< 2 s"),
    ("doubling", "build time when the page count doubles", "≤ 2.3×"),
    ("html_per_page", "largest page's HTML at 1,000 pages per language", "≤ 60 KB"),
    ("our_js_css", "our JS + CSS one page loads, gzipped (heaviest page)", "≤ 5 KB"),
    ("first_visit", "first visit to the home page (HTML, CSS, JS, images), gzipped", "≤ 100 KB"),
    ("other_hosts", "requests to other hosts on the first visit", "none"),
    ("sheet_open", "the sheet page's deferred scripts with a year (50) of long preparations on the device",
     "≤ 100 ms"),
)


def kb(n: int | float) -> str:
    return f"{n / 1000:.1f} KB"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


def markdown(results: dict) -> str:
    m = results["machine"]
    out = [
        "# Benchmark results", "",
        f"Written by `make bench` (`bench/run.py`, {results['seconds']} s) on {m['date']}: {m['nproc']} CPUs "
        f"({m['cpu']}), Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}, "
        f"mkdocs-static-i18n {m['i18n']}. 1 KB = 1,000 bytes; gzip at level 6, file by file.", "",
        "## Targets", "",
        "| target | limit | measured | result |", "|---|---|---|---|",
    ]
    for key, what, limit in TARGETS:
        if key in results["targets"]:
            target = results["targets"][key]
            out.append(f"| {what} | {limit} | {target['measured']} | {verdict(target['ok'])} |")
    hooks = sorted(results["builds"][-1]["first"]["hooks"])
    out += [
        "", "## Builds", "",
        "Synthetic guides (`bench/synth.py`: about 800 words, a checklist of five items on every page, a "
        "sheet on every tenth), each built twice in one process (`bench/timed_build.py`): first from an "
        "empty `.cache/`, then again. CPU seconds of the whole build (start-up included), of our hooks' "
        "events, and of WeasyPrint inside them; the share is our hooks' time without WeasyPrint against "
        "the rest of the same build.", "",
        "| pages per language | build | whole build | our hooks | of which PDFs | hooks' share | largest page |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in results["builds"]:
        for when in ("first", "again"):
            b = row[when]
            out.append(f"| {row['size']:,} | {when} | {b['total']:.1f} s | {sum(b['hooks'].values()):.2f} s | "
                       f"{b['pdf']:.2f} s | **{b['share'] * 100:+.1f} %** | {kb(row['html']['max'])} |")
    largest = results["builds"][-1]
    out += ["", f"Each hook's events at {largest['size']:,} pages per language (CPU seconds, PDFs included):", "",
            "| hook | first | again |", "|---|---:|---:|"]
    for hook in hooks:
        first, again = largest["first"]["hooks"][hook], largest["again"]["hooks"].get(hook, 0)
        out.append(f"| `{hook}` | {first:.2f} s | {again:.2f} s |")
    real = results["real"]
    visit = real["first_visit"]
    out += [
        "", "## The guide itself", "",
        f"A build as a fresh clone makes it (no `.cache/`, both blank PDFs made): "
        f"{real['clean_build']['cpu']:.2f} s CPU, {real['clean_build']['wall']:.2f} s wall-clock.", "",
        f"First visit to the home page at 375 px, empty browser cache: {visit['requests']} requests, "
        f"{kb(visit['page_gzip'])} for the page itself, {kb(visit['gzip'])} with the search index and sitemaps "
        "the theme fetches afterwards; requests to other hosts: "
        f"{len(visit['other_hosts'])}.", "",
    ]
    if "lighthouse" in real:
        out += [f"Lighthouse {results['lighthouse_version']} (mobile profile, Debian Chromium; performance is "
                "the median of three runs, each run's in brackets):", "",
                "| page | performance | accessibility | best practices | SEO |", "|---|---:|---:|---:|---:|"]
        for path, scores in real["lighthouse"].items():
            if "error" in scores:
                out.append(f"| `{path}` | {scores['error']} | | | |")
            else:
                runs = ", ".join(str(r) for r in scores["performance_runs"])
                out.append(f"| `{path}` | {scores['performance']} ({runs}) | {scores['accessibility']} | "
                           f"{scores['best-practices']} | {scores['seo']} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # rewrite RESULTS.md from results.json, e.g. after editing this file
    import json

    here = Path(__file__).resolve().parent
    (here / "RESULTS.md").write_text(markdown(json.loads((here / "results.json").read_text(encoding="utf-8"))),
                                     encoding="utf-8")
