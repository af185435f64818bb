"""The My data page's component: what the guide keeps on this device, to see, export and delete.

The page's Markdown explains; a line `<!-- my-data -->` marks where the component goes. The
component is rendered here from templates/my_data.html and brought to life by my-data.js, which
reads everything through guide.store; the script gets its strings (guide/bilingual/strings.py)
from data-i18n-* attributes, and the build's names and places of the stored records from
data-my-data-places. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from guide.bilingual.strings import strings
from guide.components import checklist
from guide.components.render import render as render_template

# The export file's identity; my-data.js refuses a file that does not carry exactly these.
EXPORT_FORMAT = "samenwerken-met-klanten"
EXPORT_VERSION = 1


def places(front_matter: dict) -> list[tuple[str, str, str]]:
    """The storage keys a page's components write, in the page's order, each with its title in
    the page's language and the id of its place on the page: (key, title, anchor). What the
    list on the My data page calls them, and where it links to."""
    found = []
    sheet = front_matter.get("sheet")
    if isinstance(sheet, dict) and "id" in sheet and "title" in sheet:
        found.append((f"sheet:{sheet['id']}", str(sheet["title"]), str(sheet["id"])))
    for item in front_matter.get("checklists") or []:
        if isinstance(item, dict) and "id" in item and "title" in item:
            found.append((f"checklist:{item['id']}", str(item["title"]), checklist.root_id(str(item["id"]))))
    return found


DOM_IDS = ("my-data-import", "my-data-import-hint")  # the ids in templates/my_data.html, for MkDocs' anchor check


def render(locale: str, places: list[dict[str, str]]) -> str:
    """The component in `locale`. `places` names the stored keys in this language, in guide order,
    each with the link to its place (`[{"key": "sheet:gespreksvoorbereiding", "title":
    "Gespreksvoorbereiding", "href": "gespreksvoorbereiding.html#gespreksvoorbereiding"}]`);
    other keys get a generic name."""
    return render_template("my_data.html", t=strings(locale, "my_data"), places=places,
                           export_format=EXPORT_FORMAT, export_version=EXPORT_VERSION)
