"""Checklist craft: what makes a checklist usable at the moment it is for (Gawande's rules, as
the guide applies them). Each list has 3 to 9 items; each item is at most 25 words (the rest
belongs in its hint); and each item starts the way its list's kind demands:

- read-do: the reader does each item as they read it, so an item is an instruction and starts
  with a verb (‘Schrijf …’, ‘Ask …’, ‘Zit de agenda vol, stel dan …’, ‘If …, suggest …’);
  it must not start with a word that starts a statement: a pronoun, an article, a determiner;
- do-confirm: the reader did the work from memory and now confirms it, so an item is a
  statement and starts with its subject or a phrase of time or place (‘Ik heb …’, ‘The client
  …’, ‘Na elke wens …’); a statement about a noun (‘Facturen worden …’) is a justified
  exception, listed in docs/.review-exceptions.txt;
- self-check: the reader ticks what is true of their situation, so an item is a statement too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guide.content import frontmatter

MIN_ITEMS, MAX_ITEMS = 3, 9
# The kinds whose items are statements, with what such an item does.
STATEMENT_KINDS = {"do-confirm": "states what is done", "self-check": "states what may be true"}
MAX_WORDS = 25

# Words that start a statement (subject pronouns, articles, determiners, "there is"):
# never the first word of an instruction, and the usual first word of a confirmation.
STATEMENT_STARTS = {
    "nl": {"ik", "je", "jij", "jouw", "jullie", "we", "wij", "mijn", "ons", "onze", "de", "het", "een",
           "er", "die", "dit", "dat", "deze", "hij", "zij", "ze", "u", "men", "alle", "elke", "iedereen"},
    "en": {"i", "i’m", "i’ve", "i’d", "i’ll", "we", "we’ve", "we’re", "you", "you’ve", "your", "my", "our",
           "the", "a", "an", "it", "it’s", "they", "their", "there", "this", "that", "these", "he", "she",
           "every", "each", "all", "everyone", "nobody", "no"},
}
# A confirmation may also open with when or where something happened.
CONFIRMATION_OPENERS = {
    "nl": {"over", "na", "bij", "tijdens", "sinds", "voor", "in", "op", "als", "toen", "nu"},
    "en": {"after", "before", "during", "since", "in", "at", "on", "when", "now"},
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    rule: str  # items, words, first-word
    what: str  # checklist id, or checklist id/item id
    text: str

    def message(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: checklist: {self.text}"


def _plain(markdown: str) -> str:
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    return re.sub(r"[*_`\[\]]", "", text)


def first_word(text: str) -> str:
    found = re.search(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", _plain(text))
    return found.group(0) if found else ""


def word_count(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", _plain(text)))


def check_page(page: frontmatter.FrontMatter, file: str, locale: str) -> list[Problem]:
    problems = []
    for n, checklist in enumerate(page.data.get("checklists") or []):
        if not isinstance(checklist, dict):
            continue
        items = [i for i in checklist.get("items") or [] if isinstance(i, dict)]
        cid, kind = checklist.get("id", f"checklists[{n}]"), checklist.get("kind")
        where = ("checklists", n, "items")
        if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
            problems.append(Problem(file, page.line(where), frontmatter.format_path(where), "items", cid,
                                    f"'{cid}' has {len(items)} items; a checklist has {MIN_ITEMS} to {MAX_ITEMS} "
                                    f"(split it by moment, or leave out what a reader does anyway)"))
        for m, item in enumerate(items):
            text = item.get("text")
            if not isinstance(text, str):
                continue
            path = ("checklists", n, "items", m, "text")
            at = dict(file=file, line=page.line(path), field=frontmatter.format_path(path),
                      what=f"{cid}/{item.get('id')}")
            words = word_count(text)
            if words > MAX_WORDS:
                problems.append(Problem(rule="words", text=f"{words} words; an item has at most {MAX_WORDS} "
                                        f"(move the explanation to its hint)", **at))
            word = first_word(text)
            lower = word.lower()
            if kind == "read-do" and lower in STATEMENT_STARTS[locale]:
                problems.append(Problem(rule="first-word", text=(
                    f"a read-do item is an instruction and starts with what to do, not with '{word}' "
                    f"({'Schrijf, Vraag, Controleer …' if locale == 'nl' else 'Write, Ask, Check …'})"), **at))
            elif kind in STATEMENT_KINDS and lower not in STATEMENT_STARTS[locale] | CONFIRMATION_OPENERS[locale]:
                examples = "Ik heb …, De klant …, Na …" if locale == "nl" else "I have …, The client …, After …"
                problems.append(Problem(rule="first-word", text=(
                    f"a {kind} item {STATEMENT_KINDS[kind]} and starts with who or what it is about, not with "
                    f"'{word}' ({examples}); a statement about a noun is an exception to list"), **at))
    return problems
