"""From the page to its source: every page's edit and view buttons open that page's own file
(docs/x.md from a Dutch page, docs/x.en.md from an English one), and "suggest a change" is an
e-mail in the page's language that carries the page's address. Built from the real mkdocs.yml."""

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import MINIMAL, ROOT, built_site, make_project, mkdocs_build

ORIGIN = "https://gids.example/"
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
REPO = re.search(r"^repo_url: (\S+)$", CONFIG, flags=re.M).group(1)
EMAIL = re.search(r"^  suggest_email: (\S+)$", CONFIG, flags=re.M).group(1)

# built page -> (its source file, its address, the suggestion's subject, its body's first line)
PAGES = {
    "pagina.html": ("docs/pagina.md", ORIGIN + "pagina.html", "Voorstel voor ‘Pagina’", "Pagina:"),
    "en/pagina.html": ("docs/pagina.en.md", ORIGIN + "en/pagina.html", "Suggestion for “Page”", "Page:"),
    "index.html": ("docs/index.md", ORIGIN, "Voorstel voor ‘Welkom’", "Pagina:"),
    "en/index.html": ("docs/index.en.md", ORIGIN + "en/", "Suggestion for “Welcome”", "Page:"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory.mktemp("actions"), MINIMAL, ORIGIN)


def action(site: Path, page: str, name: str):
    html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = html.select(f"article a.md-content__button[data-action={name}]")
    assert len(found) == 1, f"{page}: {len(found)} {name} actions"
    return found[0]


def test_the_repository_is_set_once():
    # Forks change one line: nothing else in the configuration or the overrides names it.
    assert REPO == "https://github.com/samenwerken-met-klanten/gids"
    assert CONFIG.count("github.com/") == 1
    for template in (ROOT / "overrides").rglob("*.html"):
        assert "github.com/" not in template.read_text(encoding="utf-8"), template


@pytest.mark.parametrize("page", PAGES)
def test_edit_and_view_open_the_pages_own_file(site, page):
    source = PAGES[page][0]
    assert action(site, page, "edit")["href"] == f"{REPO}/edit/main/{source}"
    assert action(site, page, "view")["href"] == f"{REPO}/blob/main/{source}"


@pytest.mark.parametrize("page", PAGES)
def test_suggest_is_an_email_in_the_pages_language_with_its_address(site, page):
    _, address, subject, first_line = PAGES[page]
    link = action(site, page, "suggest")
    parts = urlsplit(link["href"])
    assert parts.scheme == "mailto" and unquote(parts.path) == EMAIL
    query = parse_qs(parts.query)
    assert query["subject"] == [subject]
    assert query["body"][0].startswith(f"{first_line} {address}\n\n")
    title = {"Pagina:": "Verbetering voorstellen zonder GitHub (per e-mail)",
             "Page:": "Suggest a change without GitHub (by email)"}[first_line]
    assert link["title"] == title


def test_no_request_to_github_for_repository_facts(site):
    # The theme's source widget fetches stars and forks from api.github.com; ours is a plain link.
    html = (site / "pagina.html").read_text(encoding="utf-8")
    assert 'data-md-component="source"' not in html
    assert f'href="{REPO}"' in html


def build_with_setting(tmp_path, setting: str):
    """The guide's build with `setting` in place of its suggest_email line: (that line, the result)."""
    project = make_project(tmp_path, MINIMAL)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"  suggest_email: {EMAIL}", f"  {setting}"), encoding="utf-8")
    return text.splitlines().index(f"  suggest_email: {EMAIL}") + 1, mkdocs_build(project, site_url=ORIGIN)


@pytest.mark.parametrize("address", ['x@y" onmouseover="alert(1)', "Redactie <redactie@gids.example>", "redactie@@gids.example", "redactie"])
def test_a_suggestion_address_that_is_not_one_fails_naming_the_line(tmp_path, address):
    line, result = build_with_setting(tmp_path, f"suggest_email: '{address}'")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line}: extra.suggest_email: {address!r} is not an e-mail address" in result.stderr


@pytest.mark.parametrize("key", ["suggest_emial", "suggest-email", "sugest_email"])
def test_a_misspelt_suggestion_setting_fails_instead_of_dropping_the_link(tmp_path, key):
    line, result = build_with_setting(tmp_path, f"{key}: {EMAIL}")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line}: extra.{key}: not a setting: did you mean suggest_email?" in result.stderr
