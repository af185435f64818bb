"""The theme's templates are compiled once for both language builds, and again when edited."""

from __future__ import annotations

import jinja2
import pytest

from guide.build.compiled import Compiled


class NotCompiling(jinja2.Environment):
    """An environment that may only load stored code."""

    def compile(self, *args, **kwargs):
        raise AssertionError("compiled again")


def test_the_second_build_loads_what_the_first_compiled_until_the_template_changes(tmp_path):
    (tmp_path / "main.html").write_text("<p>{{ page }}</p>", encoding="utf-8")
    store = Compiled()
    first = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=store)
    assert first.get_template("main.html").render(page="nl") == "<p>nl</p>"

    second = NotCompiling(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=store)
    assert second.get_template("main.html").render(page="en") == "<p>en</p>"

    (tmp_path / "main.html").write_text("<main>{{ page }}</main>", encoding="utf-8")  # serve: an edit
    with pytest.raises(AssertionError, match="compiled again"):
        NotCompiling(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=store).get_template("main.html")
    third = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), bytecode_cache=store)
    assert third.get_template("main.html").render(page="en") == "<main>en</main>"
