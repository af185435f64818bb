"""The progress overview (GOV.UK's task-list pattern): the guide's steps in their order, each
with its checklists and the conversation sheet, made at build time from the navigation and the
pages' front matter, and placed with a line `<!-- progress -->` (on the home page).

Without JavaScript, or with nothing stored, it is a plain table of contents of the guide's
tools. progress.js adds each task's status from the reader's device ("not started", "3 of 7",
"done"; "3 of 9 recognised" for a self-check; for the sheet, how many preparations): the ids
and item ids it counts travel in `data-*` attributes, its strings in `data-i18n-*`. Nothing
here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.bilingual.strings import strings
from guide.components.checklist import SELF_CHECK, root_id
from guide.components.render import render as render_template

# The strings progress.js needs, as `data-i18n-<name>` on the overview's root.
SCRIPT_STRINGS = ("not_started", "partly", "done", "recognised", "preparations_one", "preparations_other")


@dataclass(frozen=True)
class Task:
    kind: str  # "checklist" or "sheet"
    id: str  # the checklist's or the sheet's id: what the reader's data is stored under
    title: str
    href: str
    items: tuple[str, ...] = ()  # a checklist's item ids, in order
    self_check: bool = False  # a checklist that counts what the reader recognises, never "done"


@dataclass(frozen=True)
class Step:
    title: str
    href: str
    tasks: tuple[Task, ...]


def steps(pages: list[tuple[str, str, dict]]) -> list[Step]:
    """The steps of the guide from its pages in navigation order, each given as (title, href
    from the overview's page, front matter): every page that has a checklist or a sheet."""
    found = []
    for title, href, meta in pages:
        tasks = [Task("checklist", c["id"], c["title"], f"{href}#{root_id(c['id'])}",
                      tuple(i["id"] for i in c["items"]), c["kind"] == SELF_CHECK)
                 for c in meta.get("checklists") or []]
        if meta.get("sheet"):
            tasks.append(Task("sheet", meta["sheet"]["id"], meta["sheet"]["title"], href))
        if tasks:
            found.append(Step(title, href, tuple(tasks)))
    return found


def render(found: list[Step], locale: str) -> str:
    """The overview's HTML in `locale`."""
    t = strings(locale, "progress")
    return render_template("progress.html", steps=found, t=t,
                           script_strings={name: t[name] for name in SCRIPT_STRINGS})
