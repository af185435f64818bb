"""Keeping translations in step with their Dutch source.

Every English page records, in `source_hash`, which version of its Dutch page it translates: the
first 12 hex digits of a SHA-256 over the Dutch file. When the Dutch page changes, the hash no
longer matches; the build log and `make translations` list the page, and readers of the English
page see a short notice. After updating a translation, stamp it:
`make translations STAMP=docs/<page>.en.md`.

Run as a module for the report: `python -m guide.content.translations [--docs DIR] [--stamp FILE ...]`.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from guide.bilingual import locales
from guide.bilingual.strings import strings
from guide.content import frontmatter, source

CURRENT, OUTDATED, UNSTAMPED, MISSING = "current", "outdated", "unstamped", "missing"


def source_hash(text: str) -> str:
    """A fingerprint of a Dutch page that ignores line endings and trailing spaces."""
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def status(source_text: str, translation_data: dict) -> str:
    recorded = translation_data.get("source_hash")
    if not recorded:
        return UNSTAMPED
    return CURRENT if recorded == source_hash(source_text) else OUTDATED


def with_notice(markdown: str, locale: str, dutch_link: str) -> str:
    """The page's Markdown with a note under its title: the Dutch page (at `dutch_link`, relative
    to this page) has changed since this translation was made."""
    t = strings(locale, "translation")
    # Raw HTML for the link: it leads to a built page of the other language, which MkDocs' link
    # checker (working on this language's files) would call unrecognised.
    link = f'<a href="{escape(dutch_link)}" hreflang="nl" lang="nl">{t["notice_link"]}</a>'
    block = f'!!! note "{t["notice_title"]}"\n    {t["notice"]} {link} {t["notice_after"]}\n'
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: n + 1] + ["", block] + lines[n + 1 :])
    return block + "\n" + markdown


@dataclass(frozen=True)
class Entry:
    source: str  # docs/x.md
    translation: str  # docs/x.en.md
    status: str


def report(docs: Path) -> list[Entry]:
    """The state of every translation below `docs`, Dutch sources in sorted order."""
    entries = []
    for dutch in sorted(docs.rglob("*.md")):
        rel = dutch.relative_to(docs).as_posix()
        if locales.locale_of(rel) != locales.DEFAULT.code:
            continue
        for locale in locales.CODES[1:]:
            target = docs / locales.translation_of(rel, locale)
            if not target.exists():
                entries.append(Entry(_shown(dutch), _shown(target), MISSING))
                continue
            data = frontmatter.parse(source.read(target, _shown(target))).data
            entries.append(Entry(_shown(dutch), _shown(target), status(source.read(dutch, _shown(dutch)), data)))
    return entries


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_HASH_LINE = re.compile(r"^source_hash:.*$", re.M)


def stamp(translation: Path, docs: Path) -> str:
    """Record the current Dutch version in a translation's front matter; returns the hash."""
    rel = translation.resolve().relative_to(docs.resolve()).as_posix()
    dutch = docs / locales.source_of(rel)
    value = source_hash(source.read(dutch))
    text = source.read(translation)
    if not text.startswith("---"):
        raise ValueError(f"{translation}: has no front matter to stamp")
    end = text.index("\n---", 3)
    head, rest = text[:end], text[end:]
    line = f"source_hash: \"{value}\""  # quoted: a hash of digits only would read as a number
    head = _HASH_LINE.sub(line, head) if _HASH_LINE.search(head) else f"{head}\n{line}"
    translation.write_text(head + rest, encoding="utf-8")
    return value


LABELS = {
    CURRENT: "up to date",
    OUTDATED: "OUTDATED: the Dutch page changed since this translation",
    UNSTAMPED: "UNSTAMPED: no source_hash recorded",
    MISSING: "MISSING",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make translations", description="List missing and outdated translations.")
    parser.add_argument("--docs", default="docs", type=Path)
    parser.add_argument("--stamp", nargs="*", default=[], type=Path, metavar="FILE",
                        help="record that these English pages now follow their Dutch source")
    args = parser.parse_args(argv)
    try:
        for path in args.stamp:
            print(f"stamped {path}: source_hash {stamp(path, args.docs)}")
        entries = report(args.docs)
    except (source.SourceError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    width = max((len(e.translation) for e in entries), default=0)
    for entry in entries:
        print(f"{entry.translation:<{width}}  {LABELS[entry.status]}")
    todo = sum(e.status != CURRENT for e in entries)
    print(f"{len(entries) - todo} of {len(entries)} translations up to date" + (f"; {todo} to do" if todo else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
