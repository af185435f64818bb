"""MkDocs adapter: serve our JavaScript and CSS minified (`guide.build.minify`).

Runs once, after every language is built (the i18n plugin's `building` flag is False), from
the sources in docs/ so that a rebuild never minifies twice.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from guide.build import minify

log = get_plugin_logger("assets")


@event_priority(-115)  # after the i18n plugin (-100) has run the other languages' builds
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    sizes = minify.minify_site(Path(config.docs_dir), Path(config.site_dir))
    before, after = sum(b for b, _ in sizes.values()), sum(a for _, a in sizes.values())
    log.info(f"minified {len(sizes)} scripts and stylesheets: {before:,} -> {after:,} bytes")
