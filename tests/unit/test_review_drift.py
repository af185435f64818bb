"""Translation drift in a pull request: a Dutch page changed without its English page restamped
is listed with file:line, and the job summary gets a table when GITHUB_STEP_SUMMARY is set."""

import subprocess

import pytest

from guide.content import translations
from guide.review import drift

DUTCH = "---\ntitle: \"Pagina\"\n---\n# Pagina\n\nTekst.\n"


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "pagina.md").write_text(DUTCH, encoding="utf-8")
    (docs / "pagina.en.md").write_text(
        f"---\ntitle: \"Page\"\nsource_hash: \"{translations.source_hash(DUTCH)}\"\n---\n# Page\n\nText.\n",
        encoding="utf-8")
    (docs / "ander.md").write_text(DUTCH, encoding="utf-8")
    (docs / "ander.en.md").write_text("---\ntitle: \"Other\"\n---\n# Other\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def test_unchanged_pages_are_not_listed_even_when_their_translation_lags(repo):
    assert drift.drift(drift.changed_files("main", repo), repo) == []


def test_a_changed_dutch_page_without_a_restamp_is_listed(repo, monkeypatch, capsys):
    (repo / "docs" / "pagina.md").write_text(DUTCH + "\nNieuwe zin.\n", encoding="utf-8")
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert drift.main(["--base", "main", "--repo", str(repo)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "docs/pagina.en.md:3: source_hash: docs/pagina.md changed in this pull request, but this translation "
        "was not restamped; update it, then run make translations STAMP=docs/pagina.en.md",
        "translations: 1 lagging behind in this change",
    ]
    assert "| `docs/pagina.md` | `docs/pagina.en.md` | OUTDATED: the Dutch page changed since this translation |" \
        in summary.read_text(encoding="utf-8")


def test_restamped_it_is_not_listed(repo):
    (repo / "docs" / "pagina.md").write_text(DUTCH + "\nNieuwe zin.\n", encoding="utf-8")
    translations.stamp(repo / "docs" / "pagina.en.md", repo / "docs")
    assert drift.drift(drift.changed_files("main", repo), repo) == []


def test_a_new_dutch_page_without_translation_and_an_unstamped_one(repo):
    (repo / "docs" / "nieuw.md").write_text(DUTCH, encoding="utf-8")
    (repo / "docs" / "ander.md").write_text(DUTCH + "x\n", encoding="utf-8")
    assert [d.message() for d in drift.drift(drift.changed_files("main", repo), repo)] == [
        "docs/ander.en.md:2: source_hash: docs/ander.md changed in this pull request, but this translation was "
        "not restamped; update it, then run make translations STAMP=docs/ander.en.md",
        "docs/nieuw.en.md:1: translation: missing, while docs/nieuw.md changed in this pull request",
    ]


def test_an_unknown_base_is_an_error(repo, capsys):
    assert drift.main(["--base", "nope", "--repo", str(repo)]) == 2
    assert capsys.readouterr().err.startswith("make drift: cannot compare with 'nope': ")
