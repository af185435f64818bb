"""`make build`, the README's publishing command, refuses to write the development address into
canonical links, hreflang, sitemaps and the PDFs' footer; LOCAL=1 builds for this machine."""

import subprocess

import pytest

from helpers import ROOT


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
    assert plan.returncode == 0 and plan.stdout.strip().endswith("mkdocs build --strict")
