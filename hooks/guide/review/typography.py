"""Typography, as CONTRIBUTING sets it: curly quotes and apostrophes only; Dutch quotes are
‘single’ (“double” only inside a quotation), English quotes “double” (‘single’ only inside one);
three dots are one ellipsis character; in Dutch an ellipsis that stands for a whole word has a
space before it (‘Ik wil dat …’). Straight quotes stay where they belong: code, links and the
YAML itself, which prose.py has already taken out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from guide.review.prose import Line

QUOTES = {
    "nl": "write ‘…’ (and “…” only inside a quotation)",
    "en": "write “…” (and ‘…’ only inside a quotation)",
}
APOSTROPHE = {"nl": "write ’ (zo’n, ’s avonds)", "en": "write ’ (it’s, the client’s)"}


@dataclass(frozen=True)
class Problem:
    line: Line
    rule: str
    text: str
    subject: str = ""  # what an exception names: the cut-off word with its ellipsis

    def message(self) -> str:
        return f"{self.line.where()}: typography: {self.text}"


_LETTER = r"[^\W\d_]"
_STRAIGHT_APOSTROPHE = re.compile(rf"(?<={_LETTER})'(?={_LETTER})|(?<![\w'])'(?=[st]\b)")
_THREE_DOTS = re.compile(r"\.\.\.")
_GLUED_ELLIPSIS = re.compile(rf"({_LETTER}+)…")


def _quote_nesting(text: str, locale: str) -> list[str]:
    """The quotation marks used against the language's style, as messages."""
    found = []
    if locale == "en":
        depth = 0
        for char in text:
            if char == "“":
                depth += 1
            elif char == "”":
                depth = max(0, depth - 1)
            elif char == "‘" and depth == 0:
                found.append("‘ opens a quotation: in English " + QUOTES["en"])
                break
    else:
        open_single = False
        for n, char in enumerate(text):
            after = text[n + 1] if n + 1 < len(text) else " "
            before = text[n - 1] if n else " "
            if char == "‘":
                open_single = True
            elif char == "’" and open_single and not before.isspace() and not after.isalpha():
                open_single = False  # a closing quote, not an apostrophe (zo’n, ’s)
            elif char == "“" and not open_single:
                found.append("“ opens a quotation: in Dutch " + QUOTES["nl"])
                break
    return found


def check_line(line: Line) -> list[Problem]:
    text = line.text
    problems = []
    apostrophes = list(_STRAIGHT_APOSTROPHE.finditer(text))
    if apostrophes:
        at = _around(text, apostrophes[0].start())
        problems.append(Problem(line, "apostrophe", f"straight apostrophe in '{at}': {APOSTROPHE[line.locale]}"))
    taken = {a.start() for a in apostrophes}
    quotes = [n for n, c in enumerate(text) if c == '"' or (c == "'" and n not in taken)]
    if quotes:
        at = _around(text, quotes[0])
        problems.append(Problem(line, "quote", f"straight quote in '{at}': {QUOTES[line.locale]}"))
    problems += [Problem(line, "quote-style", m) for m in _quote_nesting(text, line.locale)]
    dots = _THREE_DOTS.search(text)
    if dots:
        at = _around(text, dots.start())
        problems.append(Problem(line, "ellipsis", f"three dots in '{at}': write one ellipsis character (…)"))
    if line.locale == "nl":
        for glued in _GLUED_ELLIPSIS.finditer(text):
            word = glued.group(1)
            problems.append(Problem(line, "ellipsis-space",
                                    f"'{word}…': an ellipsis that stands for a whole word has a space before it "
                                    f"('{word} …'); a cut-off word takes none: list it in the exceptions",
                                    subject=word + "…"))
    return problems


def _around(text: str, at: int, width: int = 12) -> str:
    return text[max(0, at - width): at + width].strip()


def check(lines: Iterable[Line], allowed: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """Every problem, in the order of the lines. `allowed` holds (file, word…) pairs: cut-off
    words that rightly take an ellipsis without a space (from the exceptions list)."""
    return [p for line in lines for p in check_line(line)
            if not (p.rule == "ellipsis-space" and (line.file, p.subject) in allowed)]
