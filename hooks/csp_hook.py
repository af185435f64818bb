"""MkDocs adapter for the Content-Security-Policy: every page carries the policy (GitHub Pages
sends no headers), and once both languages are built it is written for the whole site
(`site/csp.txt`) and for hosts that read a header file (`site/_headers`).

The policy allows the theme's inline scripts by hash. Each page gets the policy its own scripts
need as MkDocs writes it; after the last page of the last language, `guide.build.csp.write`
checks that every page's policy is the same one and writes it for the host.
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


@event_priority(-100)  # last: after every hook that changes the page's HTML
def on_post_page(output, page, config):
    return output if _serving else csp.with_own_policy(output)


@event_priority(-100)
def on_post_template(output_content, template_name, config):  # 404.html, sitemap.xml
    if _serving or not template_name.endswith(".html"):
        return output_content
    return csp.with_own_policy(output_content)


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
