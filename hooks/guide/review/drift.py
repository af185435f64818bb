"""Translation drift in a pull request: the Dutch pages it changes whose English page was not
restamped (`make translations STAMP=docs/x.en.md`), so a reviewer sees which translations lag.

`python -m guide.review.drift --base origin/main` lists them as `file:line` messages and, when
GITHUB_STEP_SUMMARY is set (GitHub Actions), adds a table to the job summary. It reports and
does not fail: a translation may follow in its own pull request (see the PR template).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from guide.bilingual import locales
from guide.content import frontmatter, source, translations


@dataclass(frozen=True)
class Drift:
    source: str  # docs/x.md, changed in the pull request
    translation: str  # docs/x.en.md
    status: str  # translations.OUTDATED, UNSTAMPED or MISSING
    line: int  # the line of source_hash (1 if there is none)

    def message(self) -> str:
        if self.status == translations.MISSING:
            return f"{self.translation}:1: translation: missing, while {self.source} changed in this pull request"
        return (f"{self.translation}:{self.line}: source_hash: {self.source} changed in this pull request, but "
                f"this translation was not restamped; update it, then run "
                f"make translations STAMP={self.translation}")


def changed_files(base: str, repo: Path) -> list[str]:
    """Files changed between the merge base with `base` and the working tree (committed or not)."""
    merge_base = subprocess.run(["git", "merge-base", base, "HEAD"], cwd=repo, capture_output=True, text=True)
    if merge_base.returncode != 0:
        raise ValueError(f"cannot compare with '{base}': {merge_base.stderr.strip()}")
    diff = subprocess.run(["git", "diff", "--name-only", merge_base.stdout.strip(), "--"], cwd=repo,
                          capture_output=True, text=True, check=True)
    untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=repo,
                               capture_output=True, text=True, check=True)
    return sorted(set(diff.stdout.split()) | set(untracked.stdout.split()))


def drift(changed: list[str], repo: Path, docs: str = "docs") -> list[Drift]:
    found = []
    for path in changed:
        if not (path.startswith(docs + "/") and path.endswith(".md")):
            continue
        rel = path[len(docs) + 1:]
        if locales.locale_of(rel) != locales.DEFAULT.code or not (repo / path).exists():
            continue
        for locale in locales.CODES[1:]:
            target = f"{docs}/{locales.translation_of(rel, locale)}"
            if not (repo / target).exists():
                found.append(Drift(path, target, translations.MISSING, 1))
                continue
            parsed = frontmatter.parse(source.read(repo / target, target))
            state = translations.status(source.read(repo / path, path), parsed.data)
            if state != translations.CURRENT:
                found.append(Drift(path, target, state, parsed.key_line(("source_hash",))))
    return found


def summary(found: list[Drift], base: str) -> str:
    if not found:
        return (f"### Translations\n\nEvery Dutch page this pull request changes (against `{base}`) has an "
                f"up-to-date English page.\n")
    rows = "".join(f"| `{d.source}` | `{d.translation}` | {translations.LABELS[d.status]} |\n" for d in found)
    return (f"### Translations that lag behind\n\nDutch pages changed in this pull request (against `{base}`) "
            f"whose English page was not restamped:\n\n| Dutch page | English page | state |\n|---|---|---|\n{rows}\n"
            f"Update the English text, then `make translations STAMP=<English page>`; or open an issue for the "
            f"translation and say so in the pull request.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make drift", description="Dutch pages changed without their translation.")
    parser.add_argument("--base", default=os.environ.get("BASE", "origin/main"))
    parser.add_argument("--repo", default=".", type=Path)
    args = parser.parse_args(argv)
    try:
        found = drift(changed_files(args.base, args.repo), args.repo)
    except ValueError as error:
        print(f"make drift: {error}", file=sys.stderr)
        return 2
    for item in found:
        print(item.message())
    print(f"translations: {len(found)} lagging behind in this change" if found
          else "translations: every changed Dutch page has an up-to-date translation")
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(summary(found, args.base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
