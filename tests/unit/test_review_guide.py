"""The guide as it stands passes every review check: spelling in both languages, typography and
checklist craft (make review runs the same). A failure here lists each problem as file:line."""

from pathlib import Path

from review_support import hunspell  # noqa: F401  (a fixture)

from guide.review import run

ROOT = Path(__file__).resolve().parents[2]


def test_typography_and_checklists():
    messages = run.review(ROOT / "docs", ROOT, spell=False)
    assert not messages, "make review found:\n" + "\n".join(messages)


def test_spelling_in_both_languages(hunspell):  # noqa: F811
    messages = [m for m in run.review(ROOT / "docs", ROOT) if ": spelling: " in m]
    assert not messages, "make review found:\n" + "\n".join(messages)


def test_word_lists_are_sorted_within_their_sections_and_hold_no_duplicates():
    for name in (".wordlist.nl.txt", ".wordlist.en.txt"):
        words = [w.split("#")[0].strip() for w in (ROOT / "docs" / name).read_text(encoding="utf-8").splitlines()]
        words = [w for w in words if w]
        assert len(words) == len(set(words)), name
