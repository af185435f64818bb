"""MkDocs adapter for checklists: swaps each `<!-- checklist: <id> -->` line for the checklist
declared in the page's front matter, rendered in the language being built (`guide.components.checklist`).

It places the checklists in `on_page_context`, after Material's search has read the page:
- the search plugin parsed every checklist's markup again (as much work as the rest of the page)
  and indexed its buttons and notices, so that "vinkjes" found every checklist page. Instead each
  checklist gets one search entry of its own, with its title, items and hints, that leads to it;
- Markdown never parses the checklist's markup either, which also cost more than rendering it.
MkDocs checks anchors only after every page is built, so it is told the checklists' ids here.
Whether every declared checklist is placed is the content model's rule (hooks/content_hook.py);
here a page with a missing placeholder simply builds without that checklist.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

import placed_parts
from guide.build import cache
from guide.components import checklist
@event_priority(-50)  # after the search plugin (priority 0), which indexes page.content
def on_page_context(context, page, config, nav):
    declared = page.meta.get("checklists")
    if not declared:
        return context
    # The i18n plugin sets the theme language per build (see site_hook.on_config).
    locale = config.theme["language"]
    renders = {c["id"]: checklist.rendered(c, locale, page.file.src_uri) for c in declared}
    placed = checklist.place(page.content, {cid: made.html for cid, made in renders.items()})
    page.content = placed.html
    shown = [c for c in declared if c["id"] not in placed.unplaced]
    for c in shown:
        placed_parts.add_anchors(page, checklist.dom_ids(c), f"checklist '{c['id']}'")
    placed_parts.add_search_entries(
        config, page, [checklist.search_entry(c, page.url, renders[c["id"]].search_text) for c in shown])
    return context


def on_pre_build(config):
    # A large guide has thousands of checklists: keep their HTML between builds (.cache/guide/),
    # so that only checklists whose data changed are rendered again.
    checklist.RENDERS.keep_in(cache.folder(Path(config.config_file_path).parent))


def on_post_build(config):
    checklist.RENDERS.save()

