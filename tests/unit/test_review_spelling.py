"""Spelling in both languages through Hunspell: a misspelt word fails with its file, line, field,
the word and suggestions; the project word list, Dutch terms in italics in English text,
possessives, compounds, code, URLs and ids pass."""

import pytest
from review_support import hunspell, require_hunspell, write_docs  # noqa: F401  (hunspell is a fixture)

from guide.review import run, spelling

DUTCH = """---
title: "Een afsrpaak maken"
---
# Een afsrpaak maken

De klannt belt. Zie `klannt` en [de link](https://x.example/klannt) en {#klannt}.
Eén zin met zo’n ’s avonds, IT-consultant en een Pixelwerf-offerte.
Een goede klant-relatie.
"""
ENGLISH = """---
title: "Make an appointment"
source_hash: "000000000000"
checklists:
  - id: lijst
    title: "A list"
    kind: read-do
    moment: "Before"
    items:
      - id: a
        text: "Ask if you recieve it."
      - id: b
        text: "Ask about the client’s *vertrouwen* and the clients’ goodwill."
      - id: c
        text: "Ask about vertrouwen without italics."
---
# Make an appointment

Lotte and Daan agree.
"""


@pytest.fixture
def docs(tmp_path, hunspell):  # noqa: F811
    return write_docs(tmp_path, {"afspraak.md": DUTCH, "afspraak.en.md": ENGLISH,
                                 ".wordlist.nl.txt": "# names\nPixelwerf\nEén\n", ".wordlist.en.txt": "Lotte\nDaan\n"})


def spelling_messages(docs):
    return [m for m in run.review(docs, docs.parent) if ": spelling: " in m]


def test_misspelt_words_with_file_line_field_and_suggestions(docs):
    assert spelling_messages(docs) == [
        "docs/afspraak.en.md:11: checklists[0].items[0].text: spelling: 'recieve' is not in the English dictionary "
        "(suggestions: receive, relieve, reverie); if it is right, add it to docs/.wordlist.en.txt",
        "docs/afspraak.en.md:15: checklists[0].items[2].text: spelling: 'vertrouwen' is not in the English dictionary "
        "(suggestions: venturous); if it is right, add it to docs/.wordlist.en.txt",
        "docs/afspraak.md:2: title: spelling: 'afsrpaak' is not in the Dutch dictionary (suggestions: afspraak); "
        "if it is right, add it to docs/.wordlist.nl.txt",
        "docs/afspraak.md:4: spelling: 'afsrpaak' is not in the Dutch dictionary (suggestions: afspraak); "
        "if it is right, add it to docs/.wordlist.nl.txt",
        "docs/afspraak.md:6: spelling: 'klannt' is not in the Dutch dictionary (suggestions: klant); "
        "if it is right, add it to docs/.wordlist.nl.txt",
        "docs/afspraak.md:8: spelling: 'klant-relatie' is not in the Dutch dictionary (suggestions: klant relatie); "
        "if it is right, add it to docs/.wordlist.nl.txt",
    ]


def test_a_word_list_entry_accepts_the_word(docs):
    (docs / ".wordlist.nl.txt").write_text("Pixelwerf\nEén\nafsrpaak  # a test\nklannt\n", encoding="utf-8")
    assert [m.split(": spelling: ")[1][:10] for m in spelling_messages(docs)] == ["'recieve' ", "'vertrouwe", "'klant-rel"]


@pytest.mark.parametrize("text, words", [
    # text                                  # the words the spelling check asks about
    ("zo’n ’s avonds", ["zo’n", "’s", "avonds"]),
    ("e-mail en/of A4 2026", ["e-mail", "en/of"]),
    ("**één** *wél*", ["één", "wél"]),
])
def test_words(text, words):
    assert spelling.words(text) == words


def test_missing_hunspell_says_what_to_install(monkeypatch):
    monkeypatch.setattr(spelling.shutil, "which", lambda name: None)
    with pytest.raises(spelling.HunspellMissing) as raised:
        spelling.check([], {})  # nothing to check: no error
        spelling.hunspell_command()
    assert str(raised.value) == ("the hunspell command is missing: `make test` installs it "
                                 "(Debian: apt-get install hunspell hunspell-nl hunspell-en-gb)")


def test_a_missing_dictionary_skips_and_with_ci_fails(monkeypatch):
    monkeypatch.setattr(spelling, "available_dictionaries", lambda: {"nl"})
    expected = "Hunspell has no dictionary for en (make test installs hunspell hunspell-nl hunspell-en-gb)"
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_hunspell()
    assert str(skipped.value) == expected
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        require_hunspell()
    assert str(failed.value) == expected + "; CI=true forbids skipping the spelling tests"
