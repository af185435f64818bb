"""The My data page's component: what the guide keeps on this device, to see, export and delete.

The page's Markdown explains; a line `<!-- my-data -->` marks where the component goes. The
component is rendered here from templates/my_data.html and brought to life by my-data.js, which
reads everything through guideStore; the script gets its strings (guide/bilingual/strings.py)
from data-i18n-* attributes. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from guide.bilingual.strings import strings
from guide.components.render import render as render_template

# The export file's identity; my-data.js refuses a file that does not carry exactly these.
EXPORT_FORMAT = "samenwerken-met-klanten"
EXPORT_VERSION = 1


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


DOM_IDS = ("my-data-import",)  # the ids in templates/my_data.html, for MkDocs' anchor check


def render(locale: str, titles: dict[str, str]) -> str:
    """The component in `locale`. `titles` names stored keys in this language
    (`{"sheet:gespreksvoorbereiding": "Gespreksvoorbereiding"}`); other keys get a generic name."""
    return render_template("my_data.html", t=strings(locale, "my_data"), titles=dict(sorted(titles.items())),
                           export_format=EXPORT_FORMAT, export_version=EXPORT_VERSION)
