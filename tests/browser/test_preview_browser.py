"""make preview, run on a small change the way the pull-request workflow runs it: a copy of the
guide in a git repository of its own, one Dutch page changed (a typo fixed, a word misspelt).
It must write the built site, both sheet PDFs and the printed sheets, screenshots of the
changed page in both languages at 375 and 1280 px, and a summary that names the misspelling
and the translation that now lags behind."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys

import pytest

from browser_support import chromium_path
from helpers import ROOT

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def png_width(path) -> int:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">I", data[16:20])[0]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed; CI=true forbids skipping browser tests")
        pytest.skip("Chromium is not installed (make test installs Debian's chromium-headless-shell and chromium packages)")
    repo = tmp_path_factory.mktemp("preview") / "repo"
    for name in ("hooks", "overrides", "schema", "docs"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    env = {**os.environ, **GIT_ENV, "CHROMIUM": executable, "PYTHONPATH": str(ROOT / "hooks")}
    env.pop("GITHUB_STEP_SUMMARY", None)
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "base"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    page = repo / "docs" / "stap-1-richting.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("Trek een kwartier uit", "Trek een kwarttier uit")
    page.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "guide.review.preview", "--base", "main", "--repo", str(repo),
                           "--out", str(repo / "out")], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return repo / "out"


def test_it_writes_the_site_the_pdfs_and_the_screenshots(preview):
    assert (preview / "site" / "stap-1-richting.html").exists()
    assert (preview / "site" / "en" / "stap-1-richting.html").exists()
    assert sorted(p.name for p in (preview / "pdfs").iterdir()) == [
        "en-conversation-preparation.pdf", "nl-gespreksvoorbereiding.pdf",
        "printed-en-gespreksvoorbereiding.pdf", "printed-nl-gespreksvoorbereiding.pdf"]
    for pdf in (preview / "pdfs").iterdir():
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf
    shots = {p.name: png_width(p) for p in (preview / "screenshots").iterdir()}
    assert shots == {"nl-stap-1-richting-375.png": 375, "nl-stap-1-richting-1280.png": 1280,
                     "en-stap-1-richting-375.png": 375, "en-stap-1-richting-1280.png": 1280}


def test_the_summary_names_the_misspelling_and_the_lagging_translation(preview):
    summary = (preview / "summary.md").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate((ROOT / "docs" / "stap-1-richting.md").read_text(encoding="utf-8")
                                           .splitlines(), 1) if "Trek een kwartier uit" in text)
    assert (f"docs/stap-1-richting.md:{line}: spelling: 'kwarttier' is not in the Dutch dictionary "
            "(suggestions: kwartier") in summary
    assert ("| `docs/stap-1-richting.md` | `docs/stap-1-richting.en.md` | "
            "OUTDATED: the Dutch page changed since this translation |") in summary
    assert ("| `docs/stap-1-richting.md` | `screenshots/nl-stap-1-richting-375.png` | "
            "`screenshots/nl-stap-1-richting-1280.png` | `screenshots/en-stap-1-richting-375.png` | "
            "`screenshots/en-stap-1-richting-1280.png` |") in summary
    assert "- `pdfs/nl-gespreksvoorbereiding.pdf`: 1 page" in summary
