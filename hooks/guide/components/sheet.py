"""The conversation-preparation sheet on the page: front matter in, HTML form out.

A page declares its sheet under `sheet:` (id, title, sections) and marks where it goes with a
line `<!-- sheet: <id> -->` (`guide.components.place`). Its sections come either in one run
(`sections:`) or in the conversation's groups (`groups:`, each holding its sections). This module
turns that declaration into a plain HTML form that works and prints without JavaScript; sheet.js
adds the reader's preparations and autosave, and sheet.css the printed version. Field ids are
the section ids from the front matter, the same in both languages, so the answers a reader keeps
on their device belong to a section, not to a wording, a position or a group. Nothing here knows about MkDocs.
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
    main: bool = False  # one of the answers to have in mind walking in: it stands out


@dataclass(frozen=True)
class Group:
    """A part of the conversation (before, phase 1, ...). A sheet without groups has one, with
    no id and no title, that is not shown."""

    id: str
    title: str
    sections: tuple[Section, ...]
    after: bool = False  # filled in after the conversation: set apart


@dataclass(frozen=True)
class Sheet:
    id: str
    title: str
    groups: tuple[Group, ...]

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(s for g in self.groups for s in g.sections)


def _section(s: dict) -> Section:
    return Section(s["id"], s["heading"], s["prompt"], s.get("example") or None, int(s["lines"]), bool(s.get("main")))


def from_front_matter(data: dict) -> Sheet:
    """The `sheet:` mapping of a page, already checked by the content model, as a Sheet."""
    if "groups" in data:
        groups = tuple(Group(g["id"], g["title"], tuple(_section(s) for s in g["sections"]), bool(g.get("after")))
                       for g in data["groups"])
    else:
        groups = (Group("", "", tuple(_section(s) for s in data["sections"])),)
    return Sheet(id=data["id"], title=data["title"], groups=groups)


def dom_ids(sheet: Sheet) -> list[str]:
    """Every id the form carries (templates/sheet.html): links may point at them, so the
    adapter tells MkDocs' anchor check about them."""
    ids = [f"{sheet.id}-form", sheet.id, f"{sheet.id}-client", f"{sheet.id}-date"]
    ids += [f"{sheet.id}-preps"] + [f"{sheet.id}-{g.id}" for g in sheet.groups if g.id]
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
    *,
    pdf_bytes: int | None = None,
    site_name: str = "",
    page_url: str = "",
) -> str:
    """The sheet as an HTML form in `locale`; `pdf_href` is the page-relative blank PDF, of
    `pdf_bytes`; the printed footer names `site_name` and the page's public `page_url`."""
    groups = [
        {
            "id": g.id,
            "title": g.title,
            "after": g.after,
            "sections": [
                {
                    "id": s.id,
                    "heading": s.heading,
                    "prompt": Markup(inline.render(s.prompt, resolve_link)),
                    "example": Markup(inline.render(s.example, resolve_link)) if s.example else None,
                    "lines": s.lines,
                    "main": s.main,
                }
                for s in g.sections
            ],
        }
        for g in sheet.groups
    ]
    pdf_kb = max(1, round(pdf_bytes / 1000)) if pdf_bytes else None
    return render_template("sheet.html", sheet=sheet, groups=groups, t=strings(locale, "sheet"),
                           pdf_href=pdf_href, pdf_kb=pdf_kb, site_name=site_name, page_url=page_url,
                           client_field=CLIENT_FIELD, date_field=DATE_FIELD)
