"""One search index per language, with the words readers type and results a few lines long.

Material's search loads `search/search_index.json` below the page's base. mkdocs-static-i18n
writes one index holding every language, so a Dutch reader would find English pages and the
other way round. `split` divides that index: the Dutch part stays at the root, the English part
goes to `en/search/search_index.json` with locations relative to `en/` (the English pages point
the theme's base there, see overrides/main.html).

The theme turns every word of a query into a prefix (`factuur` becomes `factuur*`), and lunr
runs no stemmer on a prefix: a stemmed index would hold `factur` and never match `factuur*`
(PLATFORM-NOTES: the Dutch stemmer made such queries worse; measured again here, it loses
queries in both languages). So the index keeps the guide's own words and `finished` adds,
per section, in a field readers never see, the other forms and synonyms of the words it uses,
from `docs/.search-words.<locale>.txt`, and the straight-apostrophe form of a word with ’. It
also splits a long section into parts of a few paragraphs, each one result that leads to its
own paragraph (a text fragment, `#section:~:text=...`), so that a result is a snippet.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from guide.bilingual.locales import CODES, DEFAULT
from guide.content import source

WORDS_FIELD = "words"  # the index field with the added words; the theme shows only title and text
PART_LENGTH = 500  # characters of text a part holds at most, unless one sentence is longer
LATER_PART_BOOST = 0.5


def split(index: dict) -> dict[str, dict]:
    """Split a combined index into {locale: index}, dropping entries that occur twice."""
    parts: dict[str, dict] = {}
    for code in CODES:
        config = dict(index.get("config", {}), lang=[code])
        parts[code] = {"config": config, "docs": []}
    seen: set[tuple[str, str]] = set()
    for entry in index.get("docs", []):
        code, location = _locale_and_location(entry["location"])
        if (code, location) in seen:
            continue
        seen.add((code, location))
        parts[code]["docs"].append(dict(entry, location=location))
    return parts


def _locale_and_location(location: str) -> tuple[str, str]:
    for code in CODES:
        if code != DEFAULT.code and location.startswith(f"{code}/"):
            return code, location[len(code) + 1 :]
    return DEFAULT.code, location


# -- the words readers type ---------------------------------------------------------------------

class SearchWordsError(ValueError):
    """A line of a search-words file that cannot be used, as `file:line: why`."""


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Group:
    """Words that find each other: a section using one of them is found by every other."""

    words: tuple[str, ...]  # lower case; a word may be a phrase ("te laat betalen") or hold a ' (client's)


class _Finder:
    """Which groups each of many texts uses. A plain word is used when it is one of the text's
    words; anything else (a phrase, a word with ') when it occurs with word boundaries around
    it, which needs each of its own words among the text's: only then is it searched for."""

    def __init__(self, groups: list[Group]):
        self.groups = groups
        self._plain: dict[str, list[int]] = {}  # word -> the groups it is in
        self._other: dict[str, list[tuple[frozenset[str], re.Pattern, int]]] = {}  # by its first word
        for n, group in enumerate(groups):
            for word in group.words:
                if _WORD.fullmatch(word):
                    self._plain.setdefault(word, []).append(n)
                    continue
                own = _WORD.findall(word)
                pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
                self._other.setdefault(own[0] if own else "", []).append((frozenset(own), pattern, n))

    def used_in(self, text: str) -> list[Group]:
        """The groups `text` (lower case) uses a word of, in their order."""
        words = set(_WORD.findall(text))
        used: set[int] = set()
        for word in words.intersection(self._plain):
            used.update(self._plain[word])
        firsts = words.intersection(self._other)
        if "" in self._other:  # a "phrase" without a word of its own
            firsts.add("")
        for first in firsts:
            used.update(n for own, pattern, n in self._other[first]
                        if n not in used and own <= words and pattern.search(text))
        return [self.groups[n] for n in sorted(used)]


def words_path(docs: Path, locale: str) -> Path:
    return docs / f".search-words.{locale}.txt"


def read_groups(path: Path, shown: str) -> list[Group]:
    """One group a line, its words separated by commas; `#` starts a comment. Read as pages are
    (a byte-order mark dropped, any line ends), with the same error for a file that is not UTF-8."""
    if not path.exists():
        return []
    try:
        text = source.read(path, shown)
    except source.SourceError as error:
        raise SearchWordsError(str(error)) from None
    groups = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = tuple(w.strip().lower().replace("’", "'") for w in line.split(","))
        if any(not w for w in words):
            raise SearchWordsError(f"{shown}:{number}: an empty word (two commas in a row, or one at an end)")
        if len(words) < 2:
            raise SearchWordsError(f"{shown}:{number}: '{line}' is one word: a group needs two or more, "
                                   "separated by commas")
        groups.append(Group(words))
    return groups


_TAG = re.compile(r"<[^>]+>")
_CURLY_WORD = re.compile(r"\w+’\w+")


def plain(text: str) -> str:
    """An entry's text as a reader reads it: without tags, entities resolved, one space."""
    # str.split() knows the same white space as the pattern \s, at a third of its cost.
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def search_words(title: str, text: str, finder: _Finder) -> str:
    """The words a section is also found by: the rest of each group it uses a word of, and each
    word with ’ as readers type it (client's, zo'n). `title` and `text` as a reader reads them."""
    reading = f"{title} {text}".lower()
    found: list[str] = []
    for group in finder.used_in(reading.replace("’", "'")):
        found += [w for w in group.words if w not in found]
    if "’" in reading:
        found += sorted({w.replace("’", "'") for w in _CURLY_WORD.findall(reading)})
    return " ".join(found)


def finished(index: dict, groups: list[Group], length: int = PART_LENGTH) -> dict:
    """The index as readers search it: long sections in parts of a few paragraphs, and every
    entry with its search words in the field readers never see."""
    finder = _Finder(groups)
    docs = []
    for entry, reading in _in_parts(index["docs"], length):
        words = search_words(plain(entry.get("title", "")), reading, finder)
        docs.append(dict(entry, **{WORDS_FIELD: words}) if words else entry)
    fields = dict(index["config"].get("fields", {}))
    fields.setdefault(WORDS_FIELD, {"boost": 10.0})
    return {"config": dict(index["config"], fields=fields), "docs": docs}


# -- results a few lines long -------------------------------------------------------------------

_BLOCK = re.compile(r"<(/?)(p|ul|ol)\b[^>]*>")


def blocks(text: str) -> list[str]:
    """The top-level paragraphs and lists of an entry's text (lists may nest)."""
    found, depth, start = [], 0, 0
    for tag in _BLOCK.finditer(text):
        closing = tag.group(1) == "/"
        if not closing:
            if depth == 0:
                if text[start:tag.start()].strip():
                    found.append(text[start:tag.start()].strip())
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found.append(text[start:tag.end()].strip())
                start = tag.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def _in_parts(entries: list[dict], length: int) -> Iterator[tuple[dict, str]]:
    """The entries with every section longer than `length` characters split into parts, each
    with its text as a reader reads it. The first part keeps the section's address, each later
    one leads to its first words on the page (a text fragment: browsers without them open the
    page at its top)."""
    read = [plain(entry.get("text", "")) for entry in entries]
    pages: dict[str, list[str]] = {}
    for entry, text in zip(entries, read, strict=True):
        pages.setdefault(entry["location"].split("#")[0], []).append(text)
    page_texts = {page: " " + " ".join(texts) for page, texts in pages.items()}
    for entry, text in zip(entries, read, strict=True):
        # Blocks are joined with one space as they are read: a text that short is one part.
        parts = _parts(blocks(entry.get("text", "")), length) if len(text) > length else []
        if len(parts) < 2:
            yield entry, text
            continue
        page, _, anchor = entry["location"].partition("#")
        yield dict(entry, text=parts[0][0]), parts[0][1]
        for part, reading in parts[1:]:
            location = f"{page}#{anchor}:~:text={_start(reading, page_texts[page])}"
            # Every part carries the section's title; where only the title matches, the later
            # parts rank below the first and the theme folds them under "n more on this page".
            boost = entry.get("boost", 1) * LATER_PART_BOOST
            yield dict(entry, location=location, text=part, boost=boost), reading


def _parts(found: list[str], length: int) -> list[tuple[str, str]]:
    """The blocks joined into parts of at most `length` characters, each as (its HTML, as a
    reader reads it); a longer block is split."""
    parts: list[tuple[str, str]] = []
    for piece in (p for block in found for p in _pieces(block, length)):
        reading = plain(piece)
        if parts and len(parts[-1][1]) + 1 + len(reading) <= length:
            parts[-1] = (parts[-1][0] + " " + piece, parts[-1][1] + " " + reading)
        else:
            parts.append((piece, reading))
    return parts


_LIST = re.compile(r"\A<(ul|ol)\b[^>]*>(.*)</\1>\Z", re.S)
_PARAGRAPH = re.compile(r"\A<p\b[^>]*>(.*)</p>\Z", re.S)
_SENTENCE_END = re.compile(r"(?<=[.?!…:])\s+(?=[‘“(]?[A-ZÀ-Ý0-9])")


def _pieces(block: str, length: int) -> list[str]:
    """A block short enough as it is; a longer list as lists of its items, a longer paragraph
    (or text without tags, as the components' entries are) as its sentences."""
    if len(block) <= length or len(plain(block)) <= length:  # the first: no tag, entity or space to drop
        return [block]
    listed = _LIST.match(block)
    if listed:
        tag, inner = listed.groups()
        return [f"<{tag}>{item}</{tag}>" for item in _items(inner)]
    paragraph = _PARAGRAPH.match(block)
    if paragraph:
        return [f"<p>{s}</p>" for s in _SENTENCE_END.split(paragraph.group(1))]
    if "<" in block:  # markup this does not know how to cut: keep it whole
        return [block]
    return _SENTENCE_END.split(block)


def _items(inner: str) -> list[str]:
    """The top-level <li> of a list's inside (nested lists stay in their item)."""
    items, depth, start = [], 0, None
    for tag in re.finditer(r"<(/?)li\b[^>]*>", inner):
        if tag.group(1) != "/":
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                items.append(inner[start:tag.end()])
    return items or [inner]


def _start(text: str, page: str, least: int = 4, most: int = 12) -> str:
    """A text directive for the first words of `text`: as few as make it unique on the page."""
    words = text.split()
    for count in range(min(least, len(words)), min(most, len(words)) + 1):
        start = " ".join(words[:count])
        if page.count(start) == 1:
            break
    # A text directive's own syntax characters (- , &) must be encoded, as must everything quote() would.
    return quote(start, safe="").replace("-", "%2D")
