"""`make build`, the README's publishing command, refuses to write the development address into
canonical links, hreflang, sitemaps and the PDFs' footer; LOCAL=1 builds for this machine; a
build that fails leaves the last good site as it was."""

import subprocess

import pytest

from helpers import MINIMAL, ROOT, files_of, make_project, page


def make_build(*args: str, env_site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", **({"SITE_URL": env_site_url} if env_site_url is not None else {})}
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "build", *args],
                          capture_output=True, text=True, env=env)


@pytest.mark.parametrize(
    # make's arguments,                            SITE_URL in the environment, what it says
    ("args", "env", "said"),
    [
        ((), None, "SITE_URL is not set"),
        (("SITE_URL=",), None, "SITE_URL is not set"),
        (("SITE_URL=http://127.0.0.1:8000/",), None, "SITE_URL is http://127.0.0.1:8000/: a local address"),
        ((), "http://localhost:8000/", "SITE_URL is http://localhost:8000/: a local address"),
        (("SITE_URL=http://[::1]:8000/",), None, "a local address"),
    ],
)
def test_a_publishing_build_without_a_public_address_is_refused(args, env, said):
    result = make_build(*args, env_site_url=env)
    assert result.returncode == 2
    assert said in result.stderr and "make build SITE_URL=https://<user>.github.io/<repository>/" in result.stderr
    assert "make build LOCAL=1" in result.stderr


@pytest.mark.parametrize("args", [("LOCAL=1",), ("SITE_URL=https://gids.example/",), ("SITE_URL=https://127.example/",)])
def test_a_local_build_and_a_build_with_a_public_address_go_ahead(args):
    check = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "public-site-url", *args],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    plan = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(ROOT), "build", *args],
                          capture_output=True, text=True)
    assert plan.returncode == 0 and "mkdocs build --strict --site-dir" in plan.stdout


def test_a_build_that_fails_late_leaves_the_last_site_as_it_was(tmp_path):
    # A broken anchor is only known once MkDocs has written every page, long after it emptied
    # its site_dir: make build builds beside site/ and replaces it only when the build succeeds.
    project = make_project(tmp_path, MINIMAL)

    def make_build_in_project():
        # The repository's Makefile and environment, run in the fixture project; -o: the
        # environment is taken as it is (the project has no pyproject.toml to rebuild it from).
        venv = ROOT / ".venv"
        return subprocess.run(["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "-C", str(project),
                               f"VENV={venv}", "-o", f"{venv}/bin/.installed", "build", "LOCAL=1"],
                              capture_output=True, text=True)

    assert make_build_in_project().returncode == 0
    before = files_of(project / "site")
    (project / "docs" / "index.md").write_text(page("Welkom", "Lees [de pagina](pagina.md#geen-kop)."),
                                               encoding="utf-8")
    result = make_build_in_project()
    assert result.returncode != 0
    assert "does not contain an anchor '#geen-kop'" in result.stderr
    assert files_of(project / "site") == before
