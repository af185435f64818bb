"""All review checks over the guide's pages: `python -m guide.review.run [--docs DIR]`.

Prints one `file:line: ...` message per problem and exits 1 if there is any. Spelling needs
the `hunspell` command with the Dutch and British English dictionaries.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from guide.bilingual import locales
from guide.content import frontmatter, source
from guide.review import checklists, exceptions, prose, spelling, typography


def review(docs: Path, root: Path | None = None, spell: bool = True) -> list[str]:
    """Every message for the pages below `docs`, files shown relative to `root`."""
    root = root or docs.parent
    listed, messages = exceptions.read(exceptions.path(docs), prose.shown(exceptions.path(docs), root))
    used: set[int] = set()

    def excused(file: str, what: str, rule: str) -> bool:
        for exception in listed:
            if exception.covers(file, what, rule):
                used.add(exception.line)
                return True
        return False

    lines: list[prose.Line] = []
    for page in prose.guide_pages(docs):
        shown = prose.shown(page, root)
        locale = locales.locale_of(page.name)
        # Read as the build reads it: a byte-order mark or Windows line ends change nothing, and a
        # file that is not UTF-8 is the build's own message, not a traceback.
        try:
            text = source.read(page, shown)
        except source.SourceError as error:
            messages.append(str(error))
            continue
        lines += prose.page_lines(page, shown, locale, text)
        parsed = frontmatter.parse(text)
        if parsed.error is not None:  # MkDocs would read {} without a word; the build stops on it too
            messages.append(front_matter_message(shown, parsed.error))
        messages += [p.message() for p in checklists.check_page(parsed, shown, locale)
                     if not excused(p.file, p.what, p.rule)]
    config, config_lines = docs.parent / "mkdocs.yml", []
    if config.exists():
        try:
            config_lines = prose.config_lines(config, prose.shown(config, root))
        except yaml.YAMLError as error:
            line = error.problem_mark.line + 1 if getattr(error, "problem_mark", None) else 1
            messages.append(f"{prose.shown(config, root)}:{line}: not valid YAML: {getattr(error, 'problem', error)}")
    config_lines += prose.interface_lines(docs.parent)
    for problem in typography.check(lines + config_lines):
        if not (problem.rule == "ellipsis-space" and excused(problem.line.file, problem.subject, problem.rule)):
            messages.append(problem.message())
    if spell:
        wordlists = {code: spelling.read_wordlist(spelling.wordlist_path(docs, code)) for code in spelling.DICTIONARIES}
        for miss in spelling.check(lines, wordlists):
            messages.append(miss.message(prose.shown(spelling.wordlist_path(docs, miss.line.locale), root)))
    shown_list = prose.shown(exceptions.path(docs), root)
    messages += [f"{shown_list}:{e.line}: exception: '{e.what}' ({e.rule}) matches nothing any more: remove the line"
                 for e in listed if e.line not in used]
    return sorted(messages, key=_order)


def front_matter_message(shown: str, error: frontmatter.FrontMatterError) -> str:
    """The YAML error as the build words it, with its likeliest cause (guide.content.frontmatter)."""
    return f"{shown}:{error.line}: front matter: {error}"


def _order(message: str):
    file, _, rest = message.partition(":")
    number = rest.partition(":")[0]
    return (file, int(number) if number.isdigit() else 0, message)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make review", description="Spelling, typography and checklist craft.")
    parser.add_argument("--docs", default="docs", type=Path)
    args = parser.parse_args(argv)
    try:
        messages = review(args.docs, Path.cwd())
    except spelling.HunspellMissing as error:
        print(f"make review: {error}", file=sys.stderr)
        return 2
    for message in messages:
        print(message)
    print(f"review: {len(messages)} problem{'s' if len(messages) != 1 else ''}" if messages else "review: no problems")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main())
