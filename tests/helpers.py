"""Helpers shared by the tests: fixture projects built in tmp_path with the real hooks and theme."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_env(site_url: str) -> dict[str, str]:
    return {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_url: str = "http://127.0.0.1:8000/", site_dir: Path | None = None):
    """Run `mkdocs build --strict` exactly as `make build` does: neither -q nor -v."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    if site_dir is not None:
        cmd += ["--site-dir", str(site_dir)]
    return subprocess.run(cmd, cwd=project, env=build_env(site_url), capture_output=True, text=True)


def make_project(tmp_path: Path, pages: dict[str, str], nav: list[str] | None = None) -> Path:
    """A copy of the site's configuration, hooks and theme with `pages` as its docs.

    `nav` replaces the guide's navigation (default: the Dutch pages in sorted order).
    """
    project = tmp_path / "project"
    for name in ("hooks", "overrides", "schema"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    if nav is None:
        nav = sorted(p for p in pages if p.endswith(".md") and ".en." not in p)
        nav.sort(key=lambda p: p != "index.md")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav_yaml = "nav:\n" + "".join(f"  - {p}\n" for p in nav)
    config, found = re.subn(r"^nav:\n(?:  - .*\n)+", nav_yaml, config, flags=re.M)
    assert found == 1, "mkdocs.yml has no nav block to replace"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for path, text in pages.items():
        target = project / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return project


def built_site(folder: Path, pages: dict[str, str], site_url: str) -> Path:
    """The `site/` of a fixture project that must build; its log in the failure otherwise."""
    project = make_project(folder, pages)
    result = mkdocs_build(project, site_url=site_url)
    assert result.returncode == 0, result.stderr
    return project / "site"


def page(title: str, body: str = "", front: str = "") -> str:
    """A Markdown page with front matter and one h1."""
    return f"---\ntitle: {title}\n{front}---\n# {title}\n\n{body}\n"


# A minimal valid bilingual fixture: home plus one page in both languages.
MINIMAL = {
    "index.md": page("Welkom", "Lees [de pagina](pagina.md#tweede-kop)."),
    "index.en.md": page("Welcome", "Read [the page](pagina.md#tweede-kop)."),
    "pagina.md": page("Pagina", "## Tweede kop\n\nTekst over gunning en vertrouwen."),
    "pagina.en.md": page("Page", "## Second heading {#tweede-kop}\n\nText about goodwill and trust."),
}


def keeping(kept, folder: Path, monkeypatch):
    """Starts `kept` (a `guide.cache.Kept`) in `folder`, as a build's hooks do in .cache/guide/;
    returns the step to the next build: save, then a new process reads the file again."""
    monkeypatch.setattr(kept, "memo", None)
    kept.keep_in(folder)

    def next_build():
        kept.save()
        monkeypatch.setattr(kept, "memo", None)
        kept.keep_in(folder)

    return next_build
