"""Shared by the review tests (tests/unit/test_review_*.py): Hunspell with both dictionaries,
or a skip; with CI=true a missing dictionary fails the run instead (make test installs them)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.review import spelling


def require_hunspell() -> None:
    """Skip the test when Hunspell or a dictionary is missing; fail instead with CI=true."""
    try:
        missing = set(spelling.DICTIONARIES) - spelling.available_dictionaries()
        problem = f"Hunspell has no dictionary for {', '.join(sorted(missing))}" if missing else ""
    except spelling.HunspellMissing as error:
        problem = str(error)
    if problem:
        message = f"{problem} (make test installs {' '.join(['hunspell', *spelling.DEBIAN_PACKAGES.values()])})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI=true forbids skipping the spelling tests")
        pytest.skip(message)


@pytest.fixture(scope="session")
def hunspell():
    require_hunspell()


def write_docs(folder: Path, files: dict[str, str]) -> Path:
    """A docs/ folder with `files` (name -> text) below `folder`; returns it."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs
