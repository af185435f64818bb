"""The components' one Jinja environment: templates beside this module, HTML escaped by default.

Templates are read from disk when a build asks for them, so `mkdocs serve` shows an edited
template at the next rebuild (Jinja compares the file's modification time).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


class _Environment(jinja2.Environment):
    def getattr(self, obj, attribute):
        # Templates read dicts with dots (`t.reset`, `item.text`). Jinja tries an attribute first
        # and falls back to the key; the exception of each failed try cost more than the rest of
        # rendering a checklist did (a large guide renders thousands).
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


_ENV = _Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def render(template: str, *, compact: bool = True, **context) -> str:
    """`template` filled in with `context`. `compact` drops blank lines: in a page they only
    add bytes (a whole document, like the PDF's, keeps them)."""
    html = _ENV.get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip()) if compact else html
