"""The My data page's component: what the guide keeps on this device, to see, export and delete.

The page's Markdown explains; a line `<!-- my-data -->` marks where the component goes. The
component is rendered here from templates/my_data.html and brought to life by my-data.js, which
reads everything through guideStore. Strings live here, in both languages; the script gets them
from data-i18n-* attributes. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

# The export file's identity; my-data.js refuses a file that does not carry exactly these.
EXPORT_FORMAT = "samenwerken-met-klanten"
EXPORT_VERSION = 1

STRINGS = {
    "nl": {
        "no_script": "Zonder JavaScript kan deze pagina niet laten zien wat er op dit apparaat bewaard is.",
        "empty": "Op dit apparaat staat nog niets van deze gids.",
        "export": "Exporteren als bestand",
        "import": "Een export terugzetten",
        "delete": "Alles wissen",
        "file_name": "samenwerken-met-klanten-{date}.json",
        "kind_sheet": "Formulier {id}",
        "kind_checklist": "Checklist {id}",
        "kind_other": "Gegevens {id}",
        "fields_one": "1 veld ingevuld",
        "fields_other": "{count} velden ingevuld",
        "items_one": "1 punt afgevinkt",
        "items_other": "{count} punten afgevinkt",
        "updated": "bijgewerkt op {date}",
        "exported": "Je export is gedownload als {file}.",
        "imported": "Teruggezet: {list}.",
        "import_empty": "Dit bestand bevat geen gegevens. Er is niets veranderd.",
        "not_json": "Dit bestand kan niet worden gelezen: het is geen JSON-bestand. Er is niets veranderd.",
        "wrong_format": "Dit bestand is geen export van Samenwerken met klanten. Er is niets veranderd.",
        "wrong_version": "Dit bestand komt uit een andere versie van de gids (versie {version}) "
        "en kan niet worden teruggezet. Er is niets veranderd.",
        "bad_data": "Dit bestand is beschadigd: ‘{key}’ heeft niet de verwachte vorm. Er is niets veranderd.",
        "too_large": "Dit bestand is te groot voor een export van deze gids. Er is niets veranderd.",
        "confirm_delete": "Alles wissen wat deze gids op dit apparaat bewaart? Je afgevinkte punten "
        "en je antwoorden zijn dan weg. Dat kun je niet ongedaan maken.",
        "deleted": "Alles is gewist. Er staat niets meer van deze gids op dit apparaat.",
        "memory": "Je browser laat deze site niets bewaren. Wat hier staat, verdwijnt zodra je "
        "deze pagina sluit.",
        "confirm_import": "Terugzetten vervangt wat nu op dit apparaat staat: {list}. Doorgaan?",
        "import_cancelled": "Je hebt het terugzetten afgebroken. Er is niets veranderd.",
        "import_full": "Dit bestand kon niet worden teruggezet: de opslag van je browser voor deze site "
        "is vol. Er is niets veranderd.",
        "delete_failed": "Niet alles kon worden gewist: {list} staat nog op dit apparaat.",
    },
    "en": {
        "no_script": "Without JavaScript this page can't show what is stored on this device.",
        "empty": "Nothing from this guide is stored on this device yet.",
        "export": "Export to a file",
        "import": "Restore an export",
        "delete": "Delete everything",
        "file_name": "working-with-clients-{date}.json",
        "kind_sheet": "Sheet {id}",
        "kind_checklist": "Checklist {id}",
        "kind_other": "Data {id}",
        "fields_one": "1 field filled in",
        "fields_other": "{count} fields filled in",
        "items_one": "1 item ticked",
        "items_other": "{count} items ticked",
        "updated": "updated {date}",
        "exported": "Your export has been downloaded as {file}.",
        "imported": "Restored: {list}.",
        "import_empty": "This file holds no data. Nothing has changed.",
        "not_json": "This file can't be read: it isn't a JSON file. Nothing has changed.",
        "wrong_format": "This file isn't an export from Working with clients. Nothing has changed.",
        "wrong_version": "This file comes from a different version of the guide (version {version}) "
        "and can't be restored. Nothing has changed.",
        "bad_data": "This file is damaged: ‘{key}’ doesn't have the expected shape. Nothing has changed.",
        "too_large": "This file is too large to be an export from this guide. Nothing has changed.",
        "confirm_delete": "Delete everything this guide keeps on this device? Your ticked items "
        "and your answers will be gone. This can't be undone.",
        "deleted": "Everything has been deleted. Nothing from this guide is left on this device.",
        "memory": "Your browser doesn't let this site save anything. What you see here will be "
        "gone once you close this page.",
        "confirm_import": "Restoring replaces what is on this device now: {list}. Continue?",
        "import_cancelled": "You cancelled the restore. Nothing has changed.",
        "import_full": "This file could not be restored: this browser's storage for the site is full. "
        "Nothing has changed.",
        "delete_failed": "Not everything could be deleted: {list} is still on this device.",
    },
}

PLACEHOLDER = re.compile(r"^<!--\s*my-data\s*-->[ \t]*$", re.MULTILINE)

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def titles(front_matter: dict) -> dict[str, str]:
    """The storage keys a page's components write, with their titles in the page's language:
    what the list on the My data page calls them."""
    found = {}
    sheet = front_matter.get("sheet")
    if isinstance(sheet, dict) and "id" in sheet and "title" in sheet:
        found[f"sheet:{sheet['id']}"] = str(sheet["title"])
    for checklist in front_matter.get("checklists") or []:
        if isinstance(checklist, dict) and "id" in checklist and "title" in checklist:
            found[f"checklist:{checklist['id']}"] = str(checklist["title"])
    return found


def has_placeholder(page_html: str) -> bool:
    # Every page is asked; the substring test spares nearly all of them the line-by-line search.
    return "my-data" in page_html and PLACEHOLDER.search(page_html) is not None


def insert(page_html: str, component: str) -> str:
    """The page's HTML with the placeholder line replaced by the component."""
    return PLACEHOLDER.sub(lambda _: component, page_html, count=1)


DOM_IDS = ("my-data-import",)  # the ids in templates/my_data.html, for MkDocs' anchor check


def render(locale: str, titles: dict[str, str]) -> str:
    """The component in `locale`. `titles` names stored keys in this language
    (`{"sheet:gespreksvoorbereiding": "Gespreksvoorbereiding"}`); other keys get a generic name."""
    html = ENV.get_template("my_data.html").render(
        strings=STRINGS[locale],
        titles=dict(sorted(titles.items())),
        export_format=EXPORT_FORMAT,
        export_version=EXPORT_VERSION,
    )
    return "\n".join(line for line in html.splitlines() if line.strip())
