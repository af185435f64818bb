"""The conversation-preparation sheet on the page: front matter in, HTML form out.

A page declares its sheet under `sheet:` (id, title, sections) and marks where it goes with a
line `<!-- sheet: <id> -->`. This module turns that declaration into a plain HTML form that works
and prints without JavaScript; sheet.js adds autosave, and sheet.css the printed version. Field
ids are the section ids from the front matter, the same in both languages, so the answers a
reader keeps on their device belong to a section, not to a wording or a position. Nothing here
knows about MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from guide import inline

# The header's own fields. The underscore keeps them apart from section ids, which are slugs.
CLIENT_FIELD = "_client"
DATE_FIELD = "_date"

STRINGS = {
    "nl": {
        "client": "Klant",
        "date": "Datum",
        "example": "Bijvoorbeeld:",
        "print": "Afdrukken",
        "pdf": "Download lege pdf (A4)",
        "clear_answers": "Wis antwoorden",
        "autosave": "Wat je invult, wordt automatisch op dit apparaat bewaard.",
        "saved": "Bewaard op dit apparaat om {time}.",
        "memory": "Je browser laat deze site niets bewaren. Je antwoorden blijven alleen staan "
        "zolang deze pagina open is: druk ze af voordat je de pagina sluit.",
        "corrupt": "Je eerder bewaarde antwoorden waren beschadigd en konden niet worden gelezen. "
        "Wat je nu invult, wordt weer gewoon bewaard.",
        "confirm_clear": "Alle antwoorden op dit formulier wissen? Dat kun je niet ongedaan maken.",
        "cleared": "Je antwoorden zijn gewist.",
        "no_script": "Zonder JavaScript wordt niets bewaard. Druk het formulier af via je browser "
        "voordat je de pagina sluit, of download de lege pdf.",
    },
    "en": {
        "client": "Client",
        "date": "Date",
        "example": "For example:",
        "print": "Print",
        "pdf": "Download blank PDF (A4)",
        "clear_answers": "Clear answers",
        "autosave": "Whatever you type is saved automatically on this device.",
        "saved": "Saved on this device at {time}.",
        "memory": "Your browser doesn't let this site save anything. Your answers only stay "
        "while this page is open, so print them before you close it.",
        "corrupt": "Your previously saved answers were damaged and couldn't be read. "
        "Whatever you type now will be saved as usual.",
        "confirm_clear": "Clear all answers on this sheet? This can't be undone.",
        "cleared": "Your answers have been cleared.",
        "no_script": "Without JavaScript nothing is saved. Print the sheet from your browser "
        "before you close the page, or download the blank PDF.",
    },
}

PLACEHOLDER = re.compile(r"^<!--\s*sheet:\s*(?P<id>[^\s>]+)\s*-->[ \t]*$", re.MULTILINE)

TEMPLATES = Path(__file__).parent / "templates"
ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
)


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


def placeholders(markdown: str) -> list[str]:
    """The sheet ids named by placeholder lines, in order."""
    return [m.group("id") for m in PLACEHOLDER.finditer(markdown)]


def insert(markdown: str, html: str) -> str:
    """The page's Markdown with its placeholder line replaced by `html` as a raw HTML block.

    Blank lines around the block keep Python-Markdown from merging it into a paragraph.
    """
    return PLACEHOLDER.sub(lambda _: f"\n{html}\n", markdown, count=1)


def render(
    sheet: Sheet,
    locale: str,
    pdf_href: str,
    resolve_link: Callable[[str], str] | None = None,
) -> str:
    """The sheet as an HTML form in `locale`; `pdf_href` is the page-relative blank PDF."""
    strings = STRINGS[locale]
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
    html = ENV.get_template("sheet.html").render(
        sheet=sheet,
        sections=sections,
        strings=strings,
        pdf_href=pdf_href,
        client_field=CLIENT_FIELD,
        date_field=DATE_FIELD,
    )
    # Python-Markdown ends a raw HTML block at a blank line inside it only in some nestings;
    # without blank lines the form always stays one block.
    return "\n".join(line for line in html.splitlines() if line.strip())
