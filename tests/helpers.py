"""Helpers shared by the tests: fixture projects built in tmp_path with the real hooks and theme."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

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


def files_of(folder: Path) -> dict[Path, bytes]:
    """Every file below `folder` with its bytes: to show that a failed build changed nothing."""
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


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


GOLDEN = ROOT / "tests" / "golden"


def assert_golden(expected_file: Path, actual: str) -> None:
    """`actual` must be the text of `expected_file`; with UPDATE_GOLDEN=1 it becomes it (review
    the diff before committing). A failure shows the diff, not two walls of HTML."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"{expected_file} is missing: run with UPDATE_GOLDEN=1 and review it"
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), str(expected_file), "rendered now",
                                    lineterm="")
        pytest.fail("the HTML differs from its golden file (UPDATE_GOLDEN=1 accepts it):\n" + "\n".join(diff))


def mkdocs_config(language: str, search: bool = False, site_url: str = "http://127.0.0.1:8000/",
                  project: Path | None = None):
    """A real, validated MkDocs configuration with the theme in `language`, and the theme's search
    plugin ready to take entries when `search` is set: what the hooks see during a build. With
    `project`, its mkdocs.yml and site/ are there (the guide's own docs/ stays the docs)."""
    config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml") if project else None)
    config.load_dict({"site_name": "Gids", "site_url": site_url, "docs_dir": str(ROOT / "docs"),
                      "site_dir": str((project or ROOT) / "site"),
                      "theme": {"name": "material", "language": language}, "plugins": ["search"] if search else []})
    errors, warnings = config.validate()
    assert not errors and not warnings, (errors, warnings)
    config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    return config


def mkdocs_page(src_uri: str, html: str, meta: dict, anchors: set | None = None, text: str = ""):
    """A real MkDocs page of the docs folder as the hooks get it in on_page_context: rendered to
    `html`, with `meta` as its front matter and `anchors` as the ids MkDocs found in it."""
    file = File(src_uri, str(ROOT / "docs"), str(ROOT / "site"), use_directory_urls=False)
    file.content_string = text or f"---\n---\n{html}"
    page = Page(meta.get("title"), file, mkdocs_config("nl"))
    page.meta, page.content, page.present_anchor_ids, page.toc = meta, html, anchors, get_toc([])
    return page


# Front matter of a page with a one-section sheet 'blad' (its section 'doel' has the id
# 'blad-doel'): a target for links into a sheet.
SMALL_SHEET = """sheet:
  id: blad
  title: Blad
  sections:
    - id: doel
      heading: Doel
      prompt: Wat wil je?
      lines: 2
"""
