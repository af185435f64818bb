"""A step's at-a-glance line: how long the step takes, when to use it, what it needs and gives,
and a link down to each of its checklists. From the page's front matter (`glance:` and its
`checklists:`), placed with a line `<!-- glance -->` right under the page's heading. Plain HTML
and a little CSS: it needs no script. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup

from guide.bilingual.strings import strings
from guide.components.checklist import Checklist, root_id
from guide.components.render import render as render_template
from guide.content import inline
from guide.content.checks import GLANCE_FIELDS


def render(glance: dict, checklists: list[Checklist], locale: str,
           resolve_link: Callable[[str], str] | None = None) -> str:
    """The line's HTML in `locale`: the glance's fields in their order, then the checklists."""
    t = strings(locale, "glance")
    # inline.render returns cleaned HTML (nh3): safe to insert unescaped
    parts = [(t[name], Markup(inline.render(glance[name], resolve_link))) for name in GLANCE_FIELDS if name in glance]
    links = [{"href": "#" + root_id(c.id),
              "text": t["checklist_link"].format(title=c.title, count=len(c.items))} for c in checklists]
    return render_template("glance.html", parts=parts, links=links,
                           links_label=t["checklist" if len(links) == 1 else "checklists"])
