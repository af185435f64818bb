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
from html import escape
from pathlib import Path
from typing import Callable

import jinja2
from markupsafe import Markup

from guide.content import inline
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
        "full": "Je antwoorden konden niet worden bewaard: de opslag van je browser voor deze site is vol. "
        "Ze blijven staan zolang deze pagina open is: druk ze af voordat je de pagina sluit.",
        "conflict": "Dit antwoord is intussen in een ander tabblad veranderd. Daar staat nu:",
        "keep_mine": "Mijn tekst houden",
        "take_theirs": "Die tekst nemen",
        "empty": "(leeg)",
        "unsaved": "Nog niet alles is bewaard: een antwoord is ook in een ander tabblad veranderd. "
        "Kies onder dat antwoord welke tekst blijft.",
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
        "full": "Your answers could not be saved: this browser's storage for the site is full. "
        "They stay on screen while this page is open, so print them before you close it.",
        "conflict": "This answer has been changed in another tab in the meantime. It now reads:",
        "keep_mine": "Keep my text",
        "take_theirs": "Use that text",
        "empty": "(empty)",
        "unsaved": "Not everything is saved yet: an answer was also changed in another tab. "
        "Below that answer, choose which text to keep.",
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


def placeholders(page_html: str) -> list[str]:
    """The sheet ids named by placeholder lines in the page's HTML, in order. Markdown keeps such
    a comment line as it is, and escapes one inside code (an example of the syntax)."""
    return [m.group("id") for m in PLACEHOLDER.finditer(page_html)]


def insert(page_html: str, form: str) -> str:
    """The page's HTML with its placeholder line replaced by the form."""
    return PLACEHOLDER.sub(lambda _: form, page_html, count=1)


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
    # The template's blank lines only add bytes to the page.
    return "\n".join(line for line in html.splitlines() if line.strip())
