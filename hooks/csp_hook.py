"""MkDocs adapter for the Content-Security-Policy: once both languages are built, puts the
policy into every page (GitHub Pages sends no headers) and writes it for the whole site
(`site/csp.txt`) and for hosts that read a header file (`site/_headers`).

The policy allows the theme's inline scripts by hash, read from the built pages, so it can only
be written after the last page of the last language; the logic is in `guide.build.csp`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from guide.build import csp

log = get_plugin_logger("csp")

# `mkdocs serve` adds an inline live-reload script to every page it serves, different on every
# request: a policy in the page would block it. Pages keep their policy in every real build.
_serving = False


def on_startup(*, command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(-120)  # after the i18n plugin's other builds (-100) and site_hook's 404 (-110)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # an English build inside the Dutch one: the site is not complete yet
    try:
        policy = csp.write(Path(config.site_dir), in_pages=not _serving)
    except csp.CspError as error:
        raise PluginError(f"Content-Security-Policy: {error}") from error
    where = "(not into the pages: serve reloads them with an inline script)" if _serving else "and into every page"
    log.info(f"wrote {csp.POLICY_FILE} and {csp.HEADERS_FILE} {where}: {policy}")
