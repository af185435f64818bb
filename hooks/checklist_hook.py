"""MkDocs adapter for checklists: swaps each `<!-- checklist: <id> -->` line for the checklist
declared in the page's front matter, rendered in the language being built (`guide.checklist`).

It runs in `on_page_markdown`, so the checklist is a raw HTML block in the page: its ids are
seen by MkDocs' anchor validation and its text by the search index. Whether every declared
checklist is placed is the content model's rule (hooks/content_hook.py); here a page with a
missing placeholder simply builds without that checklist.
"""

from __future__ import annotations

from guide import checklist


def on_page_markdown(markdown, page, config, files):
    declared = page.meta.get("checklists")
    if not declared:
        return markdown
    # The i18n plugin sets the theme language per build (see site_hook.on_config).
    locale = config.theme["language"]
    return checklist.page_markdown(markdown, declared, page.file.src_uri, locale).markdown
