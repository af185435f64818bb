"""Lighthouse scores of a served page: mobile profile (Lighthouse's default), Debian Chromium.

Lighthouse 12.2.3 is the last release that runs on Node 20 (13 wants Node 22); npx fetches it
once into npm's cache. Performance is simulated on a slow phone and varies by a few points
between runs on a busy machine (the median of three runs is kept); the other three categories
do not.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

VERSION = "12.2.3"
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")


RUNS = 3  # Lighthouse's own advice for a simulated score that varies: the median of several runs


def scores(url: str, report: Path, runs: int = RUNS) -> dict:
    """{category: score 0-100, "missed": audits that lost points outside performance} for
    `url`, with performance as the median of `runs` runs ("performance_runs": each run's); the
    other categories do not vary. The last run's JSON report is left at `report`."""
    found = [_scores_once(url, report) for _ in range(runs)]
    result = found[-1]
    result["performance_runs"] = [run["performance"] for run in found]
    known = sorted(score for score in result["performance_runs"] if score is not None)
    result["performance"] = known[len(known) // 2] if known else None
    return result


def _scores_once(url: str, report: Path) -> dict:
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    cmd = [
        "npx", "--yes", f"lighthouse@{VERSION}", url,
        f"--chrome-path={chromium}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json", f"--output-path={report}", "--quiet",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed for {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    result = {name: _percent(data["categories"][name]["score"]) for name in CATEGORIES}
    result["missed"] = sorted({
        f"{name}: {data['audits'][ref['id']]['title']}"
        for name in CATEGORIES if name != "performance"
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] > 0 and _lost_points(data["audits"][ref["id"]])
    })
    return result


def _lost_points(audit: dict) -> bool:
    # Not-applicable and informative audits have no score and cost nothing.
    return audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings") and (audit["score"] or 0) < 1


def _percent(score) -> int | None:
    return None if score is None else round(score * 100)  # None: Lighthouse could not score it
