"""Synthetic bilingual guides of any size, built with the real configuration, hooks and theme.

Every page is a Dutch file and its English translation (stamped as current), about 800 words
in three sections with a table and links to its neighbours, one checklist (5 items, inline
Markdown and a link) and, on every 10th page, a conversation sheet. Ids follow the content
model: checklist ids are unique across the site, each sheet sits on its own page with its own
id, and both languages use the same ids. The navigation is a tree of parts (10 chapters) and
chapters (10 pages), as a large guide would have; with navigation.prune a page then only
carries its own branch. The guide's own search words (docs/.search-words.*.txt) come along.

Text comes from a seeded generator: the same size always gives the same site.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
from guide.content.translations import source_hash  # noqa: E402  (the hooks' own package)

SHEET_EVERY = 10
CHAPTER, PART = 10, 10  # pages per chapter, chapters per part

WORDS = {
    "nl": ("klant samenwerking gesprek vertrouwen afspraak doel project factuur planning vraag "
           "antwoord voorstel belang relatie werk tijd resultaat richting offerte budget team "
           "overleg gunning verwachting grens kwaliteit levering feedback toon ruimte keuze").split(),
    "en": ("client collaboration conversation trust agreement goal project invoice schedule "
           "question answer proposal interest relationship work time result direction quote "
           "budget team meeting goodwill expectation boundary quality delivery feedback tone "
           "room choice").split(),
}
LABELS = {
    "nl": {"page": "Pagina", "section": "Onderdeel", "list": "Lijst", "item": "Doe", "sheet": "Blad",
           "next": "Volgende pagina", "moment": "Na het lezen", "prev": "Vorige pagina"},
    "en": {"page": "Page", "section": "Section", "list": "List", "item": "Do", "sheet": "Sheet",
           "next": "Next page", "moment": "After reading", "prev": "Previous page"},
}


def _sentence(rng: random.Random, words: list[str]) -> str:
    chosen = [rng.choice(words) for _ in range(rng.randint(8, 16))]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(_sentence(rng, words) for _ in range(rng.randint(4, 6)))


def page_name(n: int) -> str:
    return "index.md" if n == 1 else f"p{n:04d}.md"


def _front(n: int, locale: str, count: int) -> str:
    t = LABELS[locale]
    other = page_name(n % count + 1)
    items = "".join(
        f"      - id: punt-{i}\n        text: \"{t['item']} **{i}** ([{t['next']}]({other}))\"\n"
        + (f"        hint: \"{t['moment']}.\"\n" if i % 2 else "")
        for i in range(1, 6)
    )
    front = (
        f"title: \"{t['page']} {n}\"\n"
        f"description: \"{t['page']} {n} of the synthetic benchmark guide.\"\n"
        "checklists:\n"
        f"  - id: lijst-{n:04d}\n"
        f"    title: \"{t['list']} {n}\"\n"
        f"    kind: {'read-do' if n % 2 else 'do-confirm'}\n"
        f"    moment: \"{t['moment']}\"\n"
        "    items:\n" + items
    )
    if n % SHEET_EVERY == 0:
        sections = "".join(
            f"    - id: vak-{i}\n      heading: \"{t['section']} {i}\"\n"
            f"      prompt: \"{t['section']} {i}?\"\n      lines: {i + 1}\n"
            for i in range(1, 5)
        )
        front += f"sheet:\n  id: blad-{n:04d}\n  title: \"{t['sheet']} {n}\"\n  sections:\n" + sections
    return front


def _body(n: int, locale: str, count: int) -> str:
    t, words = LABELS[locale], WORDS[locale]
    rng = random.Random(f"{locale}-{n}")
    prev_page, next_page = page_name((n - 2) % count + 1), page_name(n % count + 1)
    parts = [f"# {t['page']} {n}", _paragraph(rng, words), f"<!-- checklist: lijst-{n:04d} -->"]
    for s in range(1, 4):
        parts.append(f"## {t['section']} {s} {{#deel-{s}}}")
        parts += [_paragraph(rng, words) for _ in range(3)]
        parts.append("\n".join(f"- {_sentence(rng, words)}" for _ in range(4)))
    rows = "\n".join(f"| {rng.choice(words)} | {rng.choice(words)} |" for _ in range(5))
    parts.append("| a | b |\n|---|---|\n" + rows)
    if n % SHEET_EVERY == 0:
        parts.append(f"<!-- sheet: blad-{n:04d} -->")
    parts.append(f"[{t['prev']}]({prev_page}#deel-1) · [{t['next']}]({next_page})")
    return "\n\n".join(parts) + "\n"


def pages(count: int) -> dict[str, str]:
    """Docs files (relative path -> text) of a guide with `count` pages per language."""
    files = {}
    for n in range(1, count + 1):
        name = page_name(n)
        dutch = f"---\n{_front(n, 'nl', count)}---\n{_body(n, 'nl', count)}"
        english = (f"---\n{_front(n, 'en', count)}source_hash: \"{source_hash(dutch)}\"\n---\n"
                   f"{_body(n, 'en', count)}")
        files[name] = dutch
        files[name.replace(".md", ".en.md")] = english
    return files


def nav_yaml(count: int) -> str:
    lines = ["nav:", "  - index.md"]
    for part_start in range(2, count + 1, CHAPTER * PART):
        lines.append(f"  - Deel {part_start // (CHAPTER * PART) + 1}:")
        for chapter_start in range(part_start, min(part_start + CHAPTER * PART, count + 1), CHAPTER):
            lines.append(f"    - Hoofdstuk {chapter_start // CHAPTER + 1}:")
            lines += [f"      - {page_name(n)}" for n in range(chapter_start, min(chapter_start + CHAPTER, count + 1))]
    return "\n".join(lines) + "\n"


def config(count: int) -> str:
    """The real mkdocs.yml with the synthetic navigation."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, found = re.subn(r"^nav:\n(?:  - .*\n)+", nav_yaml(count), text, flags=re.M)
    assert found == 1, "mkdocs.yml has no nav block to replace"
    return text


def make(target: Path, count: int) -> Path:
    """Writes a project with `count` pages per language into `target`; returns its folder."""
    for name in ("hooks", "overrides", "schema"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    for words in (ROOT / "docs").glob(".search-words.*.txt"):  # the search words work on every section
        shutil.copy(words, target / "docs" / words.name)
    (target / "mkdocs.yml").write_text(config(count), encoding="utf-8")
    for path, text in pages(count).items():
        (target / "docs" / path).write_text(text, encoding="utf-8")
    return target
