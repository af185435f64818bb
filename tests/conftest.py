"""Fixtures shared by every test layer live in helpers.py (importable by name) and in the
layer folders' own conftest.py (browser fixtures in tests/browser/conftest.py)."""

import pytest


def pytest_collection_modifyitems(items):
    # The folder says which layer a test belongs to; markers let `make test-fast` pick layers.
    for item in items:
        path = item.path.as_posix()
        if "/tests/browser/" in path:
            item.add_marker(pytest.mark.browser)
        elif "/tests/build/" in path:
            item.add_marker(pytest.mark.build)
