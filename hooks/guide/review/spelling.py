"""Spelling in both languages, through the `hunspell` command and Debian's dictionaries
(hunspell-nl, hunspell-en-gb), with a project word list per language (docs/.wordlist.nl.txt,
docs/.wordlist.en.txt).

The words are found here, not by Hunspell, so that every unknown word keeps its file and line.
Hunspell runs at most twice per language and run, with every distinct word at once: `-l` to
learn which words it does not know (fast), then `-a` for suggestions, only for the few words the
word list does not know either. A word is accepted when Hunspell knows it; or the word list
has it exactly, or in lower case (a word that starts a sentence); or, for a compound with a
hyphen, every part is accepted (in Dutch only after an abbreviation or a name: MIT-licentie);
or, in English, its stem before a possessive ’s is. English text uses a few Dutch terms and
explains them; in italics (*gunning*, *de lusten en de lasten*) such words are checked against
the Dutch dictionary instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from guide.review.prose import Line

DICTIONARIES = {"nl": "nl", "en": "en_GB"}
LANGUAGE = {"nl": "Dutch", "en": "English"}
DEBIAN_PACKAGES = {"nl": "hunspell-nl", "en": "hunspell-en-gb"}


class HunspellMissing(RuntimeError):
    """The command or a dictionary is not installed: the check cannot run."""


def wordlist_path(docs: Path, locale: str) -> Path:
    return docs / f".wordlist.{locale}.txt"


def read_wordlist(path: Path) -> frozenset[str]:
    """One word a line; `#` starts a comment; blank lines are ignored."""
    if not path.exists():
        return frozenset()
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


@dataclass(frozen=True)
class Miss:
    line: Line
    word: str
    suggestions: tuple[str, ...]

    def message(self, wordlist: str) -> str:
        hint = f"suggestions: {', '.join(self.suggestions[:5])}" if self.suggestions else "no suggestions"
        return (f"{self.line.where()}: spelling: '{self.word}' is not in the {LANGUAGE[self.line.locale]} "
                f"dictionary ({hint}); if it is right, add it to {wordlist}")


# A word: letters, with apostrophes, hyphens or slashes inside (zo’n, e-mail, en/of); or the
# Dutch ’s and ’t (’s avonds). Numbers and words with digits (A4, 2026) are not checked.
_WORD = re.compile(r"(?<![\w’'])[’'][st](?![\w’'])|(?<![\w’'])[^\W\d_]+(?:[’'\-/][^\W\d_]+)*(?![\w])")


def words(text: str) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text) if not any(c.isdigit() for c in m.group(0))]


def hunspell_command() -> str:
    command = shutil.which("hunspell")
    if command is None:
        raise HunspellMissing("the hunspell command is missing: `make test` installs it "
                              "(Debian: apt-get install hunspell hunspell-nl hunspell-en-gb)")
    return command


def available_dictionaries() -> set[str]:
    """The locales whose dictionary Hunspell finds ({"nl", "en"} on a machine set up by make)."""
    listed = subprocess.run([hunspell_command(), "-D"], input="", capture_output=True, text=True)
    paths = [row.strip() for row in (listed.stdout + listed.stderr).splitlines()]
    return {locale for locale, name in DICTIONARIES.items() if any(p.endswith("/" + name) for p in paths)}


def _hunspell(words: list[str], locale: str, mode: str) -> str:
    if locale not in available_dictionaries():
        raise HunspellMissing(f"Hunspell has no {LANGUAGE[locale]} dictionary ({DICTIONARIES[locale]}): "
                              f"`make test` installs it (Debian: apt-get install {DEBIAN_PACKAGES[locale]})")
    # `^` before each line in pipe mode: Hunspell never reads a line as one of its commands.
    stdin = "".join(("^" if mode == "-a" else "") + w + "\n" for w in words)
    done = subprocess.run([hunspell_command(), mode, "-i", "utf-8", "-d", DICTIONARIES[locale]],
                          input=stdin, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        raise HunspellMissing(f"hunspell failed with the {DICTIONARIES[locale]} dictionary: {done.stderr.strip()}")
    return done.stdout


def unknown(words: Iterable[str], locale: str) -> set[str]:
    """Which of `words` Hunspell does not know (or knows only some parts of)."""
    distinct = sorted(set(words))
    if not distinct:
        return set()
    missing = set(_hunspell(distinct, locale, "-l").split())
    return {w for w in distinct if w in missing or any(part in missing for part in re.split(r"[-/]", w))}


def suggestions(words: Iterable[str], locale: str) -> dict[str, tuple[str, ...]]:
    distinct = sorted(set(words))
    if not distinct:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for word, block in zip(distinct, _hunspell(distinct, locale, "-a").split("\n\n")[: len(distinct)], strict=False):
        offered: list[str] = []
        for row in block.split("\n"):
            if row.startswith("&"):
                offered += [s.strip() for s in row.partition(": ")[2].split(",") if s.strip()]
        found[word] = tuple(dict.fromkeys(offered))
    return found


def _accepted(word: str, locale: str, listed: frozenset[str], unknown_words: set[str]) -> bool:
    if word not in unknown_words or word in listed or word.lower() in listed:
        return True
    if locale == "en" and re.search(r"[’']s$", word):
        stem = word[:-2]
        return stem not in unknown_words or stem in listed or stem.lower() in listed
    parts = [p for p in re.split(r"[-/]", word) if p]
    if len(parts) < 2 or not all(_accepted(p, locale, listed, unknown_words) for p in parts):
        return False
    # English forms compounds with hyphens freely (follow-up); Dutch writes them as one word
    # (klantrelatie, not klant-relatie) except after an abbreviation or a name (MIT-licentie).
    return locale != "nl" or any(p[0].isupper() for p in parts)


_ITALICS = re.compile(r"(?<![*\w])\*(?!\*)([^*]+?)\*(?![*\w])|(?<![_\w])_(?!_)([^_]+?)_(?![_\w])")


def italic_words(text: str) -> set[str]:
    return {w for m in _ITALICS.finditer(text) for w in words(m.group(1) or m.group(2))}


def check(lines: Iterable[Line], wordlists: dict[str, frozenset[str]]) -> list[Miss]:
    """Every word neither Hunspell nor the word list knows, once per line, in file order."""
    by_locale: dict[str, list[tuple[Line, list[str]]]] = {}
    for line in lines:
        by_locale.setdefault(line.locale, []).append((line, words(line.text)))
    # Dutch terms in italics in English text: the Dutch dictionary's to judge.
    dutch_in_english = [(line, w) for line, _ in by_locale.get("en", []) if line.locale == "en"
                        for w in italic_words(line.text)]
    if dutch_in_english:
        not_dutch = unknown({w for _, w in dutch_in_english}, "nl")
        dutch = {(line, w) for line, w in dutch_in_english if w not in not_dutch}
    else:
        dutch = set()
    misses: list[Miss] = []
    for locale, group in by_locale.items():
        listed = wordlists.get(locale, frozenset())
        candidates = {w for _, ws in group for w in ws}
        # Stems and parts are asked too, so that _accepted can judge compounds and possessives.
        extra = {p for w in candidates for p in re.split(r"[-/]", w) if p}
        extra |= {w[:-2] for w in candidates if locale == "en" and re.search(r"[’']s$", w)}
        not_known = unknown(candidates | extra, locale)
        wrong = [(line, w) for line, ws in group for w in dict.fromkeys(ws)
                 if not _accepted(w, locale, listed, not_known) and (line, w) not in dutch]
        offered = suggestions({w for _, w in wrong}, locale)
        misses += [Miss(line, w, offered.get(w, ())) for line, w in wrong]
    misses.sort(key=lambda m: (m.line.file, m.line.line))
    return misses
