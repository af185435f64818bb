"""The conversation-preparation sheet on the page: front matter in, HTML form out.

A page declares its sheet under `sheet:` (id, title, sections) and marks where it goes with a
line `<!-- sheet: <id> -->` (`guide.components.place`). This module turns that declaration into
a plain HTML form that works and prints without JavaScript; sheet.js adds autosave, and
sheet.css the printed version. Field ids are the section ids from the front matter, the same in
both languages, so the answers a reader keeps on their device belong to a section, not to a
wording or a position. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable

from markupsafe import Markup

from guide.bilingual.strings import strings
from guide.components.render import render as render_template
from guide.content import inline

# The header's own fields. The underscore keeps them apart from section ids, which are slugs.
CLIENT_FIELD = "_client"
DATE_FIELD = "_date"

@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    prompt: str  # inline Markdown
    example: str | None  # inline Markdown
    lines: int  # ruled lines on paper, rows of the textarea


@dataclass(frozen=True)
class Sheet:
    id: str
    title: str
    sections: tuple[Section, ...]


def from_front_matter(data: dict) -> Sheet:
    """The `sheet:` mapping of a page, already checked by the content model, as a Sheet."""
    return Sheet(
        id=data["id"],
        title=data["title"],
        sections=tuple(
            Section(s["id"], s["heading"], s["prompt"], s.get("example") or None, int(s["lines"]))
            for s in data["sections"]
        ),
    )


def dom_ids(sheet: Sheet) -> list[str]:
    """Every id the form carries (templates/sheet.html): links may point at them, so the
    adapter tells MkDocs' anchor check about them."""
    ids = [f"{sheet.id}-form", sheet.id, f"{sheet.id}-client", f"{sheet.id}-date"]
    for s in sheet.sections:
        ids += [f"{sheet.id}-{s.id}", f"{sheet.id}-{s.id}-prompt", f"{sheet.id}-{s.id}-answer"]
        if s.example:
            ids.append(f"{sheet.id}-{s.id}-example")
    return ids


def search_entry(sheet: Sheet, page_url: str, resolve_link: Callable[[str], str] | None = None) -> dict[str, str]:
    """The sheet in the site's search: found by its title, headings, prompts and examples, and
    leading to the form. Title and text are HTML text, as in the theme's own entries."""
    texts = []
    for s in sheet.sections:
        texts.append(escape(s.heading, quote=False))
        texts += [inline.html_text(t, resolve_link) for t in (s.prompt, s.example) if t]
    return {"location": f"{page_url}#{sheet.id}", "title": escape(sheet.title, quote=False), "text": " ".join(texts)}


def render(
    sheet: Sheet,
    locale: str,
    pdf_href: str,
    resolve_link: Callable[[str], str] | None = None,
) -> str:
    """The sheet as an HTML form in `locale`; `pdf_href` is the page-relative blank PDF."""
    sections = [
        {
            "id": s.id,
            "heading": s.heading,
            "prompt": Markup(inline.render(s.prompt, resolve_link)),
            "example": Markup(inline.render(s.example, resolve_link)) if s.example else None,
            "lines": s.lines,
        }
        for s in sheet.sections
    ]
    return render_template("sheet.html", sheet=sheet, sections=sections, t=strings(locale, "sheet"),
                           pdf_href=pdf_href, client_field=CLIENT_FIELD, date_field=DATE_FIELD)
