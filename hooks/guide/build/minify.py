"""Our own JavaScript and CSS, minified for the built site.

The sources in docs/assets stay readable, with their comments; readers get the same code
without them (about 40 % fewer bytes after gzip, bench/RESULTS.md). rjsmin and rcssmin only
remove comments and white space, so what runs is what the sources say.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

FOLDERS = {"assets/javascripts": ".js", "assets/stylesheets": ".css"}


def minify(text: str, suffix: str) -> str:
    if suffix == ".js":
        return rjsmin.jsmin(text)
    if suffix == ".css":
        return rcssmin.cssmin(text)
    raise ValueError(f"cannot minify {suffix} files")


def ours(docs_dir: Path) -> list[str]:
    """Site-relative paths of our JS and CSS (the theme's own files are never touched)."""
    found = []
    for folder, suffix in FOLDERS.items():
        found += sorted(p.relative_to(docs_dir).as_posix() for p in (docs_dir / folder).glob(f"*{suffix}"))
    return found


def minify_site(docs_dir: Path, site_dir: Path) -> dict[str, tuple[int, int]]:
    """Rewrite our files in `site_dir` from their sources; returns {path: (before, after)}."""
    sizes = {}
    for path in ours(docs_dir):
        source = (docs_dir / path).read_text(encoding="utf-8")
        small = minify(source, Path(path).suffix)
        (site_dir / path).write_text(small, encoding="utf-8")
        sizes[path] = (len(source.encode()), len(small.encode()))
    return sizes
